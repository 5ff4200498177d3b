// The document model: what ingest reads from a file, before any analysis.
#pragma once

#include "chronograph/types.hpp"

#include <optional>
#include <string>
#include <vector>

namespace chronograph {

enum class DocFormat { Text, Html, TimeML };

/// Where a document's publication date (DCT) came from, in order of precedence.
enum class DctSource {
    Flag,      // --dct on the command line (single file only)
    Text,      // written in the text: "date 2025-05-01" line, a dateline near the top
    Metadata,  // HTML meta (article:published_time, <time datetime>), TimeML <DCT>
    Inferred,  // not in the document; inferred from the other documents of the corpus
    None,
};

/// A block of text (a paragraph, a caption...) in Document::text.
struct Paragraph {
    Span span;
    bool caption = false;      // photo caption: kept, but marked
    bool boilerplate = false;  // donation appeal, "open image in gallery"...: not analysed
    bool duplicate = false;    // verbatim repeat of an earlier paragraph: not analysed again
    bool heading = false;      // title or headline line
};

/// A day of the year without its year: a wire dateline's "March 15".
struct MonthDay {
    unsigned month = 0, day = 0;
    friend bool operator==(const MonthDay&, const MonthDay&) = default;
};

struct Document {
    std::string path;   // as given by the user
    std::string title;  // first heading, HTML <title>, TimeML <TITLE>; may be empty
    DocFormat format = DocFormat::Text;
    /// The text every offset in the pipeline refers to. For plain text, the file's bytes
    /// unchanged; for HTML, the extracted article text; for TimeML, the content of <TEXT>
    /// with the tags removed and entities decoded.
    std::string text;
    std::optional<Day> dct;
    DctSource dct_source = DctSource::None;
    /// A wire dateline without a year ("KYIV, March 15 (Reuters) -"): when the DCT is
    /// inferred from the other documents, it is this day of the year nearest to theirs.
    std::optional<MonthDay> dct_month_day;
    /// Body blocks in text order. Text outside every paragraph (the "date ..." prefix,
    /// blank lines) is not analysed.
    std::vector<Paragraph> paragraphs;
    /// TimeML only: for writing annotations back, raw_offset[i] is the byte offset in the
    /// original file of text[i] (size text.size() + 1). Empty for other formats.
    std::vector<std::size_t> raw_offset;
    /// TimeML only: the original file bytes.
    std::string raw;
};

/// The day `md` of the year nearest to `near` (of near's year, the one before or after;
/// 29 February only in a leap year).
Day nearest_month_day(Day near, MonthDay md);

const char* to_string(DocFormat f);
const char* to_string(DctSource s);

}  // namespace chronograph
