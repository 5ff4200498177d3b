// Characters, rule phrases and the shape of a paragraph (is it a sentence? a title?).
#include "ingest/ingest_internal.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace chronograph::ingest {
namespace {

bool starts_with_at(std::string_view s, std::size_t pos, std::string_view what) {
    return s.size() - pos >= what.size() && s.compare(pos, what.size(), what) == 0;
}

/// Length of the character at `pos` if it is one of `alternatives` (UTF-8 strings), else 0.
std::size_t one_of_at(std::string_view s, std::size_t pos, std::initializer_list<std::string_view> alternatives) {
    for (std::string_view a : alternatives)
        if (starts_with_at(s, pos, a)) return a.size();
    return 0;
}

/// The code point at `pos` and its length (1 for a stray byte).
std::pair<std::uint32_t, std::size_t> code_point_at(std::string_view s, std::size_t pos) {
    const auto c = static_cast<unsigned char>(s[pos]);
    std::size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (pos + len > s.size()) return {c, 1};
    std::uint32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[pos + k]) & 0x3F);
    return {cp, len};
}

}  // namespace


std::size_t unicode_space_at(std::string_view s, std::size_t pos) {
    // NBSP, the U+2000 spaces, narrow NBSP, medium math space, ideographic space, BOM.
    return one_of_at(s, pos, {"\xC2\xA0", "\xE2\x80\x80", "\xE2\x80\x81", "\xE2\x80\x82", "\xE2\x80\x83",
                              "\xE2\x80\x84", "\xE2\x80\x85", "\xE2\x80\x86", "\xE2\x80\x87", "\xE2\x80\x88",
                              "\xE2\x80\x89", "\xE2\x80\x8A", "\xE2\x80\xAF", "\xE2\x81\x9F", "\xE3\x80\x80",
                              "\xEF\xBB\xBF"});
}

Span trim_span(std::string_view text, Span span) {
    std::size_t l;
    while (span.start < span.end && (l = space_at(text, span.start)) != 0) span.start += l;
    while (span.start < span.end) {
        // Step back over one character (UTF-8 continuation bytes included).
        std::size_t b = span.end - 1;
        while (b > span.start && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
        if (space_at(text, b) != span.end - b) break;
        span.end = b;
    }
    return span;
}

std::string normalize_phrase(std::string_view s) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < s.size();) {
        if (const std::size_t l = space_at(s, i)) {
            space = !out.empty();
            i += l;
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(lower(s[i++]));
    }
    return out;
}

std::size_t match_at(std::string_view text, std::size_t pos, std::string_view phrase) {
    std::size_t i = pos;
    for (const char p : phrase) {
        if (p == ' ') {
            const std::size_t before = i;
            while (const std::size_t l = space_at(text, i)) i += l;
            if (i == before) return std::string_view::npos;
            continue;
        }
        if (i >= text.size()) return std::string_view::npos;
        std::size_t l = 0;
        if (p == '\'') l = one_of_at(text, i, {"'", "\xE2\x80\x99", "\xE2\x80\x98"});
        else if (p == '"') l = one_of_at(text, i, {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D"});
        else if (p == '-') l = one_of_at(text, i, {"-", "\xE2\x80\x93", "\xE2\x80\x94"});
        else l = lower(text[i]) == p ? 1 : 0;
        if (l == 0) return std::string_view::npos;
        i += l;
    }
    if (!phrase.empty() && is_alnum(phrase.back()) && i < text.size() && is_alnum(text[i])) return std::string_view::npos;
    return i;
}

std::optional<Span> find_phrase(std::string_view text, std::string_view phrase, std::size_t from) {
    if (phrase.empty()) return std::nullopt;
    const char first = phrase.front();
    const bool word_start = is_alnum(first);
    for (std::size_t i = from; i < text.size(); ++i) {
        const bool any_quote_or_dash = first == '\'' || first == '"' || first == '-';  // may be a UTF-8 ’ “ —
        if (!any_quote_or_dash && lower(text[i]) != first) continue;
        if (word_start && i > 0 && is_alnum(text[i - 1])) continue;
        const std::size_t end = match_at(text, i, phrase);
        if (end != std::string_view::npos) return Span{i, end};
    }
    return std::nullopt;
}

std::size_t word_count(std::string_view s) {
    std::size_t n = 0;
    bool in_word = false;
    for (std::size_t i = 0; i < s.size();) {
        if (const std::size_t l = space_at(s, i)) {
            in_word = false;
            i += l;
        } else {
            if (!in_word) ++n;
            in_word = true;
            ++i;
        }
    }
    return n;
}

bool ends_like_sentence(std::string_view s) {
    Span sp = trim_span(s, Span{0, s.size()});
    // Closing quotes, brackets and emphasis markers after the final punctuation.
    while (sp.end > sp.start) {
        if (sp.end - sp.start >= 3 && one_of_at(s, sp.end - 3, {"\xE2\x80\x9D", "\xE2\x80\x99"})) { sp.end -= 3; continue; }
        if (sp.end - sp.start >= 2 && starts_with_at(s, sp.end - 2, "\xC2\xBB")) { sp.end -= 2; continue; }
        const char c = s[sp.end - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '*' || c == '_') { --sp.end; continue; }
        break;
    }
    if (sp.end == sp.start) return false;
    if (sp.end - sp.start >= 3 && starts_with_at(s, sp.end - 3, "\xE2\x80\xA6")) return true;  // …
    const char c = s[sp.end - 1];
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == ',';
}

double capitalized_share(std::string_view s) {
    std::size_t words = 0, capitalized = 0;
    bool in_word = false, decided = false;
    for (std::size_t i = 0; i < s.size();) {
        if (const std::size_t l = space_at(s, i)) {
            in_word = false;
            i += l;
            continue;
        }
        if (!in_word) decided = false;
        in_word = true;
        const char c = s[i++];
        if (decided || !is_alnum(c)) continue;
        decided = true;
        ++words;
        if (!(c >= 'a' && c <= 'z')) ++capitalized;
    }
    return words ? static_cast<double>(capitalized) / static_cast<double>(words) : 0.0;
}

bool has_no_alnum(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto [cp, len] = code_point_at(s, i);
        i += len;
        if (cp < 0x80) {
            if (is_alnum(static_cast<char>(cp))) return false;
            continue;
        }
        // Latin-1 punctuation and symbols, general punctuation, arrows, box drawing, shapes, dingbats.
        const bool symbol = (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF) ||
                            (cp >= 0x3000 && cp <= 0x3003) || cp == 0xFEFF || (cp >= 0x1F300 && cp <= 0x1FAFF);
        if (!symbol) return false;
    }
    return true;
}

}  // namespace chronograph::ingest

namespace chronograph::ingest {

namespace {

/// The bytes a text character matching the phrase character `c` can start with.
std::vector<unsigned char> first_bytes_of(char c) {
    std::vector<unsigned char> out{static_cast<unsigned char>(c)};
    if (c >= 'a' && c <= 'z') out.push_back(static_cast<unsigned char>(c - 'a' + 'A'));
    if (c == '\'' || c == '"' || c == '-') out.push_back(0xE2);  // ’ “ — start with 0xE2
    if (c == ' ')
        for (const int b : {0x09, 0x0A, 0x0D, 0x0C, 0x0B, 0xC2, 0xE2, 0xE3, 0xEF}) out.push_back(static_cast<unsigned char>(b));  // white space
    return out;
}

}  // namespace

void PhraseIndex::add(const std::string& phrase, int tag) {
    if (phrase.empty() || phrase.front() == ' ') return;  // phrases are trimmed
    const char c = phrase.front();
    Entry entry{phrase, tag};
    if (phrase.size() >= 4 && std::all_of(phrase.begin(), phrase.begin() + 4, is_alnum)) {
        std::memcpy(&entry.quad, phrase.data(), 4);
        entry.quad |= 0x20202020u;  // digits have the bit already; letters are lower case
        entry.has_quad = true;
    }
    for (const unsigned char b0 : first_bytes_of(c)) {
        (is_alnum(c) ? word_buckets_ : other_buckets_)[b0].push_back(entry);
        // After a multi-byte first character, or for a one-character phrase, any byte may follow.
        if (b0 >= 0x80 || phrase.size() == 1) {
            for (unsigned b1 = 0; b1 < 256; ++b1) pairs_.set((static_cast<unsigned>(b0) << 8) | b1);
        } else {
            for (const unsigned char b1 : first_bytes_of(phrase[1])) pairs_.set((static_cast<unsigned>(b0) << 8) | b1);
        }
    }
    ++size_;
}

}  // namespace chronograph::ingest
