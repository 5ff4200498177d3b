#include "fuzz/targets.hpp"

#include "chronograph/exporters.hpp"
#include "chronograph/ingest.hpp"
#include "chronograph/partial.hpp"
#include "chronograph/pipeline.hpp"
#include "chronograph/segment.hpp"
#include "chronograph/text.hpp"
#include "chronograph/timex.hpp"
#include "export/graphviz_session.hpp"

#include <graphviz/cgraph.h>
#include <libxml/parser.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>

namespace chronograph::fuzz {
namespace {

const Resources& res() { return Resources::embedded(); }

void expect(bool ok, const std::string& what) {
    if (!ok) throw BrokenInvariant(what);
}

bool inside(Span s, std::size_t size) { return s.start <= s.end && s.end <= size; }

/// A UTF-8 continuation byte cannot start or end a piece of text.
bool on_char_boundaries(std::string_view text, Span s) {
    auto boundary = [&](std::size_t i) { return i >= text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80; };
    return boundary(s.start) && boundary(s.end);
}

/// The first byte of the input chooses the reader; the file name says which.
std::string path_for(char format_byte) {
    switch (static_cast<unsigned char>(format_byte) % 3) {
        case 0: return "fuzz.txt";
        case 1: return "fuzz.html";
        default: return "fuzz.tml";
    }
}

void check_document(const Document& doc) {
    const std::size_t n = doc.text.size();
    expect(find_invalid_utf8(doc.text) == std::string::npos, "document text is not valid UTF-8");
    std::size_t previous_end = 0;
    for (const Paragraph& p : doc.paragraphs) {
        expect(inside(p.span, n), "paragraph outside the text");
        expect(p.span.start >= previous_end, "paragraphs out of order or overlapping");
        expect(on_char_boundaries(doc.text, p.span), "paragraph cuts a character");
        previous_end = p.span.end;
    }
    if (doc.format == DocFormat::TimeML) {
        expect(doc.raw_offset.size() == n + 1, "raw_offset size is not text size + 1");
        for (std::size_t i = 0; i < doc.raw_offset.size(); ++i) {
            expect(doc.raw_offset[i] <= doc.raw.size(), "raw_offset past the raw bytes");
            expect(i == 0 || doc.raw_offset[i - 1] <= doc.raw_offset[i], "raw_offset goes backwards");
        }
    }
}

void check_segmentation(const DocumentAnalysis& a) {
    const std::string_view text = a.doc.text;
    std::size_t next_token = 0, previous_end = 0;
    for (const Sentence& s : a.sentences) {
        expect(s.paragraph < a.doc.paragraphs.size(), "sentence of no paragraph");
        expect(!s.span.empty() && a.doc.paragraphs[s.paragraph].span.contains(s.span), "sentence outside its paragraph");
        expect(s.span.start >= previous_end, "sentences out of order or overlapping");
        expect(on_char_boundaries(text, s.span), "sentence cuts a character");
        expect(s.first_token == next_token && s.token_count > 0, "sentence tokens not contiguous");
        previous_end = s.span.end;
        next_token += s.token_count;
        expect(next_token <= a.tokens.size(), "sentence tokens past the end");
        std::size_t token_end = s.span.start;
        for (std::size_t t = s.first_token; t < next_token; ++t) {
            const Span span = a.tokens[t].span;
            expect(!span.empty() && s.span.contains(span), "token outside its sentence");
            expect(span.start >= token_end, "tokens out of order or overlapping");
            expect(on_char_boundaries(text, span), "token cuts a character");
            for (const char c : a.text(span))
                expect(c != ' ' && c != '\n' && c != '\t' && c != '\r', "white space inside a token");
            token_end = span.end;
        }
    }
    expect(next_token == a.tokens.size(), "tokens outside every sentence");
}

void check_timexes(const DocumentAnalysis& a) {
    std::size_t previous_start = 0;
    for (const Timex& t : a.timexes) {
        expect(t.sentence < a.sentences.size(), "time expression of no sentence");
        expect(!t.span.empty() && a.sentences[t.sentence].span.contains(t.span), "time expression outside its sentence");
        expect(on_char_boundaries(a.doc.text, t.span), "time expression cuts a character");
        expect(t.span.start >= previous_start, "time expressions out of text order");
        expect(!t.time.value.empty(), "time expression without a value");
        if (t.time.interval) expect(t.time.interval->earliest <= t.time.interval->latest, "interval ends before it starts");
        previous_start = t.span.start;
    }
}

/// One paragraph per non-empty line.
DocumentAnalysis lines_as_paragraphs(std::string_view data) {
    DocumentAnalysis a;
    a.doc.path = "fuzz.txt";
    a.doc.text = std::string(data);
    for (std::size_t start = 0; start < data.size();) {
        std::size_t end = data.find('\n', start);
        if (end == std::string_view::npos) end = data.size();
        if (end > start) a.doc.paragraphs.push_back({Span{start, end}});
        start = end + 1;
    }
    return a;
}

/// The part-file round trip: what to_json_line writes, from_json_line reads back
/// (checking every offset and index) and writes again byte for byte.
void round_trip(const PartRecord& record) {
    const std::string line = to_json_line(record);
    PartRecord back;
    try {
        back = from_json_line(line);
    } catch (const std::runtime_error& e) {
        throw BrokenInvariant(std::string("a record written cannot be read back: ") + e.what());
    }
    expect(to_json_line(back) == line, "a record read back is written differently");
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void check_json(const std::string& text, const std::string& name) {
    try {
        const nlohmann::json parsed = nlohmann::json::parse(text);  // (strict: invalid UTF-8 is an error too)
        (void)parsed;
    } catch (const nlohmann::json::exception& e) {
        throw BrokenInvariant(name + " is not JSON: " + e.what());
    }
}

bool well_formed_xml(std::string_view text) {
    xmlDocPtr doc = xmlReadMemory(text.data(), static_cast<int>(text.size()), "fuzz.xml", nullptr,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    xmlFreeDoc(doc);
    return doc != nullptr;
}

void check_xml(const std::string& text, const std::string& name) { expect(well_formed_xml(text), name + " is not well-formed XML"); }

void init_xml() {
    static const bool ready = (xmlInitParser(), true);
    (void)ready;
}

void check_dot(const std::string& text) {
    std::lock_guard lock(views::graphviz_mutex());
    Agraph_t* g = agmemread(text.c_str());
    expect(g != nullptr, "graph.dot does not parse as DOT");
    agclose(g);
}

/// RFC 4180: fields quoted when they hold a comma, a quote or a line break (quotes
/// doubled inside), every record as many fields as the header.
void check_csv(const std::string& text) {
    std::size_t fields = 1, header = 0, records = 0;
    bool quoted = false, after_quote = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c != '"') continue;
            if (i + 1 < text.size() && text[i + 1] == '"') {
                ++i;
                continue;
            }
            quoted = false;
            after_quote = true;
            continue;
        }
        if (c == '"') {
            expect(!after_quote && (i == 0 || text[i - 1] == ',' || text[i - 1] == '\n'), "events.csv: a quote inside an unquoted field");
            quoted = true;
        } else if (c == ',') {
            ++fields;
            after_quote = false;
        } else if (c == '\n' || (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
            if (c == '\r') ++i;
            if (records++ == 0) header = fields;
            expect(fields == header, "events.csv: a record with another number of fields than the header");
            fields = 1;
            after_quote = false;
        } else {
            expect(!after_quote, "events.csv: text after a closing quote");
        }
    }
    expect(!quoted, "events.csv: a quoted field not closed");
}

/// How many times `what` occurs in `text`, whatever the case of its letters (a browser
/// ends a script at "</SCRIPT" too).
std::size_t occurrences_nocase(const std::string& text, std::string_view what) {
    std::string lower = text;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::size_t n = 0;
    for (std::size_t p = lower.find(what); p != std::string::npos; p = lower.find(what, p + 1)) ++n;
    return n;
}

std::string events_json(const Story& story) {
    std::ostringstream out;
    write_events_json(story, out);
    return out.str();
}

}  // namespace

void ingest(std::string_view data) {
    if (data.empty()) return;
    const std::string path = path_for(data[0]);
    const ReadResult r = parse_document(path, std::string(data.substr(1)), res());
    for (const Diagnostic& d : r.diagnostics) expect(d.path == path && !d.message.empty(), "diagnostic without path or message");
    if (r.document) return check_document(*r.document);
    bool error = false;
    for (const Diagnostic& d : r.diagnostics) error |= d.severity == Diagnostic::Severity::Error;
    expect(error, "no document and no error saying why");
}

void segment(std::string_view data) {
    if (find_invalid_utf8(data) != std::string_view::npos) return;
    static const Segmenter segmenter(res());
    DocumentAnalysis a = lines_as_paragraphs(data);
    segmenter.segment(a);
    check_segmentation(a);
}

void timex(std::string_view data) {
    if (find_invalid_utf8(data) != std::string_view::npos) return;
    static const Segmenter segmenter(res());
    static const TimexTagger tagger(res());
    DocumentAnalysis a = lines_as_paragraphs(data);
    a.doc.dct = parse_day("2025-05-01");
    a.doc.dct_source = DctSource::Flag;
    segmenter.segment(a);
    tagger.tag(a);
    check_timexes(a);
}

void partial(std::string_view data) {
    PartRecord record;
    try {
        record = from_json_line(data);
    } catch (const std::runtime_error&) {
        return;  // rejected with a message: what a damaged part file should get
    }
    round_trip(record);
    // A record that reads back must not crash the merge either.
    static const Pipeline pipeline(res());
    BuildOptions one_thread;
    one_thread.threads = 1;
    std::vector<PartRecord> records;
    records.push_back(std::move(record));
    (void)pipeline.merge(std::move(records), one_thread);
}

void pipeline(std::string_view data) {
    if (data.empty()) return;
    ReadResult r = parse_document(path_for(data[0]), std::string(data.substr(1)), res());
    if (!r.document) return;
    static const Pipeline pipeline(res());
    PartRecord record;
    record.analysis = pipeline.analyse(std::move(*r.document));
    check_document(record.analysis->doc);
    check_segmentation(*record.analysis);
    check_timexes(*record.analysis);
    round_trip(record);
}

void story(std::string_view data) {
    static const Pipeline pipeline(res());
    init_xml();
    std::vector<PartRecord> records;
    for (std::size_t start = 0; start <= data.size() && records.size() < 4;) {
        std::size_t end = data.find('\x1e', start);
        if (end == std::string_view::npos) end = data.size();
        const std::string_view piece = data.substr(start, end - start);
        start = end + 1;
        if (piece.empty()) continue;
        const std::string path = "fuzz-" + std::to_string(records.size()) + path_for(piece[0]).substr(4);
        ReadResult r = parse_document(path, std::string(piece.substr(1)), res());
        PartRecord& record = records.emplace_back();
        record.diagnostics = std::move(r.diagnostics);
        if (r.document) record.analysis = pipeline.analyse(std::move(*r.document));
    }
    // The same documents as `extract` would write them to part files, in the other order.
    std::vector<PartRecord> parts;
    for (auto r = records.rbegin(); r != records.rend(); ++r) parts.push_back(from_json_line(to_json_line(*r)));
    BuildOptions one_thread, two_threads;
    one_thread.threads = 1;
    two_threads.threads = 2;
    const Story story = pipeline.merge(std::move(records), one_thread);
    const Story from_parts = pipeline.merge(std::move(parts), two_threads);
    const std::string json = events_json(story);
    expect(json == events_json(from_parts),
           "events.json differs with the documents merged from part files, in the other order, on two threads");

    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("chronograph-fuzz-story-" + std::to_string(::getpid()));
    write_outputs(story, dir.string(), 1);
    expect(read_file(dir / "events.json") == json, "events.json written differs from the one made in memory");
    check_json(json, "events.json");
    check_json(read_file(dir / "timelinejs.json"), "timelinejs.json");
    check_dot(read_file(dir / "graph.dot"));
    for (const char* name : {"graph.svg", "timeline.svg", "graph.graphml"}) check_xml(read_file(dir / name), name);
    const std::string html = read_file(dir / "timeline.html");
    check_xml(html, "timeline.html");
    // The page's two scripts (its data, its viewer): no article text opens or closes one.
    expect(occurrences_nocase(html, "<script") == 2 && occurrences_nocase(html, "</script") == 2,
           "timeline.html: article text opens or closes a script");
    check_csv(read_file(dir / "events.csv"));
}

void timeml(std::string_view data) {
    init_xml();
    static const TimemlAnnotator annotator(res());
    std::vector<Diagnostic> diagnostics;
    const std::optional<std::string> out = annotator.annotate("fuzz.tml", std::string(data), diagnostics);
    if (!out) {
        expect(std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::Error; }),
               "no output and no error saying why");
        return;
    }
    // (The TIMEX3 tags as the reader finds them: not "</TEXT>" inside an attribute value.)
    const std::string in(data);
    expect(without_text_elements(*out, "TIMEX3") == without_text_elements(in, "TIMEX3"),
           "the output differs from the input in more than its TIMEX3 tags");
    if (well_formed_xml(data)) expect(well_formed_xml(*out), "well-formed TimeML in, XML that does not parse out");
    std::vector<Diagnostic> again;
    const std::optional<std::string> twice = annotator.annotate("fuzz.tml", *out, again);
    expect(twice && *twice == *out, "annotating the output again changes it");
}

}  // namespace chronograph::fuzz
