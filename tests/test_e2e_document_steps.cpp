// One article telling two steps of one undertaking on different days ("agreed on the text
// of the treaty in March", "initialled the agreement on Friday") tells two events, not a
// date it contradicts itself on; two sources giving those days for one step disagree.
#include "chronograph/pipeline.hpp"
#include "test_ingest_util.hpp"

#include <catch2/catch.hpp>

#include <string_view>

using namespace chronograph;

namespace {

Story build(const std::string& name, const std::vector<std::string>& articles) {
    const auto dir = ingest_test::temp_dir(name);
    for (std::size_t i = 0; i < articles.size(); ++i) ingest_test::write_file(dir / ("a" + std::to_string(i) + ".txt"), articles[i]);
    return Pipeline().build({dir.string()});
}

int events_of_type(const Story& s, std::string_view type) {
    int n = 0;
    for (const Event& e : s.events) n += e.type == type;
    return n;
}

bool date_conflict(const Story& s) {
    for (const Conflict& c : s.conflicts)
        if (c.about.rfind("date: ", 0) == 0) return true;
    return false;
}

}  // namespace

TEST_CASE("one article's two steps of an agreement on other days are two events", "[pipeline]") {
    const Story s = build("document-steps", {"Peace deal initialled\n\nWASHINGTON, Aug. 8, 2025 (Reuters) - Armenia and Azerbaijan "
                                             "initialled a peace agreement on Friday.\n\nArmenia and Azerbaijan agreed on the "
                                             "text of the treaty in March.\n"});
    CHECK(events_of_type(s, "agreement") == 2);
    CHECK_FALSE(date_conflict(s));
}

TEST_CASE("two sources giving other days for one agreement disagree", "[pipeline]") {
    const Story s = build("sources-disagree", {"Deal initialled\n\nWASHINGTON, Aug. 8, 2025 (Reuters) - Armenia and Azerbaijan "
                                               "initialled a peace agreement on Friday.\n",
                                               "Deal initialled\n\nBAKU, Aug. 9, 2025 (AP) - Armenia and Azerbaijan initialled a "
                                               "peace agreement on Thursday, Aug. 7.\n"});
    CHECK(events_of_type(s, "agreement") == 1);
    CHECK(date_conflict(s));
}

TEST_CASE("agreements of two stories with no actor or word in common stay two events", "[pipeline]") {
    const Story s = build("two-stories", {"Port strike\n\nROTTERDAM, March 3, 2025 (Reuters) - The union said workers would "
                                          "return on Wednesday morning if no deal was reached.\n",
                                          "Stopgap bill\n\nWASHINGTON, March 14, 2025 (AP) - The White House said the "
                                          "president would sign it Saturday morning.\n"});
    CHECK(events_of_type(s, "agreement") == 2);
}

TEST_CASE("a mention without actors takes no actors from one told after it", "[pipeline]") {
    const Story s = build("later-actors", {"Vote count\n\nTOKYO, Oct. 28, 2024 (AP) - He said parliament convenes next "
                                           "month.\n\nThe Bank of Japan holds its policy meeting on Thursday.\n"});
    bool found = false;
    for (const Event& e : s.events)
        if (e.label.find("convenes") != std::string::npos) {
            found = true;
            CHECK(e.actors.empty());
        }
    CHECK(found);
}

TEST_CASE("a headline without actors takes those of the article's mention of its kind", "[pipeline]") {
    const Story s = build("headline-actors", {"Nobel-winning author dies at 89\n\nPARIS, March 3, 2026 (AFP) - French novelist "
                                              "Claire Dumont died on Sunday at her home in Paris, her publisher said.\n"});
    CHECK(events_of_type(s, "death") == 1);
}

// "Expected to take N months to complete" is counted from the start of its own
// undertaking: the start its article reports, else the start of the same actors, not
// another start of the same kind (several starts are weighed at once: each duration must
// take its own).
TEST_CASE("durations are counted from the start of their own undertaking", "[pipeline]") {
    const Story s = build("derived-dates", {"Bridge work begins\n\nMOSCOW, May 1, 2025 (Reuters) - Russia and North Korea began "
                                            "construction of a road bridge on Wednesday.\n\nThe bridge is expected to take 18 "
                                            "months to complete.\n",
                                            "Railway work begins\n\nBEIJING, Sept. 10, 2025 (Reuters) - China and Laos began "
                                            "construction of a railway on Monday.\n",
                                            "Railway planned\n\nVIENTIANE, Oct. 2, 2025 (AP) - China and Laos are building a "
                                            "railway.\n\nThe railway is expected to take six months to complete.\n"});
    int derived = 0;
    for (const Event& e : s.events) {
        if (e.time_source != "derived") continue;
        ++derived;
        if (e.label.find("bridge") != std::string::npos) CHECK(e.time.value == "2026-10");   // 2025-04-30 + 18 months
        if (e.label.find("railway") != std::string::npos) CHECK(e.time.value == "2026-03");  // 2025-09-08 + 6 months
    }
    CHECK(derived == 2);
}
