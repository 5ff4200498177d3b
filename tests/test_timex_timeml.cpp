// TimeML in and out: gold TIMEX3 out, ours in, everything else byte for byte.
#include "chronograph/timex.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

using namespace chronograph;

namespace {

const char* const kDoc =
    "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>X1</DOCID>\n"
    "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\" functionInDocument=\"CREATION_TIME\">19980108</TIMEX3></DCT>\n"
    "<TEXT>\nStocks <EVENT eid=\"e1\" class=\"OCCURRENCE\">fell</EVENT> on "
    "<TIMEX3 tid=\"t5\" type=\"DATE\" value=\"1998-01-07\">Wednesday</TIMEX3> &amp; rose "
    "<TIMEX3 tid=\"t6\" type=\"DURATION\" value=\"P2W\">two weeks</TIMEX3> later, in "
    "<EVENT eid=\"e2\" class=\"OCCURRENCE\">March 1997</EVENT>.\n</TEXT>\n"
    "<TLINK lid=\"l1\" relType=\"BEFORE\" eventInstanceID=\"ei1\" relatedToTime=\"t6\"/>\n</TimeML>\n";

std::string strip_tags(std::string s) { return std::regex_replace(s, std::regex("<[^>]*>"), ""); }

}  // namespace

TEST_CASE("TimeML out keeps the document and replaces the gold TIMEX3", "[timex][timeml]") {
    const TimemlAnnotator annotator(Resources::embedded());
    std::vector<Diagnostic> ds;
    const auto out = annotator.annotate("x.tml", kDoc, ds);
    REQUIRE(out);
    INFO(*out);
    CHECK(strip_tags(*out) == strip_tags(kDoc));
    CHECK(out->find("tid=\"t0\" type=\"DATE\" value=\"1998-01-08\"") != std::string::npos);  // the DCT stays
    CHECK(out->find("tid=\"t5\"") == std::string::npos);                                     // the gold goes
    CHECK(out->find("<TIMEX3 tid=\"t7\" type=\"DATE\" value=\"1998-01-07\">Wednesday</TIMEX3>") != std::string::npos);
    CHECK(out->find("<EVENT eid=\"e1\" class=\"OCCURRENCE\">fell</EVENT>") != std::string::npos);
    // An expression that is all of an EVENT's text nests in it, never across it.
    CHECK(out->find("class=\"OCCURRENCE\"><TIMEX3 tid=\"t9\" type=\"DATE\" value=\"1997-03\">March 1997</TIMEX3></EVENT>") !=
          std::string::npos);
    CHECK(out->find("&amp;") != std::string::npos);
    CHECK(out->find("relatedToTime=\"t6\"") != std::string::npos);
}

/// A document dated 2025-05-01 whose TEXT is `text`, annotated.
static std::optional<std::string> annotate_dated(const TimemlAnnotator& annotator, const char* name, const std::string& text) {
    std::vector<Diagnostic> ds;
    return annotator.annotate(name, "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2025-05-01\"></TIMEX3></DCT><TEXT>" + text + "</TEXT></TimeML>", ds);
}

TEST_CASE("TimeML input in the TempEval-3 form (no tags in TEXT) and bad input", "[timex][timeml]") {
    const TimemlAnnotator annotator(Resources::embedded());
    const auto out = annotate_dated(annotator, "y.TE3input", "The bridge will take 18 months.");
    REQUIRE(out);
    CHECK(out->find("<TIMEX3 tid=\"t1\" type=\"DURATION\" value=\"P18M\">18 months</TIMEX3>") != std::string::npos);
    std::vector<Diagnostic> ds;
    CHECK_FALSE(annotator.annotate("z.tml", "<TimeML><TEXT>unclosed <EVENT>x</TEXT></TimeML>", ds));
    CHECK_FALSE(ds.empty());
}

TEST_CASE("new tids come after the largest reference in the file, however long", "[timex][timeml]") {
    const TimemlAnnotator annotator(Resources::embedded());
    // (past the largest long: the numbering once overflowed, found by the timeml fuzzer)
    const auto out = annotate_dated(annotator, "big.tml",
                                    "It rained <EVENT eid=\"e1\" relatedToTime=\"t0099999999999999999999\">then</EVENT> in June 2024.");
    REQUIRE(out);
    CHECK(out->find("<TIMEX3 tid=\"t100000000000000000000\" type=\"DATE\" value=\"2024-06\">June 2024</TIMEX3>") != std::string::npos);
}

TEST_CASE("the gold TIMEX3 go whatever white space the TEXT end tag holds", "[timex][timeml]") {
    const TimemlAnnotator annotator(Resources::embedded());
    std::vector<Diagnostic> ds;
    // (</TEXT\n> was not seen as the end of TEXT: the gold stayed, ours nested in it; found
    // by the timeml fuzzer)
    const auto out = annotator.annotate("ws.tml",
                                        "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2025-05-01\"></TIMEX3></DCT><TEXT>On "
                                        "<TIMEX3 tid=\"t5\" type=\"DATE\" value=\"x\">Monday</TIMEX3> it rained.</TEXT\n></TimeML>",
                                        ds);
    REQUIRE(out);
    CHECK(out->find("On <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2025-04-28\">Monday</TIMEX3> it rained.</TEXT\n>") != std::string::npos);
}

TEST_CASE("the gold TIMEX3 go up to the real end of TEXT, not a </TEXT> that is not a tag", "[timex][timeml]") {
    const TimemlAnnotator annotator(Resources::embedded());
    // (in an attribute value, a comment, a CDATA section: the reader reads on; the gold
    // after them once stayed, with ours nested in it; found by the timeml fuzzer)
    const auto out = annotate_dated(annotator, "in-markup.tml",
                                    "It <EVENT eid=\"e1\" class=\"A</TEXT>B\">rained</EVENT> on <TIMEX3 tid=\"t5\" type=\"DATE\" "
                                    "value=\"x\">Monday</TIMEX3>.<!-- </TEXT> --> In <![CDATA[</TEXT>]]> <TIMEX3 tid=\"t6\">June 2024</TIMEX3>.");
    REQUIRE(out);
    CHECK(out->find("on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2025-04-28\">Monday</TIMEX3>.") != std::string::npos);
    CHECK(out->find("]]> <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2024-06\">June 2024</TIMEX3>.</TEXT>") != std::string::npos);
}

TEST_CASE("the timeml command writes to standard output and refuses to overwrite its input", "[timex][timeml]") {
    std::ostringstream out, err;
    CHECK(timeml_command("/nonexistent/file.tml", "", out, err) == 3);
    const std::string sample = CHRONOGRAPH_SOURCE_DIR "/samples/000-road-bridge-strategic-progression.txt";
    CHECK(timeml_command(sample, sample, out, err) != 0);  // not TimeML; and never over the input
}
