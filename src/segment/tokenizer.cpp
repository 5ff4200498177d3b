#include "segment/tokenizer.hpp"

#include <unicode/uchar.h>

namespace chronograph::segment {

char32_t decode_utf8(std::string_view text, std::size_t i, std::size_t& len) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) { len = 1; return c; }
    std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (i + n > text.size()) n = 1;
    char32_t cp = n == 4 ? (c & 0x07) : n == 3 ? (c & 0x0F) : n == 2 ? (c & 0x1F) : c;
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    len = n;
    return cp;
}

bool is_space(char32_t c) {
    if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

namespace {

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

bool is_letter(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    // Letters of any script, and combining marks that continue them.
    return u_isalpha(static_cast<UChar32>(c)) || (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_M_MASK) != 0;
}

bool is_upper(char32_t c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    return u_isupper(static_cast<UChar32>(c));
}

bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

/// Reads code points of text[from, end) one at a time.
struct Cursor {
    std::string_view text;
    std::size_t end;

    char32_t at(std::size_t i, std::size_t& len) const {
        if (i >= end) { len = 0; return 0; }
        return decode_utf8(text, i, len);
    }
    char32_t at(std::size_t i) const {
        std::size_t len;
        return at(i, len);
    }
};

/// "U.S.", "p.m.": single letters each followed by a period, at least two of them.
/// Returns the end of the abbreviation, or 0 if there is none at i.
std::size_t dotted_abbreviation_end(const Cursor& cur, std::size_t i) {
    std::size_t j = i, pairs = 0, len;
    while (is_letter(cur.at(j, len)) && cur.at(j + len) == '.') {
        j += len + 1;
        ++pairs;
    }
    return pairs >= 2 ? j : 0;
}

}  // namespace

void tokenize(std::string_view text, Span span, std::vector<Token>& out) {
    const Cursor cur{text, span.end};
    std::size_t i = span.start;
    bool space_before = true, newline_before = false;
    while (i < span.end) {
        std::size_t len;
        char32_t c = cur.at(i, len);
        if (is_space(c)) {
            space_before = true;
            if (c == '\n') newline_before = true;
            i += len;
            continue;
        }
        Token tok;
        tok.span.start = i;
        std::size_t j = i;
        if (is_digit(c)) {
            while (is_digit(cur.at(j))) ++j;
            // Keep "15,000", "1.5", "9:30" together.
            while (true) {
                const char32_t sep = cur.at(j);
                if ((sep == ',' || sep == '.' || sep == ':') && is_digit(cur.at(j + 1))) {
                    ++j;
                    while (is_digit(cur.at(j))) ++j;
                } else {
                    break;
                }
            }
            std::size_t l;
            if (is_letter(cur.at(j, l))) {  // "1990s", "18th", "3pm"
                while (true) {
                    const char32_t d = cur.at(j, l);
                    if (!(is_letter(d) || is_digit(d))) break;
                    j += l;
                }
                tok.flags = kWord;
            } else {
                tok.flags = kNumber;
            }
        } else if (is_letter(c)) {
            if (const std::size_t abbr = dotted_abbreviation_end(cur, i)) {
                j = abbr;
            } else {
                std::size_t l;
                while (true) {
                    // ASCII letters and digits, most of a word, need no decoding.
                    while (j < span.end && is_ascii_alnum(text[j])) ++j;
                    const char32_t d = cur.at(j, l);
                    if (is_letter(d) || is_digit(d)) {
                        j += l;
                        continue;
                    }
                    if (is_apostrophe(d)) {
                        std::size_t l2;
                        const char32_t after = cur.at(j + l, l2);
                        if (!is_letter(after)) break;
                        // A final "'s" is its own token ("Russia" "'s"); "don't" stays whole.
                        const char32_t after2 = cur.at(j + l + l2);
                        if ((after == 's' || after == 'S') && !is_letter(after2) && !is_digit(after2)) break;
                        j += l + l2;
                        continue;
                    }
                    break;
                }
            }
            tok.flags = kWord;
        } else if (is_apostrophe(c) && (cur.at(i + len) == 's' || cur.at(i + len) == 'S') &&
                   !is_letter(cur.at(i + len + 1)) && !out.empty() && !space_before &&
                   out.back().span.end == i && out.back().is(kWord)) {
            j = i + len + 1;  // the possessive "'s"
            tok.flags = kWord;
        } else {
            j = i + len;
            tok.flags = kPunct;
        }
        tok.span.end = j;
        if (tok.flags & kWord) {
            // Capitalization: first letter upper; all caps if 2+ letters all upper.
            std::size_t k = i, letters = 0, upper = 0, l;
            bool first = true;
            while (k < j) {
                const auto b = static_cast<unsigned char>(text[k]);
                char32_t d = b;
                if (b < 0x80) l = 1;
                else d = cur.at(k, l);
                if (is_letter(d)) {
                    ++letters;
                    const bool up = is_upper(d);
                    upper += up;
                    if (first && up) tok.flags |= kCapitalized;
                    first = false;
                }
                k += l;
            }
            if (letters >= 2 && upper == letters) tok.flags |= kAllCaps;
        }
        if (space_before) tok.flags |= kSpaceBefore;
        if (newline_before) tok.flags |= kNewlineBefore;
        out.push_back(tok);
        space_before = newline_before = false;
        i = j;
    }
}

}  // namespace chronograph::segment
