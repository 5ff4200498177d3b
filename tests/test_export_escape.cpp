// The escaping and text-measuring helpers take fast paths for ASCII; checked here against
// plain character-by-character definitions on random mixes of tricky bytes.
#include "export/escape.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <random>

using namespace chronograph;

namespace {

/// Code points of UTF-8 text, one U+FFFD per byte that starts no valid sequence.
std::vector<std::pair<std::uint32_t, std::string>> chars_of(std::string_view s) {
    std::vector<std::pair<std::uint32_t, std::string>> out;
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        const std::size_t n = b < 0x80 ? 1 : b >= 0xC0 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xF0 && b < 0xF8 ? 4 : 0;
        bool ok = n > 0 && i + n <= s.size();
        for (std::size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
        if (!ok) {
            out.emplace_back(0xFFFD, "\xEF\xBF\xBD");
            ++i;
            continue;
        }
        std::uint32_t cp = n == 1 ? b : b & (0xFF >> (n + 1));
        for (std::size_t k = 1; k < n; ++k) cp = cp << 6 | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.emplace_back(cp, std::string(s.substr(i, n)));
        i += n;
    }
    return out;
}

bool control(std::uint32_t cp) { return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0xFFFE || cp == 0xFFFF; }

std::string reference_xml(std::string_view s) {
    std::string out;
    for (const auto& [cp, bytes] : chars_of(s)) {
        if (cp == '&') out += "&amp;";
        else if (cp == '<') out += "&lt;";
        else if (cp == '>') out += "&gt;";
        else if (cp == '"') out += "&quot;";
        else if (cp == '\'') out += "&#39;";
        else if (cp == '\t' || cp == '\n' || cp == '\r' || !control(cp)) out += bytes;
        else out += ' ';
    }
    return out;
}

std::string reference_one_line(std::string_view s) {
    std::string out;
    bool space = false;
    for (const auto& [cp, bytes] : chars_of(s)) {
        if (cp == ' ' || control(cp) || cp == 0x2028 || cp == 0x2029 || cp == 0xA0) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += bytes;
    }
    return out;
}

/// A DOT label or tooltip: the one-line text with `\` and `&` replaced.
std::string reference_dot(std::string_view s, std::string_view backslash) {
    std::string out;
    for (char c : reference_one_line(s)) {
        if (c == '\\') out += backslash;
        else if (c == '&') out += "&amp;";
        else out += c;
    }
    return out;
}

/// Word wrap as first written: every prefix measured again.
std::vector<std::string> reference_wrap(std::string_view s, double font_size, double max_width, std::size_t max_lines) {
    std::vector<std::string> lines;
    const std::string text = views::one_line(s);
    std::string_view rest = text;
    while (!rest.empty() && lines.size() < max_lines) {
        if (lines.size() + 1 == max_lines || views::text_width(rest, font_size) <= max_width) {
            lines.push_back(views::fit_text(rest, font_size, max_width));
            break;
        }
        std::size_t cut = std::string_view::npos;
        for (std::size_t i = rest.find(' '); i != std::string_view::npos && views::text_width(rest.substr(0, i), font_size) <= max_width; i = rest.find(' ', i + 1))
            cut = i;
        if (cut == std::string_view::npos) {
            lines.push_back(views::fit_text(rest, font_size, max_width));
            if (rest.find(' ') == std::string_view::npos) break;
            rest.remove_prefix(rest.find(' ') + 1);
            continue;
        }
        lines.emplace_back(rest.substr(0, cut));
        rest.remove_prefix(cut + 1);
    }
    return lines;
}

std::string random_text(std::mt19937& rng) {
    static const char* const pieces[] = {"a", "Bridge ", " ", "  ", "\t", "\n", "\r", "\x01", "\x7F", "&", "<", ">", "\"", "'", "\\",
                                         "\xC3\xA9", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xC2\xA0", "\xC2\x85", "\xEF\xBF\xBE", "\xE6\xBC\xA2",
                                         "\xF0\x9F\x98\x80", "\xFF", "\xC3", "\xE2\x80", "\x80", "word", ". ", "1,000"};
    std::uniform_int_distribution<std::size_t> pick(0, std::size(pieces) - 1), length(0, 40);
    std::string s;
    for (std::size_t n = length(rng); n > 0; --n) s += pieces[pick(rng)];
    return s;
}

}  // namespace

TEST_CASE("XML and DOT escaping and one-line text agree with their plain definitions", "[export]") {
    std::mt19937 rng(11);
    for (int round = 0; round < 3000; ++round) {
        const std::string s = random_text(rng);
        INFO(s);
        CHECK(views::xml(s) == reference_xml(s));
        CHECK(views::one_line(s) == reference_one_line(s));
        CHECK(views::dot_label(s) == reference_dot(s, "\\\\"));
        CHECK(views::dot_tooltip(s) == reference_dot(s, "\xE2\xA7\xB5"));
    }
}

TEST_CASE("word wrap breaks at the last space that fits", "[export]") {
    std::mt19937 rng(12);
    for (int round = 0; round < 2000; ++round) {
        const std::string s = random_text(rng);
        INFO(s);
        const auto lines = views::wrap_text(s, 10, 120, 3);
        CHECK(lines == reference_wrap(s, 10, 120, 3));
        CHECK(lines.size() <= 3);
        for (const std::string& line : lines) CHECK(views::text_width(line, 10) <= 120 + 1e-9);
        // A first line that is not cut short is as long as it may be: with the next word
        // it would not fit.
        if (lines.size() < 2 || lines[0].find("\xE2\x80\xA6") != std::string::npos) continue;
        const std::string text = views::one_line(s);
        REQUIRE(text.rfind(lines[0], 0) == 0);
        const std::string rest = text.substr(lines[0].size() + 1);
        CHECK(views::text_width(lines[0] + " " + rest.substr(0, rest.find(' ')), 10) > 120);
    }
}
