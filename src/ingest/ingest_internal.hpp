// Internals of the ingest stage, shared by its readers (text, HTML, TimeML) and the
// common passes that run on every format (dates, boilerplate, captions, repeats).
#pragma once

#include "chronograph/analysis.hpp"
#include "chronograph/document.hpp"
#include "chronograph/resources.hpp"

#include <bitset>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chronograph::ingest {

// ---- rules (data/en/ingest/) -------------------------------------------------------------

/// Phrases looked up by the byte a match can start with, so that one pass over a
/// paragraph tries at each position only the few phrases that can start there. A phrase is
/// lower case; see match_at for how it matches. Each phrase carries a tag for its rule.
class PhraseIndex {
public:
    void add(const std::string& phrase, int tag);
    bool empty() const { return size_ == 0; }
    /// Calls fn(tag, end) for the phrases matching at `pos`, in the order they were added,
    /// until fn returns true; returns whether it did.
    template <class Fn>
    bool at(std::string_view text, std::size_t pos, Fn&& fn) const;
    /// Calls fn(tag, span) for every match starting at or after `from`, left to right,
    /// until fn returns true; returns whether it did.
    template <class Fn>
    bool scan(std::string_view text, std::size_t from, Fn&& fn) const;

private:
    struct Entry {
        std::string phrase;
        int tag = 0;
        // The first four bytes when they are ASCII letters and digits: compared with the
        // text (case folded by | 0x20) before the full match_at.
        std::uint32_t quad = 0;
        bool has_quad = false;
    };
    // By the byte a match starts with: phrases starting with a letter or digit match only
    // where a word starts, the others anywhere.
    std::vector<Entry> word_buckets_[256];
    std::vector<Entry> other_buckets_[256];
    // The pairs of bytes a match can start with: most positions are rejected by one lookup.
    std::bitset<65536> pairs_;
    std::size_t size_ = 0;

    static std::uint32_t load_quad(std::string_view text, std::size_t pos) {
        std::uint32_t v;
        std::memcpy(&v, text.data() + pos, 4);
        return v;
    }
    bool may_start(std::string_view text, std::size_t i) const {
        const auto b0 = static_cast<unsigned char>(text[i]);
        const auto b1 = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0u;
        return pairs_[(b0 << 8) | b1];
    }
};

/// Phrases that may appear anywhere in a paragraph, from both rule files, in one index so
/// that one pass over a paragraph finds them all. The tag says which rule family.
enum class Anywhere : int {
    Boilerplate = 1,      // boilerplate.tsv contains
    Appeal = 2,           // boilerplate.tsv appeal (the row tells appeals apart)
    Cut = 3,              // boilerplate.tsv cut
    CutCaption = 4,       // boilerplate.tsv cut-caption
    CutAtStart = 5,       // boilerplate.tsv cut with match prefix: only where a paragraph starts
    CutCaptionAtStart = 6,
    Caption = 7,          // captions.tsv contains, always
    CaptionUnfinished = 8 // captions.tsv contains, unfinished
};
inline int anywhere_tag(Anywhere kind, std::size_t row = 0) { return static_cast<int>(kind) << 20 | static_cast<int>(row); }
inline Anywhere anywhere_kind(int tag) { return static_cast<Anywhere>(tag >> 20); }

/// Boilerplate rules (boilerplate.tsv) that look at where a paragraph starts.
struct BoilerRules {
    PhraseIndex line;    // the paragraph is the phrase
    PhraseIndex prefix;  // the paragraph starts with it
    PhraseIndex list;    // the paragraph is the label of a list of links
    std::vector<std::string> bylines;
};

/// Caption cues (captions.tsv) except "contains"; tag 1 = always, 0 = only when the
/// paragraph is unfinished.
struct CaptionRules {
    PhraseIndex prefix;
    std::vector<std::pair<std::string, bool>> suffixes;  // phrase, always
    std::vector<std::string> credits_strong;  // words of a photo credit in parentheses: "photo", "via"
    std::vector<std::string> credits_weak;    // agency names: a credit only after an unfinished sentence
};

struct DateWords {
    std::vector<std::pair<std::string, unsigned>> months;  // "january"/"jan"/"sept" -> 1..12
    std::vector<std::string> weekdays;
    std::vector<std::pair<std::string, std::string>> labels;  // "first published" -> "published"
    std::vector<std::string> meridiems;                       // "am", "p.m."
    std::vector<std::string> connectors;                      // "on", "at", "of"
};

struct HtmlRules {
    std::vector<std::string> skip_elements;         // dropped with their content
    std::vector<std::string> skip_outside_article;  // dropped unless inside the chosen <article>
    std::vector<std::string> block_elements;        // paragraph break before and after
    std::vector<std::string> line_breaks;           // a paragraph break unless inside a sentence
    std::vector<std::string> cell_elements;         // a space between cells
    std::vector<std::string> heading_elements;
    std::vector<std::string> caption_elements;
    std::vector<std::string> skip_tokens;     // class/id words of navigation, ads, sharing...
    std::vector<std::string> caption_tokens;  // class/id words of captions and credits
    std::vector<std::string> skip_roles;      // ARIA roles
    std::vector<std::string> date_meta;       // meta property/name/itemprop holding the publication date
};

struct FormatRules {
    std::vector<std::pair<std::string, std::string>> extensions;  // ".htm" -> "html"|"timeml"|"xml"|"text"|"skip"
    std::vector<std::string> skipped_name_ends;                  // "~": editor backups
    std::vector<std::string> timeml_blocks;                       // TimeML elements that are paragraphs ("s")
};

struct Rules {
    DateWords dates;
    BoilerRules boilerplate;
    CaptionRules captions;
    PhraseIndex anywhere;  // tags from anywhere_tag()
    HtmlRules html;
    FormatRules formats;

    /// Reads data/en/ingest/*; throws std::runtime_error naming the file and line of a bad row.
    static Rules load(const Resources& res);
};

/// The rules for `res`, read once per thread and Resources object.
const Rules& rules_for(const Resources& res);

// ---- characters -------------------------------------------------------------------------

/// Byte length of the non-ASCII white-space character at `pos` (NBSP, Unicode spaces), or 0.
std::size_t unicode_space_at(std::string_view s, std::size_t pos);
/// Byte length of the white-space character at `pos` (ASCII, NBSP, Unicode spaces), or 0.
inline std::size_t space_at(std::string_view s, std::size_t pos) {
    if (pos >= s.size()) return 0;
    const auto c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ? 1 : 0;
    return c < 0xC2 ? 0 : unicode_space_at(s, pos);
}
/// `span` without white space at either end.
Span trim_span(std::string_view text, Span span);
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_alnum(char c) { return is_alpha(c) || (c >= '0' && c <= '9'); }
inline char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// ---- phrases ----------------------------------------------------------------------------

/// End of `phrase` matched in `text` at `pos`, or npos. The phrase is lower case; a space
/// matches any run of white space, ' matches ’ and ‘, " matches “ and ”, - matches – and —;
/// ASCII letters ignore case. The match must end on a word boundary.
std::size_t match_at(std::string_view text, std::size_t pos, std::string_view phrase);
/// First match of `phrase` in `text` at or after `from` starting on a word boundary: {start, end}.
std::optional<Span> find_phrase(std::string_view text, std::string_view phrase, std::size_t from = 0);
/// `s` lower-cased with white space runs made single spaces and trimmed (for rule phrases).
std::string normalize_phrase(std::string_view s);

template <class Fn>
bool PhraseIndex::at(std::string_view text, std::size_t pos, Fn&& fn) const {
    if (pos >= text.size()) return false;
    const auto byte = static_cast<unsigned char>(text[pos]);
    const bool word_start = pos == 0 || !is_alnum(text[pos - 1]);
    for (const auto* bucket : {word_start ? &word_buckets_[byte] : nullptr, &other_buckets_[byte]}) {
        if (!bucket) continue;
        for (const Entry& e : *bucket) {
            if (e.has_quad && (pos + 4 > text.size() || (load_quad(text, pos) | 0x20202020u) != e.quad)) continue;
            const std::size_t end = match_at(text, pos, e.phrase);
            if (end != std::string_view::npos && fn(e.tag, end)) return true;
        }
    }
    return false;
}

template <class Fn>
bool PhraseIndex::scan(std::string_view text, std::size_t from, Fn&& fn) const {
    if (empty()) return false;
    // A phrase starting with a letter or digit starts a word; any other starts with a byte
    // that is not a letter or digit. So nothing can start inside a word: skip words whole.
    std::size_t i = from;
    if (i > 0 && is_alnum(text[i - 1]))
        while (i < text.size() && is_alnum(text[i])) ++i;
    while (i < text.size()) {
        const std::size_t at_i = i;
        if (is_alnum(text[i]))
            while (++i < text.size() && is_alnum(text[i])) {}
        else
            ++i;
        if (may_start(text, at_i) && at(text, at_i, [&](int tag, std::size_t end) { return fn(tag, Span{at_i, end}); }))
            return true;
    }
    return false;
}

// ---- shapes of paragraphs ---------------------------------------------------------------

/// Counts words (runs of non-space characters).
std::size_t word_count(std::string_view s);
/// True when `s` ends like a sentence or a clause (. ! ? : ; , … after closing quotes/brackets).
bool ends_like_sentence(std::string_view s);
/// Share of words that start with an upper-case letter or a digit (title case is high).
double capitalized_share(std::string_view s);
/// True when `s` has no letter and no digit (rules such as "___" or "* * *").
bool has_no_alnum(std::string_view s);

// ---- blocks: paragraphs under construction -----------------------------------------------

struct Block {
    Span span;
    bool heading = false;
    bool caption = false;
    bool boilerplate = false;
    bool drop = false;             // not a paragraph at all (a dateline, interface text)
    bool gap_before = true;        // plain text: a blank line (or nothing) before it
    bool gap_after = true;         // plain text: a blank line (or nothing) after it
};

// ---- dates ------------------------------------------------------------------------------

struct DateMatch {
    Day day;
    std::size_t end = 0;   // where the date expression (and its time, zone) ends in the line
    std::string label;     // "published", "updated", "date" or empty
};

/// Parses a publication-date line at the start of `line`: optional label ("Published",
/// "Updated:", "date"), optional weekday, a date with a year (May 1, 2025 / 1 May 2025 /
/// 2025-05-01 / March 06, 2008), an optional time and time zone, in either order.
std::optional<DateMatch> parse_dateline(std::string_view line, const DateWords& words);
/// A date written in metadata: ISO 8601 (day part), YYYYMMDD, YYYY/MM/DD, or a dateline.
std::optional<Day> parse_date_value(std::string_view value, const DateWords& words);

/// What the text itself says about its date (in the first blocks): a line starting with a
/// labelled date ("date 2025-05-01 Text goes on...") among the first three trims that
/// block's start; a line of dates only, or a short byline or place ending with a date
/// ("By Jane Doe, May 1, 2025"), among the first six is dropped from the blocks.
struct TextDates {
    std::optional<Day> leading;   // a labelled date opening one of the first blocks
    std::optional<Day> dateline;  // a dateline line near the top
    std::optional<Day> wire;      // a wire dateline opening a paragraph, with its year
    std::optional<MonthDay> wire_month_day;  // ... without it ("KYIV, March 15 (Reuters) -")
};
TextDates take_text_dates(std::string_view text, std::vector<Block>& blocks, const DateWords& words);

// ---- common passes ----------------------------------------------------------------------

/// Removes interface text (splitting blocks), marks boilerplate, and photo captions by
/// their cues (a paragraph already marked a heading or caption stays so).
void apply_boilerplate(std::string_view text, std::vector<Block>& blocks, const Rules& rules);
/// Plain text: headlines at the top, subheads and stand-alone captions in the body.
void apply_text_layout(std::string_view text, std::vector<Block>& blocks);
/// Blocks to paragraphs, marking repeats of earlier paragraphs (white space aside).
std::vector<Paragraph> to_paragraphs(std::string_view text, const std::vector<Block>& blocks, bool mark_duplicates);
/// The title: a heading, else the first sentence of the first body paragraph (~100 chars).
std::string choose_title(std::string_view text, const std::vector<Paragraph>& paragraphs);
/// First sentence of `s`, cut on a word boundary near `max_bytes` (with "…").
std::string first_sentence(std::string_view s, std::size_t max_bytes = 100);

// ---- files ------------------------------------------------------------------------------

/// What errno `err` means for `path`, in words for a user ("permission denied", "broken
/// symbolic link (its target does not exist)").
std::string describe_errno(int err, const std::string& path);

// ---- readers ----------------------------------------------------------------------------

/// Each fills doc.text (and raw/raw_offset for TimeML), the blocks, the title and the
/// metadata date; returns false after adding an error diagnostic.
struct ReadState {
    Document doc;
    std::vector<Block> blocks;
    std::optional<Day> metadata_dct;
    std::vector<Diagnostic> diagnostics;

    void error(std::string message);
    void warning(std::string message);
};

bool read_text(std::string bytes, ReadState& st);
bool read_html(std::string_view bytes, const std::string& charset, const Rules& rules, ReadState& st);
bool read_timeml(std::string bytes, const Rules& rules, ReadState& st);

/// The charset an HTML page declares in its first bytes (<meta charset>, http-equiv), lower case, or "".
std::string declared_charset(std::string_view bytes);

}  // namespace chronograph::ingest
