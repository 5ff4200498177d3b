// A disaster told by one source with a country to it and by another with no one named
// is still one disaster when the two name the same place on days a day apart (time
// zones); the day they disagree on is a conflict (types.tsv merge rule "placed").
#include "chronograph/pipeline.hpp"
#include "test_ingest_util.hpp"

#include <catch2/catch.hpp>

using namespace chronograph;

TEST_CASE("one disaster in one place, told a day apart, is one event with a date conflict", "[pipeline]") {
    const Pipeline pipeline;
    const auto dir = ingest_test::temp_dir("disaster-place");
    ingest_test::write_file(dir / "a.txt",
                            "Ferry capsizes\n\nJAKARTA, July 3, 2025 (AP) - A passenger ferry capsized off the island of Bali "
                            "late on Wednesday, Indonesian officials said.\n\nThe ferry was carrying 65 people when it sank.\n");
    ingest_test::write_file(dir / "b.txt",
                            "Ferry disaster\n\nPublished 4 July 2025\n\nRescuers recovered more bodies after a ferry sank "
                            "near Bali on Thursday, officials said.\n");
    const Story story = pipeline.build({dir.string()});
    int disasters = 0;
    for (const Event& e : story.events) disasters += e.type == "disaster";
    CHECK(disasters == 1);
    bool date_conflict = false;
    for (const Conflict& c : story.conflicts) date_conflict = date_conflict || c.about.rfind("date: ", 0) == 0;
    CHECK(date_conflict);

    // Two disasters in two places on those days stay two.
    const auto apart = ingest_test::temp_dir("disaster-two-places");
    ingest_test::write_file(apart / "a.txt",
                            "Ferry capsizes\n\nJAKARTA, July 3, 2025 (AP) - A passenger ferry capsized off the island of Bali "
                            "late on Wednesday, Indonesian officials said.\n");
    ingest_test::write_file(apart / "b.txt",
                            "Ferry disaster\n\nPublished 4 July 2025\n\nA ferry sank near Manila on Thursday, officials "
                            "said.\n");
    int apart_disasters = 0;
    for (const Event& e : pipeline.build({apart.string()}).events) apart_disasters += e.type == "disaster";
    CHECK(apart_disasters == 2);
}
