// A wire story without a year in its dateline ("KYIV, March 15 (Reuters) -") dated through
// the corpus: its publication date is inferred from the report most like it, then moved to
// the day its dateline gives; the day survives extract and merge.
#include "chronograph/partial.hpp"
#include "chronograph/pipeline.hpp"
#include "test_ingest_util.hpp"

#include <catch2/catch.hpp>

using namespace chronograph;

TEST_CASE("a wire dateline without a year dates its story through the corpus", "[pipeline]") {
    const auto dir = ingest_test::temp_dir("wire-dateline");
    ingest_test::write_file(dir / "a.txt",
                            "Russian drones hit Ukraine power grid\n\n"
                            "KYIV, March 15 (Reuters) - Russian drones struck energy facilities in the Kharkiv region, "
                            "cutting power to 200,000 homes, the regional governor said. Ukraine's air force said it shot "
                            "down 112 drones.\n");
    ingest_test::write_file(dir / "b.txt",
                            "Published: 17 March 2025\n\nUkraine says Russian drones hit energy sites\n\n"
                            "Russian drones struck energy facilities in the Kharkiv region on Saturday, cutting power to "
                            "200,000 homes, the regional governor said. Ukraine's air force said it shot down 112 drones.\n");
    const Pipeline pipeline;
    const Story story = pipeline.build({dir.string()});
    REQUIRE(story.documents.size() == 2);
    const auto& wire = story.documents[0].path.find("a.txt") != std::string::npos ? story.documents[0] : story.documents[1];
    REQUIRE(wire.dct);
    CHECK(format_day(*wire.dct) == "2025-03-15");  // not b's 2025-03-17
    CHECK(wire.dct_source == DctSource::Inferred);

    // The day without its year goes through a part record and back.
    DocumentAnalysis a;
    a.doc.path = "a.txt";
    a.doc.text = "KYIV, March 15 (Reuters) - Drones struck.";
    a.doc.dct_month_day = MonthDay{3, 15};
    const PartRecord back = from_json_line(to_json_line(PartRecord{a, {}}));
    REQUIRE(back.analysis);
    REQUIRE(back.analysis->doc.dct_month_day);
    CHECK(*back.analysis->doc.dct_month_day == MonthDay{3, 15});
}
