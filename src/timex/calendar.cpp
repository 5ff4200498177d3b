#include "timex/calendar.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace chronograph::timex {

using namespace date;

namespace {

Day make_day(int y, unsigned m, unsigned d) {
    year_month_day ymd{year{y}, month{m}, day{d}};
    if (!ymd.ok()) ymd = year{y} / month{m} / last;
    return Day{ymd};
}
Day month_start(int y, int m) {
    // m may run past 12 or below 1
    const int idx = y * 12 + (m - 1);
    const int yy = idx >= 0 ? idx / 12 : (idx - 11) / 12;
    return make_day(yy, static_cast<unsigned>(idx - yy * 12 + 1), 1);
}
Day month_end(int y, int m) { return month_start(y, m + 1) - days{1}; }

/// Monday of ISO week w of ISO year y.
Day iso_week_start(int y, int w) {
    const Day jan4 = make_day(y, 1, 4);
    const Day week1 = jan4 - days{iso_weekday(jan4) - 1};
    return week1 + days{7 * (w - 1)};
}

void iso_week(Day d, int& y, int& w) {
    const Day thursday = d + days{4 - iso_weekday(d)};
    y = static_cast<int>(year_month_day{thursday}.year());
    const Day jan1 = make_day(y, 1, 1);
    w = static_cast<int>((thursday - jan1).count()) / 7 + 1;
}

int year_of(Day d) { return static_cast<int>(year_month_day{d}.year()); }
int month_of(Day d) { return static_cast<int>(static_cast<unsigned>(year_month_day{d}.month())); }

int floordiv(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

bool digits(std::string_view s, std::size_t from, std::size_t n, int& out) {
    if (from + n > s.size()) return false;
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}

/// Months between a and b when both are month-aligned ([first of a month, last of a month]).
int whole_months(const TimeInterval& t) {
    const year_month_day a{t.earliest}, b{t.latest};
    if (a.day() != day{1}) return 0;
    if (year_month_day{t.latest + days{1}}.day() != day{1}) return 0;
    return (static_cast<int>(b.year()) - static_cast<int>(a.year())) * 12 +
           (static_cast<int>(static_cast<unsigned>(b.month())) - static_cast<int>(static_cast<unsigned>(a.month()))) + 1;
}

TimeInterval apply_mod(TimeInterval t, std::string_view mod) {
    const bool start = mod == "START", mid = mod == "MID", end = mod == "END";
    if (start || mid || end) {
        const int months = whole_months(t);
        if (months >= 3) {
            const year_month_day a{t.earliest};
            const int y = static_cast<int>(a.year()), m = static_cast<int>(static_cast<unsigned>(a.month()));
            const int third = (months + 1) / 3;  // 12 -> 4, 120 -> 40, 3 -> 1
            if (start) return {t.earliest, month_end(y, m + third - 1)};
            if (end) return {month_start(y, m + months - third), t.latest};
            return {month_start(y, m + third), month_end(y, m + months - third - 1)};
        }
        const int n = t.days();
        const int third = (n + 1) / 3;
        if (n < 3) return t;
        if (start) return {t.earliest, t.earliest + days{third - 1}};
        if (end) return {t.latest - days{third - 1}, t.latest};
        return {t.earliest + days{third}, t.latest - days{third}};
    }
    if (mod == "APPROX") {
        const int months = whole_months(t);
        if (months >= 2) {
            const year_month_day a{t.earliest}, b{t.latest};
            const int half = months / 2;
            return {month_start(static_cast<int>(a.year()), static_cast<int>(static_cast<unsigned>(a.month())) - half),
                    month_end(static_cast<int>(b.year()), static_cast<int>(static_cast<unsigned>(b.month())) + half)};
        }
        const int half = std::max(1, t.days() / 2);
        return {t.earliest - days{half}, t.latest + days{half}};
    }
    return t;
}

}  // namespace

std::optional<Unit> parse_unit(std::string_view n) {
    if (n == "year" || n == "Y") return Unit::Year;
    if (n == "half" || n == "H") return Unit::Half;
    if (n == "quarter" || n == "Q") return Unit::Quarter;
    if (n == "month" || n == "M") return Unit::Month;
    if (n == "week" || n == "W") return Unit::Week;
    if (n == "weekend" || n == "WE") return Unit::Weekend;
    if (n == "day" || n == "D") return Unit::Day;
    if (n == "decade" || n == "DE") return Unit::Decade;
    if (n == "century" || n == "CE") return Unit::Century;
    return std::nullopt;
}

int iso_weekday(Day d) { return static_cast<int>(weekday{d}.iso_encoding()); }

Day easter_sunday(int y) {
    // The "anonymous Gregorian algorithm" (Meeus, Astronomical Algorithms, ch. 8): the
    // first Sunday after the ecclesiastical full moon on or after March 21.
    const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
    const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
    const int month_num = (h + l - 7 * m + 114) / 31, day_num = (h + l - 7 * m + 114) % 31 + 1;
    return Day{year{y} / month{static_cast<unsigned>(month_num)} / day{static_cast<unsigned>(day_num)}};
}

std::string pad(long long v, int width) {
    // std::to_chars: the tagger writes a value per expression, and snprintf's format
    // parsing was a measurable part of its time.
    char buf[32];
    char* p = buf;
    if (v < 0) {
        *p++ = '-';
        --width;
    }
    char digits[24];
    const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, v < 0 ? -static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v));
    const int n = static_cast<int>(end - digits);
    for (int k = n; k < width; ++k) *p++ = '0';
    std::memcpy(p, digits, static_cast<std::size_t>(n));
    return std::string(buf, static_cast<std::size_t>(p + n - buf));
}

std::string number_text(double v) {
    if (std::fabs(v - std::round(v)) < 1e-9) {
        char buf[24];
        const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(std::llround(v)));
        return std::string(buf, end);
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

std::string format_at(Day d, Unit u) {
    const int y = year_of(d), m = month_of(d);
    switch (u) {
        case Unit::Year: return pad(y, 4);
        case Unit::Half: return pad(y, 4) + "-H" + std::to_string(m <= 6 ? 1 : 2);
        case Unit::Quarter: return pad(y, 4) + "-Q" + std::to_string((m - 1) / 3 + 1);
        case Unit::Month: return pad(y, 4) + "-" + pad(m, 2);
        case Unit::Week:
        case Unit::Weekend: {
            int wy, w;
            iso_week(d, wy, w);
            return pad(wy, 4) + "-W" + pad(w, 2) + (u == Unit::Weekend ? "-WE" : "");
        }
        case Unit::Day: return format_day(d);
        case Unit::Decade: return pad(floordiv(y, 10), 3);
        case Unit::Century: return pad(floordiv(y, 100), 2);
    }
    return {};
}

std::string unanchored(Unit u) {
    switch (u) {
        case Unit::Year: return "XXXX";
        case Unit::Half: return "XXXX-HX";
        case Unit::Quarter: return "XXXX-QX";
        case Unit::Month: return "XXXX-XX";
        case Unit::Week: return "XXXX-WXX";
        case Unit::Weekend: return "XXXX-WXX-WE";
        case Unit::Day: return "XXXX-XX-XX";
        case Unit::Decade: return "XXX";
        case Unit::Century: return "XX";
    }
    return {};
}

Day shift(Day d, Unit u, long n) {
    auto add_months = [&](long k) {
        const year_month_day ymd{d};
        const int idx = static_cast<int>(ymd.year()) * 12 + static_cast<int>(static_cast<unsigned>(ymd.month())) - 1 +
                        static_cast<int>(k);
        const int y = floordiv(idx, 12);
        return make_day(y, static_cast<unsigned>(idx - y * 12 + 1), static_cast<unsigned>(ymd.day()));
    };
    switch (u) {
        case Unit::Year: return add_months(12 * n);
        case Unit::Half: return add_months(6 * n);
        case Unit::Quarter: return add_months(3 * n);
        case Unit::Month: return add_months(n);
        case Unit::Week:
        case Unit::Weekend: return d + days{7 * n};
        case Unit::Day: return d + days{n};
        case Unit::Decade: return add_months(120 * n);
        case Unit::Century: return add_months(1200 * n);
    }
    return d;
}

std::optional<TimeInterval> interval_of(std::string_view v, std::string_view mod, std::optional<Day> dct) {
    std::optional<TimeInterval> t;
    int y = 0, a = 0, b = 0;
    if (v == "PRESENT_REF") {
        if (dct) t = TimeInterval{*dct, *dct};
    } else if (v.size() == 2 && digits(v, 0, 2, y)) {
        t = TimeInterval{make_day(y * 100, 1, 1), make_day(y * 100 + 99, 12, 31)};
    } else if (v.size() == 3 && digits(v, 0, 3, y)) {
        t = TimeInterval{make_day(y * 10, 1, 1), make_day(y * 10 + 9, 12, 31)};
    } else if (v.size() >= 4 && digits(v, 0, 4, y)) {
        const std::string_view rest = v.substr(4);
        if (rest.empty()) {
            t = TimeInterval{make_day(y, 1, 1), make_day(y, 12, 31)};
        } else if (rest[0] != '-') {
            return std::nullopt;
        } else if (digits(rest, 1, 2, a) && a >= 1 && a <= 12) {
            if (rest.size() == 3) {
                t = TimeInterval{month_start(y, a), month_end(y, a)};
            } else if (rest.size() >= 6 && rest[3] == '-' && digits(rest, 4, 2, b) &&
                       (rest.size() == 6 || rest[6] == 'T')) {
                const year_month_day ymd{year{y}, month{static_cast<unsigned>(a)}, day{static_cast<unsigned>(b)}};
                if (!ymd.ok()) return std::nullopt;
                t = TimeInterval{Day{ymd}, Day{ymd}};
                // a night ("Friday night", "overnight") runs into the small hours of the next day
                if (v.size() >= 13 && v.substr(v.size() - 3) == "TNI") t->latest += days{1};
            }
        } else if (rest.size() >= 3 && rest[1] == 'W' && digits(rest, 2, 2, a) && a >= 1 && a <= 53) {
            const Day mon = iso_week_start(y, a);
            if (rest.size() == 4) t = TimeInterval{mon, mon + days{6}};
            else if (rest.substr(4) == "-WE") t = TimeInterval{mon + days{5}, mon + days{6}};
            else if (rest.size() == 6 && rest[4] == '-' && rest[5] >= '1' && rest[5] <= '7')
                t = TimeInterval{mon + days{rest[5] - '1'}, mon + days{rest[5] - '1'}};
        } else if (rest.size() == 3 && rest[1] == 'Q' && rest[2] >= '1' && rest[2] <= '4') {
            const int q = rest[2] - '0';
            t = TimeInterval{month_start(y, 3 * q - 2), month_end(y, 3 * q)};
        } else if (rest.size() == 3 && rest[1] == 'H' && (rest[2] == '1' || rest[2] == '2')) {
            const int h = rest[2] - '0';
            t = TimeInterval{month_start(y, 6 * h - 5), month_end(y, 6 * h)};
        } else if (rest.size() == 3) {
            const std::string_view s = rest.substr(1);
            const int first = s == "SP" ? 3 : s == "SU" ? 6 : s == "FA" ? 9 : s == "WI" ? 12 : 0;
            if (first) t = TimeInterval{month_start(y, first), month_end(y, first + 2)};
        }
    }
    if (t && !mod.empty()) t = apply_mod(*t, mod);
    return t;
}

std::string duration_value(std::string_view amount, std::string_view unit) {
    // A multiple in the unit code: "10Y" (decade), "100Y" (century).
    long long mult = 1;
    std::size_t k = 0;
    while (k < unit.size() && unit[k] >= '0' && unit[k] <= '9') ++k;
    if (k > 0) {
        std::from_chars(unit.data(), unit.data() + k, mult);
        unit.remove_prefix(k);
    }
    std::string u(unit);
    auto is_time = [](const std::string& x) { return x == "H" || x == "MIN" || x == "S"; };
    auto emit = [&](const std::string& n, const std::string& code) {
        if (is_time(code)) return "PT" + n + (code == "MIN" ? "M" : code);
        return "P" + n + code;
    };
    if (amount == "X" || amount.empty()) return emit("X", u);
    double v = 0;
    auto [p, ec] = std::from_chars(amount.data(), amount.data() + amount.size(), v);
    if (ec != std::errc()) return emit("X", u);
    v *= static_cast<double>(mult);
    auto whole = [](double x) { return std::fabs(x - std::round(x)) < 1e-9; };
    auto num = number_text;
    if (!whole(v)) {
        // A fraction goes to the next smaller unit, the whole part staying in its own, as
        // TimeML writes them: 2 1/2 years -> P2Y6M, 5 1/2 hours -> PT5H30M, 1.5 days ->
        // P1DT12H, half a year -> P6M. Quarters become months and weeks days (ISO has no
        // P1Q or P1W3D).
        struct Down { const char* from; const char* to; double factor; bool split; };
        static const Down downs[] = {{"Y", "M", 12, true},   {"Q", "M", 3, false},   {"W", "D", 7, false},
                                     {"D", "H", 24, true},   {"H", "MIN", 60, true}, {"MIN", "S", 60, true}};
        for (const Down& d : downs) {
            if (u != d.from || !whole(v * d.factor)) continue;
            const double in_whole = std::floor(v);
            if (!d.split || in_whole < 1) return emit(num(v * d.factor), d.to);
            const std::string rest = num((v - in_whole) * d.factor) + (std::string(d.to) == "MIN" ? "M" : d.to);
            if (is_time(u)) return "PT" + num(in_whole) + (u == "MIN" ? "M" : u) + rest;
            return "P" + num(in_whole) + u + (is_time(d.to) ? "T" : "") + rest;
        }
    }
    return emit(num(v), u);
}

}  // namespace chronograph::timex
