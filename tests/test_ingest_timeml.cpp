#include "test_ingest_util.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <regex>

using namespace chronograph;
using namespace ingest_test;

namespace {

const std::string kTimeBank = CHRONOGRAPH_SHARED_DIR "/corpora/timebank-aquaint/TimeBank";

/// The content of <TEXT> with tags stripped and the XML entities decoded, the way the
/// TempEval-3 scorer sees it (an implementation independent of the reader's).
std::string stripped_text(const std::string& file) {
    const std::size_t open = file.find("<TEXT>"), close = file.rfind("</TEXT>");
    std::string body = file.substr(open + 6, close - open - 6);
    body = std::regex_replace(body, std::regex("<[^>]*>"), "");
    for (const auto& [entity, ch] : std::vector<std::pair<std::string, std::string>>{
             {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}})
        body = std::regex_replace(body, std::regex(entity), ch);
    return body;
}

std::string dct_value(const std::string& file) {
    std::smatch m;
    const std::string dct = file.substr(file.find("<DCT>"), 400);
    REQUIRE(std::regex_search(dct, m, std::regex("value=\"([0-9-]{10})")));
    return m[1];
}

}  // namespace

TEST_CASE("TimeBank files: text, DCT and raw offsets", "[ingest]") {
    if (!std::filesystem::is_directory(kTimeBank)) {
        WARN("no TimeBank corpus at " << kTimeBank);
        return;
    }
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(kTimeBank))
        if (e.path().extension() == ".tml") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() > 100);
    for (const std::string& path : files) {
        INFO(path);
        const std::string raw = slurp(path);
        const ReadResult r = read_document(path, Resources::embedded());
        REQUIRE(r.document);
        const Document& d = *r.document;
        CHECK(d.format == DocFormat::TimeML);
        CHECK(d.raw == raw);
        CHECK(d.text == stripped_text(raw));
        REQUIRE(d.dct);
        CHECK(format_day(*d.dct) == dct_value(raw));
        CHECK(d.dct_source == DctSource::Metadata);
        REQUIRE(d.raw_offset.size() == d.text.size() + 1);
        for (std::size_t i = 0; i < d.text.size(); ++i) {
            const char at = raw[d.raw_offset[i]];
            if (at != d.text[i]) REQUIRE(at == '&');  // an entity stands for the character
            if (i > 0) REQUIRE(d.raw_offset[i] > d.raw_offset[i - 1]);
        }
        CHECK(raw.compare(d.raw_offset.back(), 7, "</TEXT>") == 0);
        CHECK_FALSE(d.paragraphs.empty());
    }
}

TEST_CASE("a TimeBank document in detail", "[ingest]") {
    const std::string path = kTimeBank + "/ABC19980108.1830.0711.tml";
    if (!std::filesystem::exists(path)) return;
    const Document d = read_document(path, Resources::embedded()).document.value();
    CHECK(format_day(*d.dct) == "1998-01-08");
    REQUIRE(d.paragraphs.size() >= 3);
    CHECK(span_text(d, d.paragraphs[0]).rfind("On the other hand, it's turning out to be another very bad financial week for Asia.", 0) == 0);
    CHECK(span_text(d, d.paragraphs[2]) == "In Hong Kong, is always belongs to the seller's market.");
    // Annotations go back into the file byte-exactly: "week" is inside a TIMEX3 element.
    const std::size_t week = d.text.find("financial week") + 10;
    CHECK(d.raw.substr(d.raw_offset[week], 4) == "week");
    CHECK(d.raw.substr(raw_end_offset(d, week + 4), 9) == "</TIMEX3>");
}

TEST_CASE("TimeML: entities, character references, paragraphs, title", "[ingest]") {
    const std::string file =
        "<?xml version=\"1.0\"?>\n<TimeML>\n<DOCID>x</DOCID>\n"
        "<DCT><TIMEX3 tid=\"t0\" type=\"TIME\" value=\"1998-11-20T19:30\" functionInDocument=\"CREATION_TIME\">11/20/1998</TIMEX3></DCT>\n"
        "<TITLE>Rates &amp; bonds</TITLE>\n<TEXT>\nAT&amp;T said <EVENT eid=\"e1\">on</EVENT> <TIMEX3 tid=\"t1\" value=\"1998-11-19\">Thursday</TIMEX3>\n"
        "that caf&#233; prices &lt;rose&gt; &#x2014; a line\nwrap.\n\n<!-- a comment -->Second paragraph &quot;here&quot;.\n</TEXT>\n</TimeML>\n";
    const Document d = parse("x.tml", file);
    CHECK(d.title == "Rates & bonds");
    CHECK(format_day(*d.dct) == "1998-11-20");
    CHECK(d.text == "\nAT&T said on Thursday\nthat caf\xC3\xA9 prices <rose> \xE2\x80\x94 a line\nwrap.\n\nSecond paragraph \"here\".\n");
    REQUIRE(d.paragraphs.size() == 2);
    CHECK(span_text(d, d.paragraphs[0]) == "AT&T said on Thursday\nthat caf\xC3\xA9 prices <rose> \xE2\x80\x94 a line\nwrap.");
    CHECK(span_text(d, d.paragraphs[1]) == "Second paragraph \"here\".");
    const std::size_t amp = d.text.find('&');
    CHECK(d.raw.substr(d.raw_offset[amp], 5) == "&amp;");
    CHECK(raw_end_offset(d, amp + 1) == d.raw_offset[amp] + 5);
    const std::size_t e_acute = d.text.find("\xC3\xA9");
    CHECK(d.raw_offset[e_acute] == d.raw_offset[e_acute + 1]);  // both bytes map to "&#233;"
    CHECK(d.raw.substr(d.raw_offset[e_acute], 6) == "&#233;");
    CHECK(raw_end_offset(d, e_acute + 2) == d.raw_offset[e_acute] + 6);
    const std::size_t thursday = d.text.find("Thursday");
    CHECK(d.raw.substr(raw_end_offset(d, thursday + 8), 9) == "</TIMEX3>");
    CHECK(d.raw.substr(d.raw_offset.back(), 7) == "</TEXT>");
    CHECK(d.raw.substr(d.raw_offset[d.text.size() - 1], 9) == "\n</TEXT>\n");
}

TEST_CASE("TimeML: the TempEval-3 input form and sentence elements", "[ingest]") {
    const Document te3 = parse("doc.TE3input.tml",
                               "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>d</DOCID>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" "
                               "value=\"2013-03-22\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">"
                               "2013-03-22</TIMEX3></DCT>\n<TEXT>\nPlain text, no tags.\n</TEXT>\n</TimeML>\n");
    CHECK(te3.text == "\nPlain text, no tags.\n");
    CHECK(format_day(*te3.dct) == "2013-03-22");
    REQUIRE(te3.paragraphs.size() == 1);

    // Sentences in <s> elements with nothing between them are paragraphs of their own.
    const Document s = parse("s.xml", "<TimeML><TEXT><s id=\"1\">January 09 , 2008</s><s id=\"2\">Apple said so .</s></TEXT></TimeML>");
    CHECK(s.text == "January 09 , 2008Apple said so .");
    REQUIRE(s.paragraphs.size() == 2);
    CHECK(span_text(s, s.paragraphs[0]) == "January 09 , 2008");
    CHECK(span_text(s, s.paragraphs[1]) == "Apple said so .");
    CHECK_FALSE(s.dct);
}

TEST_CASE("TimeML that is not well-formed is an error naming the problem", "[ingest]") {
    CHECK_THAT(error_of("a.tml", "<TimeML><DCT></DCT>no text</TimeML>"), Catch::Contains("no <TEXT>"));
    CHECK_THAT(error_of("a.tml", "<TimeML><TEXT>never closed"), Catch::Contains("<TEXT> is never closed"));
    CHECK_THAT(error_of("a.tml", "<TimeML><TEXT>a <EVENT>b</TIMEX3> c</TEXT></TimeML>"),
               Catch::Contains("</TIMEX3> at byte 24 (line 1) closes <EVENT> opened at byte 16"));
    CHECK_THAT(error_of("a.tml", "<TimeML><TEXT>a <EVENT>b c</TEXT></TimeML>"), Catch::Contains("closes <EVENT>"));
    CHECK_THAT(error_of("a.tml", "<TimeML><TEXT>a </EVENT> c</TEXT></TimeML>"), Catch::Contains("closes nothing"));
    CHECK_THAT(error_of("a.tml", "<TimeML><TEXT>a < b</TEXT></TimeML>"), Catch::Contains("stray '<'"));
    CHECK_THAT(error_of("a.tml", "<TimeML><TEXT>a <EVENT eid=\"e1>b</EVENT></TEXT></TimeML>"), Catch::Contains("unclosed attribute"));
    CHECK_THAT(error_of("a.tml", "<TimeML><TEXT>  \n </TEXT></TimeML>"), Catch::Contains("empty"));
    // A .xml file is TimeML when it has <TimeML or <TEXT>; other XML is refused clearly.
    CHECK_THAT(error_of("a.xml", "<?xml version=\"1.0\"?><Document><token>x</token></Document>"), Catch::Contains("neither TimeML"));
    CHECK(error_of("b.xml", "<?xml version=\"1.0\"?><root><TEXT>fine</TEXT></root>").empty());
}
