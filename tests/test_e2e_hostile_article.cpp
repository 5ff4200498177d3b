// An article written to break the outputs goes through the whole pipeline, as a user runs
// it: its markup, quotes, CDATA end, DOT arrow and braces reach entity names, labels and
// evidence sentences, and every output must still parse, with nothing injected.
// (test_export_*.cpp do the same per writer with a Story whose every field is hostile.)
#include "chronograph/exporters.hpp"
#include "chronograph/pipeline.hpp"
#include "test_ingest_util.hpp"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace chronograph;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) { return ingest_test::slurp(p.string()); }

bool have(const char* tool) { return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0; }

/// Records of a CSV text (RFC 4180: quoted fields may hold commas, quotes and newlines).
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') rows.back().back() += '"', ++i;
            else if (c == '"') quoted = false;
            else rows.back().back() += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().emplace_back();
        } else if (c == '\n') {
            rows.emplace_back(1);
        } else if (c != '\r') {
            rows.back().back() += c;
        }
    }
    if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
    return rows;
}

}  // namespace

TEST_CASE("an article full of markup and quotes leaves every output valid", "[e2e][export]") {
    const fs::path dir = fs::temp_directory_path() / ("chronograph-hostile-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "in");
    const std::string evil = "<script>alert(1)</script> \"quoted\" ]]> & {} \"->";
    {
        std::ofstream a(dir / "in" / "hostile.txt", std::ios::binary);
        a << "date 2025-05-01\n"
          << "Bridge talks " << evil << "\n\n"
          << "On Monday, President Ivan Petrov of Russia signed an agreement " << evil
          << " with China in Moscow.\n\n"
          << "Russian troops attacked Kharkiv on 12 April 2025, killing 15 people " << evil << ".\n\n"
          << "Petrov said on Tuesday that construction of the bridge \"-> {} will begin in June 2026.\n";
    }
    const Pipeline pipeline;
    const Story story = pipeline.build({(dir / "in").string()});
    REQUIRE(story.events.size() >= 2);
    write_outputs(story, (dir / "out").string());
    const fs::path out = dir / "out";

    // The text reached the outputs: the JSON holds it back exactly as written.
    const auto events = nlohmann::json::parse(slurp(out / "events.json"));
    bool carried = false;
    for (const auto& ev : events["events"])
        for (const auto& m : ev["mentions"])
            carried = carried || m["sentence"].get<std::string>().find(evil) != std::string::npos;
    CHECK(carried);
    CHECK_NOTHROW(nlohmann::json::parse(slurp(out / "timelinejs.json")));

    // Markup files: no tag of the article's is a tag of theirs, and each parses as XML.
    for (const char* name : {"timeline.html", "timeline.svg", "graph.svg", "graph.graphml"}) {
        INFO(name);
        const std::string text = slurp(out / name);
        CHECK(text.find("alert(1)") != std::string::npos);  // the text is there, escaped
        CHECK(text.find("<script>alert") == std::string::npos);
        CHECK(text.find("alert(1)</script>") == std::string::npos);
        if (have("xmllint")) {
            const std::string cmd = "xmllint --noout '" + (out / name).string() + "' 2>/dev/null";
            CHECK(std::system(cmd.c_str()) == 0);
        }
    }
    // DOT: Graphviz reads it back.
    CHECK(slurp(out / "graph.dot").find("alert(1)") != std::string::npos);
    if (have("dot")) {
        const std::string dot = (out / "graph.dot").string();
        CHECK(std::system(("dot -Tcanon '" + dot + "' -o /dev/null 2>/dev/null").c_str()) == 0);
    }
    // CSV: every record has the header's number of fields; a field the article supplied
    // never starts with a spreadsheet formula character.
    const auto rows = parse_csv(slurp(out / "events.csv"));
    REQUIRE(rows.size() == story.events.size() + 1);
    for (const auto& r : rows) {
        CHECK(r.size() == rows[0].size());
        for (const auto& field : r)
            if (!field.empty()) CHECK(std::string("=+@").find(field[0]) == std::string::npos);
    }
    fs::remove_all(dir);
}
