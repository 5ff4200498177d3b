// A disaster told by one source with a country to it and by another with no one named
// is still one disaster when the two name the same place on days a day apart (time
// zones); the day they disagree on is a conflict (types.tsv merge rule "placed").
#include "chronograph/pipeline.hpp"
#include "test_ingest_util.hpp"

#include <catch2/catch.hpp>

using namespace chronograph;

namespace {

/// Two reports, the second placing its ferry at `second_place`; the story built from them.
Story two_reports(const std::string& name, const std::string& second_place) {
    const auto dir = ingest_test::temp_dir(name);
    ingest_test::write_file(dir / "a.txt",
                            "Ferry capsizes\n\nJAKARTA, July 3, 2025 (AP) - A passenger ferry capsized off the island of Bali "
                            "late on Wednesday, Indonesian officials said.\n\nThe ferry was carrying 65 people when it sank.\n");
    ingest_test::write_file(dir / "b.txt", "Ferry disaster\n\nPublished 4 July 2025\n\nRescuers recovered more bodies after a ferry "
                                           "sank near " + second_place + " on Thursday, officials said.\n");
    return Pipeline().build({dir.string()});
}

int disasters(const Story& s) {
    int n = 0;
    for (const Event& e : s.events) n += e.type == "disaster";
    return n;
}

}  // namespace

TEST_CASE("one disaster in one place, told a day apart, is one event with a date conflict", "[pipeline]") {
    const Story same_place = two_reports("disaster-place", "Bali");
    CHECK(disasters(same_place) == 1);
    bool date_conflict = false;
    for (const Conflict& c : same_place.conflicts) date_conflict = date_conflict || c.about.rfind("date: ", 0) == 0;
    CHECK(date_conflict);
    // Two disasters in two places on those days stay two.
    CHECK(disasters(two_reports("disaster-two-places", "Manila")) == 2);
}
