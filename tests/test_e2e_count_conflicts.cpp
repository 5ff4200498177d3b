// Counts of people are counts of one event: two sources giving different death tolls
// for the same strike disagree, and the conflict names that event; the tolls of two
// strikes on other days and in other cities are not a disagreement, though both are
// "deaths" caused by the same country.
#include "chronograph/pipeline.hpp"
#include "test_ingest_util.hpp"

#include <catch2/catch.hpp>

using namespace chronograph;

namespace {

const char* const kMarketStrike =
    "Missile strike on market kills 23\n\nKYIV, March 3, 2025 (Reuters) - A Russian missile strike on a crowded market "
    "in Kharkiv killed 23 people on Sunday, Ukrainian officials said.\n";
const char* const kSameStrikeOtherToll =
    "Strike on market kills 29\n\nKHARKIV, March 3, 2025 (AFP) - A Russian missile strike on a market in Kharkiv killed "
    "29 people on Sunday, the city's mayor said.\n";
const char* const kOtherAttack =
    "Drone attack kills 8\n\nODESA, May 20, 2025 (Reuters) - A Russian drone attack on the port city of Odesa killed 8 "
    "people on Monday, Ukrainian officials said.\n";

Story build(const std::string& name, const std::vector<const char*>& articles) {
    const auto dir = ingest_test::temp_dir(name);
    for (std::size_t i = 0; i < articles.size(); ++i)
        ingest_test::write_file(dir / ("a" + std::to_string(i) + ".txt"), articles[i]);
    return Pipeline().build({dir.string()});
}

std::vector<const Conflict*> death_conflicts(const Story& s) {
    std::vector<const Conflict*> out;
    for (const Conflict& c : s.conflicts)
        if (c.about.rfind("deaths", 0) == 0) out.push_back(&c);
    return out;
}

}  // namespace

TEST_CASE("death tolls of two strikes on other days are not a conflict", "[pipeline]") {
    const Story s = build("count-two-strikes", {kMarketStrike, kOtherAttack});
    CHECK(death_conflicts(s).empty());
}

TEST_CASE("two tolls for one strike are a conflict about that strike", "[pipeline]") {
    const Story s = build("count-one-strike", {kMarketStrike, kSameStrikeOtherToll, kOtherAttack});
    const auto conflicts = death_conflicts(s);
    REQUIRE(conflicts.size() == 1);
    const AsideList<ClaimRef> claims = s.claims(*conflicts[0]);
    REQUIRE(claims.size() == 2);
    CHECK(claims[0].value == "23");
    CHECK(claims[1].value == "29");
    REQUIRE(conflicts[0]->event);
    const Event* strike = nullptr;
    for (const Event& e : s.events)
        if (e.id == *conflicts[0]->event) strike = &e;
    REQUIRE(strike);
    CHECK(s.evidence_count(*strike) >= 2);
    CHECK(s.evidence(*strike).size() == s.evidence_count(*strike));
    REQUIRE(strike->time.interval);
    CHECK(format_day(strike->time.interval->earliest) == "2025-03-02");
}

TEST_CASE("lengths of things are compared between articles about the same subjects", "[pipeline]") {
    const char* const rome_tokyo = "Bridge deal\n\nROME, May 3, 2025 (Reuters) - Italy and Japan signed an agreement on Monday to "
                                   "build a new bridge. The new bridge will span 100 meters, Italy and Japan said.\n";
    const char* const rome_tokyo_other = "Bridge deal signed\n\nTOKYO, May 4, 2025 (AP) - Japan and Italy signed a deal on "
                                         "Monday to build a bridge. The bridge will span 150 meters, Japan and Italy said.\n";
    const char* const cairo_berlin = "Bridge deal\n\nCAIRO, May 3, 2025 (AFP) - Egypt and Germany signed an agreement on Monday "
                                     "to build a new bridge. The new bridge will span 900 meters, Egypt and Germany said.\n";
    auto length_conflicts = [](const Story& s) {
        int n = 0;
        for (const Conflict& c : s.conflicts) n += c.about.rfind("length of", 0) == 0;
        return n;
    };
    CHECK(length_conflicts(build("lengths-two-bridges", {rome_tokyo, cairo_berlin})) == 0);
    CHECK(length_conflicts(build("lengths-one-bridge", {rome_tokyo, rome_tokyo_other})) == 1);
}
