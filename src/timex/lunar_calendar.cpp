#include "timex/lunar_calendar.hpp"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <cmath>
#include <map>
#include <memory>
#include <string>

namespace chronograph::timex {

namespace {

constexpr double kMsPerDay = 86400000.0;

/// One ICU calendar per kind and thread: making one loads its rules, and a Calendar is not
/// safe to share between threads.
icu::Calendar* calendar_of(std::string_view name) {
    thread_local std::map<std::string, std::unique_ptr<icu::Calendar>, std::less<>> calendars;
    if (auto it = calendars.find(name); it != calendars.end()) return it->second.get();
    UErrorCode status = U_ZERO_ERROR;
    const std::string locale = "en@calendar=" + std::string(name);
    std::unique_ptr<icu::Calendar> c(icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(), icu::Locale(locale.c_str()), status));
    // ICU falls back to the Gregorian calendar for a name it does not know.
    if (U_FAILURE(status) || !c || std::string_view(c->getType()) != name) c.reset();
    return calendars.emplace(std::string(name), std::move(c)).first->second.get();
}

}  // namespace

std::optional<Day> lunar_calendar_day(std::string_view calendar, int month, int day, int gregorian_year) {
    icu::Calendar* c = calendar_of(calendar);
    if (!c || month < 1 || month > 13 || day < 1 || day > 30 || gregorian_year < 1 || gregorian_year > 9999) return std::nullopt;
    UErrorCode status = U_ZERO_ERROR;
    const Day jan1 = Day{date::year{gregorian_year} / 1 / 1};
    c->clear();
    c->setTime(static_cast<double>(jan1.time_since_epoch().count()) * kMsPerDay, status);
    const int32_t first_year = c->get(UCAL_EXTENDED_YEAR, status);
    if (U_FAILURE(status)) return std::nullopt;
    // That calendar's year holding January 1, then the next: the holiday of the first that
    // falls in the Gregorian year (an Islamic year is 11 days shorter, so there may be two).
    for (int32_t y = first_year; y <= first_year + 1; ++y) {
        c->clear();
        c->set(UCAL_EXTENDED_YEAR, y);
        c->set(UCAL_MONTH, month - 1);
        c->set(UCAL_DATE, day);
        const double ms = c->getTime(status);
        if (U_FAILURE(status)) return std::nullopt;
        const Day d{date::days{static_cast<long>(std::floor(ms / kMsPerDay))}};
        const int gy = static_cast<int>(date::year_month_day{d}.year());
        if (gy == gregorian_year) return d;
        if (gy > gregorian_year) break;
    }
    return std::nullopt;
}

}  // namespace chronograph::timex
