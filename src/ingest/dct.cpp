// Publication dates written in a document: "date 2025-05-01 ..." lines, datelines such as
// "Published Thursday, May 1, 2025, 10:30 a.m. EDT", and metadata values ("2025-05-01T10:00Z").
// The day is the one written; the clock of the machine running the tool never enters.
#include "ingest/ingest_internal.hpp"

#include <algorithm>

namespace chronograph::ingest {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::optional<Day> make_day(int y, unsigned m, unsigned d) {
    if (y < 1000 || y > 2999) return std::nullopt;
    const date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
    if (!ymd.ok()) return std::nullopt;
    return Day{ymd};
}

/// Reads the date parts of a line one after the other.
class DatelineScanner {
public:
    DatelineScanner(std::string_view s, const DateWords& w) : s_(s), w_(w) {}

    std::optional<DateMatch> scan() {
        skip_space();
        std::string label = take_label();
        std::optional<Day> day;
        std::size_t end = pos_;
        bool time_seen = false, zone_allowed = false;
        // Parts in any order: weekday, date, time, zone, joined by commas, bars, dashes,
        // "on" and "at". Stops at the first thing that is none of them.
        for (int parts = 0; parts < 8; ++parts) {
            const std::size_t before = pos_;
            skip_separators();
            if (!day && take_weekday()) {
            } else if (!day && (day = take_date())) {
            } else if (!time_seen && take_time()) {
                time_seen = true;
                zone_allowed = true;
            } else if (zone_allowed && take_zone()) {
                zone_allowed = false;
            } else {
                pos_ = before;
                break;
            }
            end = pos_;
        }
        if (!day) return std::nullopt;
        return DateMatch{*day, end, std::move(label)};
    }

    /// A wire service's dateline opening a paragraph: "KYIV, March 15 (Reuters) - ...",
    /// "NEW DELHI, June 4, 2024 (AP) — ...", "LONDON, 23 January 2025 (PA) - ...": a place of
    /// capitalized words, a comma, a month and a day either way round (maybe a year), maybe
    /// an agency in parentheses, then a dash.
    struct Wire {
        unsigned month = 0, day = 0;
        std::optional<int> year;
    };
    std::optional<Wire> scan_wire() {
        constexpr std::size_t kMaxPlace = 60, kMaxAgency = 40;
        if (!(at(0) >= 'A' && at(0) <= 'Z')) return std::nullopt;
        for (std::size_t p = 1; p < kMaxPlace && p < s_.size(); ++p) {
            if (is_digit(at(p)) || at(p) == '\n' || at(p) == '(') return std::nullopt;
            if (at(p) != ',') continue;
            pos_ = p + 1;
            skip_space();
            // "March 15", "June 4, 2024"; or day first, as British wires write it: "23 January
            // 2025 (PA) - ".
            const std::size_t date_start = pos_;
            auto m = take_month();
            std::optional<unsigned> d;
            bool day_first = false;
            if (m) {
                skip_space();
                d = take_day_of_month();
            } else {
                pos_ = date_start;
                d = take_day_of_month();
                if (!d) continue;
                skip_space();
                m = take_month();
                if (!m) continue;
                day_first = true;
            }
            if (!d) return std::nullopt;
            Wire w{*m, *d, std::nullopt};
            const std::size_t after_day = pos_;
            skip_space();
            if (at(pos_) == ',' || day_first) {
                if (at(pos_) == ',') ++pos_;
                skip_space();
                w.year = take_year();
                if (!w.year) pos_ = after_day;
            }
            skip_space();
            if (at(pos_) == '(') {
                const std::size_t close = s_.find(')', pos_);
                if (close == std::string_view::npos || close - pos_ > kMaxAgency) return std::nullopt;
                pos_ = close + 1;
                skip_space();
            }
            const bool dash = at(pos_) == '-' || s_.compare(pos_, 3, "\xE2\x80\x93") == 0 || s_.compare(pos_, 3, "\xE2\x80\x94") == 0;
            if (!dash) return std::nullopt;
            if (w.year && !make_day(*w.year, w.month, w.day)) return std::nullopt;
            if (!w.year && !make_day(2000, w.month, w.day)) return std::nullopt;  // a leap year: 29 February stays
            return w;
        }
        return std::nullopt;
    }

private:
    std::string_view s_;
    const DateWords& w_;
    std::size_t pos_ = 0;

    char at(std::size_t i) const { return i < s_.size() ? s_[i] : '\0'; }
    void skip_space() {
        while (const std::size_t l = space_at(s_, pos_)) pos_ += l;
    }
    bool take_word(std::string_view word) {
        const std::size_t e = match_at(s_, pos_, word);
        if (e == std::string_view::npos) return false;
        pos_ = e;
        return true;
    }
    /// Separators between parts: white space, , | / · • - – — and the connector words.
    void skip_separators() {
        for (;;) {
            skip_space();
            const char c = at(pos_);
            if (c == ',' || c == '|' || c == '/' || c == '-') { ++pos_; continue; }
            if (s_.compare(pos_, 3, "\xE2\x80\x93") == 0 || s_.compare(pos_, 3, "\xE2\x80\x94") == 0 ||
                s_.compare(pos_, 3, "\xE2\x80\xA2") == 0) { pos_ += 3; continue; }
            if (s_.compare(pos_, 2, "\xC2\xB7") == 0) { pos_ += 2; continue; }
            bool connector = false;
            for (const std::string& w : w_.connectors)
                if (take_word(w)) { connector = true; break; }
            if (!connector) return;
        }
    }
    std::string take_label() {
        for (const auto& [words, kind] : w_.labels) {
            if (!take_word(words)) continue;
            skip_space();
            if (at(pos_) == ':') ++pos_;
            return kind;
        }
        return {};
    }
    bool take_weekday() {
        for (const std::string& w : w_.weekdays)
            if (take_word(w)) {
                if (at(pos_) == '.') ++pos_;
                return true;
            }
        return false;
    }
    /// Digits at pos_: {value, count}; count 0 when none.
    std::pair<int, std::size_t> digits(std::size_t max = 4) {
        int v = 0;
        std::size_t n = 0;
        while (n < max && is_digit(at(pos_ + n))) v = v * 10 + (s_[pos_ + n++] - '0');
        if (is_digit(at(pos_ + n))) return {0, 0};  // too many digits: not ours
        pos_ += n;
        return {v, n};
    }
    std::optional<unsigned> take_month() {
        for (const auto& [name, m] : w_.months)
            if (take_word(name)) {
                if (at(pos_) == '.') ++pos_;
                return m;
            }
        return std::nullopt;
    }
    std::optional<unsigned> take_day_of_month() {
        const std::size_t start = pos_;
        const auto [d, n] = digits(2);
        if (n == 0 || d < 1 || d > 31) { pos_ = start; return std::nullopt; }
        for (std::string_view ord : {"st", "nd", "rd", "th"})
            if (take_word(ord)) break;
        if (is_alnum(at(pos_))) { pos_ = start; return std::nullopt; }
        return static_cast<unsigned>(d);
    }
    std::optional<int> take_year() {
        const std::size_t start = pos_;
        const auto [y, n] = digits(4);
        if (n != 4 || is_alnum(at(pos_))) { pos_ = start; return std::nullopt; }
        return y;
    }
    /// The year after a month and a day, maybe after a comma: ", 2025".
    std::optional<Day> take_year_of(unsigned month, unsigned day) {
        skip_space();
        if (at(pos_) == ',') ++pos_;
        skip_space();
        const auto y = take_year();
        return y ? make_day(*y, month, day) : std::nullopt;
    }
    std::optional<Day> take_date() {
        const std::size_t start = pos_;
        if (auto d = take_numeric_date()) return d;
        // Month day, year: "May 1, 2025", "Sept. 3 2024"
        if (const auto m = take_month()) {
            skip_space();
            if (const auto d = take_day_of_month())
                if (auto day = take_year_of(*m, *d)) return day;
        }
        pos_ = start;
        // Day month year: "1 May 2025", "1st of May, 2025"
        if (const auto d = take_day_of_month()) {
            skip_space();
            take_word("of");
            skip_space();
            if (const auto m = take_month())
                if (auto day = take_year_of(*m, *d)) return day;
        }
        pos_ = start;
        return std::nullopt;
    }
    /// 2025-05-01 (maybe with T10:00...), 2025/05/01, 20250501; 30.04.2025 (day first, as
    /// Europe writes it with dots); 04/30/2025 or 30/04/2025 only when one of the two numbers
    /// cannot be a month (04/05/2025 is April or May, so the date is left to inference).
    std::optional<Day> take_numeric_date() {
        const std::size_t start = pos_;
        const auto [y, n] = digits(8);
        if ((n == 1 || n == 2) && (at(pos_) == '.' || at(pos_) == '/')) {
            const char sep = s_[pos_++];
            const auto [b, nb] = digits(2);
            if (nb >= 1 && at(pos_) == sep) {
                ++pos_;
                const auto [year4, ny] = digits(4);
                if (ny == 4 && !is_alnum(at(pos_))) {
                    const int a = y;
                    const bool day_first = sep == '.' || (a > 12 && b <= 12);
                    const bool month_first = sep == '/' && b > 12 && a <= 12;
                    if (day_first || month_first) {
                        const int month = day_first ? b : a, day = day_first ? a : b;
                        if (auto d = make_day(year4, static_cast<unsigned>(month), static_cast<unsigned>(day))) return d;
                    }
                }
            }
            pos_ = start;
            return std::nullopt;
        }
        if (n == 8) {
            if (auto d = make_day(y / 10000, static_cast<unsigned>(y / 100 % 100), static_cast<unsigned>(y % 100))) {
                if (at(pos_) == 'T' && is_digit(at(pos_ + 1))) skip_iso_time();
                return d;
            }
        } else if (n == 4 && (at(pos_) == '-' || at(pos_) == '/')) {
            const char sep = s_[pos_++];
            const auto [m, nm] = digits(2);
            if (nm == 2 && at(pos_) == sep) {
                ++pos_;
                const auto [d, nd] = digits(2);
                if (nd == 2)
                    if (auto day = make_day(y, static_cast<unsigned>(m), static_cast<unsigned>(d))) {
                        if (at(pos_) == 'T' && is_digit(at(pos_ + 1))) skip_iso_time();
                        return day;
                    }
            }
        }
        pos_ = start;
        return std::nullopt;
    }
    /// T10:30:00.000+09:00, T1930, Z
    void skip_iso_time() {
        ++pos_;
        while (is_digit(at(pos_)) || at(pos_) == ':' || at(pos_) == '.') ++pos_;
        if (at(pos_) == 'Z') {
            ++pos_;
        } else if ((at(pos_) == '+' || at(pos_) == '-') && is_digit(at(pos_ + 1))) {
            ++pos_;
            while (is_digit(at(pos_)) || at(pos_) == ':') ++pos_;
        }
    }
    /// 10:30, 10:30:15, 10.30 pm, 10am, 1930 GMT is not taken (a year-like number).
    bool take_time() {
        const std::size_t start = pos_;
        const auto [h, nh] = digits(2);
        if (nh == 0 || h > 24) { pos_ = start; return false; }
        bool minutes = false;
        if ((at(pos_) == ':' || at(pos_) == '.') && is_digit(at(pos_ + 1)) && is_digit(at(pos_ + 2)) && !is_digit(at(pos_ + 3))) {
            pos_ += 3;
            minutes = true;
            if (at(pos_) == ':' && is_digit(at(pos_ + 1)) && is_digit(at(pos_ + 2))) pos_ += 3;
        }
        const std::size_t before_meridiem = pos_;
        skip_space();
        bool meridiem = false;
        for (const std::string& m : w_.meridiems)
            if (take_word(m)) { meridiem = true; break; }
        if (!meridiem) pos_ = before_meridiem;
        if (!minutes && !meridiem) { pos_ = start; return false; }
        if (is_alnum(at(pos_))) { pos_ = start; return false; }
        return true;
    }
    /// EDT, GMT+3, UTC+09:00, +0300, (BST)
    bool take_zone() {
        const std::size_t start = pos_;
        const bool paren = at(pos_) == '(';
        if (paren) ++pos_;
        std::size_t n = 0;
        while (at(pos_ + n) >= 'A' && at(pos_ + n) <= 'Z') ++n;
        bool ok = false;
        if (n >= 2 && n <= 5 && !is_alpha(at(pos_ + n))) {
            pos_ += n;
            ok = true;
        }
        if ((n == 0 || ok) && (at(pos_) == '+' || at(pos_) == '-') && is_digit(at(pos_ + 1))) {
            ++pos_;
            while (is_digit(at(pos_)) || (at(pos_) == ':' && is_digit(at(pos_ + 1)))) ++pos_;
            ok = true;
        }
        if (ok && paren) ok = at(pos_++) == ')';
        if (ok && is_alnum(at(pos_))) ok = false;
        if (!ok) pos_ = start;
        return ok;
    }
};

/// Only white space and punctuation that can close a date line (. , | -) from `pos` on.
bool nothing_after(std::string_view s, std::size_t pos) {
    for (std::size_t i = pos; i < s.size();) {
        if (const std::size_t l = space_at(s, i)) { i += l; continue; }
        const char c = s[i];
        if (c != '.' && c != ',' && c != '|' && c != '-' && c != ';') return false;
        ++i;
    }
    return true;
}

/// Start of the text after a leading date: white space and separators (: - – — |) skipped.
std::size_t after_separators(std::string_view s, std::size_t pos) {
    for (;;) {
        if (const std::size_t l = space_at(s, pos)) { pos += l; continue; }
        if (pos < s.size() && (s[pos] == ':' || s[pos] == '-' || s[pos] == '|' || s[pos] == ',')) { ++pos; continue; }
        if (s.compare(pos, 3, "\xE2\x80\x93") == 0 || s.compare(pos, 3, "\xE2\x80\x94") == 0) { pos += 3; continue; }
        return pos;
    }
}

/// The dates of a line made only of date lines ("Published May 1, 2025 | Updated May 2, 2025").
std::vector<DateMatch> whole_line_dates(std::string_view line, const DateWords& words) {
    std::vector<DateMatch> out;
    std::size_t pos = 0;
    while (pos < line.size()) {
        auto m = parse_dateline(line.substr(pos), words);
        if (!m) return {};
        m->end += pos;
        pos = after_separators(line, m->end);
        out.push_back(std::move(*m));
        if (nothing_after(line, out.back().end)) return out;
    }
    return out;
}

/// A short line ending with dates after a separator: "By Jane Doe, May 1, 2025",
/// "SEOUL, South Korea | Thursday, May 1, 2025".
std::vector<DateMatch> tail_dates(std::string_view line, const DateWords& words) {
    constexpr std::size_t kMaxLeadWords = 8;
    for (std::size_t p = 0; p < line.size(); ++p) {
        const char c = line[p];
        const std::size_t sep = c == ',' || c == '|' || c == '-' ? 1
                                : line.compare(p, 3, "\xE2\x80\x94") == 0 || line.compare(p, 3, "\xE2\x80\x93") == 0 ||
                                          line.compare(p, 3, "\xE2\x80\xA2") == 0 ? 3
                                : line.compare(p, 2, "\xC2\xB7") == 0 ? 2 : 0;
        if (sep == 0) continue;
        if (word_count(line.substr(0, p)) > kMaxLeadWords) return {};
        const std::size_t start = after_separators(line, p + sep);
        std::vector<DateMatch> dates = whole_line_dates(line.substr(start), words);
        if (dates.empty()) continue;
        for (DateMatch& d : dates) d.end += start;
        return dates;
    }
    return {};
}

}  // namespace

std::optional<DateMatch> parse_dateline(std::string_view line, const DateWords& words) {
    return DatelineScanner(line, words).scan();
}

std::optional<Day> parse_date_value(std::string_view value, const DateWords& words) {
    const Span sp = trim_span(value, Span{0, value.size()});
    const auto m = parse_dateline(value.substr(sp.start, sp.size()), words);
    if (!m) return std::nullopt;
    return m->day;
}

TextDates take_text_dates(std::string_view text, std::vector<Block>& blocks, const DateWords& words) {
    TextDates out;
    // How far from the top a dateline may be: a headline, a standfirst, a byline, a photo
    // caption may come first.
    constexpr std::size_t kTopBlocks = 6;
    constexpr std::size_t kMaxDatelineBytes = 160;
    constexpr std::size_t kLeadingBlocks = 3;
    std::optional<Day> updated;
    std::size_t seen = 0;
    for (std::size_t i = 0; i < blocks.size() && seen < kTopBlocks; ++i) {
        Block& b = blocks[i];
        if (b.drop) continue;
        const std::string_view line = text.substr(b.span.start, std::min(b.span.size(), std::size_t{4096}));
        const bool may_lead = seen++ < kLeadingBlocks && !out.leading;
        // A line of dates only ("Updated 10:45 EDT May 2, 2025 | Published May 1, 2025"), or
        // a byline or place ending with one.
        std::vector<DateMatch> dates;
        if (b.span.size() <= kMaxDatelineBytes) {
            dates = whole_line_dates(line, words);
            if (dates.empty()) dates = tail_dates(line, words);
        }
        if (!dates.empty()) {
            b.drop = true;
            for (const DateMatch& d : dates) {
                if (d.label == "updated") {
                    if (!updated) updated = d.day;
                } else if (!out.dateline) {
                    out.dateline = d.day;
                }
            }
            continue;
        }
        // "KYIV, March 15 (Reuters) - Russian drones ...": a wire dateline opening a paragraph
        if (may_lead && !out.wire && !out.wire_month_day)
            if (const auto w = DatelineScanner(line, words).scan_wire()) {
                if (w->year) out.wire = make_day(*w->year, w->month, w->day);
                else out.wire_month_day = MonthDay{w->month, w->day};
            }
        // "date 2025-05-01 North Korea and ...": a labelled date starting the text (maybe
        // under a headline).
        if (!may_lead) continue;
        const auto m = parse_dateline(line, words);
        if (m && !m->label.empty()) {
            out.leading = m->day;
            b.span.start += after_separators(line, m->end);
        }
    }
    if (!out.dateline) out.dateline = updated;
    return out;
}

}  // namespace chronograph::ingest
