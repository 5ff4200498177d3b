// Every input a fuzzer found a bug with (tests/fuzz-regressions/<target>/*), replayed
// through the same entry point as the fuzzer (tools/fuzz/targets.hpp): no clang needed,
// and a build with the sanitizers (build-asan) checks them as the fuzzer did.
#include "fuzz/targets.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

const fs::path kRegressions = CHRONOGRAPH_SOURCE_DIR "/tests/fuzz-regressions";

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<fs::path> files_in(const fs::path& dir) {
    std::vector<fs::path> files;
    if (fs::is_directory(dir))
        for (const auto& e : fs::directory_iterator(dir))
            if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

TEST_CASE("fuzz regressions replay through their fuzz target", "[robust][fuzz]") {
    for (const auto& target : chronograph::fuzz::kTargets) {
        for (const fs::path& file : files_in(kRegressions / target.name)) {
            INFO(file.string());
            try {
                target.run(read_bytes(file));
            } catch (const std::exception& e) {
                FAIL_CHECK(target.name << " on " << file.filename().string() << ": " << e.what());
            }
        }
    }
}

TEST_CASE("fuzz regression folders are named after fuzz targets", "[robust][fuzz]") {
    REQUIRE(fs::is_directory(kRegressions));
    for (const auto& e : fs::directory_iterator(kRegressions)) {
        if (!e.is_directory()) continue;
        const std::string name = e.path().filename().string();
        INFO(name);
        CHECK(std::any_of(std::begin(chronograph::fuzz::kTargets), std::end(chronograph::fuzz::kTargets),
                          [&](const auto& t) { return name == t.name; }));
    }
}
