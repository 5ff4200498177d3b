// The event rules (data/en/events/) against their example corpus, and the pieces of the
// events stage that have no better home for a test.
#include "chronograph/ingest.hpp"
#include "chronograph/pipeline.hpp"
#include "chronograph/text.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>

using namespace chronograph;

namespace {

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

DocumentAnalysis analyse_sentence(const std::string& text, const std::string& dct) {
    static const Pipeline pipeline(Resources::embedded());
    ReadOptions opt;
    opt.dct = parse_day(dct);
    ReadResult r = parse_document("example.txt", text, Resources::embedded(), opt);
    REQUIRE(r.document);
    return pipeline.analyse(std::move(*r.document));
}

}  // namespace

TEST_CASE("event examples", "[events]") {
    const std::string corpus = read_text(CHRONOGRAPH_SOURCE_DIR "/data/en/events/examples/events.tsv");
    const auto rows = read_table(corpus);
    REQUIRE(rows.size() >= 20);
    int failures = 0;
    for (const Record& r : rows) {
        const DocumentAnalysis a = analyse_sentence(std::string(r[0]), std::string(r[1]));
        INFO("line " << r.line << ": " << r[0]);
        if (r[2] == "none") {
            CHECK(a.events.empty());
            failures += !a.events.empty();
            continue;
        }
        // One event of that type: a sentence naming one event twice ("signed an agreement")
        // must not give two, each with its own date.
        const EventMention* found = nullptr;
        int of_type = 0;
        for (const EventMention& ev : a.events)
            if (ev.type == r[2]) found = &ev, ++of_type;
        CHECK(found);
        CHECK(of_type <= 1);
        if (!found) {
            ++failures;
            continue;
        }
        INFO("label: " << found->label);
        CHECK(to_string(found->status) == r[3]);
        CHECK((r[4] == "-" ? !found->time.dated() : found->time.value == r[4]));
        if (r[5] != "-")
            for (std::string_view w : split(r[5], '|')) CHECK(found->label.find(w) != std::string::npos);
    }
    CHECK(failures == 0);
}

TEST_CASE("claim examples", "[events]") {
    const std::string corpus = read_text(CHRONOGRAPH_SOURCE_DIR "/data/en/events/examples/claims.tsv");
    const auto rows = read_table(corpus);
    REQUIRE(rows.size() >= 15);
    int failures = 0;
    for (const Record& r : rows) {
        const DocumentAnalysis a = analyse_sentence(std::string(r[0]), std::string(r[1]));
        std::string found;
        for (const Claim& c : a.claims) {
            char value[32];
            std::snprintf(value, sizeof value, "%.0f", c.value);
            found += (found.empty() ? "" : "|") + c.about + "=" + value;
        }
        INFO("line " << r.line << ": " << r[0]);
        CHECK(found == (r[2] == "none" ? std::string() : std::string(r[2])));
        failures += found != (r[2] == "none" ? std::string() : std::string(r[2]));
    }
    CHECK(failures == 0);
}

TEST_CASE("a reporting clause makes its speaker the source, not an actor", "[events]") {
    const DocumentAnalysis a =
        analyse_sentence("Russia launched a missile attack on Kyiv on Monday, the Ukrainian air force said.", "2024-06-12");
    REQUIRE_FALSE(a.events.empty());
    const EventMention& ev = a.events.front();
    CHECK(ev.type == "attack");
    CHECK(ev.time.value == "2024-06-10");
    bool ukraine_actor = false;
    for (std::size_t e : ev.agents) ukraine_actor = ukraine_actor || a.entities[e].name == "Ukraine";
    CHECK_FALSE(ukraine_actor);
}

TEST_CASE("an undated past event takes the day the story tells of, else the publication date", "[events]") {
    // The day named just before, in the week up to the publication date: the story's day.
    const DocumentAnalysis a = analyse_sentence(
        "Apple unveiled the iPhone 4 on Monday in San Francisco. Steve Jobs demoed its new gyroscope.", "2010-06-08");
    REQUIRE(a.events.size() == 2);
    CHECK(a.events[1].time.value == "2010-06-07");
    CHECK(a.events[1].time_source == "narrative");
    // "have lost" runs up to now: the publication date.
    const DocumentAnalysis p = analyse_sentence(
        "Apple unveiled the iPhone 4 on Monday in San Francisco. Rivals have launched cheaper phones.", "2010-06-08");
    REQUIRE(p.events.size() == 2);
    CHECK(p.events[1].time_source == "dct");
    // A day long before the publication date is no longer the story's day.
    const DocumentAnalysis b = analyse_sentence(
        "Apple unveiled the iPhone 4 on June 7, 2009. Steve Jobs demoed its new gyroscope.", "2010-06-08");
    REQUIRE(b.events.size() == 2);
    CHECK(b.events[1].time.value == "2010-06-08");
    CHECK(b.events[1].time_source == "dct");
}

TEST_CASE("numbers about the same thing become claims", "[events]") {
    const DocumentAnalysis a =
        analyse_sentence("The new bridge will span 1.2 kilometres. Officials said Iran has sent about 2,000 soldiers.", "2024-06-12");
    REQUIRE(a.claims.size() == 2);
    CHECK(a.claims[0].about == "length of bridge");
    CHECK(a.claims[0].value == Approx(1200));
    CHECK(a.claims[1].about == "troops deployed (Iran)");
    CHECK(a.claims[1].value == Approx(2000));
}

TEST_CASE("a country in a locative phrase right before the verb is where, not who", "[events]") {
    const DocumentAnalysis a = analyse_sentence("A volcano in Iceland erupted late on Wednesday.", "2024-11-21");
    REQUIRE(a.events.size() == 1);
    const EventMention& ev = a.events.front();
    CHECK(ev.agents.empty());
    REQUIRE(ev.places.size() == 1);
    CHECK(a.entities[ev.places.front()].name == "Iceland");
    // The subject right before its verb is still who: "days after Pyongyang confirmed".
    const DocumentAnalysis b = analyse_sentence("It comes days after Pyongyang confirmed the deployment.", "2025-04-30");
    REQUIRE_FALSE(b.events.empty());
    CHECK_FALSE(b.events.front().agents.empty());
}

TEST_CASE("'and', a name and a past verb start a clause with a subject of its own", "[events]") {
    const DocumentAnalysis a = analyse_sentence(
        "Hamas released three hostages on Sunday and Israel freed 90 Palestinian prisoners hours later.", "2025-01-20");
    REQUIRE(a.events.size() == 2);
    CHECK(a.events[1].label.rfind("Israel freed 90 Palestinian prisoners", 0) == 0);
    CHECK(a.events[1].time.value == "2025-01-19");
    REQUIRE(a.events[1].agents.size() == 1);
    CHECK(a.entities[a.events[1].agents.front()].name == "Israel");
}

TEST_CASE("the pronoun subject of what a source reports is that source", "[events]") {
    const DocumentAnalysis a = analyse_sentence(
        "Dutch Economy Minister Dirk Beljaarts said on Sunday that he would meet both sides on Tuesday.", "2025-03-03");
    REQUIRE(a.events.size() == 1);
    CHECK(a.events[0].type == "meeting");
    REQUIRE(a.events[0].agents.size() == 1);
    CHECK(a.entities[a.events[0].agents.front()].name == "Dirk Beljaarts");
    // "it" is a body or a country, never the person who spoke
    const DocumentAnalysis b = analyse_sentence("Foreign Minister Penny Wong said it would send aid on Friday.", "2025-03-03");
    REQUIRE_FALSE(b.events.empty());
    CHECK(b.events[0].agents.empty());
}
