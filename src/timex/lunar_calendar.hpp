// Holidays of the lunar and lunisolar calendars (Islamic, Chinese, Hebrew), through ICU's
// calendars: "Eid al-Fitr" is 1 Shawwal, "Lunar New Year" the Chinese calendar's first day,
// "Yom Kippur" 10 Tishrei. Their Gregorian day moves from year to year.
#pragma once

#include "chronograph/types.hpp"

#include <optional>
#include <string_view>

namespace chronograph::timex {

/// The first day in Gregorian year `gregorian_year` that is day `day` of month `month`
/// (1-based, as ICU numbers that calendar's months plus one) of `calendar`, an ICU calendar
/// name ("islamic-umalqura", "chinese", "hebrew"); nullopt if none falls in that year or
/// the calendar is unknown.
std::optional<Day> lunar_calendar_day(std::string_view calendar, int month, int day, int gregorian_year);

}  // namespace chronograph::timex
