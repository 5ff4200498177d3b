// Filters and entity lookups over a Story (the CLI's --from/--to/--actor/--place/--type/
// --min-sources and timeline --entity).
#include "chronograph/pipeline.hpp"
#include "chronograph/queries.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace chronograph;

namespace {

const Story& samples() {
    static const Story story = Pipeline().build({CHRONOGRAPH_SOURCE_DIR "/samples"});
    return story;
}

std::set<EntityId> all_ids(const Story& s) {
    std::set<EntityId> ids;
    for (const Entity& e : s.entities) ids.insert(e.id);
    return ids;
}

}  // namespace

TEST_CASE("an empty filter keeps everything", "[queries]") {
    const Story s = filter_story(samples(), {});
    CHECK(s.events.size() == samples().events.size());
    CHECK(s.conflicts.size() == samples().conflicts.size());
}

TEST_CASE("date filters keep the events whose days meet the range, and drop undated ones", "[queries]") {
    StoryFilter f;
    f.from = parse_day("2025-01-01");
    f.to = parse_day("2025-12-31");
    const Story s = filter_story(samples(), f);
    REQUIRE_FALSE(s.events.empty());
    CHECK(s.events.size() < samples().events.size());
    for (const Event& ev : s.events) {
        REQUIRE(ev.time.interval);
        CHECK(ev.time.interval->latest >= *f.from);
        CHECK(ev.time.interval->earliest <= *f.to);
    }
}

TEST_CASE("actor, type and source filters, and every id in the output resolves", "[queries]") {
    StoryFilter f;
    f.actors = {"Putin"};
    f.types = {"agreement", "visit"};
    const Story s = filter_story(samples(), f);
    REQUIRE_FALSE(s.events.empty());
    const auto putin = find_entities(samples(), "Putin");
    REQUIRE(putin.size() == 1);
    const std::set<EntityId> ids = all_ids(s);
    for (const Event& ev : s.events) {
        CHECK((ev.type == "agreement" || ev.type == "visit"));
        bool involved = false;
        for (const auto* list : {&ev.actors, &ev.places, &ev.sources})
            for (const EntityId& id : *list) {
                CHECK(ids.count(id) == 1);
                involved = involved || id == putin.front()->id;
            }
        CHECK(involved);
    }
    StoryFilter many;
    many.min_sources = 3;
    const Story filtered = filter_story(samples(), many);
    for (const Event& ev : filtered.events) {
        std::set<DocId> docs;
        for (const auto& m : filtered.evidence(ev)) docs.insert(m.doc);
        CHECK(docs.size() >= 3);
    }
}

TEST_CASE("entity names: exact names and aliases first, then whole words", "[queries]") {
    CHECK(find_entities(samples(), "kcna").size() == 1);
    CHECK(find_entities(samples(), "Korean Central News Agency").front()->name == "Korean Central News Agency");
    CHECK(find_entities(samples(), "Vladimir").front()->name == "Vladimir Putin");
    CHECK(find_entities(samples(), "Atlantis").empty());
}
