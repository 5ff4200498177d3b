// The example corpora of data/en/ingest/examples/: every row is a test.
#include "test_ingest_util.hpp"

#include "ingest/ingest_internal.hpp"

#include <catch2/catch.hpp>

using namespace chronograph;
using namespace ingest_test;

namespace {

std::vector<Record> examples(const std::string& name) {
    static std::vector<std::string> keep;  // read_table's views point into the text
    keep.push_back(slurp(CHRONOGRAPH_SOURCE_DIR "/data/en/ingest/examples/" + name));
    std::vector<Record> rows = read_table(keep.back());
    REQUIRE(rows.size() > 10);
    return rows;
}

}  // namespace

TEST_CASE("examples: datelines", "[ingest]") {
    for (const Record& row : examples("datelines.tsv")) {
        const std::string line(row[0]), expected(row[1]);
        INFO("datelines.tsv line " << row.line << ": " << line);
        const Document d = parse("x.txt", "Bridge Talks Resume\n" + line + "\nOfficials met on Thursday in the capital.\n");
        bool line_kept = false;
        for (const Paragraph& p : d.paragraphs) line_kept = line_kept || span_text(d, p) == line;
        if (expected == "-") {
            CHECK_FALSE(d.dct);
            CHECK(line_kept);
        } else {
            REQUIRE(d.dct);
            CHECK(format_day(*d.dct) == expected);
            CHECK(d.dct_source == DctSource::Text);
            CHECK_FALSE(line_kept);
        }
    }
}

TEST_CASE("examples: wire datelines", "[ingest]") {
    for (const Record& row : examples("wire_datelines.tsv")) {
        const std::string line(row[0]), expected(row[1]);
        INFO("wire_datelines.tsv line " << row.line << ": " << line);
        const Document d = parse("x.txt", "Bridge Talks Resume\n\n" + line + "\n");
        bool line_kept = false;
        for (const Paragraph& p : d.paragraphs) line_kept = line_kept || span_text(d, p) == line;
        CHECK(line_kept);
        if (expected == "-") {
            CHECK_FALSE(d.dct);
            CHECK_FALSE(d.dct_month_day);
        } else if (expected.size() == 5) {
            CHECK_FALSE(d.dct);
            REQUIRE(d.dct_month_day);
            CHECK(d.dct_month_day->month == static_cast<unsigned>(std::stoi(expected.substr(0, 2))));
            CHECK(d.dct_month_day->day == static_cast<unsigned>(std::stoi(expected.substr(3))));
        } else {
            REQUIRE(d.dct);
            CHECK(format_day(*d.dct) == expected);
            CHECK(d.dct_source == DctSource::Text);
        }
    }
}

TEST_CASE("a wire dateline's day takes the year of the documents like it", "[ingest]") {
    // "KYIV, March 15 (Reuters) -" has no year: the DCT inferred from a report of the same
    // news is moved to March 15 of the year nearest it, across a new year too.
    CHECK(format_day(nearest_month_day(*parse_day("2025-03-17"), MonthDay{3, 15})) == "2025-03-15");
    CHECK(format_day(nearest_month_day(*parse_day("2025-01-02"), MonthDay{12, 30})) == "2024-12-30");
    CHECK(format_day(nearest_month_day(*parse_day("2024-12-30"), MonthDay{1, 2})) == "2025-01-02");
    CHECK(format_day(nearest_month_day(*parse_day("2025-03-01"), MonthDay{2, 29})) == "2024-02-29");
}

TEST_CASE("examples: boilerplate, interface text and captions", "[ingest]") {
    const ingest::Rules& rules = ingest::rules_for(Resources::embedded());
    for (const Record& row : examples("boilerplate.tsv")) {
        const std::string text(row[0]), expected(row[1]);
        INFO("boilerplate.tsv line " << row.line << ": " << text);
        std::vector<ingest::Block> blocks{ingest::Block{Span{0, text.size()}}};
        ingest::apply_boilerplate(text, blocks, rules);
        std::vector<ingest::Block> left;
        for (const ingest::Block& b : blocks)
            if (!b.drop) left.push_back(b);
        if (expected == "cut") {
            CHECK(left.empty());
            continue;
        }
        REQUIRE(left.size() == 1);
        const ingest::Block& b = left[0];
        const std::string what = b.boilerplate ? "boilerplate" : b.caption ? "caption" : "keep";
        if (expected == "cut|caption") {
            CHECK(what == "caption");
            CHECK(text.substr(b.span.start, b.span.size()) == std::string(row[2]));
        } else {
            CHECK(what == expected);
            CHECK(b.span == Span{0, text.size()});
        }
    }
}
