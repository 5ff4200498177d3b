// The streaming JSON writer: layouts (pretty, other indents, compact) and escaping,
// including the HTML-safe mode used for the JSON embedded in timeline.html.
#include "export/json_writer.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

using namespace chronograph;

namespace {

std::string written(json::Format format, const std::string& text) {
    std::ostringstream out;
    {
        json::Writer w(out, format);
        w.begin_object();
        w.field("s", text).field("n", -3).field("u", 7u).field("d", 0.25).field("i", 2.0).field("b", true);
        w.key("e").begin_array().end_array();
        w.key("a").begin_array().value(1).null().end_array();
        w.end_object();
    }
    return out.str();
}

}  // namespace

TEST_CASE("the JSON writer lays out like jq, with another indent, or compact", "[export]") {
    CHECK(written({}, "x") == "{\n  \"s\": \"x\",\n  \"n\": -3,\n  \"u\": 7,\n  \"d\": 0.25,\n  \"i\": 2.0,\n  \"b\": true,\n  \"e\": [],\n  \"a\": [\n    1,\n    null\n  ]\n}\n");
    CHECK(written({1, false}, "x").find("\n \"s\": \"x\",\n \"n\"") != std::string::npos);
    CHECK(written({-1, false}, "x") == R"({"s":"x","n":-3,"u":7,"d":0.25,"i":2.0,"b":true,"e":[],"a":[1,null]})");
}

TEST_CASE("the JSON writer can put each record of the top-level arrays on its own line", "[export]") {
    std::ostringstream out;
    {
        json::Writer w(out, {2, false, 2});
        w.begin_object();
        w.key("events").begin_array();
        w.begin_object().field("id", "ev1").key("actors").begin_array().value("e1").value("e2").end_array();
        w.key("time").begin_object().field("value", "2025").end_object().end_object();
        w.begin_object().field("id", "ev2").key("mentions").begin_array().end_array().end_object();
        w.end_array();
        w.key("empty").begin_array().end_array();
        w.field("n", 3);
        w.end_object();
    }
    CHECK(out.str() == "{\n  \"events\": [\n"
                       "    {\"id\":\"ev1\",\"actors\":[\"e1\",\"e2\"],\"time\":{\"value\":\"2025\"}},\n"
                       "    {\"id\":\"ev2\",\"mentions\":[]}\n"
                       "  ],\n  \"empty\": [],\n  \"n\": 3\n}\n");
}

TEST_CASE("the JSON writer escapes for JSON, and in HTML-safe mode for a script element", "[export]") {
    const std::string hostile = "</script><!-- & \"q\" \\ \n\x01 \xE2\x80\xA8 \xFF caf\xC3\xA9";
    const std::string plain = written({-1, false}, hostile);
    CHECK(nlohmann::json::parse(plain)["s"] == "</script><!-- & \"q\" \\ \n\x01 \xE2\x80\xA8 \xEF\xBF\xBD caf\xC3\xA9");
    CHECK(plain.find("\\u2028") != std::string::npos);
    const std::string safe = written({-1, true}, hostile);
    CHECK(safe.find_first_of("<>&") == std::string::npos);
    CHECK(safe.find("\\u003c/script\\u003e") != std::string::npos);
    CHECK(nlohmann::json::parse(safe) == nlohmann::json::parse(plain));
}

TEST_CASE("the JSON writer hands large documents to the stream whole", "[export]") {
    std::ostringstream out;
    json::Writer w(out, {-1, false});
    w.begin_array();
    for (int i = 0; i < 100000; ++i) w.value(std::string(20, 'a' + i % 26));
    w.end_array();
    const auto parsed = nlohmann::json::parse(out.str());
    REQUIRE(parsed.size() == 100000);
    CHECK(parsed[99999] == std::string(20, 'a' + 99999 % 26));
}

TEST_CASE("the JSON writer writes a string given in parts as the same string given whole", "[export]") {
    const std::vector<std::string> parts = {"<p>caf\xC3\xA9 \"quoted\"</p>", "", "line\nbreak \xE2\x80\xA8 & more", "\xFF bad"};
    std::string whole;
    for (const auto& p : parts) whole += p;
    for (const bool html : {false, true}) {
        std::ostringstream a, b;
        {
            json::Writer w(a, {2, html});
            w.begin_object().field("text", whole).field("n", 1).end_object();
        }
        {
            json::Writer w(b, {2, html});
            w.begin_object().key("text").begin_string();
            for (const auto& p : parts) w.string_part(p);
            w.end_string().field("n", 1).end_object();
        }
        CHECK(a.str() == b.str());
    }
}

TEST_CASE("the JSON writer escapes a character needing it at any place in a long run of plain text", "[export]") {
    // Each special character at every offset of a 24-byte run, and at its end: what a
    // writer scanning its plain runs a word (eight bytes) at a time would get wrong (one was
    // tried; the writer scans byte by byte).
    const std::string specials[] = {"\"", "\\", "\n", "\x01", "\x1F", "\x7F", "<", ">", "&", "\xC3\xA9", "\xE2\x80\xA8", "\xFF", " "};
    for (const std::string& special : specials) {
        for (std::size_t at = 0; at < 24; ++at) {
            const std::string text = std::string(at, 'a') + special + std::string(23 - at, 'z') + special;
            INFO("special " << nlohmann::json(special == "\xFF" ? "FF" : special).dump() << " at " << at);
            const std::string plain = written({-1, false}, text);
            const std::string safe = written({-1, true}, text);
            const std::string back = special == "\xFF" ? std::string(at, 'a') + "\xEF\xBF\xBD" + std::string(23 - at, 'z') + "\xEF\xBF\xBD" : text;
            CHECK(nlohmann::json::parse(plain)["s"] == back);
            CHECK(nlohmann::json::parse(safe)["s"] == back);
            CHECK(safe.find_first_of("<>&") == std::string::npos);
            // No raw control byte (the layout's own newlines apart).
            for (const std::string& json : {plain, safe})
                CHECK(std::none_of(json.begin(), json.end(), [](unsigned char c) { return c < 0x20 && c != '\n'; }));
        }
    }
}
