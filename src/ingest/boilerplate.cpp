// Page text that is not the article: interface text cut out of paragraphs, boilerplate
// paragraphs (prompts, appeals, credit lines) and photo captions, by the rules of
// data/en/ingest/boilerplate.tsv and captions.tsv.
#include "ingest/ingest_internal.hpp"

#include <algorithm>

namespace chronograph::ingest {
namespace {

// Rules look at paragraphs up to this size: boilerplate and captions are short, and a
// 100 MB line must not cost rules x size.
constexpr std::size_t kMaxScan = 64 * 1024;

bool is_closing_punct(char c) {
    return c == '.' || c == ':' || c == '!' || c == '?' || c == ',' || c == ';' || c == '|' || c == '-' ||
           c == '>' || c == ')' || c == '*' || c == '_';
}

/// Only white space and closing punctuation from `pos` to the end.
bool only_punct_after(std::string_view s, std::size_t pos) {
    for (std::size_t i = pos; i < s.size();) {
        if (const std::size_t l = space_at(s, i)) { i += l; continue; }
        if (!is_closing_punct(s[i])) return false;
        ++i;
    }
    return true;
}

bool any_word(std::string_view s, std::initializer_list<std::string_view> words, std::size_t pos) {
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return match_at(s, pos, w) != std::string_view::npos; });
}

/// "By Jane Doe and John Roe, Associated Press": the phrase, then capitalized names only.
bool is_byline(std::string_view s, std::string_view phrase) {
    const std::size_t e = match_at(s, 0, phrase);
    if (e == std::string_view::npos || e >= s.size() || space_at(s, e) == 0 || s.size() > 160) return false;
    const std::string_view rest = s.substr(e);
    const std::size_t words = word_count(rest);
    if (words == 0 || words > 10) return false;
    std::size_t small = 0;  // "and", "of", "the"... at most two
    bool word_start = true;
    for (std::size_t i = 0; i < rest.size(); ++i) {
        if (space_at(rest, i)) { word_start = true; continue; }
        if (!word_start) continue;
        word_start = false;
        if (rest[i] >= 'a' && rest[i] <= 'z' && (++small > 2 || !any_word(rest, {"and", "of", "the", "in", "at", "for"}, i)))
            return false;
    }
    return !ends_like_sentence(rest) || words <= 4;
}

bool ends_with_phrase(std::string_view s, std::string_view phrase) {
    // The phrase then only end punctuation: look at the last few dozen bytes.
    const std::size_t from = s.size() > phrase.size() + 16 ? s.size() - phrase.size() - 16 : 0;
    for (auto m = find_phrase(s, phrase, from); m; m = find_phrase(s, phrase, m->start + 1))
        if (only_punct_after(s, m->end)) return true;
    return false;
}

std::string_view view(std::string_view text, Span s) { return text.substr(s.start, s.size()); }

/// Every match of the "anywhere" phrases in text[span], offsets in `text`.
struct Hit {
    int tag;
    Span span;
};
std::vector<Hit> find_hits(std::string_view text, Span span, const Rules& rules) {
    std::vector<Hit> hits;
    if (span.size() <= kMaxScan)
        rules.anywhere.scan(text.substr(0, span.end), span.start, [&](int tag, Span at) {
            hits.push_back({tag, at});
            return false;
        });
    return hits;
}

/// The hits of `kind` inside `piece`.
template <class Fn>
bool any_hit(const std::vector<Hit>& hits, Span piece, std::initializer_list<Anywhere> kinds, Fn&& fn) {
    for (const Hit& h : hits)
        if (piece.contains(h.span) && std::find(kinds.begin(), kinds.end(), anywhere_kind(h.tag)) != kinds.end() && fn(h))
            return true;
    return false;
}

bool is_line(const PhraseIndex& index, std::string_view s) {
    return index.at(s, 0, [&](int, std::size_t end) { return only_punct_after(s, end); });
}

/// A link of a list after a label such as "Related topics": short, not a sentence.
bool looks_like_link(std::string_view s) {
    constexpr std::size_t kMaxLinkWords = 15;
    return !ends_like_sentence(s) && word_count(s) <= kMaxLinkWords;
}

bool boilerplate_piece(std::string_view text, Span piece, const std::vector<Hit>& hits, const Rules& rules) {
    const BoilerRules& b = rules.boilerplate;
    const std::string_view s = view(text, piece);
    if (has_no_alnum(s)) return true;
    if (is_line(b.line, s) || is_line(b.list, s)) return true;
    if (b.prefix.at(s, 0, [](int, std::size_t) { return true; })) return true;
    if (std::any_of(b.bylines.begin(), b.bylines.end(), [&](const std::string& p) { return is_byline(s, p); })) return true;
    if (any_hit(hits, piece, {Anywhere::Boilerplate}, [](const Hit&) { return true; })) return true;
    // Two different signs of an appeal, not overlapping ("support independent journalism"
    // is one sign, whatever rows it matches).
    std::vector<Hit> signs;
    return any_hit(hits, piece, {Anywhere::Appeal}, [&](const Hit& h) {
        for (const Hit& g : signs)
            if (g.tag == h.tag || g.span.overlaps(h.span)) return false;
        signs.push_back(h);
        return signs.size() >= 2;
    });
}

bool caption_piece(std::string_view text, Span piece, const std::vector<Hit>& hits, const Rules& rules) {
    const CaptionRules& c = rules.captions;
    const std::string_view s = view(text, piece);
    const bool unfinished = !ends_like_sentence(s);
    if (c.prefix.at(s, 0, [&](int always, std::size_t) { return always == 1 || unfinished; })) return true;
    if (any_hit(hits, piece, {Anywhere::Caption}, [](const Hit&) { return true; })) return true;
    if (unfinished && any_hit(hits, piece, {Anywhere::CaptionUnfinished}, [](const Hit&) { return true; })) return true;
    for (const auto& [phrase, always] : c.suffixes)
        if ((always || unfinished) && ends_with_phrase(s, phrase)) return true;
    // A photo credit in a final "( ... )": "(AP Photo/Ahn Young-joon)", "( KCNA via KNS )".
    if (s.empty() || s.back() != ')') return false;
    const std::size_t open = s.rfind('(');
    if (open == std::string_view::npos || s.size() - open > 80) return false;
    const std::string_view credit = s.substr(open + 1, s.size() - open - 2);
    if (word_count(credit) > 8) return false;
    const auto names = [&](const std::vector<std::string>& words) {
        return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return find_phrase(credit, w).has_value(); });
    };
    return names(c.credits_strong) || (!ends_like_sentence(s.substr(0, open)) && names(c.credits_weak));
}

/// Splits `b` around its interface text; pieces after a cut-caption phrase are captions.
void cut_interface_text(std::string_view text, const Block& b, const std::vector<Hit>& hits, std::vector<Block>& out) {
    const std::size_t first_piece = out.size();
    std::size_t piece_start = b.span.start;
    bool caption_next = false, cut_any = false;
    auto emit = [&](Span s, bool gap_before, bool gap_after) {
        s = trim_span(text, s);
        if (s.empty()) return;
        Block p = b;
        p.span = s;
        p.caption = b.caption || caption_next;
        p.gap_before = gap_before;
        p.gap_after = gap_after;
        out.push_back(p);
    };
    any_hit(hits, b.span, {Anywhere::Cut, Anywhere::CutCaption, Anywhere::CutAtStart, Anywhere::CutCaptionAtStart},
            [&](const Hit& h) {
                const Anywhere kind = anywhere_kind(h.tag);
                if (h.span.start < piece_start) return false;  // inside the last cut
                if ((kind == Anywhere::CutAtStart || kind == Anywhere::CutCaptionAtStart) && h.span.start != b.span.start)
                    return false;
                emit(Span{piece_start, h.span.start}, piece_start == b.span.start ? b.gap_before : true, true);
                caption_next = kind == Anywhere::CutCaption || kind == Anywhere::CutCaptionAtStart;
                cut_any = true;
                piece_start = h.span.end;
                return false;
            });
    emit(Span{piece_start, b.span.end}, !cut_any ? b.gap_before : true, b.gap_after);
    if (cut_any && out.size() == first_piece) {
        // The paragraph was only interface text: it disappears, leaving a gap.
        Block gone = b;
        gone.drop = true;
        out.push_back(gone);
    }
}

}  // namespace

void apply_boilerplate(std::string_view text, std::vector<Block>& blocks, const Rules& rules) {
    std::vector<Block> out;
    out.reserve(blocks.size());
    bool in_list = false;  // after "Related topics" and the like
    for (const Block& b : blocks) {
        if (b.drop) {
            out.push_back(b);
            continue;
        }
        const std::string_view s = view(text, b.span);
        if (in_list && looks_like_link(s)) {
            out.push_back(b);
            out.back().boilerplate = true;
            continue;
        }
        in_list = is_line(rules.boilerplate.list, s);
        const std::vector<Hit> hits = find_hits(text, b.span, rules);
        const std::size_t first = out.size();
        cut_interface_text(text, b, hits, out);
        for (std::size_t i = first; i < out.size(); ++i) {
            Block& p = out[i];
            if (p.drop) continue;
            if (boilerplate_piece(text, p.span, hits, rules)) p.boilerplate = true;
            else if (!p.heading && !p.caption && caption_piece(text, p.span, hits, rules)) p.caption = true;
        }
    }
    blocks = std::move(out);
}

}  // namespace chronograph::ingest
