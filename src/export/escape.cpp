#include "escape.hpp"

#include <cstdint>

namespace chronograph::views {
namespace {

/// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is invalid.
std::size_t utf8_length(std::string_view s, std::size_t i) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    return n;
}

std::uint32_t decode(std::string_view s, std::size_t i, std::size_t n) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::uint32_t cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    return cp;
}

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

/// Calls fn(code point, bytes) for each character; invalid bytes come as U+FFFD.
template <class Fn>
void for_each_char(std::string_view s, Fn fn) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = utf8_length(s, i);
        if (n == 0) {
            fn(0xFFFDu, kReplacement);
            ++i;
        } else {
            fn(decode(s, i, n), s.substr(i, n));
            i += n;
        }
    }
}

bool is_control(std::uint32_t cp) { return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0xFFFE || cp == 0xFFFF; }

/// Relative advance of an ASCII character in DejaVu Sans (em units), rounded up.
constexpr double ascii_advance(char c) {
    if (c == ' ') return 0.33;
    if (std::string_view("iljI.,:;'|!`").find(c) != std::string_view::npos) return 0.30;
    if (std::string_view("frt()[]{}\"-/\\").find(c) != std::string_view::npos) return 0.42;
    if (std::string_view("mwMW@%").find(c) != std::string_view::npos) return 0.95;
    if (c >= 'A' && c <= 'Z') return 0.72;
    if (c >= '0' && c <= '9') return 0.64;
    return 0.62;
}

struct AsciiAdvances {
    double of[128];
    constexpr AsciiAdvances() : of{} {
        for (int c = 0; c < 128; ++c) of[c] = ascii_advance(static_cast<char>(c));
    }
};
constexpr AsciiAdvances kAsciiAdvances;

/// Relative advance of a character in DejaVu Sans (em units), rounded up.
double advance(std::uint32_t cp) {
    if (cp < 0x80) return kAsciiAdvances.of[cp];
    if (cp >= 0x1100 && (cp <= 0x115F || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFF60)))
        return 1.0;  // CJK and Hangul: full width
    return 0.7;
}

/// Printable ASCII that XML text and attribute values hold as it is.
constexpr bool plain_xml(unsigned char c) { return c >= 0x20 && c < 0x7F && c != '&' && c != '<' && c != '>' && c != '"' && c != '\''; }

/// append_xml, one character at a time.
void append_xml_chars(std::string& out, std::string_view s) {
    for_each_char(s, [&](std::uint32_t cp, std::string_view bytes) {
        switch (cp) {
            case '&': out += "&amp;"; return;
            case '<': out += "&lt;"; return;
            case '>': out += "&gt;"; return;
            case '"': out += "&quot;"; return;
            case '\'': out += "&#39;"; return;
            default: break;
        }
        if (cp == '\t' || cp == '\n' || cp == '\r' || !is_control(cp)) out += bytes;
        else out += ' ';
    });
}

}  // namespace

void append_xml(std::string& out, std::string_view s) {
    // Runs of plain ASCII go in whole, the rest a character at a time.
    std::size_t from = 0;
    while (from < s.size()) {
        std::size_t to = from;
        while (to < s.size() && plain_xml(static_cast<unsigned char>(s[to]))) ++to;
        out.append(s, from, to - from);
        if (to == s.size()) break;
        std::size_t next = to + 1;
        while (next < s.size() && !plain_xml(static_cast<unsigned char>(s[next]))) ++next;
        append_xml_chars(out, s.substr(to, next - to));
        from = next;
    }
}

std::string xml(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 8);
    append_xml(out, s);
    return out;
}

std::string one_line(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    auto put = [&](std::string_view bytes) {
        if (space) out += ' ';
        space = false;
        out += bytes;
    };
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {  // ASCII: white space and controls break, the rest goes in (a run at once)
            if (b <= 0x20 || b == 0x7F) {
                space = !out.empty();
                ++i;
                continue;
            }
            std::size_t end = i + 1;
            while (end < s.size() && static_cast<unsigned char>(s[end]) > 0x20 && static_cast<unsigned char>(s[end]) < 0x7F) ++end;
            put(s.substr(i, end - i));
            i = end;
            continue;
        }
        const std::size_t n = utf8_length(s, i);
        const std::uint32_t cp = n ? decode(s, i, n) : 0xFFFDu;
        if (is_control(cp) || cp == 0x2028 || cp == 0x2029 || cp == 0xA0) space = !out.empty();
        else put(n ? s.substr(i, n) : kReplacement);
        i += n ? n : 1;
    }
    return out;
}

namespace {

/// `s` on one line with `\` written as `backslash` and `&` as `&amp;`.
std::string dot_escaped(std::string_view s, std::string_view backslash) {
    std::string line = one_line(s);
    auto special = [](char c) { return c == '\\' || c == '&'; };
    // A plain loop: find_first_of of two characters searches both at every position.
    std::size_t i = 0;
    while (i < line.size() && !special(line[i])) ++i;
    if (i == line.size()) return line;  // most labels: nothing to escape
    std::string out;
    out.reserve(line.size() + 8);
    std::size_t from = 0;
    for (; i < line.size(); ++i) {
        if (!special(line[i])) continue;
        out.append(line, from, i - from);
        out += line[i] == '\\' ? backslash : std::string_view("&amp;");
        from = i + 1;
    }
    out.append(line, from);
    return out;
}

}  // namespace

std::string dot_label(std::string_view s) { return dot_escaped(s, "\\\\"); }

// Graphviz 2.43 mangles backslashes in tooltips even when doubled: U+29F5 REVERSE
// SOLIDUS OPERATOR stands in for them.
std::string dot_tooltip(std::string_view s) { return dot_escaped(s, "\xE2\xA7\xB5"); }

std::string thousands(std::size_t n) {
    std::string s = std::to_string(n);
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
    return s;
}

double text_width(std::string_view s, double font_size) {
    double w = 0;
    for_each_char(s, [&](std::uint32_t cp, std::string_view) { w += advance(cp); });
    return w * font_size;
}

std::string fit_text(std::string_view s, double font_size, double max_width) {
    if (text_width(s, font_size) <= max_width) return std::string(s);
    const double room = max_width - text_width("\xE2\x80\xA6", font_size);
    std::string out;
    double w = 0;
    bool full = false;
    for_each_char(s, [&](std::uint32_t cp, std::string_view bytes) {
        if (full) return;
        const double a = advance(cp) * font_size;
        if (w + a > room) {
            full = true;
            return;
        }
        w += a;
        out += bytes;
    });
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\xE2\x80\xA6";
}

std::vector<std::string> wrap_text(std::string_view s, double font_size, double max_width, std::size_t max_lines) {
    std::vector<std::string> lines;
    const std::string text = one_line(s);
    std::string_view rest = text;
    while (!rest.empty() && lines.size() < max_lines) {
        if (lines.size() + 1 == max_lines || text_width(rest, font_size) <= max_width) {
            lines.push_back(fit_text(rest, font_size, max_width));
            break;
        }
        // The longest prefix ending at a space that fits; a single long word is cut. The
        // prefix widths add up as the text is walked (text_width of each would be quadratic).
        std::size_t cut = std::string_view::npos;
        double advances = 0;  // of rest[0, i)
        for (std::size_t i = 0; i < rest.size();) {
            if (rest[i] == ' ') {
                if (advances * font_size > max_width) break;
                cut = i;
            }
            const std::size_t n = utf8_length(rest, i);
            advances += advance(n ? decode(rest, i, n) : 0xFFFDu);
            i += n ? n : 1;
        }
        if (cut == std::string_view::npos) {
            lines.push_back(fit_text(rest, font_size, max_width));
            const std::size_t sp = rest.find(' ');
            if (sp == std::string_view::npos) break;
            rest.remove_prefix(sp + 1);
            continue;
        }
        lines.emplace_back(rest.substr(0, cut));
        rest.remove_prefix(cut + 1);
    }
    return lines;
}

}  // namespace chronograph::views
