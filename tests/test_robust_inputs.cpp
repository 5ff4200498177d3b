// What tools/bad-inputs tries on the whole program, where it is cheap enough for the suite.
#include "test_ingest_util.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

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
