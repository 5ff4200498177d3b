// Runs every example of data/en/timex/examples/*.tsv (one file per rule family).
// Columns: text, DCT (YYYY-MM-DD, or - for none), value, type, mod, span, interval.
//  - value "-": the text must yield no expression at all (negative examples);
//  - several expressions: values, types, mods and spans separated by |, in text order;
//  - type defaults to DATE, mod to none, span to the whole text (for one expression);
//  - interval "YYYY-MM-DD..YYYY-MM-DD", or "none"; left empty, it is not checked.
#include "test_timex_support.hpp"

#include "chronograph/text.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace chronograph;

namespace {

std::vector<std::string> parts(std::string_view field) {
    std::vector<std::string> out;
    for (std::string_view p : split(field, '|')) out.emplace_back(trim(p));
    return out;
}

std::string at_or(const std::vector<std::string>& v, std::size_t i, const std::string& fallback) {
    return i < v.size() && !v[i].empty() ? v[i] : fallback;
}

std::string interval_text(const Timex& t) {
    if (!t.time.interval) return "none";
    return format_day(t.time.interval->earliest) + ".." + format_day(t.time.interval->latest);
}

}  // namespace

TEST_CASE("timex example corpora", "[timex][corpus]") {
    namespace fs = std::filesystem;
    const fs::path dir = CHRONOGRAPH_SOURCE_DIR "/data/en/timex/examples";
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".tsv") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 5);
    std::size_t examples = 0, negatives = 0;
    for (const fs::path& file : files) {
        const std::string content = timex_test::read_file(file.string());  // the records point into it
        for (const Record& r : read_table(content)) {
            ++examples;
            const std::string text(r[0]);
            INFO(file.filename().string() << ":" << r.line << ": " << text << " (DCT " << r[1] << ")");
            const DocumentAnalysis a = timex_test::tag(text, std::string(r[1]));
            std::string found;
            for (const Timex& t : a.timexes)
                found += std::string(a.text(t.span)) + " = " + t.time.value + " " + to_string(t.type) + " " +
                         t.time.mod + " [" + t.rule + "]; ";
            INFO("found: " << found);
            if (trim(r[2]) == "-") {
                ++negatives;
                CHECK(a.timexes.empty());
                continue;
            }
            const auto values = parts(r[2]), types = parts(r[3]), mods = parts(r[4]), spans = parts(r[5]);
            REQUIRE(a.timexes.size() == values.size());
            for (std::size_t i = 0; i < values.size(); ++i) {
                const Timex& t = a.timexes[i];
                CHECK(t.time.value == values[i]);
                CHECK(to_string(t.type) == at_or(types, i, "DATE"));
                CHECK(t.time.mod == (i < mods.size() ? mods[i] : std::string()));
                CHECK(std::string(a.text(t.span)) == at_or(spans, i, values.size() == 1 ? text : "?"));
            }
            if (r.size() > 6 && !trim(r[6]).empty()) {
                const auto intervals = parts(r[6]);
                for (std::size_t i = 0; i < intervals.size() && i < a.timexes.size(); ++i)
                    if (!intervals[i].empty()) CHECK(interval_text(a.timexes[i]) == intervals[i]);
            }
        }
    }
    CHECK(examples >= 400);
    CHECK(negatives >= 30);
}
