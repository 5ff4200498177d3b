// From blocks to paragraphs: the layout of plain text (headlines, subheads, stand-alone
// captions), repeated paragraphs, and the document title.
#include "ingest/ingest_internal.hpp"

#include "chronograph/text.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

namespace chronograph::ingest {
namespace {

std::string_view view(std::string_view text, Span s) { return text.substr(s.start, s.size()); }

/// A headline may end with ? or ! but not with a period, comma or colon.
bool ends_like_statement(std::string_view s) {
    if (!ends_like_sentence(s)) return false;
    const Span t = trim_span(s, Span{0, s.size()});
    std::size_t e = t.end;
    while (e > t.start && (s[e - 1] == '"' || s[e - 1] == '\'' || s[e - 1] == '*' || s[e - 1] == ')')) --e;
    return !(e > t.start && (s[e - 1] == '?' || s[e - 1] == '!'));
}

/// FNV-1a over the text with white space runs made one space and the ends trimmed.
std::uint64_t normalized_hash(std::string_view s) {
    std::uint64_t h = 1469598103934665603ull;
    bool space = false, any = false;
    for (std::size_t i = 0; i < s.size();) {
        // Printable ASCII, most of the text, is never white space: no space_at() for it.
        const auto c = static_cast<unsigned char>(s[i]);
        if (c <= ' ' || c >= 0x80) {
            if (const std::size_t l = space_at(s, i)) {
                space = any;
                i += l;
                continue;
            }
        }
        if (space) h = (h ^ ' ') * 1099511628211ull;
        space = false;
        any = true;
        h = (h ^ static_cast<unsigned char>(s[i++])) * 1099511628211ull;
    }
    return h;
}

/// Equal once white space runs are made one space and the ends trimmed.
bool same_normalized(std::string_view a, std::string_view b) {
    std::size_t i = 0, j = 0;
    auto skip = [](std::string_view s, std::size_t& k) {
        bool any = false;
        while (const std::size_t l = space_at(s, k)) k += l, any = true;
        return any;
    };
    skip(a, i);
    skip(b, j);
    while (i < a.size() && j < b.size()) {
        const bool sa = skip(a, i), sb = skip(b, j);
        if (sa != sb && i < a.size() && j < b.size()) return false;
        if (i >= a.size() || j >= b.size()) break;
        if (a[i] != b[j]) return false;
        ++i, ++j;
    }
    skip(a, i);
    skip(b, j);
    return i >= a.size() && j >= b.size();
}

/// A period that ends a sentence: after a word of 4+ letters, a lower-case word, a number
/// or a closing quote; not after an initial ("J.") or a short title ("Mr.", "Gen.").
bool sentence_end_at(std::string_view s, std::size_t dot) {
    if (s[dot] != '.') return true;  // ! or ?
    std::size_t b = dot;
    while (b > 0 && space_at(s, b - 1) == 0) --b;
    const std::string_view word = s.substr(b, dot - b);
    if (word.empty() || word.find('.') != std::string_view::npos) return false;
    const bool lower_case = std::none_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    return word.size() >= 4 || (lower_case && word.size() >= 2) || !is_alpha(word.back());
}

}  // namespace

void apply_text_layout(std::string_view text, std::vector<Block>& blocks) {
    // A line that disappeared (a dateline, interface text) leaves a gap like a blank line.
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (!blocks[i].drop) continue;
        if (i > 0) blocks[i - 1].gap_after = true;
        if (i + 1 < blocks.size()) blocks[i + 1].gap_before = true;
    }
    constexpr std::size_t kMaxHeadlineWords = 25;
    bool body = false;
    for (Block& b : blocks) {
        if (b.drop || b.boilerplate || b.heading) continue;
        const std::string_view s = view(text, b.span);
        if (!body) {
            // Above the body: short lines that do not end like a statement are headlines.
            if (!b.caption && !ends_like_statement(s) && word_count(s) <= kMaxHeadlineWords) b.heading = true;
            else if (!b.caption) body = true;
            continue;
        }
        if (b.caption || ends_like_sentence(s)) continue;
        const std::size_t words = word_count(s);
        // In the body, a line that does not end like a sentence is a subhead when short or
        // in title case, else a photo caption left between the paragraphs.
        if (words <= 6 || (words <= 10 && capitalized_share(s) >= 0.6)) b.heading = true;
        else if (words >= 4 && (b.gap_before || b.gap_after)) b.caption = true;
    }
}

std::vector<Paragraph> to_paragraphs(std::string_view text, const std::vector<Block>& blocks, bool mark_duplicates) {
    std::vector<Paragraph> out;
    std::unordered_multimap<std::uint64_t, std::size_t> seen;  // hash -> paragraph index
    for (const Block& b : blocks) {
        if (b.drop) continue;
        const Span span = trim_span(text, b.span);
        if (span.empty()) continue;
        Paragraph p{span, b.caption, b.boilerplate, false, b.heading};
        if (mark_duplicates) {
            const std::string_view s = view(text, span);
            const std::uint64_t h = normalized_hash(s);
            const auto [from, to] = seen.equal_range(h);
            p.duplicate = std::any_of(from, to, [&](const auto& e) { return same_normalized(view(text, out[e.second].span), s); });
            if (!p.duplicate) seen.emplace(h, out.size());
        }
        out.push_back(p);
    }
    return out;
}

std::string first_sentence(std::string_view s, std::size_t max_bytes) {
    s = s.substr(0, std::min(s.size(), max_bytes * 4));
    std::size_t end = s.size();
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        const char c = s[i];
        if ((c == '.' || c == '!' || c == '?') && space_at(s, i + 1) && sentence_end_at(s, i)) {
            end = i + 1;
            break;
        }
    }
    std::string out = squash_space(s.substr(0, end));
    if (out.size() <= max_bytes) return out;
    std::size_t cut = out.rfind(' ', max_bytes);
    if (cut == std::string::npos || cut < max_bytes / 2) {
        cut = max_bytes;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    }
    out.resize(cut);
    while (!out.empty() && (out.back() == ',' || out.back() == ';' || out.back() == ':' || out.back() == ' ')) out.pop_back();
    return out + "\xE2\x80\xA6";
}

std::string choose_title(std::string_view text, const std::vector<Paragraph>& paragraphs) {
    // The headings above the body: the first that reads like a headline (a few words, not
    // a full sentence: a standfirst is one, a section name such as "World" is too short),
    // else the first.
    constexpr std::size_t kMinHeadlineWords = 3;
    const Paragraph* first_heading = nullptr;
    for (const Paragraph& p : paragraphs) {
        if (p.boilerplate || p.caption) continue;
        if (!p.heading) break;
        const std::string_view s = view(text, p.span);
        if (!first_heading) first_heading = &p;
        if (!ends_like_statement(s) && s.size() <= 300 && word_count(s) >= kMinHeadlineWords) return first_sentence(s, 300);
    }
    if (first_heading) return first_sentence(view(text, first_heading->span));
    for (const Paragraph& p : paragraphs)
        if (!p.boilerplate && !p.caption) return first_sentence(view(text, p.span));
    return {};
}

}  // namespace chronograph::ingest
