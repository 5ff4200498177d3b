// parse_document: checks the bytes, runs the reader for the format, then the passes every
// format shares: the date written in the text, boilerplate, captions, repeats, the title,
// and the publication date in order of precedence.
#include "chronograph/ingest.hpp"

#include "ingest/format.hpp"
#include "ingest/ingest_internal.hpp"

#include <algorithm>
#include <exception>
#include <new>

namespace chronograph {
namespace ingest {

void ReadState::error(std::string message) {
    diagnostics.push_back({Diagnostic::Severity::Error, doc.path, std::move(message)});
}
void ReadState::warning(std::string message) {
    diagnostics.push_back({Diagnostic::Severity::Warning, doc.path, std::move(message)});
}

namespace {

/// The charset to read an HTML page in: "" for UTF-8, else the one the page declares. Bytes
/// that are valid UTF-8 are read as UTF-8 whatever the page says: pages saved from a server
/// that sent UTF-8 often keep an old <meta charset="iso-8859-1">, and valid UTF-8 with
/// accented letters is almost never meant as Latin-1.
std::string html_charset(std::string_view bytes, bool valid_utf8) {
    if (valid_utf8) return {};
    std::string cs = declared_charset(bytes);
    if (cs == "utf-8" || cs == "utf8" || cs == "us-ascii" || cs == "ascii" || cs.rfind("utf-16", 0) == 0 || cs.rfind("utf-32", 0) == 0)
        cs.clear();
    return cs;
}

bool read_format(SourceFormat format, std::string bytes, const std::string& charset, const Rules& rules, ReadState& st) {
    switch (format) {
        case SourceFormat::Text: return read_text(std::move(bytes), st);
        case SourceFormat::TimeML: return read_timeml(std::move(bytes), rules, st);
        case SourceFormat::Html: return read_html(bytes, charset, rules, st);
        case SourceFormat::OtherXml:
            st.error("an XML file that is neither TimeML (no <TimeML> or <TEXT> element) nor XHTML; not supported");
            return false;
    }
    return false;
}

// Text analysed per document at most. An article is rarely over 100 KB, and the analysis
// takes about 60 bytes of memory per byte of text: without a limit, a 1 GB log file
// would need 60 GB.
constexpr std::size_t kMaxAnalysedBytes = std::size_t{10} << 20;

/// Keeps the paragraphs of the first kMaxAnalysedBytes of text (the one across the limit
/// cut at white space), with a warning. The text itself stays whole.
void limit_analysed_text(ReadState& st) {
    const std::string& text = st.doc.text;
    std::vector<Paragraph>& paragraphs = st.doc.paragraphs;
    if (paragraphs.empty() || paragraphs.back().span.end <= kMaxAnalysedBytes) return;
    std::size_t cut = kMaxAnalysedBytes;
    while (cut > 0 && text[cut] != ' ' && text[cut] != '\n') --cut;
    if (cut == 0)  // no white space at all: any character boundary
        for (cut = kMaxAnalysedBytes; cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80;) --cut;
    while (!paragraphs.empty() && paragraphs.back().span.start >= cut) paragraphs.pop_back();
    if (!paragraphs.empty()) paragraphs.back().span.end = std::min(paragraphs.back().span.end, cut);
    st.warning("only the first " + std::to_string(kMaxAnalysedBytes >> 20) + " MB of its " + std::to_string(text.size() >> 20) +
               " MB of text are analysed (an article is rarely over 100 KB)");
}

void finish(ReadState& st, const Rules& rules, const ReadOptions& opt) {
    Document& doc = st.doc;
    const bool article = doc.format != DocFormat::TimeML;  // TimeML is gold data: every word counts
    TextDates dates;
    if (article) {
        dates = take_text_dates(doc.text, st.blocks, rules.dates);
        apply_boilerplate(doc.text, st.blocks, rules);
        if (doc.format == DocFormat::Text) apply_text_layout(doc.text, st.blocks);
    }
    doc.paragraphs = to_paragraphs(doc.text, st.blocks, article);
    limit_analysed_text(st);
    if (doc.title.empty() && article) doc.title = choose_title(doc.text, doc.paragraphs);
    if (doc.paragraphs.empty()) st.warning("no paragraph of article text was found");

    // Precedence: the command line, a date line opening the text, metadata, a dateline.
    // Never the day the tool runs.
    if (opt.dct) {
        doc.dct = opt.dct;
        doc.dct_source = DctSource::Flag;
    } else if (dates.leading) {
        doc.dct = dates.leading;
        doc.dct_source = DctSource::Text;
    } else if (st.metadata_dct) {
        doc.dct = st.metadata_dct;
        doc.dct_source = DctSource::Metadata;
    } else if (dates.dateline) {
        doc.dct = dates.dateline;
        doc.dct_source = DctSource::Text;
    } else if (dates.wire) {
        doc.dct = dates.wire;
        doc.dct_source = DctSource::Text;
    }
    if (!doc.dct && dates.wire_month_day) doc.dct_month_day = dates.wire_month_day;
}

}  // namespace
}  // namespace ingest

ReadResult parse_document(const std::string& path, std::string bytes, const Resources& res, const ReadOptions& opt) {
    using namespace ingest;
    ReadState st;
    st.doc.path = path;
    auto fail = [&st](std::string why) {
        if (!why.empty()) st.error(std::move(why));
        return ReadResult{std::nullopt, std::move(st.diagnostics)};
    };
    try {
        const Rules& rules = rules_for(res);
        if (std::string why = not_text_reason(bytes); !why.empty()) return fail(std::move(why));
        const SourceFormat format = choose_format(path, bytes, rules.formats);
        // All must be UTF-8, except a page that declares another charset (libxml2 converts it).
        std::string why = invalid_utf8_reason(bytes);
        const std::string charset = format == SourceFormat::Html ? html_charset(bytes, why.empty()) : std::string();
        if (!why.empty() && charset.empty()) return fail(std::move(why));
        if (!read_format(format, std::move(bytes), charset, rules, st)) return fail({});
        if (format == SourceFormat::TimeML && trim_span(st.doc.text, Span{0, st.doc.text.size()}).empty())
            return fail("the TimeML <TEXT> element is empty");
        finish(st, rules, opt);
    } catch (const std::bad_alloc&) {
        return fail("out of memory while reading this file");
    } catch (const std::exception& e) {
        return fail(std::string("internal error while reading this file: ") + e.what());
    }
    return ReadResult{std::move(st.doc), std::move(st.diagnostics)};
}

}  // namespace chronograph
