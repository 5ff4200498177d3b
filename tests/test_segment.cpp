#include "chronograph/segment.hpp"
#include "chronograph/text.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace chronograph;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

DocumentAnalysis segmented(const std::string& text) {
    static const Segmenter segmenter(Resources::embedded());
    DocumentAnalysis a;
    a.doc.text = text;
    a.doc.paragraphs.push_back({Span{0, text.size()}});
    segmenter.segment(a);
    return a;
}

std::string joined_tokens(const DocumentAnalysis& a) {
    std::string out;
    for (const Token& t : a.tokens) {
        if (!out.empty()) out += ' ';
        out += a.text(t);
    }
    return out;
}

}  // namespace

TEST_CASE("tokenizer examples", "[segment]") {
    const std::string tokens_tsv = read_file(CHRONOGRAPH_SOURCE_DIR "/data/en/segment/examples/tokens.tsv");
    const auto rows = read_table(tokens_tsv);
    REQUIRE(rows.size() >= 10);
    for (const Record& r : rows) {
        INFO("line " << r.line << ": " << r[0]);
        CHECK(joined_tokens(segmented(std::string(r[0]))) == r[1]);
    }
}

TEST_CASE("sentence splitting examples", "[segment]") {
    const std::string sentences_tsv = read_file(CHRONOGRAPH_SOURCE_DIR "/data/en/segment/examples/sentences.tsv");
    const auto rows = read_table(sentences_tsv);
    REQUIRE(rows.size() >= 5);
    for (const Record& r : rows) {
        const std::string expected(r[0]);
        std::string text;
        for (std::string_view part : split(expected, '|')) {
            if (part.empty()) continue;
            if (!text.empty()) text += ' ';
            text += trim(part);
        }
        const DocumentAnalysis a = segmented(text);
        std::string got;
        for (const Sentence& s : a.sentences) got += (got.empty() ? "" : " || ") + std::string(a.text(s.span));
        INFO("line " << r.line);
        CHECK(got == expected);
    }
}

TEST_CASE("token flags say case, number and spacing", "[segment]") {
    const DocumentAnalysis a = segmented("KCNA said\nNorth Korea sent 15,000.");
    REQUIRE(a.tokens.size() == 7);
    CHECK(a.tokens[0].is(kAllCaps));
    CHECK(a.tokens[0].is(kCapitalized));
    CHECK_FALSE(a.tokens[1].is(kCapitalized));
    CHECK(a.tokens[2].is(kNewlineBefore));
    CHECK(a.tokens[5].is(kNumber));
    CHECK(a.tokens[6].is(kPunct));
    CHECK_FALSE(a.tokens[6].is(kSpaceBefore));
}

TEST_CASE("sentences stay inside paragraphs, skip boilerplate and duplicates", "[segment]") {
    static const Segmenter segmenter(Resources::embedded());
    DocumentAnalysis a;
    a.doc.text = "First one. Second one\nwrapped here.\nDropped.\nCaption line";
    a.doc.paragraphs = {{Span{0, 35}}, {Span{36, 44}, false, true}, {Span{45, 57}, true}};
    segmenter.segment(a);
    REQUIRE(a.sentences.size() == 3);
    CHECK(a.text(a.sentences[1].span) == "Second one\nwrapped here.");
    CHECK(a.sentences[2].caption);
    CHECK(a.text(a.sentences[2].span) == "Caption line");
}

TEST_CASE("multibyte text keeps byte offsets", "[segment]") {
    const DocumentAnalysis a = segmented("Zelensky said: ‘Russia continuously uses such weapons.’ Kyiv was hit.");
    REQUIRE(a.sentences.size() == 2);
    CHECK(a.text(a.sentences[1].span) == "Kyiv was hit.");
    for (const Token& t : a.tokens) CHECK(find_invalid_utf8(a.text(t)) == std::string_view::npos);
}

TEST_CASE("a long line without punctuation is cut into sentences of at most 1,500 bytes, at spaces", "[segment]") {
    std::string text;
    for (int i = 0; i < 20000; ++i) text += "word ";
    const DocumentAnalysis a = segmented(text);
    CHECK(a.sentences.size() == 67);  // 100,000 bytes, 300 words (1,499 bytes) a piece
    CHECK(a.tokens.size() == 20000);  // no word cut
    std::size_t words = 0;
    for (const Sentence& s : a.sentences) {
        CHECK(s.span.size() <= 1500);
        const std::string_view piece = a.text(s.span);
        CHECK(piece.front() == 'w');  // trimmed
        CHECK(piece.back() == 'd');
        words += s.token_count;
    }
    CHECK(words == 20000);
}

TEST_CASE("an overlong sentence is cut after a clause break in its piece's second half", "[segment]") {
    std::string text;
    for (int i = 0; i < 200; ++i) text += "word ";  // 1,000 bytes
    text += "then; ";
    for (int i = 0; i < 200; ++i) text += "more, ";
    const DocumentAnalysis a = segmented(text);
    REQUIRE(a.sentences.size() >= 2);
    CHECK(a.text(a.sentences[0].span).substr(a.sentences[0].span.size() - 10) == "word then;");
    CHECK(a.text(a.sentences[1].span).substr(0, 5) == "more,");
    CHECK(a.text(a.sentences[1].span).back() == ',');  // then after a comma
}

TEST_CASE("a piece of an overlong sentence is trimmed of any white space at its cut", "[segment]") {
    std::string text;
    for (int i = 0; i < 299; ++i) text += "word ";  // 1,495 bytes
    text += "ab\xC2\xA0 ";                          // a no-break space before the cut
    for (int i = 0; i < 100; ++i) text += "tail ";
    const DocumentAnalysis a = segmented(text);
    REQUIRE(a.sentences.size() == 2);
    CHECK(a.text(a.sentences[0].span).substr(a.sentences[0].span.size() - 7) == "word ab");
    CHECK(a.text(a.sentences[1].span).substr(0, 5) == "tail ");
}

TEST_CASE("an overlong run without spaces is cut between characters, never inside one", "[segment]") {
    std::string text;
    for (int i = 0; i < 2000; ++i) text += "\xC3\xA9";  // "é", 4,000 bytes
    const DocumentAnalysis a = segmented(text);
    REQUIRE(a.sentences.size() == 3);
    for (const Sentence& s : a.sentences) {
        CHECK(s.span.size() <= 1500);
        CHECK(find_invalid_utf8(a.text(s.span)) == std::string_view::npos);
    }
}
