// Human captions for TIMEX3 values, shared by the graph and the timeline views.
#include "chronograph/graph.hpp"

#include <cctype>

namespace chronograph {
namespace {

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

int number(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

std::string ordinal(int n) {
    const char* suffix = "th";
    if (n % 100 < 11 || n % 100 > 13) {
        if (n % 10 == 1) suffix = "st";
        else if (n % 10 == 2) suffix = "nd";
        else if (n % 10 == 3) suffix = "rd";
    }
    return std::to_string(n) + suffix;
}

/// "2025-04-30" -> "30 Apr 2025", "2024-06" -> "Jun 2024", "2026" -> "2026", "201" ->
/// "2010s", "19" -> "20th century", "2025-W18" -> "week 18 of 2025"; "" if not a calendar value.
std::string describe_value(std::string_view v) {
    if (v.size() == 10 && all_digits(v.substr(0, 4)) && v[4] == '-' && all_digits(v.substr(5, 2)) && v[7] == '-' && all_digits(v.substr(8, 2))) {
        const int m = number(v.substr(5, 2));
        if (m >= 1 && m <= 12) return std::to_string(number(v.substr(8, 2))) + " " + kMonths[m - 1] + " " + std::string(v.substr(0, 4));
    }
    if (v.size() == 7 && all_digits(v.substr(0, 4)) && v[4] == '-') {
        if (all_digits(v.substr(5, 2))) {
            const int m = number(v.substr(5, 2));
            if (m >= 1 && m <= 12) return std::string(kMonths[m - 1]) + " " + std::string(v.substr(0, 4));
        }
        if (v[5] == 'Q' && v[6] >= '1' && v[6] <= '4') return "Q" + std::string(1, v[6]) + " " + std::string(v.substr(0, 4));
        if (v.substr(5) == "SU") return "summer " + std::string(v.substr(0, 4));
        if (v.substr(5) == "WI") return "winter " + std::string(v.substr(0, 4));
        if (v.substr(5) == "SP") return "spring " + std::string(v.substr(0, 4));
        if (v.substr(5) == "FA") return "autumn " + std::string(v.substr(0, 4));
    }
    if (v.size() == 8 && all_digits(v.substr(0, 4)) && v.substr(4, 2) == "-W" && all_digits(v.substr(6, 2)))
        return "week " + std::to_string(number(v.substr(6, 2))) + " of " + std::string(v.substr(0, 4));
    if (v.size() == 4 && all_digits(v)) return std::string(v);
    if (v.size() == 3 && all_digits(v)) return std::string(v) + "0s";
    if (v.size() == 2 && all_digits(v)) return ordinal(number(v) + 1) + " century";
    const std::size_t slash = v.find('/');
    if (slash != std::string_view::npos) {
        const std::string a = describe_value(v.substr(0, slash)), b = describe_value(v.substr(slash + 1));
        if (!a.empty() && !b.empty()) return a + " \xE2\x80\x93 " + b;  // en dash
    }
    if (v == "PRESENT_REF") return "now";
    if (v == "PAST_REF") return "in the past";
    if (v == "FUTURE_REF") return "in the future";
    return "";
}

std::string with_mod(const std::string& mod, std::string text) {
    if (mod == "START") return "early " + text;
    if (mod == "MID") return "mid-" + text;
    if (mod == "END") return "late " + text;
    if (mod == "APPROX") return "c. " + text;
    if (mod == "BEFORE") return "before " + text;
    if (mod == "AFTER") return "after " + text;
    if (mod == "ON_OR_BEFORE") return "by " + text;
    if (mod == "ON_OR_AFTER") return "from " + text;
    if (mod == "LESS_THAN") return "less than " + text;
    if (mod == "MORE_THAN") return "more than " + text;
    return text;
}

}  // namespace

std::string describe_time(const TimeValue& t) {
    std::string text = describe_value(t.value);
    if (text.empty() && t.interval) {
        text = describe_value(format_day(t.interval->earliest));
        if (t.interval->latest != t.interval->earliest) text += " \xE2\x80\x93 " + describe_value(format_day(t.interval->latest));
    }
    if (text.empty()) return t.value.empty() ? "undated" : t.value;
    return with_mod(t.mod, std::move(text));
}

}  // namespace chronograph
