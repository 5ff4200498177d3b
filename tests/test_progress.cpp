// What a build tells as it goes (documents, the corpus's steps, the files written), and
// the progress line that shows it: never left under another message.
#include "chronograph/exporters.hpp"
#include "chronograph/pipeline.hpp"
#include "chronograph/progress.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <thread>
#include <unistd.h>

using namespace chronograph;
namespace fs = std::filesystem;
using Phase = ProgressLine::Phase;

namespace {

const std::string kErase = "\r\033[K";

std::vector<std::string> sample_files() {
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(CHRONOGRAPH_SOURCE_DIR "/samples")) files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

TEST_CASE("the progress line numbers its phases and says what each does", "[progress]") {
    std::ostringstream out;
    {
        ProgressLine line(out, true, {Phase::Reading, Phase::Consolidating, Phase::Writing});
        const Progress p = line.hooks();
        REQUIRE(p.documents);
        REQUIRE(p.step);
        REQUIRE(p.files);
        p.documents(2, 2, 3'000'000);
        CHECK(out.str().rfind(kErase + "chronograph: [1/3] reading 2/2 documents, ", 0) == 0);
        out.str("");
        p.step("clustering the events");
        CHECK(out.str() == kErase + "chronograph: [2/3] consolidating: clustering the events");
        out.str("");
        p.files(3, 8);
        CHECK(out.str() == kErase + "chronograph: [3/3] writing the outputs: 3/8 files");
        out.str("");
    }
    // Gone when the line goes.
    CHECK(out.str() == kErase);
}

TEST_CASE("a message goes on a line of its own, the progress line drawn again below it", "[progress]") {
    std::ostringstream out;
    ProgressLine line(out, true, {Phase::Reading});
    const Progress p = line.hooks();
    p.documents(1, 4, 100);
    const std::string drawn = out.str().substr(kErase.size());
    CHECK(drawn.rfind("chronograph: reading 1/4 documents, ", 0) == 0);  // one phase: no number
    out.str("");
    line.say("chronograph: error: a.txt: the file is empty (0 bytes)");
    CHECK(out.str() == kErase + "chronograph: error: a.txt: the file is empty (0 bytes)\n" + drawn);
    out.str("");
    line.clear();
    CHECK(out.str() == kErase);
    out.str("");
    line.clear();  // nothing left to erase
    line.say("a summary");
    CHECK(out.str() == "a summary\n" + drawn);
}

TEST_CASE("the documents' count is drawn at most four times a second, the last always", "[progress]") {
    std::ostringstream out;
    ProgressLine line(out, true, {Phase::Reading});
    const Progress p = line.hooks();
    for (std::size_t done = 1; done <= 1000; ++done) p.documents(done, 1000, done * 100);
    const std::string s = out.str();
    std::size_t drawn = 0;
    for (std::size_t at = s.find(kErase); at != std::string::npos; at = s.find(kErase, at + 1)) ++drawn;
    CHECK(drawn <= 3);  // the first, maybe one more, the last (a loop of microseconds)
    CHECK(s.find("reading 1000/1000 documents") != std::string::npos);
}

TEST_CASE("the progress line is cut to the terminal's width, so that it can be erased", "[progress]") {
    std::ostringstream out;
    std::size_t width = 30;
    ProgressLine line(out, true, {Phase::Reading, Phase::Consolidating}, [&] { return width; });
    line.hooks().step("collecting the event mentions");
    CHECK(out.str() == kErase + std::string("chronograph: [2/2] consolidating: collecting the event mentions").substr(0, 29));
    out.str("");
    width = 0;  // unknown: whole
    line.hooks().step("clustering the events");
    CHECK(out.str() == kErase + "chronograph: [2/2] consolidating: clustering the events");
}

namespace {

/// The lines drawn into `out`, in order (each after its erase; an empty one: erased).
std::vector<std::string> drawn_lines(const std::string& out) {
    std::vector<std::string> lines;
    for (std::size_t at = out.find(kErase); at != std::string::npos;) {
        const std::size_t next = out.find(kErase, at + kErase.size());
        lines.push_back(out.substr(at + kErase.size(), next == std::string::npos ? std::string::npos : next - at - kErase.size()));
        at = next;
    }
    return lines;
}

}  // namespace

TEST_CASE("with a tick, a long step's line says how long it has taken, drawn again only when that changes", "[progress]") {
    std::ostringstream out;
    {
        ProgressLine line(out, true, {Phase::Reading, Phase::Consolidating}, {}, std::chrono::milliseconds(10));
        line.hooks().step("clustering the events");
        // No hook is called for over a second: the line's own thread draws it again.
        std::this_thread::sleep_for(std::chrono::milliseconds(1300));
    }
    const std::vector<std::string> lines = drawn_lines(out.str());
    REQUIRE(lines.size() >= 3);  // drawn by the hook, again by the tick, erased at the end
    CHECK(lines.front() == "chronograph: [2/2] consolidating: clustering the events");
    // (0:01, or later on a machine too busy to tick on time)
    CHECK(lines[1].rfind("chronograph: [2/2] consolidating: clustering the events, 0:0", 0) == 0);
    CHECK(lines[1].size() == lines.front().size() + std::string(", 0:01 so far").size());
    CHECK(lines[1].substr(lines[1].size() - 7) == " so far");
    CHECK(lines.back().empty());
    // Some hundred ticks, but a line is drawn only when its text changes (once a second).
    for (std::size_t k = 1; k + 1 < lines.size(); ++k) CHECK(lines[k] != lines[k - 1]);
    CHECK(lines.size() <= 4);
}

TEST_CASE("with a tick, the reading's pace and time left follow a document that takes long", "[progress]") {
    std::ostringstream out;
    {
        ProgressLine line(out, true, {Phase::Reading}, {}, std::chrono::milliseconds(10));
        line.hooks().documents(1, 4, 100);
        std::this_thread::sleep_for(std::chrono::milliseconds(1300));
        // Erased: the ticks draw nothing until a hook draws the line again.
        line.clear();
        std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    }
    const std::vector<std::string> lines = drawn_lines(out.str());
    REQUIRE(lines.size() >= 3);
    CHECK(lines.front().find(" left") == std::string::npos);  // (under a second: no pace yet)
    // The pace falls as no more text comes; after a second, the time left at that pace.
    CHECK(lines[lines.size() - 2].rfind("chronograph: reading 1/4 documents, 0.0 MB/s, ", 0) == 0);
    CHECK(lines[lines.size() - 2].find(" left") != std::string::npos);
    CHECK(lines.back().empty());  // clear(), and nothing after it
}

TEST_CASE("a progress line that is off draws nothing and has no hooks", "[progress]") {
    std::ostringstream out;
    {
        ProgressLine line(out, false, {Phase::Reading, Phase::Writing});
        const Progress p = line.hooks();
        CHECK_FALSE(p.documents);
        CHECK_FALSE(p.step);
        CHECK_FALSE(p.files);
        line.clear();
        line.say("only this");
    }
    CHECK(out.str() == "only this\n");
}

TEST_CASE("a build names its steps and counts its files", "[progress]") {
    const Pipeline pipeline;
    std::vector<std::vector<std::string>> steps(2);
    std::size_t documents = 0;
    bool inferred = false;  // some document's date borrowed from the others
    for (unsigned threads : {1u, 2u}) {
        BuildOptions opt;
        opt.threads = threads;
        opt.progress.documents = [&](std::size_t done, std::size_t total, std::size_t) {
            CHECK(done <= total);
            documents = done;
        };
        opt.progress.step = [&](std::string_view step) { steps[threads - 1].emplace_back(step); };
        const Story story = pipeline.build(sample_files(), opt);
        CHECK(documents == story.documents.size());
        inferred = std::any_of(story.documents.begin(), story.documents.end(),
                               [](const DocumentInfo& d) { return d.dct_source == DctSource::Inferred; });

        std::vector<std::pair<std::size_t, std::size_t>> files;
        Progress written;
        written.files = [&](std::size_t done, std::size_t total) { files.emplace_back(done, total); };
        const fs::path dir = fs::temp_directory_path() / ("chronograph-progress-" + std::to_string(::getpid()));
        write_outputs(story, dir.string(), threads, written);
        std::size_t on_disk = 0;
        for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++on_disk;
        fs::remove_all(dir);
        REQUIRE(files.size() == on_disk + 1);
        for (std::size_t k = 0; k < files.size(); ++k) CHECK(files[k] == std::pair(k, on_disk));
    }
    // The same steps, in the same order, whatever the threads.
    CHECK(steps[0] == steps[1]);
    const auto at = [&](const char* step) { return std::find(steps[0].begin(), steps[0].end(), step) - steps[0].begin(); };
    // Named only when it runs (some documents dated, some not), and first.
    CHECK((at("inferring publication dates") == 0) == inferred);
    CHECK(at("linking the entities") < at("clustering the events"));
    CHECK(at("clustering the events") < at("finding conflicting claims"));
    CHECK(at("finding conflicting claims") < at("making the events"));
    CHECK(at("making the events") < static_cast<long>(steps[0].size()));
}
