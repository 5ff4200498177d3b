#include "chronograph/resources.hpp"
#include "chronograph/text.hpp"
#include "chronograph/types.hpp"

#include <catch2/catch.hpp>

using namespace chronograph;

TEST_CASE("days format and parse as ISO dates", "[model]") {
    const auto d = parse_day("2025-04-30");
    REQUIRE(d);
    CHECK(format_day(*d) == "2025-04-30");
    CHECK_FALSE(parse_day("2025-02-30"));
    CHECK_FALSE(parse_day("2025-4-30"));
    CHECK_FALSE(parse_day("20250430xx"));
}

TEST_CASE("data tables skip comments and split on tabs", "[model]") {
    const auto rows = read_table("# header\n\na\tb\r\n# note\nc\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].line == 3);
    CHECK(rows[0][0] == "a");
    CHECK(rows[0][1] == "b");
    CHECK(rows[1][0] == "c");
    CHECK(rows[1][1].empty());
}

TEST_CASE("UTF-8 validation finds the first bad byte", "[model]") {
    CHECK(find_invalid_utf8("plain") == std::string_view::npos);
    CHECK(find_invalid_utf8("Russia\xE2\x80\x99s") == std::string_view::npos);
    CHECK(find_invalid_utf8("ab\xFF") == 2);
    CHECK(find_invalid_utf8("ab\xE2\x80") == 2);
    CHECK(find_invalid_utf8("\xED\xA0\x80") == 0);  // surrogate
}
