// What tools/bad-inputs tries on the whole program, where it is cheap enough for the suite.
#include "test_ingest_util.hpp"

#include "chronograph/consolidate.hpp"
#include "chronograph/partial.hpp"
#include "chronograph/pipeline.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <ctime>

using namespace chronograph;
using namespace ingest_test;
namespace fs = std::filesystem;

TEST_CASE("a small file's text keeps no spare capacity", "[robust]") {
    // Reading past the end used to grow every text by 64 KB: 650 MB for 10,000 small files.
    const fs::path dir = temp_dir("robust-capacity");
    const ReadResult r = read_document(write_file(dir / "tiny.txt", "Talks ended in Geneva on Monday.\n"), Resources::embedded());
    REQUIRE(r.document);
    CHECK(r.document->text.capacity() < 1024);
}

TEST_CASE("a symbolic link to itself is named and skipped", "[robust]") {
    const fs::path dir = temp_dir("robust-loop");
    write_file(dir / "good.txt", "The bridge opened on Monday.\n");
    fs::create_symlink("loop.txt", dir / "loop.txt");
    std::vector<Diagnostic> ds;
    CHECK(collect_inputs({dir.string()}, ds) == std::vector<std::string>{(dir / "good.txt").string()});
    CHECK(std::any_of(ds.begin(), ds.end(), [&](const Diagnostic& d) {
        return d.path == (dir / "loop.txt").string() && d.message.find("symbolic link loop") != std::string::npos;
    }));
    const ReadResult r = read_document((dir / "loop.txt").string(), Resources::embedded());
    CHECK_FALSE(r.document);
    REQUIRE_FALSE(r.diagnostics.empty());
    CHECK_THAT(r.diagnostics[0].message, Catch::Contains("symbolic link loop"));
}

namespace {

/// CPU seconds the per-document stages and the consolidation take on one document of
/// `bytes` of news text on a single line (the best of three runs; CPU time, not wall
/// clock, so that other jobs on a busy machine do not count).
double seconds_to_analyse(std::size_t bytes) {
    static const Pipeline pipeline(Resources::embedded());
    const std::string sentence = "Officials said on Monday that the bridge, 850 meters long, will open in 2026. ";
    std::string text;
    while (text.size() < bytes) text += sentence;
    double best = 1e9;
    for (int run = 0; run < 3; ++run) {
        const std::clock_t start = std::clock();
        ReadResult r = parse_document("long.txt", text, Resources::embedded());
        REQUIRE(r.document);
        std::vector<DocumentAnalysis> docs;
        docs.push_back(pipeline.analyse(std::move(*r.document)));
        CHECK_FALSE(consolidate(docs, Resources::embedded()).events.empty());
        best = std::min(best, static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC);
    }
    return best;
}

}  // namespace

TEST_CASE("a long document is analysed in linear time", "[robust]") {
    // Each sentence's look at the document's time expressions, entities and events, and
    // the consolidation's search for actors, were once quadratic: 4 MB took 3.5 minutes.
    const double small = seconds_to_analyse(100'000), large = seconds_to_analyse(400'000);
    INFO("100 KB: " << small << " s, 400 KB: " << large << " s");
    CHECK(large < 8 * small);
}

TEST_CASE("a part record with numbers out of range is rejected with a message", "[robust]") {
    // A float or negative offset converted to std::size_t was undefined behaviour (UBSan,
    // found by the partial fuzzer); now the record is refused like any damaged line.
    DocumentAnalysis a;
    a.doc.path = "a.txt";
    a.doc.text = "The bridge opened.";
    a.doc.paragraphs.push_back({Span{0, a.doc.text.size()}});
    const std::string line = to_json_line(PartRecord{a, {}});
    REQUIRE_NOTHROW(from_json_line(line));
    for (const char* bad : {"4e84", "-1", "1.5"}) {
        std::string damaged = line;
        const std::string was = "[0," + std::to_string(a.doc.text.size());
        REQUIRE(damaged.find(was) != std::string::npos);
        damaged.replace(damaged.find(was), was.size(), std::string("[") + bad + "," + std::to_string(a.doc.text.size()));
        INFO(damaged);
        CHECK_THROWS_WITH(from_json_line(damaged), Catch::Contains("not a whole number"));
    }
    CHECK_THROWS_WITH(from_json_line(R"({"version": 4e84, "diagnostics": []})"), Catch::Contains("another version"));
}
