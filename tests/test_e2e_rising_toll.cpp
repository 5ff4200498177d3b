// A death toll reported higher day after day is the news updating itself, not sources
// disagreeing; two reports of one day that differ still are.
#include "chronograph/pipeline.hpp"
#include "test_ingest_util.hpp"

#include <catch2/catch.hpp>

using namespace chronograph;

namespace {

std::vector<std::string> number_conflicts(const Story& s) {
    std::vector<std::string> out;
    for (const Conflict& c : s.conflicts)
        if (c.about.rfind("date: ", 0) != 0) out.push_back(c.about);
    return out;
}

void write_report(const std::filesystem::path& dir, const std::string& name, const std::string& day, const std::string& toll) {
    ingest_test::write_file(dir / name, "Published: " + day + "\n\nQuake toll\n\nA powerful earthquake struck Morocco on "
                                        "Friday night, killing at least " + toll + " people, officials said.\n");
}

}  // namespace

TEST_CASE("a toll that rises with later reports is no conflict", "[pipeline]") {
    const Pipeline pipeline;
    const auto rising = ingest_test::temp_dir("rising-toll");
    write_report(rising, "a.txt", "9 September 2023", "820");
    write_report(rising, "b.txt", "10 September 2023", "2,012");
    write_report(rising, "c.txt", "11 September 2023", "2,900");
    CHECK(number_conflicts(pipeline.build({rising.string()})).empty());

    const auto same_day = ingest_test::temp_dir("same-day-tolls");
    write_report(same_day, "a.txt", "10 September 2023", "820");
    write_report(same_day, "b.txt", "10 September 2023", "2,012");
    CHECK(number_conflicts(pipeline.build({same_day.string()})).size() == 1);

    const auto falling = ingest_test::temp_dir("falling-toll");
    write_report(falling, "a.txt", "9 September 2023", "2,900");
    write_report(falling, "b.txt", "10 September 2023", "820");
    CHECK(number_conflicts(pipeline.build({falling.string()})).size() == 1);
}
