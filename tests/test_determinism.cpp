// Same input, same bytes: whatever the order the files are named in, the number of
// threads, or how the corpus is split into parts that are extracted apart and merged.
#include "chronograph/exporters.hpp"
#include "chronograph/pipeline.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unistd.h>

using namespace chronograph;
namespace fs = std::filesystem;

namespace {

/// Every output file of a story, by name.
std::map<std::string, std::string> outputs(const Story& story, const std::string& tag) {
    const fs::path dir = fs::temp_directory_path() / ("chronograph-determinism-" + std::to_string(::getpid()) + "-" + tag);
    fs::remove_all(dir);
    write_outputs(story, dir.string());
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        files[entry.path().filename().string()] = ss.str();
    }
    fs::remove_all(dir);
    return files;
}

std::vector<std::string> sample_files() {
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(CHRONOGRAPH_SOURCE_DIR "/samples")) files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

void check_same(const std::map<std::string, std::string>& a, const std::map<std::string, std::string>& b) {
    REQUIRE(a.size() == b.size());
    REQUIRE(a.size() >= 5);
    for (const auto& [name, bytes] : a) {
        INFO(name);
        REQUIRE(b.count(name));
        CHECK(bytes == b.at(name));
    }
}

}  // namespace

TEST_CASE("the outputs do not depend on file order or thread count", "[determinism]") {
    const Pipeline pipeline;
    std::vector<std::string> files = sample_files();
    BuildOptions one, two;
    one.threads = 1;
    two.threads = 2;
    const auto reference = outputs(pipeline.build(files, one), "a");
    std::reverse(files.begin(), files.end());
    check_same(reference, outputs(pipeline.build(files, two), "b"));
    std::rotate(files.begin(), files.begin() + 2, files.end());
    check_same(reference, outputs(pipeline.build(files, one), "c"));
}

TEST_CASE("extract in parts, then merge, gives exactly what build gives", "[determinism]") {
    const Pipeline pipeline;
    const std::vector<std::string> files = sample_files();
    const auto reference = outputs(pipeline.build(files), "build");
    // Two shards, each written as JSON lines and read back, merged in the other order.
    std::vector<std::string> lines;
    for (const auto& shard : {std::vector<std::string>(files.begin() + 3, files.end()),
                              std::vector<std::string>(files.begin(), files.begin() + 3)})
        pipeline.extract(shard, {}, [&](PartRecord&& r) { lines.push_back(to_json_line(r)); });
    std::vector<PartRecord> records;
    for (const std::string& line : lines) records.push_back(from_json_line(line));
    check_same(reference, outputs(pipeline.merge(std::move(records)), "merge"));
}

TEST_CASE("a damaged part line is refused with a reason, not a crash", "[determinism]") {
    CHECK_THROWS_WITH(from_json_line("{not json"), Catch::Contains("not JSON"));
    CHECK_THROWS_WITH(from_json_line("{\"version\": 99, \"diagnostics\": []}"), Catch::Contains("another version"));
    const std::string bad_index =
        "{\"version\":1,\"diagnostics\":[],\"doc\":{\"path\":\"x\",\"title\":\"\",\"format\":\"text\",\"text\":\"abc\","
        "\"dct\":null,\"dct_source\":\"none\",\"paragraphs\":[[0,3,false,false,false,false]]},\"sentences\":[[0,3,0,false,false]],"
        "\"timexes\":[],\"entities\":[],\"events\":[{\"n\":0,\"trigger\":[0,1],\"lemma\":\"a\",\"type\":\"attack\",\"nominal\":false,"
        "\"status\":\"happened\",\"t\":{\"v\":\"\",\"m\":\"\"},\"ts\":\"\",\"agents\":[7],\"patients\":[],\"places\":[],"
        "\"sources\":[],\"label\":\"a\",\"theme\":\"\",\"clause\":[0,3],\"duration\":\"\",\"anchor\":\"\"}],\"claims\":[]}";
    CHECK_THROWS_WITH(from_json_line(bad_index), Catch::Contains("participant"));
}

TEST_CASE("part files read on one thread or two give what build gives; a bad line is named, the rest kept", "[determinism]") {
    const Pipeline pipeline;
    const std::vector<std::string> files = sample_files();
    const auto reference = outputs(pipeline.build(files), "build-parts");
    const fs::path dir = fs::temp_directory_path() / ("chronograph-parts-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string first = (dir / "a.jsonl").string(), second = (dir / "b.jsonl").string();
    {
        std::ofstream a(first), b(second);
        std::size_t n = 0;
        pipeline.extract(files, {}, [&](PartRecord&& r) {
            std::ofstream& out = n++ % 2 ? b : a;
            out << to_json_line(r) << '\n';
            if (n == 2) out << "\n{\"broken\n";  // an empty line (skipped), then a damaged one (line 3 of b)
        });
    }
    for (unsigned threads : {1u, 2u}) {
        GatheredParts parts;
        std::size_t bytes = 0;
        auto count = [&](std::size_t b) { bytes += b; };
        CHECK(parts.read_file(second, threads, count).size() == 1);
        const std::vector<Diagnostic> problems = parts.read_file(second, threads);  // twice: kept once
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].path == second);
        CHECK_THAT(problems[0].message, Catch::StartsWith("line 3: not JSON"));
        CHECK(parts.read_file(first, threads, count).empty());
        CHECK(bytes == fs::file_size(first) + fs::file_size(second));
        CHECK(parts.read_file((dir / "missing.jsonl").string(), threads).at(0).message == "cannot be read");
        CHECK(parts.read_file(dir.string(), threads).at(0).message == "a folder, not a part file");
        BuildOptions opt;
        opt.threads = threads;
        check_same(reference, outputs(pipeline.merge(parts, opt), "parts-" + std::to_string(threads)));
    }
    fs::remove_all(dir);
}

TEST_CASE("extract_lines gives the lines of extract's records, in the same order, whatever the threads", "[determinism]") {
    const Pipeline pipeline;
    std::vector<std::string> files = sample_files();
    files.push_back((fs::temp_directory_path() / "chronograph-no-such-file.txt").string());
    std::vector<std::string> expected;
    pipeline.extract(files, {}, [&](PartRecord&& r) { expected.push_back(to_json_line(r)); });
    for (unsigned threads : {1u, 2u}) {
        BuildOptions opt;
        opt.threads = threads;
        std::vector<std::string> lines;
        std::size_t documents = 0;
        std::vector<std::string> problems;
        opt.progress.problem = [&](const Diagnostic& d) { problems.push_back(d.path); };
        pipeline.extract_lines(files, opt, [&](PartLine&& line) {
            lines.push_back(std::move(line.json));
            documents += line.document;
        });
        CHECK(lines == expected);
        CHECK(documents == files.size() - 1);
        CHECK(problems == std::vector<std::string>{files.back()});  // the missing file, told as found
    }
}
