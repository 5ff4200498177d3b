// Unit tests of the timex stage beyond the example corpora: the samples, the relative
// flag, no DCT, the calendar conventions, and calls from several threads.
#include "test_timex_support.hpp"

#include "timex/calendar.hpp"
#include "timex/program.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <thread>

using namespace chronograph;

namespace {

const Timex* find(const DocumentAnalysis& a, std::string_view text) {
    for (const Timex& t : a.timexes)
        if (a.text(t.span) == text) return &t;
    return nullptr;
}

}  // namespace

TEST_CASE("sample sentences are normalized against the DCT", "[timex]") {
    const auto a = timex_test::tag(
        "Russia's Tass news agency reported on Wednesday that the bridge is expected to take approximately 1.5 "
        "years to complete. In June 2024, North Korea and Russia agreed to build a bridge. On Thursday, the two "
        "countries held a ceremony. Scheduled for completion by mid-2026, the bridge was built in 1959 post-Korean "
        "War.",
        "2025-05-01");
    const Timex* wed = find(a, "Wednesday");
    REQUIRE(wed);
    CHECK(wed->time.value == "2025-04-30");
    CHECK(wed->relative);
    CHECK(wed->rule == "weekday");
    const Timex* dur = find(a, "approximately 1.5 years");
    REQUIRE(dur);
    CHECK(dur->type == TimexType::Duration);
    CHECK(dur->time.value == "P1Y6M");
    CHECK(dur->time.mod == "APPROX");
    CHECK_FALSE(dur->time.interval);
    const Timex* june = find(a, "June 2024");
    REQUIRE(june);
    CHECK_FALSE(june->relative);
    CHECK(june->time.interval == TimeInterval{*parse_day("2024-06-01"), *parse_day("2024-06-30")});
    const Timex* thu = find(a, "Thursday");
    REQUIRE(thu);
    CHECK(thu->time.value == "2025-05-01");
    const Timex* mid = find(a, "mid-2026");
    REQUIRE(mid);
    CHECK(mid->time.mod == "MID");
    CHECK(find(a, "1959"));
    // Expressions come in text order and each knows its sentence.
    for (std::size_t i = 1; i < a.timexes.size(); ++i) CHECK(a.timexes[i - 1].span.start < a.timexes[i].span.start);
    CHECK(a.timexes.back().sentence == 3);
}

TEST_CASE("without a DCT relative expressions stay unanchored", "[timex]") {
    const auto a = timex_test::tag("On Wednesday, last year's report said the bridge opened on April 30, 2025.", "");
    const Timex* wed = find(a, "Wednesday");
    REQUIRE(wed);
    CHECK(wed->time.value == "XXXX-WXX-3");
    CHECK(wed->relative);
    CHECK_FALSE(wed->time.interval);
    const Timex* full = find(a, "April 30, 2025");
    REQUIRE(full);
    CHECK(full->time.interval);
    CHECK_FALSE(full->relative);
}

TEST_CASE("an empty document and one without sentences give nothing", "[timex]") {
    CHECK(timex_test::tag("", "2025-05-01").timexes.empty());
    DocumentAnalysis a;
    a.doc.text = "April 30, 2025";
    timex_test::tagger().tag(a);  // not segmented: no sentences, no tokens
    CHECK(a.timexes.empty());
}

TEST_CASE("calendar conventions", "[timex]") {
    using namespace chronograph::timex;
    const Day d = *parse_day("2025-05-01");
    CHECK(format_at(d, Unit::Week) == "2025-W18");
    CHECK(format_at(*parse_day("2021-01-02"), Unit::Week) == "2020-W53");
    CHECK(format_at(d, Unit::Quarter) == "2025-Q2");
    CHECK(format_at(d, Unit::Decade) == "202");
    CHECK(format_at(shift(*parse_day("2025-01-31"), Unit::Month, 1), Unit::Day) == "2025-02-28");
    auto iv = [](std::string_view v, std::string_view mod = "") {
        const auto t = interval_of(v, mod, std::nullopt);
        return t ? format_day(t->earliest) + ".." + format_day(t->latest) : std::string("none");
    };
    CHECK(iv("2026", "MID") == "2026-05-01..2026-08-31");
    CHECK(iv("2025", "START") == "2025-01-01..2025-04-30");
    CHECK(iv("2025-W18-WE") == "2025-05-03..2025-05-04");
    CHECK(iv("1994-WI") == "1994-12-01..1995-02-28");
    CHECK(iv("2025-H2") == "2025-07-01..2025-12-31");
    CHECK(iv("19") == "1900-01-01..1999-12-31");
    CHECK(iv("2025-04-29TMO") == "2025-04-29..2025-04-29");
    CHECK(iv("2010", "APPROX") == "2009-07-01..2011-06-30");
    CHECK(iv("2025-04-30", "APPROX") == "2025-04-29..2025-05-01");
    CHECK(iv("XXXX-WXX-3") == "none");
    CHECK(iv("PAST_REF") == "none");
    CHECK(iv("P18M") == "none");
    CHECK(duration_value("1.5", "Y") == "P1Y6M");
    CHECK(duration_value("0.5", "Y") == "P6M");
    CHECK(duration_value("1.5", "D") == "P1DT12H");
    CHECK(duration_value("5.5", "H") == "PT5H30M");
    CHECK(duration_value("1.5", "W") == "P1.5W");
    CHECK(duration_value("1.25", "M") == "P1.25M");
    CHECK(duration_value("X", "10Y") == "PXY");
    CHECK(duration_value("2", "10Y") == "P20Y");
    CHECK(duration_value("90", "MIN") == "PT90M");
    // Numbers as values write them (printf's "%0*lld" and "%g", without its format parsing).
    CHECK(pad(7, 4) == "0007");
    CHECK(pad(2025, 4) == "2025");
    CHECK(pad(12345, 4) == "12345");
    CHECK(pad(-5, 4) == "-005");
    CHECK(pad(0, 2) == "00");
    CHECK(number_text(18) == "18");
    CHECK(number_text(1.5) == "1.5");
    CHECK(number_text(-3) == "-3");
}

TEST_CASE("the tagger gives the same result from several threads", "[timex]") {
    const std::string text =
        "On Thursday, the two countries held a ceremony. It will take 18 months. In June 2024 they agreed; "
        "last year Putin visited. The talks will resume on Monday.";
    const auto expected = timex_test::tag(text, "2025-05-01").timexes;
    std::vector<std::jthread> threads;
    std::vector<int> ok(4, 0);
    for (int k = 0; k < 4; ++k)
        threads.emplace_back([&, k] {
            bool same = true;
            for (int i = 0; i < 50; ++i) {
                const auto got = timex_test::tag(text, "2025-05-01").timexes;
                same = same && got.size() == expected.size();
                for (std::size_t j = 0; same && j < got.size(); ++j)
                    same = got[j].span == expected[j].span && got[j].time == expected[j].time;
            }
            ok[k] = same;
        });
    threads.clear();
    for (int v : ok) CHECK(v == 1);
}

TEST_CASE("bad rules are reported with their file and line", "[timex]") {
    const std::string source = std::string(CHRONOGRAPH_SOURCE_DIR) + "/data";
    CHECK_NOTHROW(TimexTagger(Resources::from_directory(source)));
    // A copy of the data with one bad rule appended to the last rule file.
    const auto with_rule = [&](const std::string& name, const std::string& rule) {
        const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("cg-bad-rules-" + name);
        std::filesystem::remove_all(dir);
        std::filesystem::copy(source, dir, std::filesystem::copy_options::recursive);
        std::ofstream(dir / "en/timex/rules/60-sets.rules", std::ios::app) << "\n" << rule;
        return dir;
    };
    const auto message = [](const std::filesystem::path& dir) {
        try {
            TimexTagger tagger(Resources::from_directory(dir.string()));
        } catch (const std::exception& e) {
            return std::string(e.what());
        }
        return std::string("(accepted)");
    };
    const auto unknown = with_rule("class", "rule bad_class\n  match  @no_such_class\n  value  2025\n");
    CHECK_THAT(message(unknown), Catch::Contains("60-sets.rules:") && Catch::Contains("no_such_class"));
    // A second value would silently replace the first: refused.
    const auto twice = with_rule("twice", "rule two_values\n  match  the first day\n  value  2025\n  value  2026\n");
    CHECK_THAT(message(twice), Catch::Contains("60-sets.rules:") && Catch::Contains("'value' given twice"));
    // "[a | b]" would test for the word "|".
    const auto bar = with_rule("bar", "rule bar_in_brackets\n  match  the year > ![word | number]\n  value  2025\n");
    CHECK_THAT(message(bar), Catch::Contains("60-sets.rules:") && Catch::Contains("'|' inside [...]"));
    for (const auto& dir : {unknown, twice, bar}) std::filesystem::remove_all(dir);
}

TEST_CASE("every rule starts with a word, a class or a number shape (speed)", "[timex]") {
    // A rule whose first token test accepts any token ("[number]", "[cap]") is tried at
    // every token of every sentence: it cost a fifth of the tagger's speed once.
    const chronograph::timex::Program p = chronograph::timex::compile_program(Resources::embedded());
    std::string names;
    for (const chronograph::timex::Candidate& c : p.rules_anywhere) names += p.rules[c.rule].name + " ";
    INFO("rules tried at every token: " << names);
    CHECK(p.rules_anywhere.empty());
}

TEST_CASE("random word soup: no crash, well-formed expressions", "[timex]") {
    static const char* const kWords[] = {
        "the", "a", "last", "next", "this", "early", "mid", "-", "late", "of", "in", "on", "ago", "since", "year",
        "years", "month", "week", "day", "days", "decade", "century", "quarter", "half", "summer", "Friday",
        "Monday", "April", "Sept.", "May", "March", "2025", "1999", "30", "31", "12", "0", "99", "1.5", "9:30",
        "p.m.", "a.m.", "twenty", "four", "hundred", "first", "third", "1990s", "'", "80s", "21st", "every", "each",
        "about", "more", "than", "at", "least", ",", ".", "$", "%", "and", "to", "from", "now", "recently", "said",
        "will", "morning", "night", "tonight", "yesterday", "Q3", "H1", "fiscal", "end", "beginning", "the",
        "weekend", "Christmas", "Thanksgiving", "year-end", "later", "earlier", "following", "previous", "that"};
    std::uint32_t seed = 12345;
    auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
    for (int doc = 0; doc < 400; ++doc) {
        std::string text;
        const int n = 5 + static_cast<int>(next() % 40);
        for (int k = 0; k < n; ++k) {
            if (!text.empty()) text += ' ';
            text += kWords[next() % (sizeof(kWords) / sizeof(kWords[0]))];
        }
        for (const char* dct : {"2025-05-01", "", "1989-12-31"}) {
            const auto a = timex_test::tag(text, dct);
            std::size_t last_end = 0;
            for (const Timex& t : a.timexes) {
                INFO(text << " -> " << a.text(t.span) << " = " << t.time.value);
                CHECK(t.span.end <= text.size());
                CHECK(t.span.start >= last_end);
                CHECK_FALSE(t.time.value.empty());
                last_end = t.span.end;
                if (t.time.interval) CHECK(t.time.interval->earliest <= t.time.interval->latest);
                if (t.type == TimexType::Duration || t.type == TimexType::Set) CHECK_FALSE(t.time.interval);
                // (without a DCT a relative value may still be anchored to a date the text named)
                if (t.time.value.find('X') != std::string::npos) CHECK_FALSE(t.time.interval);
            }
        }
    }
}
