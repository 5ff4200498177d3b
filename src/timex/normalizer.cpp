#include "timex/normalizer.hpp"

#include "timex/calendar.hpp"
#include "timex/lunar_calendar.hpp"

#include <charconv>
#include <cstdio>
#include <cstdlib>

namespace chronograph::timex {

using namespace date;

namespace {

std::optional<long long> to_int(std::string_view s) {
    long long v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return v;
}

int year_of(Day d) { return static_cast<int>(year_month_day{d}.year()); }
int month_of(Day d) { return static_cast<int>(static_cast<unsigned>(year_month_day{d}.month())); }
int day_of(Day d) { return static_cast<int>(static_cast<unsigned>(year_month_day{d}.day())); }

enum class Mode { Tense, This, Last, Next, Past, Future, Nearest };

std::optional<Mode> parse_mode(std::string_view s) {
    if (s == "tense") return Mode::Tense;
    if (s == "this") return Mode::This;
    if (s == "last") return Mode::Last;
    if (s == "next") return Mode::Next;
    if (s == "past") return Mode::Past;
    if (s == "future") return Mode::Future;
    if (s == "nearest") return Mode::Nearest;
    return std::nullopt;
}

/// Which year a recurring part of the year (month, quarter, season...) falls in, given
/// where the anchor is: `target` and `current` are positions in the year (any consistent
/// scale, e.g. month number or month*31+day), `cycle` the scale's length.
/// Mode::Tense takes the occurrence nearest the anchor (news mostly speak of the months
/// around their date: "payable Jan. 2" in November is next January), and moves it a year
/// only when the tense plainly says the other way: a past event more than `margin` ahead
/// of the anchor, or a future one more than a third of `margin` behind it (future cues,
/// "will", are surer than past ones, "-ed").
int year_for(int anchor_year, int target, int current, int cycle, Mode mode, Tense tense, int margin) {
    const int d = target - current;
    const int nearest = 2 * d > cycle ? anchor_year - 1 : -2 * d > cycle ? anchor_year + 1 : anchor_year;
    switch (mode) {
        case Mode::This: return anchor_year;
        case Mode::Last: return target < current ? anchor_year : anchor_year - 1;
        case Mode::Next: return target > current ? anchor_year : anchor_year + 1;
        case Mode::Past: return target <= current ? anchor_year : anchor_year - 1;
        case Mode::Future: return target >= current ? anchor_year : anchor_year + 1;
        case Mode::Nearest: return nearest;
        case Mode::Tense: {
            const int offset = d + (nearest - anchor_year) * cycle;  // signed distance to the nearest one
            if (tense == Tense::Past && offset > margin) return nearest - 1;
            if (tense == Tense::Future && offset < -(margin / 3)) return nearest + 1;
            return nearest;
        }
    }
    return anchor_year;
}

class Functions {
public:
    Functions(EvalState& st) : st_(st) {}

    std::string call(std::string_view fn, const std::vector<std::string>& a) {
        auto need = [&](std::size_t n) {
            if (a.size() < n) st_.failed = true;
            return a.size() >= n;
        };
        if (fn == "shift" || fn == "rshift") {
            if (!need(2)) return {};
            // A third argument writes the day found at another unit: {shift year -25 month},
            // "25 years ago this month".
            if (a.size() > 2) {
                const auto grain = parse_unit(a[2]);
                if (!grain) return fail();
                return shift_fn(a[0], a[1], fn == "rshift", false, grain);
            }
            return shift_fn(a[0], a[1], fn == "rshift");
        }
        if (fn == "weekday" || fn == "rweekday") {  // {weekday W MODE [DAYS]}: DAYS moves the day found
            if (!need(2)) return {};
            return weekday_fn(a[0], a[1], fn == "rweekday", a.size() > 2 ? number(a[2]).value_or(0) : 0);
        }
        if (fn == "weekend") return need(1) ? weekend_fn(a[0]) : std::string{};
        if (fn == "weekof") return need(3) ? week_of_fn(a[0], a[1], a[2]) : std::string{};
        if (fn == "periodshift") return need(2) ? period_shift_fn(a[0], a[1], a.size() > 2 && a[2] == "ref") : std::string{};
        if (fn == "lastquarter") return last_quarter_fn();
        if (fn == "pastmidnight") return past_midnight_fn();
        if (fn == "yearquarter") return need(1) ? year_quarter_fn(a[0]) : std::string{};
        if (fn == "nthweekday") {  // {nthweekday M W N MODE [DAYS]}: DAYS moves the day found
            if (!need(4)) return {};
            return nth_weekday_fn(a[0], a[1], a[2], a[3], a.size() > 4 ? number(a[4]).value_or(0) : 0);
        }
        if (fn == "easter") return need(2) ? easter_fn(a[0], a[1]) : std::string{};
        if (fn == "lunar") return need(4) ? lunar_fn(a[0], a[1], a[2], a[3]) : std::string{};
        if (fn == "nthweek" || fn == "nthweekend") {
            // a month's Nth week: the ISO week of its Nth Thursday, as ISO counts weeks; its
            // Nth weekend: the one of its Nth Saturday
            if (!need(3)) return {};
            const bool weekend = fn == "nthweekend";
            const std::string day = nth_weekday_fn(a[0], weekend ? "6" : "4", a[1], a[2]);
            if (st_.failed || !st_.dct) return st_.failed ? std::string{} : weekend ? "XXXX-WXX-WE" : "XXXX-WXX";
            const auto d = parse_day(day);
            return d ? format_at(*d, weekend ? Unit::Weekend : Unit::Week) : fail();
        }
        if (fn == "month") return need(2) ? month_fn(a[0], a[1], a.size() > 2 ? a[2] : std::string{}) : std::string{};
        if (fn == "rday") return need(1) ? ref_month_day_fn(a[0]) : std::string{};
        if (fn == "mday") return need(2) ? month_day_near_fn(a[0], a[1]) : std::string{};
        if (fn == "monthday") {  // {monthday M D MODE [W]}, or {monthday MM-DD MODE}
            if (a.size() == 2 && a[0].size() == 5 && a[0][2] == '-') return monthday_fn(a[0].substr(0, 2), a[0].substr(3), a[1]);
            return need(3) ? monthday_fn(a[0], a[1], a[2], a.size() > 3 ? a[3] : std::string{}) : std::string{};
        }
        if (fn == "season") return need(2) ? season_fn(a[0], a[1], a.size() > 2 ? a[2] : "1") : std::string{};
        if (fn == "quarter") return need(2) ? part_fn(a[0], a[1], 4, "Q") : std::string{};
        if (fn == "quarterof" || fn == "monthquarter") {  // the quarter holding month M
            const auto m = need(1) ? number(a[0]) : std::nullopt;
            if (!m || *m < 1 || *m > 12) return fail();
            const std::string q = std::to_string((*m + 2) / 3);
            return fn == "quarterof" ? q : need(2) ? part_fn(q, a[1], 4, "Q") : std::string{};
        }
        if (fn == "half") return need(2) ? part_fn(a[0], a[1], 2, "H") : std::string{};
        if (fn == "dur") return need(2) ? duration_value(a[0], a[1]) : std::string{};
        if (fn == "durhalf") {  // "two and a half years": the amount plus one half
            if (!need(2)) return {};
            const auto n = number(a[0]);
            return n ? duration_value(std::to_string(*n) + ".5", a[1]) : std::string{};
        }
        if (fn == "anchored") {  // PRESENT_REF and the like: meaningful only with the DCT
            st_.relative = true;
            return need(1) ? a[0] : std::string{};
        }
        if (fn == "dct") {
            st_.relative = true;
            return st_.dct ? format_day(*st_.dct) : "XXXX-XX-XX";
        }
        if (fn == "clock") return need(1) ? clock_fn(a[0], a.size() > 1 ? a[1] : "", a.size() > 2 ? a[2] : "") : "";
        if (fn == "year") return need(1) ? year_fn(a[0]) : std::string{};
        if (fn == "decade") return need(1) ? decade_fn(a[0]) : std::string{};
        st_.failed = true;
        return {};
    }

private:
    Tense tense() {
        if (!tense_) tense_ = st_.tense ? st_.tense() : Tense::Unknown;
        return *tense_;
    }
    std::optional<Mode> mode(std::string_view s) {
        auto m = parse_mode(s);
        if (!m) st_.failed = true;
        return m;
    }
    std::optional<long long> number(std::string_view s) {
        auto v = to_int(s);
        if (!v) st_.failed = true;
        return v;
    }

    /// from_ref: from the last date named at the unit's grain; near_ref: from the last date
    /// of a month or less the text named, whatever the unit.
    std::string shift_fn(std::string_view unit_name, const std::string& amount, bool from_ref, bool near_ref = false,
                         std::optional<Unit> grain = std::nullopt) {
        // A duration code with a multiple ("10Y" a decade, "2W" a fortnight) moves by the
        // base unit and is written at it: "a decade ago" is a year, not a decade.
        long long mult = 1;
        std::size_t k = 0;
        while (k < unit_name.size() && unit_name[k] >= '0' && unit_name[k] <= '9') ++k;
        if (k > 0 && k < unit_name.size()) {
            mult = *to_int(unit_name.substr(0, k));
            unit_name.remove_prefix(k);
        }
        const auto u = parse_unit(unit_name);
        if (!u) {
            st_.failed = true;
            return {};
        }
        st_.relative = true;
        if (amount == "X" || amount == "-X") return amount == "X" ? "FUTURE_REF" : "PAST_REF";
        const auto n = number(amount);
        if (!n) return {};
        std::optional<Day> anchor = st_.dct;
        if (near_ref && st_.ref.month) {
            anchor = st_.ref.month;
        } else if (from_ref) {
            const Reference& r = st_.ref;
            const bool day_unit = *u == Unit::Day || *u == Unit::Week || *u == Unit::Weekend;
            const bool month_unit = *u == Unit::Month || *u == Unit::Quarter || *u == Unit::Half;
            // a day counted from a month the text named last: some day of that month
            if (*u == Unit::Day && r.newest == Reference::MonthGrain && r.month)
                return format_at(*r.month, Unit::Month) + "-XX";
            const std::optional<Day>& from = day_unit ? r.day : month_unit ? r.month : r.year;
            if (from) anchor = from;
            // "... will deliver it on 26 March. Markets opened at 08:00 GMT": a time told in the
            // past is not on a day the text still has ahead of it; it is the DCT's.
            if (*u == Unit::Day && *n == 0 && from && st_.dct && *from > *st_.dct && tense() == Tense::Past)
                anchor = st_.dct;
        }
        if (!anchor) return unanchored(*u);
        if (*n * mult > 100000 || *n * mult < -100000) return fail();
        const Day moved = shift(*anchor, *u, static_cast<long>(*n * mult));
        const int y = year_of(moved);
        if (y < 1 || y > 9999) return fail();  // TIMEX3 years have four digits
        return format_at(moved, grain.value_or(*u));
    }

    std::string weekday_fn(const std::string& w, const std::string& mode_name, bool from_ref = false, long long moved = 0) {
        const auto wd = number(w);
        auto m = mode(mode_name);
        if (!wd || !m || *wd < 1 || *wd > 7) {
            st_.failed = true;
            return {};
        }
        st_.relative = true;
        if (!st_.dct) return "XXXX-WXX-" + std::to_string(*wd);
        const Day d = from_ref && st_.ref.day ? *st_.ref.day : *st_.dct;
        const int dw = iso_weekday(d), target = static_cast<int>(*wd);
        Mode mm = *m;
        // "moved to Thursday": a date moved within the week goes ahead of the DCT; so does an
        // end point no verb puts in the past or the future ("voting continues until Sunday")
        if (mm == Mode::Tense) {
            const Tense t = tense();
            const bool ahead = t == Tense::Future || (st_.deferred && st_.deferred()) ||
                               (t == Tense::Unknown && st_.endpoint && st_.endpoint());
            mm = ahead ? Mode::Future : Mode::Past;
        }
        int delta = 0;
        switch (mm) {
            case Mode::Past:
            case Mode::Tense: delta = -((dw - target + 7) % 7); break;
            case Mode::Nearest: delta = (target - dw + 10) % 7 - 3; break;  // within three days either way
            case Mode::Future: delta = (target - dw + 7) % 7; break;
            case Mode::Last: delta = -((dw - target + 6) % 7 + 1); break;
            case Mode::Next: delta = (target - dw + 6) % 7 + 1; break;
            case Mode::This: delta = target - dw; break;
        }
        return format_day(d + days{delta + moved});
    }

    /// The weekend (Saturday and Sunday) meant: past -> the last one begun by the DCT,
    /// future -> the next one, this -> the DCT's week's.
    std::string weekend_fn(const std::string& mode_name) {
        const std::string saturday = weekday_fn("6", mode_name);
        if (st_.failed || !st_.dct) return st_.dct ? std::string{} : "XXXX-WXX-WE";
        return format_at(*parse_day(saturday), Unit::Weekend);
    }

    /// The ISO week holding month M day D ("the week of March 6"), of year Y when the third
    /// argument is a year, else of the year the mode picks (as for month-day dates).
    std::string week_of_fn(const std::string& m, const std::string& d, const std::string& year_or_mode) {
        const bool year_given = year_or_mode.size() == 4 && to_int(year_or_mode);
        const std::string day = year_given ? year_or_mode + "-" + pad(number(m).value_or(0), 2) + "-" + pad(number(d).value_or(0), 2)
                                           : monthday_fn(m, d, year_or_mode);
        if (st_.failed) return {};
        if (!year_given && !st_.dct) return "XXXX-WXX";
        const auto parsed = parse_day(day);
        return parsed ? format_at(*parsed, Unit::Week) : fail();
    }

    /// "a year ago" / "a year earlier": in a text about a quarter, that quarter N years
    /// before ("third-quarter profit ... up from a year ago" -> 1988-Q3); else the DCT's
    /// year (or the last day's or month's the text named) moved by N. (Not the last year
    /// named: in results, "the nine months ... a year earlier" is the year before the DCT's.)
    std::string period_shift_fn(const std::string& unit_name, const std::string& amount, bool from_ref) {
        const auto n = to_int(amount);
        const auto y = st_.ref_quarter.empty() ? std::nullopt : to_int(std::string_view(st_.ref_quarter).substr(0, 4));
        if (n && y && (unit_name == "Y" || unit_name == "year")) {
            st_.relative = true;
            st_.from_ref_quarter = true;
            return pad(*y + *n, 4) + st_.ref_quarter.substr(4);
        }
        return shift_fn(unit_name, amount, false, from_ref);
    }

    /// "the quarter", "the latest quarter": the quarter the text last named, else the last
    /// one ended before the DCT (the one results are reported for).
    /// Midnight told in the past: on the day the story is at, the one ending it ("four days
    /// later, shortly before midnight"); when that day is still the DCT, or one still ahead
    /// ("will resume from 1 December. Bookings opened at midnight"), the one that began the
    /// DCT's day.
    std::string past_midnight_fn() {
        st_.relative = true;
        if (!st_.dct) return "XXXX-XX-XXT24:00";
        const Day day = st_.ref.day.value_or(*st_.dct);
        return format_day(day >= *st_.dct ? *st_.dct - date::days{1} : day) + "T24:00";
    }

    std::string last_quarter_fn() {
        st_.relative = true;
        if (!st_.ref_quarter.empty()) {
            st_.from_ref_quarter = true;
            return st_.ref_quarter;
        }
        if (!st_.dct) return "XXXX-QX";  // (the last quarter ended before the DCT becomes the text's)
        return format_at(shift(*st_.dct, Unit::Quarter, -1), Unit::Quarter);
    }

    /// The Nth weekday W of month M ("the fourth Thursday of November"), in the year the
    /// mode picks (as for month-day dates).
    std::string nth_weekday_fn(const std::string& m_s, const std::string& w_s, const std::string& n_s,
                               const std::string& mode_name, int shift = 0) {
        const auto m = number(m_s), w = number(w_s), n = number(n_s);
        const auto md = mode(mode_name);
        // N is 1..5, or -1 for the last one of the month
        if (!m || !w || !n || !md || *m < 1 || *m > 12 || *w < 1 || *w > 7 || *n < -1 || *n == 0 || *n > 5) return fail();
        st_.relative = true;
        if (!st_.dct) return "XXXX-" + pad(*m, 2) + "-XX";
        return movable_day(*md, [&](int y) {
            if (*n < 0) {
                const Day last = Day{year{y} / month{static_cast<unsigned>(*m)} / date::last};
                return last - days{(iso_weekday(last) - static_cast<int>(*w) + 7) % 7 - shift};
            }
            const Day first = Day{year{y} / month{static_cast<unsigned>(*m)} / 1};
            const int offset = (static_cast<int>(*w) - iso_weekday(first) + 7) % 7;
            return first + days{offset + 7 * (static_cast<int>(*n) - 1) + shift};
        });
    }

    /// Easter Sunday moved by N days ("Good Friday" is -2), in the year the mode picks.
    std::string easter_fn(const std::string& n_s, const std::string& mode_name) {
        const auto n = number(n_s);
        const auto md = mode(mode_name);
        if (!n || !md || *n < -70 || *n > 70) return fail();
        st_.relative = true;
        if (!st_.dct) return "XXXX-XX-XX";
        return movable_day(*md, [&](int y) { return easter_sunday(y) + days{*n}; });
    }

    /// Day D of month M of a lunar calendar ("islamic-umalqura 10 1": Eid al-Fitr), in the
    /// Gregorian year the mode picks.
    std::string lunar_fn(const std::string& calendar, const std::string& m_s, const std::string& d_s, const std::string& mode_name) {
        const auto m = number(m_s), d = number(d_s);
        const auto md = mode(mode_name);
        if (!m || !d || !md) return fail();
        st_.relative = true;
        if (!st_.dct) return "XXXX-XX-XX";
        bool missing = false;
        const std::string v = movable_day(*md, [&](int y) {
            const auto day = lunar_calendar_day(calendar, static_cast<int>(*m), static_cast<int>(*d), y);
            missing = missing || !day;
            return day.value_or(Day{date::year{y} / 1 / 1});
        });
        return missing ? fail() : v;
    }

    /// A holiday that falls on another day each year (`day_in(year)`), in the year the
    /// mode picks: for a tense, the one nearest the DCT unless the tense says otherwise.
    template <class DayIn>
    std::string movable_day(Mode md, DayIn day_in) {
        const Day here = day_in(year_of(*st_.dct));
        const int target = month_of(here) * 31 + day_of(here);
        const int current = month_of(*st_.dct) * 31 + day_of(*st_.dct);
        const int y = year_for(year_of(*st_.dct), target, current, 12 * 31, md, tense_if(md), 31);
        return format_day(day_in(y));
    }

    /// "the 1988 quarter" / "the 1988 period": year Y's quarter of the one the text is about.
    std::string year_quarter_fn(const std::string& y) {
        if (st_.ref_quarter.empty()) return y;
        st_.from_ref_quarter = true;
        return y + st_.ref_quarter.substr(4);
    }

    /// Month M near the DCT; with END_MONTH, the first month of a span that ends at that month
    /// ("between October and March"): the end is placed near the DCT, and M is the last M on
    /// or before it, so a span across the new year stays in order.
    std::string month_fn(const std::string& month_s, const std::string& mode_name, const std::string& end_month_s) {
        const auto m = number(month_s);
        const auto md = mode(mode_name);
        const auto e = end_month_s.empty() ? m : number(end_month_s);
        if (!m || !md || !e || *m < 1 || *m > 12 || *e < 1 || *e > 12) return fail();
        st_.relative = true;
        if (!st_.dct) return "XXXX-" + pad(*m, 2);
        const int y = year_for(year_of(*st_.dct), static_cast<int>(*e), month_of(*st_.dct), 12, *md, tense_if(*md),
                               *md == Mode::Tense ? past_margin(2, 12) : 0);
        return pad(*m > *e ? y - 1 : y, 4) + "-" + pad(*m, 2);
    }

    /// With a weekday W ("Sunday, Dec. 8"), the year beside the one the mode picks in which
    /// the day is that weekday, if the mode's is not: the weekday is surer than the tense.
    std::string monthday_fn(const std::string& month_s, const std::string& day_s, const std::string& mode_name,
                            const std::string& weekday_s = {}) {
        const auto m = number(month_s);
        const auto dd = number(day_s);
        const auto md = mode(mode_name);
        if (!m || !dd || !md || *m < 1 || *m > 12 || *dd < 1 || *dd > 31) return fail();
        st_.relative = true;
        if (!st_.dct) return "XXXX-" + pad(*m, 2) + "-" + pad(*dd, 2);
        const Day a = *st_.dct;
        // positions in days since Jan 1 (approximately; the cycle is a year)
        const int target = static_cast<int>(*m) * 31 + static_cast<int>(*dd);
        const int current = month_of(a) * 31 + day_of(a);
        const int y = year_for(year_of(a), target, current, 12 * 31, *md, tense_if(*md),
                               *md == Mode::Tense ? past_margin(90, 12 * 31) : 0);
        auto day_in = [&](int yy) {
            return year_month_day{year{yy}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*dd)}};
        };
        if (!day_in(y).ok()) return fail();
        if (const auto w = weekday_s.empty() ? std::nullopt : number(weekday_s); w && iso_weekday(Day{day_in(y)}) != *w)
            for (const int other : {y + 1, y - 1})
                if (day_in(other).ok() && iso_weekday(Day{day_in(other)}) == *w) return format_day(Day{day_in(other)});
        return format_day(Day{day_in(y)});
    }

    /// Day D of the month the text named last: the "13" of "April 12-13".
    std::string ref_month_day_fn(const std::string& day_s) {
        const auto dd = number(day_s);
        if (!dd || *dd < 1 || *dd > 31) return fail();
        st_.relative = true;
        // "December 16-17": the month of the day just before, even one without a year
        // (no DCT: "XXXX-12-16"), which the dates the text named do not hold
        const std::string_view p = st_.previous;
        if (p.size() == 10 && p[4] == '-' && p[7] == '-' && p.substr(0, 4) == "XXXX") {
            const auto m = to_int(p.substr(5, 2));
            if (!m || *m < 1 || *m > 12) return fail();
            const unsigned longest = static_cast<unsigned>((year{2000} / month{static_cast<unsigned>(*m)} / date::last).day());
            if (*dd > static_cast<long long>(longest)) return fail();  // (2000: February's 29th may be)
            return "XXXX-" + pad(*m, 2) + "-" + pad(*dd, 2);
        }
        if (!st_.ref.month) return "XXXX-XX-" + pad(*dd, 2);
        const year_month_day named{*st_.ref.month};
        const year_month_day ymd{named.year(), named.month(), day{static_cast<unsigned>(*dd)}};
        return ymd.ok() ? format_day(Day{ymd}) : fail();
    }

    /// Day D of a month near the DCT ("on the 25th"): past -> the last one on or before the
    /// DCT, future -> the next on or after it (tense: as the tense says, past if unknown).
    std::string month_day_near_fn(const std::string& day_s, const std::string& mode_name) {
        const auto dd = number(day_s);
        auto md = mode(mode_name);
        if (!dd || !md || *dd < 1 || *dd > 31) return fail();
        st_.relative = true;
        if (!st_.dct) return "XXXX-XX-" + pad(*dd, 2);
        if (*md == Mode::Tense) md = tense() == Tense::Future ? Mode::Future : Mode::Past;
        const year_month_day a{*st_.dct};
        year_month ym = a.year() / a.month();
        const unsigned target = static_cast<unsigned>(*dd), today = static_cast<unsigned>(a.day());
        if (*md == Mode::Future || *md == Mode::Next) {
            if (target < today || (*md == Mode::Next && target == today)) ym += months{1};
        } else if (target > today || ((*md == Mode::Last) && target == today)) {
            ym -= months{1};
        }
        // a month without that day ("the 31st" in April): the nearest month with it
        for (int k = 0; k < 2 && !(ym / day{target}).ok(); ++k) ym += (*md == Mode::Future || *md == Mode::Next) ? months{1} : months{-1};
        const year_month_day ymd = ym / day{target};
        return ymd.ok() ? format_day(Day{ymd}) : fail();
    }

    std::string season_fn(const std::string& s, const std::string& mode_name, const std::string& nth) {
        static const char* names[] = {"SP", "SU", "FA", "WI"};
        int target = -1;
        for (int k = 0; k < 4; ++k)
            if (s == names[k]) target = k;
        const auto md = mode(mode_name);
        const auto back = number(nth);
        if (target < 0 || !md || !back || *back < 1 || *back > 1000) return fail();
        st_.relative = true;
        if (!st_.dct) return "XXXX-" + s;
        // seasons start in March, June, September, December; Jan/Feb belong to last year's winter
        const int m = month_of(*st_.dct);
        int ay = year_of(*st_.dct);
        int current = m >= 3 ? (m - 3) / 3 : 3;
        if (m < 3) --ay;
        const int y = year_for(ay, target, current, 4, *md, tense_if(*md), 0) - static_cast<int>(*back - 1);
        return pad(y, 4) + "-" + s;
    }

    std::string part_fn(const std::string& p, const std::string& mode_name, int parts, const char* code) {
        const auto n = number(p);
        const auto md = mode(mode_name);
        if (!n || !md || *n < 1 || *n > parts) return fail();
        st_.relative = true;
        if (!st_.dct) return "XXXX-" + std::string(code) + std::to_string(*n);
        const int current = (month_of(*st_.dct) - 1) / (12 / parts) + 1;
        // Quarters and halves are the last one with that number, the current one included:
        // results are reported for quarters that have ended ("the fourth quarter" in January
        // is last year's), and even "will report third-quarter results" in October means
        // this year's third quarter.
        // Told in the future ("expects to break even in the third quarter" in May), it is
        // this year's, ahead or just ended.
        Mode m = *md == Mode::Tense ? Mode::Past : *md;
        if (*md == Mode::Tense && tense() == Tense::Future) m = Mode::This;
        const int y = year_for(year_of(*st_.dct), static_cast<int>(*n), current, parts, m, Tense::Unknown, 0);
        return pad(y, 4) + "-" + code + std::to_string(*n);
    }

    std::string clock_fn(const std::string& h_s, const std::string& m_s, const std::string& ampm) {
        long long h = 0, mi = 0;
        if (const auto colon = h_s.find_first_of(":."); colon != std::string::npos) {  // "9:30", "9.30am"
            const auto hh = to_int(std::string_view(h_s).substr(0, colon));
            const auto mm = to_int(std::string_view(h_s).substr(colon + 1, 2));
            if (!hh || !mm) return fail();
            h = *hh;
            mi = *mm;
        } else {
            std::size_t k = 0;  // "10pm": the hour before the glued half of the day
            while (k < h_s.size() && h_s[k] >= '0' && h_s[k] <= '9') ++k;
            const auto hh = to_int(std::string_view(h_s).substr(0, k));
            if (!hh) return fail();
            h = *hh;
            if (h >= 100) {  // "1900 GMT", "0630 UTC": hours and minutes in four digits
                mi = h % 100;
                h /= 100;
            } else if (!m_s.empty()) {
                const auto mm = to_int(m_s);
                if (!mm) return fail();
                mi = *mm;
            }
        }
        // "9.30pm": the half of the day glued to the clock time
        std::string half = ampm;
        if (half.empty())
            for (char c : h_s)
                if (c == 'a' || c == 'A' || c == 'p' || c == 'P') {
                    half = (c == 'p' || c == 'P') ? "pm" : "am";
                    break;
                }
        // "10:30 on Friday night" is 22:30, "2 at night" 02:00
        if (half == "night") half = h >= 5 && h < 12 ? "pm" : h == 12 ? "am" : "";
        if (half == "pm" && h < 12) h += 12;
        if (half == "am" && h == 12) h = 0;
        if (h > 24 || mi > 59) return fail();
        return pad(h, 2) + ":" + pad(mi, 2);
    }

    std::string year_fn(const std::string& y_s) {
        // Two-digit years: within ten years ahead of the anchor's year, else the century before.
        const auto y = number(y_s);
        if (!y) return {};
        if (y_s.size() > 2) return pad(*y, 4);
        const int base = st_.dct ? year_of(*st_.dct) : 2000;
        const int century = base / 100 * 100;
        long long full = century + *y;
        if (full > base + 10) full -= 100;
        return pad(full, 4);
    }

    std::string decade_fn(const std::string& d_s) {
        const std::string y = year_fn(d_s);
        if (y.size() != 4) return fail();
        return y.substr(0, 3);
    }

    /// How far ahead of the DCT a part of the year told in the past may still be this year's
    /// (`cycle` is the scale's length): all the way after an end point ("extended the loans
    /// through January"), none when a past verb stands right before it ("resigned in
    /// March"), else `loose`, as a past cue further off may be wrong ("said it would pay in
    /// January").
    int past_margin(int loose, int cycle) {
        if (tense() != Tense::Past) return loose;
        if (st_.endpoint && st_.endpoint()) return cycle;
        return st_.past_verb && st_.past_verb() ? 0 : loose;
    }

    Tense tense_if(Mode m) { return m == Mode::Tense ? tense() : Tense::Unknown; }
    std::string fail() {
        st_.failed = true;
        return {};
    }

    EvalState& st_;
    std::optional<Tense> tense_;
};

std::string number_op(const std::string& v, char op, long long operand, bool& failed) {
    const auto n = to_int(v);
    if (!n) {
        failed = true;
        return v;
    }
    long long r = *n;
    switch (op) {
        case '/': r = operand ? r / operand : r; break;
        case '-': r -= operand; break;
        case '+': r += operand; break;
        case '*': r *= operand; break;
        default: break;
    }
    return std::to_string(r);
}

}  // namespace

void Reference::mention(Day first, int days) {
    // a day, a night, a weekend; a week or a month; a season, a quarter or a year
    if (days <= 2) {
        day = first;
        newest = DayGrain;
    }
    if (days <= 31) {
        month = first;
        if (days > 2) newest = MonthGrain;
    }
    if (days <= 366) {
        year = first;
        if (days > 31) newest = YearGrain;
    }
}

namespace {
/// The value in `cls` of a captured text ({g|class}); none fails the expression.
std::string mapped_value(const std::string& text, int cls, const Lexicon& lex, EvalState& st) {
    const int w = lex.find_word(text);
    const std::string_view mapped = w >= 0 ? lex.value(w, cls) : std::string_view{};
    if (mapped.empty()) st.failed = true;
    return std::string(mapped);
}
}  // namespace

std::string evaluate(const Template& t, const std::vector<std::string>& groups, const std::vector<std::string>& texts,
                     const Lexicon& lex, EvalState& st) {
    std::string out;
    Functions fns(st);
    thread_local std::vector<std::string> args;  // kept between calls: no allocation per expression
    for (const Template::Part& p : t.parts) {
        if (!p.fn.empty()) {
            args.clear();
            for (const Template::Arg& a : p.args) {
                std::string v = a.group >= 0 ? groups[a.group] : a.text;
                if (a.map_class >= 0) v = mapped_value(texts[a.group], a.map_class, lex, st);
                if (a.negate) v = (!v.empty() && v[0] == '-') ? v.substr(1) : "-" + v;
                args.push_back(std::move(v));
            }
            out += fns.call(p.fn, args);
        } else if (p.group >= 0) {
            std::string v = groups[p.group];
            if (p.map_class >= 0) v = mapped_value(texts[p.group], p.map_class, lex, st);
            if (p.op) v = number_op(v, p.op, p.operand, st.failed);
            if (p.pad) {
                const auto n = to_int(v);
                if (n) v = pad(*n, p.pad);
                else st.failed = true;
            }
            out += v;
        } else {
            out += p.literal;
        }
        if (st.failed) return {};
    }
    return out;
}

}  // namespace chronograph::timex
