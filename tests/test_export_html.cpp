#include "chronograph/exporters.hpp"
#include "story_fixtures.hpp"
#include "xml_check.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>

using namespace chronograph;

namespace {

std::string timeline_html(const Story& s) {
    std::ostringstream out;
    write_timeline_html(s, out);
    return out.str();
}

/// The JSON inside <script type="application/json" id="chronograph-data">.
std::string data_block(const std::string& html) {
    const std::string open = "<script type=\"application/json\" id=\"chronograph-data\">";
    const std::size_t a = html.find(open);
    REQUIRE(a != std::string::npos);
    const std::size_t b = html.find("</script>", a);
    REQUIRE(b != std::string::npos);
    return html.substr(a + open.size(), b - a - open.size());
}

const nlohmann::json& event(const nlohmann::json& data, const std::string& id) {
    for (const auto& e : data["events"])
        if (e["id"] == id) return e;
    throw std::runtime_error("no event " + id);
}

}  // namespace

TEST_CASE("timeline.html is one well-formed page that loads nothing from outside", "[export]") {
    const std::string html = timeline_html(fixtures::sample_story());
    CHECK(testing::xml_errors(html, "timeline.html").empty());
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find(" src=") == std::string::npos);
    CHECK(html.find(" href=") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
    CHECK(html.find("url(http") == std::string::npos);
    CHECK(html.find("fetch(") == std::string::npos);
    CHECK(html.find("XMLHttpRequest") == std::string::npos);
    // The only URLs are XML namespace names (never fetched).
    for (std::size_t p = html.find("http"); p != std::string::npos; p = html.find("http", p + 1)) {
        const std::string url = html.substr(p, 26);
        CHECK((url == "http://www.w3.org/1999/xht" || url == "http://www.w3.org/2000/svg"));
    }
    CHECK(html.find("id=\"f-actor\"") != std::string::npos);
    CHECK(html.find("id=\"f-search\"") != std::string::npos);
    CHECK(html.find("id=\"conflicts\"") != std::string::npos);
    CHECK(testing::occurrences(html, "<script") == 2);
}

TEST_CASE("timeline.html carries the story for the viewer", "[export]") {
    const Story s = fixtures::sample_story();
    const auto data = nlohmann::json::parse(data_block(timeline_html(s)));
    CHECK(data["events"].size() == s.events.size());
    CHECK(data["docs"].size() == 5);
    CHECK(data["conflicts"].size() == 4);
    CHECK(data["segs"].size() >= 2);
    CHECK(data["lanes"][0]["title"] == "North Korea");
    const auto& ceremony = event(data, "ev13");
    CHECK(ceremony["conflict"] == 3);
    CHECK(ceremony["ev"].size() == 5);
    CHECK(ceremony["ev"][0]["x"] == nlohmann::json::array({0, 11}));  // "On Thursday"
    CHECK(ceremony["ev"][2]["c"] == 1);                                // a photo caption
    CHECK(event(data, "ev18")["lane"] == -1);                          // undated
    CHECK(event(data, "ev16")["hollow"] == true);
    const double a = event(data, "ev1")["a"], b = event(data, "ev17")["b"];
    CHECK(a >= 0);
    CHECK(b <= 1);
    // Offsets count UTF-16 units, as JavaScript strings do: "Putin’s" has a 3-byte apostrophe.
    const auto& visit = event(data, "ev4")["ev"][1];
    const std::string sentence = visit["s"];
    const long bytes = static_cast<long>(sentence.find("2024"));
    CHECK(visit["x"] == nlohmann::json::array({bytes - 2, bytes + 2}));  // UTF-16 units of "2024"
}

TEST_CASE("article text cannot break out of timeline.html", "[export]") {
    const Story s = fixtures::hostile_story();
    const std::string html = timeline_html(s);
    CHECK(testing::xml_errors(html, "timeline.html").empty());
    CHECK(testing::occurrences(html, "</script>") == 2);
    CHECK(testing::occurrences(html, "<script") == 2);
    const std::string block = data_block(html);
    CHECK(block.find('<') == std::string::npos);
    CHECK(block.find('>') == std::string::npos);
    CHECK(block.find('&') == std::string::npos);
    CHECK(block.find("\xE2\x80\xA8") == std::string::npos);
    // And the text arrives intact.
    const auto data = nlohmann::json::parse(block);
    CHECK(data["events"][0]["label"].get<std::string>().rfind("<script>alert(1)</script>", 0) == 0);
    CHECK(html.find("<script>alert") == std::string::npos);
}

TEST_CASE("timeline.html for 10,000 events stays compact", "[export]") {
    const std::string html = timeline_html(fixtures::synthetic_story(10000));
    CHECK(html.size() < 12'000'000);
    CHECK(nlohmann::json::parse(data_block(html))["events"].size() == 10000);
}

TEST_CASE("timeline.html holds the first pieces of a big event's evidence and every value a conflict disputes", "[export]") {
    const Story s = fixtures::crowded_sample_story();
    const Event& ceremony = *std::find_if(s.events.begin(), s.events.end(), [](const Event& e) { return e.id == "ev13"; });
    const auto data = nlohmann::json::parse(data_block(timeline_html(s)));
    const auto& e = event(data, "ev13");
    CHECK(e["ev"].size() == 25);
    CHECK(e["n"] == 40);
    for (std::size_t k = 0; k < 25; ++k)  // the first 25, in order
        CHECK(e["ev"][k]["s"] == nlohmann::json(std::string(ceremony.mentions[k].sentence)));
    const auto& c = data["conflicts"][e["conflict"].get<int>() - 1];
    CHECK(c["claims"].size() == 25);
    CHECK(c["n"] == 30);
    std::vector<std::string> values;
    for (const auto& cl : c["claims"]) values.push_back(cl["v"]);
    CHECK(std::count(values.begin(), values.end(), values.front()) == 22);  // 22 of the 27 alike
    CHECK(values[22] == "B");  // then every other value, in the conflict's order
    CHECK(values[23] == "C");
    CHECK(values[24] == "D");
    // An event with all it has: no count; fields at their default left out (the viewer
    // fills them in).
    const auto& plain = event(data, "ev18");
    CHECK_FALSE(plain.contains("n"));
    CHECK_FALSE(plain.contains("conflict"));
    CHECK_FALSE(plain.contains("fade"));
    CHECK_FALSE(plain.contains("hollow"));
}
