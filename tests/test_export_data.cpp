#include "chronograph/exporters.hpp"
#include "story_fixtures.hpp"
#include "xml_check.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <unistd.h>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

using namespace chronograph;

TEST_CASE("TimelineJS JSON has a slide per dated event, as precise as its date", "[export]") {
    const Story s = fixtures::sample_story();
    std::ostringstream out;
    write_timelinejs_json(s, out);
    const auto j = nlohmann::json::parse(out.str());
    REQUIRE(j["events"].size() == 17);  // the 3 undated events have no place in TimelineJS
    CHECK(j["title"]["text"]["headline"].is_string());
    for (const auto& e : j["events"]) {
        CHECK(e["start_date"]["year"].is_number());
        CHECK(e["text"]["headline"].is_string());
        CHECK(e["display_date"].is_string());
        CHECK(e["group"].is_string());
    }
    auto find = [&](const std::string& id) {
        for (const auto& e : j["events"])
            if (e["unique_id"] == id) return e;
        FAIL("no " << id);
        return nlohmann::json();
    };
    const auto ceremony = find("ev13");
    CHECK(ceremony["start_date"] == nlohmann::json({{"year", 2025}, {"month", 4}, {"day", 30}}));
    CHECK_FALSE(ceremony.contains("end_date"));
    CHECK(find("ev1")["start_date"] == nlohmann::json({{"year", 1959}}));
    CHECK(find("ev5")["start_date"] == nlohmann::json({{"year", 2024}, {"month", 6}}));
    CHECK(find("ev8")["end_date"] == nlohmann::json({{"year", 2025}, {"month", 2}}));
    CHECK(find("ev16")["display_date"] == "mid-2026");
    CHECK(ceremony["group"] == "North Korea");
    CHECK(ceremony["text"]["text"].get<std::string>().find("<blockquote>") != std::string::npos);
}

TEST_CASE("a TimelineJS slide quotes the first 25 sentences of an event and says how many there are", "[export]") {
    std::ostringstream out;
    write_timelinejs_json(fixtures::crowded_sample_story(), out);
    const auto j = nlohmann::json::parse(out.str());
    for (const auto& e : j["events"]) {
        const std::string text = e["text"]["text"];
        std::size_t quotes = 0;
        for (std::size_t at = text.find("<blockquote>"); at != std::string::npos; at = text.find("<blockquote>", at + 1)) ++quotes;
        if (e["unique_id"] == "ev13") {
            CHECK(quotes == 25);
            CHECK(text.find("<p>The first 25 of 40 sentences (events.json has every one).</p>") != std::string::npos);
        } else {
            CHECK(quotes <= 25);
            CHECK(text.find("The first 25") == std::string::npos);
        }
    }
}

TEST_CASE("TimelineJS text fields escape article HTML", "[export]") {
    std::ostringstream out;
    write_timelinejs_json(fixtures::hostile_story(), out);
    const auto j = nlohmann::json::parse(out.str());
    for (const auto& e : j["events"]) {
        CHECK(e["text"]["headline"].get<std::string>().find("<script") == std::string::npos);
        CHECK(e["text"]["text"].get<std::string>().find("<script") == std::string::npos);
    }
}

TEST_CASE("events.csv has a row per event, quoted and formula-safe", "[export]") {
    Story s = fixtures::sample_story();
    s.events[0].label = "=HYPERLINK(\"x\")";
    std::ostringstream out;
    write_events_csv(s, out);
    const std::string csv = out.str();
    std::size_t rows = 0;
    for (std::size_t p = csv.find("\r\n"); p != std::string::npos; p = csv.find("\r\n", p + 2)) ++rows;
    CHECK(rows == s.events.size() + 1);
    CHECK(csv.rfind("id,when,value,mod,earliest,latest,status,type,label,", 0) == 0);
    CHECK(csv.find("\"'=HYPERLINK(\"\"x\"\")\"") != std::string::npos);
    CHECK(csv.find("ev13,30 Apr 2025,2025-04-30,,2025-04-30,2025-04-30,happened,ceremony,Ground-breaking ceremony for the road bridge,") != std::string::npos);
    CHECK(csv.find("d2; d4; d1; d5") != std::string::npos);
}

TEST_CASE("write_outputs writes every file", "[export]") {
    namespace fs = std::filesystem;
    // A folder of this process's own: test processes (and test runs) run side by side.
    const fs::path dir = fs::temp_directory_path() / ("chronograph-export-test-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    write_outputs(fixtures::sample_story(), dir.string());
    for (const char* name : {"events.json", "graph.dot", "graph.svg", "graph.graphml", "timeline.svg", "timeline.html", "timelinejs.json", "events.csv"}) {
        INFO(name);
        CHECK(fs::file_size(dir / name) > 1000);
    }
    fs::remove_all(dir);
}

TEST_CASE("write_outputs writes the same bytes on one thread and on several", "[export]") {
    namespace fs = std::filesystem;
    const Story story = fixtures::synthetic_story(400, 3);
    std::map<std::string, std::string> first;
    for (unsigned threads : {1u, 4u, 2u}) {
        const fs::path dir = fs::temp_directory_path() / ("chronograph-export-threads-" + std::to_string(threads));
        fs::remove_all(dir);
        write_outputs(story, dir.string(), threads);
        std::size_t files = 0;
        for (const auto& entry : fs::directory_iterator(dir)) {
            std::ifstream in(entry.path(), std::ios::binary);
            const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            const std::string name = entry.path().filename().string();
            INFO(name << " on " << threads << " threads");
            if (threads == 1) first[name] = bytes;
            else CHECK(bytes == first[name]);
            ++files;
        }
        CHECK(files == 8);
        fs::remove_all(dir);
    }
}

TEST_CASE("write_outputs names the file it cannot write", "[export]") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "chronograph-export-blocked";
    fs::remove_all(dir);
    fs::create_directories(dir / "graph.dot");  // a folder where a file should go
    try {
        write_outputs(fixtures::sample_story(), dir.string(), 2);
        FAIL("no error");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).find("graph.dot") != std::string::npos);
    }
    CHECK(fs::file_size(dir / "events.csv") > 1000);  // the other files are still written
    fs::remove_all(dir);
}

TEST_CASE("empty, one-event and malformed stories still give valid views", "[export]") {
    Story empty;
    Story one = fixtures::sample_story();
    one.events.resize(1);
    one.conflicts.clear();
    Story odd = fixtures::sample_story();
    odd.events[3].time.interval = TimeInterval{fixtures::day("2025-05-01"), fixtures::day("2025-04-01")};  // backwards
    odd.events[4].actors = {"e999"};                                                                       // unknown entity
    odd.events[5].mentions.clear();
    odd.events[6].time.interval = TimeInterval{fixtures::day("0001-01-01"), fixtures::day("0001-12-31")};
    for (const Story* s : {&empty, &one, &odd}) {
        std::ostringstream svg, html, tljs, csv;
        write_timeline_svg(*s, svg);
        write_timeline_html(*s, html);
        write_timelinejs_json(*s, tljs);
        write_events_csv(*s, csv);
        const StoryGraph g(*s);
        CHECK(testing::xml_errors(svg.str(), "t.svg").empty());
        CHECK(testing::xml_errors(html.str(), "t.html").empty());
        CHECK(testing::xml_errors(graph_svg(g), "g.svg").empty());
        CHECK(svg.str().find("width=\"-") == std::string::npos);
        CHECK(svg.str().find("nan") == std::string::npos);
        CHECK(svg.str().find("inf") == std::string::npos);
        CHECK_NOTHROW(nlohmann::json::parse(tljs.str()));
    }
}
