// Calendar arithmetic in TIMEX3 terms: the value of the year/quarter/month/week/day that
// contains a day, moving by whole units, durations, and the calendar days a value and
// mod cover. Conventions (also in README.md, "Temporal expressions"):
//  - seasons are meteorological, northern hemisphere: SP Mar-May, SU Jun-Aug, FA Sep-Nov,
//    WI Dec of the year to Feb of the next ("1994-WI" = 1994-12-01..1995-02-28);
//  - a decade "199" is 1990-1999, a century "19" is 1900-1999 (TIMEX3's "19XX");
//  - mod START / MID / END keep the first / middle / last third of the interval (whole
//    months when it spans three months or more, else whole days): mid-2026 = May-Aug 2026;
//  - mod APPROX widens the interval by half its length on each side (at least one day);
//  - the other mods (BEFORE, AFTER, ...) keep the interval of the expression itself.
#pragma once

#include "chronograph/types.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace chronograph::timex {

enum class Unit { Year, Half, Quarter, Month, Week, Weekend, Day, Decade, Century };

std::optional<Unit> parse_unit(std::string_view name);

/// v in decimal, zero-padded to `width` characters, sign included ("%0*lld"): 7 -> "0007".
std::string pad(long long v, int width);
/// A whole number in decimal, else the shortest "%g" form: 18 -> "18", 1.5 -> "1.5".
std::string number_text(double v);

/// ISO weekday, 1 = Monday ... 7 = Sunday.
int iso_weekday(Day d);
/// Easter Sunday of year y in the Gregorian calendar (the Western churches' date).
Day easter_sunday(int y);
/// The value of the `u` containing d: "2025", "2025-H1", "2025-Q2", "2025-04", "2025-W18",
/// "2025-W18-WE", "2025-04-30", "202", "20".
std::string format_at(Day d, Unit u);
/// The value of `u` with nothing known: "XXXX", "XXXX-QX", "XXXX-WXX", ...
std::string unanchored(Unit u);
/// d moved by n units (months clamp to the month's last day: Jan 31 + 1 month = Feb 28).
Day shift(Day d, Unit u, long n);

/// "2025-04-30", "2025-04", "2025", "2025-W18", "2025-Q3", "2025-H1", "2025-SU", "199",
/// "19", "2025-04-29TMO", "PRESENT_REF" (the DCT) ... -> the days they cover, adjusted by
/// `mod`. nullopt for durations, sets, PAST_REF/FUTURE_REF and underspecified values.
std::optional<TimeInterval> interval_of(std::string_view value, std::string_view mod, std::optional<Day> dct);

/// TIMEX3 duration: amount ("18", "1.5", "X") and unit code ("Y", "M", "W", "D", "H", "MIN",
/// "S", "Q", or a multiple such as "10Y" for a decade). Fractions go down to the next unit
/// when that makes them whole: 1.5 years -> P18M, 1.5 days -> PT36H, 2.5 hours -> PT150M.
std::string duration_value(std::string_view amount, std::string_view unit);

}  // namespace chronograph::timex
