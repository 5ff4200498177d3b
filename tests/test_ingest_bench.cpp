// Throughput of parse_document, hidden from the normal run:
//   build/tests/chronograph_tests "[ingest-bench]"
// Prints MB/s per core (process CPU time, so other load on the machine matters less).
#include "test_ingest_util.hpp"

#include <catch2/catch.hpp>

#include <ctime>
#include <iostream>

using namespace chronograph;
using namespace ingest_test;

namespace {

void measure(const std::string& what, const std::vector<std::pair<std::string, std::string>>& files, int repeats) {
    std::size_t bytes = 0;
    for (const auto& [name, content] : files) parse_document(name, content, Resources::embedded());  // warm up
    const std::clock_t start = std::clock();
    for (int r = 0; r < repeats; ++r)
        for (const auto& [name, content] : files) {
            const ReadResult res = parse_document(name, content, Resources::embedded());
            REQUIRE(res.document);
            bytes += content.size();
        }
    const double seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
    std::cout << what << ": " << bytes / 1e6 << " MB in " << seconds << " s CPU = " << bytes / 1e6 / seconds << " MB/s per core\n";
}

std::string synthetic_paragraphs(std::size_t bytes) {
    const std::string words[] = {"the", "bridge", "will", "span", "one", "kilometre", "and", "take", "eighteen", "months",
                                 "to", "build", "officials", "said", "on", "Thursday", "in", "the", "capital", "Russia"};
    std::string out;
    unsigned x = 12345;
    while (out.size() < bytes) {
        for (int w = 0; w < 60; ++w) {
            x = x * 1103515245u + 12345u;
            out += words[(x >> 16) % 20];
            out += w == 59 ? ".\n\n" : " ";
        }
    }
    return out;
}

}  // namespace

TEST_CASE("ingest throughput", "[.][ingest-bench]") {
    std::vector<std::pair<std::string, std::string>> samples;
    for (const char* s : {"000-road-bridge-strategic-progression.txt", "001-azernews-first-road-link.txt",
                          "002-bnn-bridge-construction-preparations.txt", "003-independent-cementing-alliance.txt",
                          "004-first-road-link-and-troops.txt"})
        samples.emplace_back(s, slurp(CHRONOGRAPH_SOURCE_DIR "/samples/" + std::string(s)));
    measure("samples (plain text)", samples, 300);

    const std::string text = synthetic_paragraphs(30u << 20);
    measure("30 MB of plain-text paragraphs", {{"big.txt", text}}, 1);

    std::string html = "<html><head><title>t</title></head><body><article>";
    for (std::size_t p = 0; p < text.size();) {
        const std::size_t e = std::min(text.find("\n\n", p), text.size());
        html += "<p>" + text.substr(p, e - p) + "</p>\n";
        p = e + 2;
    }
    measure("HTML page with the same text", {{"big.html", html + "</article></body></html>"}}, 1);

    std::string tml = "<TimeML><DCT><TIMEX3 value=\"2001-02-03\">x</TIMEX3></DCT><TEXT>\n";
    for (std::size_t i = 0; tml.size() < (30u << 20); ++i)
        tml += "It <EVENT eid=\"e" + std::to_string(i) + "\">said</EVENT> on <TIMEX3 tid=\"t" + std::to_string(i) +
               "\" value=\"2001\">Monday</TIMEX3> &amp; more.\n\n";
    measure("30 MB of TimeML", {{"big.tml", tml + "</TEXT></TimeML>"}}, 1);
}
