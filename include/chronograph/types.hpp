// Small value types shared by every pipeline stage.
#pragma once

#include <date/date.h>

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace chronograph {

/// A calendar day (Hinnant's date on top of std::chrono).
using Day = date::sys_days;

/// A half-open byte range [start, end) into a document's analysed text.
struct Span {
    std::size_t start = 0;
    std::size_t end = 0;

    std::size_t size() const { return end - start; }
    bool empty() const { return end <= start; }
    bool contains(Span o) const { return start <= o.start && o.end <= end; }
    bool overlaps(Span o) const { return start < o.end && o.start < end; }
    friend bool operator==(Span, Span) = default;
    friend auto operator<=>(Span, Span) = default;
};

/// The calendar days something may have happened on: inclusive [earliest, latest].
struct TimeInterval {
    Day earliest;
    Day latest;

    bool contains(Day d) const { return earliest <= d && d <= latest; }
    bool overlaps(const TimeInterval& o) const { return earliest <= o.latest && o.earliest <= latest; }
    int days() const { return static_cast<int>((latest - earliest).count()) + 1; }
    friend bool operator==(const TimeInterval&, const TimeInterval&) = default;
};

/// A point or stretch of time in TIMEX3 terms: value ("2025-04-30", "2024-06", "2026",
/// "P18M", "PRESENT_REF", "XXXX-WXX-3"), mod ("MID", "APPROX", "START", ...) and the
/// calendar days it covers. An empty value means undated; a relative value that could
/// not be anchored keeps its underspecified form and has no interval.
struct TimeValue {
    std::string value;
    std::string mod;
    std::optional<TimeInterval> interval;

    bool dated() const { return interval.has_value(); }
    friend bool operator==(const TimeValue&, const TimeValue&) = default;
};

/// "YYYY-MM-DD".
std::string format_day(Day d);
/// Parses "YYYY-MM-DD" (exactly); nullopt when malformed or not a real date.
std::optional<Day> parse_day(std::string_view s);

}  // namespace chronograph
