// The whole pipeline on the five sample articles (samples/), as a user runs it.
#include "chronograph/exporters.hpp"
#include "chronograph/pipeline.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <unistd.h>

using namespace chronograph;

namespace {

const Story& sample_story() {
    static const Story story = [] {
        const Pipeline pipeline;
        return pipeline.build({CHRONOGRAPH_SOURCE_DIR "/samples"});
    }();
    return story;
}

std::set<DocId> docs_of(const Event& ev) {
    std::set<DocId> out;
    for (const auto& m : sample_story().evidence(ev)) out.insert(m.doc);
    return out;
}

bool within(const TimeValue& t, const char* from, const char* to) {
    return t.interval && t.interval->earliest >= *parse_day(from) && t.interval->latest <= *parse_day(to);
}

const Event* find_event(const Story& s, const std::string& type, const char* from, const char* to) {
    const Event* best = nullptr;
    for (const Event& ev : s.events)
        if (ev.type == type && within(ev.time, from, to) && (!best || docs_of(ev).size() > docs_of(*best).size()))
            best = &ev;
    return best;
}

}  // namespace

TEST_CASE("samples: publication dates come from the text or the other articles", "[e2e]") {
    const Story& s = sample_story();
    REQUIRE(s.documents.size() == 5);
    int stated = 0, inferred = 0;
    for (const auto& d : s.documents) {
        REQUIRE(d.dct);
        CHECK(format_day(*d.dct) == "2025-05-01");
        stated += d.dct_source == DctSource::Text;
        inferred += d.dct_source == DctSource::Inferred;
    }
    CHECK(stated == 2);
    CHECK(inferred == 3);
}

TEST_CASE("samples: the June 2024 agreement, one event from several articles", "[e2e]") {
    const Event* ev = find_event(sample_story(), "agreement", "2024-06-01", "2024-06-30");
    REQUIRE(ev);
    CHECK(ev->time.value.rfind("2024-06", 0) == 0);
    CHECK(docs_of(*ev).size() >= 2);
}

TEST_CASE("samples: the ground-breaking on 30 April 2025, reported by several articles", "[e2e]") {
    const Event* ev = find_event(sample_story(), "construction.start", "2025-04-30", "2025-04-30");
    REQUIRE(ev);
    CHECK(ev->time.value == "2025-04-30");
    CHECK(ev->status == EventStatus::Happened);
    CHECK(docs_of(*ev).size() >= 3);
}

TEST_CASE("samples: the completion is planned for 2026", "[e2e]") {
    const Event* ev = find_event(sample_story(), "construction.complete", "2026-01-01", "2026-12-31");
    REQUIRE(ev);
    CHECK((ev->status == EventStatus::Planned || ev->status == EventStatus::Expected));
}

TEST_CASE("samples: nothing is anchored to the day of the run", "[e2e]") {
    const Day today = date::floor<date::days>(std::chrono::system_clock::now());
    const Story& s = sample_story();
    for (const auto& d : s.documents)
        if (d.dct) CHECK(*d.dct != today);
    for (const Event& ev : s.events) {
        if (!ev.time.interval) continue;
        INFO(ev.label);
        CHECK_FALSE(ev.time.interval->contains(today));
    }
}

TEST_CASE("samples: at least nine dated events and the sources' disagreements", "[e2e]") {
    const Story& s = sample_story();
    int dated = 0;
    for (const Event& ev : s.events) dated += ev.time.interval.has_value();
    CHECK(dated >= 9);
    CHECK(s.conflicts.size() >= 2);
}

TEST_CASE("samples: every output is written and well-formed", "[e2e]") {
    namespace fs = std::filesystem;
    // A folder of this process's own: test processes run side by side.
    const fs::path out = fs::temp_directory_path() / ("chronograph-e2e-" + std::to_string(::getpid()));
    fs::remove_all(out);
    write_outputs(sample_story(), out.string());
    for (const char* name : {"events.json", "graph.dot", "graph.svg", "timeline.svg", "timeline.html"}) {
        INFO(name);
        REQUIRE(fs::exists(out / name));
        CHECK(fs::file_size(out / name) > 0);
    }
    if (std::system("command -v xmllint >/dev/null 2>&1") == 0) {
        for (const char* name : {"graph.svg", "timeline.svg"}) {
            INFO(name);
            const std::string cmd = "xmllint --noout '" + (out / name).string() + "' 2>/dev/null";
            CHECK(std::system(cmd.c_str()) == 0);
        }
    }
    if (std::system("command -v dot >/dev/null 2>&1") == 0) {
        const std::string cmd = "dot -Tsvg '" + (out / "graph.dot").string() + "' -o /dev/null 2>/dev/null";
        CHECK(std::system(cmd.c_str()) == 0);
    }
    fs::remove_all(out);
}
