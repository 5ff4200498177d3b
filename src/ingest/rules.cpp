// Reads the ingest rules from data/en/ingest/ (formats described in each file's header).
#include "ingest/ingest_internal.hpp"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace chronograph::ingest {
namespace {

constexpr std::string_view kDir = "en/ingest/";

[[noreturn]] void bad_row(std::string_view file, const Record& r, const std::string& why) {
    throw std::runtime_error("language data file " + std::string(kDir) + std::string(file) + " line " +
                             std::to_string(r.line) + ": " + why);
}

std::vector<Record> table(const Resources& res, std::string_view file, std::size_t min_fields) {
    std::vector<Record> rows = read_table(res.file(std::string(kDir) + std::string(file)));
    for (const Record& r : rows)
        if (r.size() < min_fields || r[min_fields - 1].empty())
            bad_row(file, r, "expected " + std::to_string(min_fields) + " tab-separated fields");
    return rows;
}

void load_dates(const Resources& res, DateWords& w) {
    for (const Record& r : table(res, "dateline.tsv", 2)) {
        const std::string word = normalize_phrase(r[1]);
        if (r[0] == "month") {
            const int m = std::atoi(std::string(r[2]).c_str());
            if (m < 1 || m > 12) bad_row("dateline.tsv", r, "month number must be 1-12");
            w.months.emplace_back(word, static_cast<unsigned>(m));
        } else if (r[0] == "weekday") {
            w.weekdays.push_back(word);
        } else if (r[0] == "label") {
            if (r[2] != "published" && r[2] != "updated" && r[2] != "date")
                bad_row("dateline.tsv", r, "label value must be published, updated or date");
            w.labels.emplace_back(word, std::string(r[2]));
        } else if (r[0] == "meridiem") {
            w.meridiems.push_back(word);
        } else if (r[0] == "connector") {
            w.connectors.push_back(word);
        } else {
            bad_row("dateline.tsv", r, "unknown kind \"" + std::string(r[0]) + "\"");
        }
    }
    // Longest first, so "first published" wins over "published" and "sept" over "sep".
    auto longest_first = [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); };
    std::stable_sort(w.months.begin(), w.months.end(), longest_first);
    std::stable_sort(w.labels.begin(), w.labels.end(), longest_first);
    auto longest = [](const std::string& a, const std::string& b) { return a.size() > b.size(); };
    std::stable_sort(w.weekdays.begin(), w.weekdays.end(), longest);
    std::stable_sort(w.meridiems.begin(), w.meridiems.end(), longest);
}

void load_boilerplate(const Resources& res, Rules& rules) {
    BoilerRules& out = rules.boilerplate;
    for (const Record& r : table(res, "boilerplate.tsv", 3)) {
        const std::string phrase = normalize_phrase(r[2]);
        const std::string_view action = r[0], match = r[1];
        if (action == "boilerplate" && match == "line") out.line.add(phrase, 0);
        else if (action == "boilerplate" && match == "prefix") out.prefix.add(phrase, 0);
        else if (action == "list" && match == "line") out.list.add(phrase, 0);
        else if (action == "boilerplate" && match == "byline") out.bylines.push_back(phrase);
        else if (action == "boilerplate" && match == "contains") rules.anywhere.add(phrase, anywhere_tag(Anywhere::Boilerplate));
        else if (action == "appeal" && match == "contains") rules.anywhere.add(phrase, anywhere_tag(Anywhere::Appeal, r.line));
        else if (action == "cut" && match == "contains") rules.anywhere.add(phrase, anywhere_tag(Anywhere::Cut));
        else if (action == "cut" && match == "prefix") rules.anywhere.add(phrase, anywhere_tag(Anywhere::CutAtStart));
        else if (action == "cut-caption" && match == "contains") rules.anywhere.add(phrase, anywhere_tag(Anywhere::CutCaption));
        else if (action == "cut-caption" && match == "prefix") rules.anywhere.add(phrase, anywhere_tag(Anywhere::CutCaptionAtStart));
        else bad_row("boilerplate.tsv", r, "unknown action or match (see the header for the ones that go together)");
    }
}

void load_captions(const Resources& res, Rules& rules) {
    CaptionRules& out = rules.captions;
    for (const Record& r : table(res, "captions.tsv", 3)) {
        if (r[1] != "always" && r[1] != "unfinished") bad_row("captions.tsv", r, "when must be always or unfinished");
        const bool always = r[1] == "always";
        std::string phrase = normalize_phrase(r[2]);
        if (r[0] == "credit") (always ? out.credits_strong : out.credits_weak).push_back(std::move(phrase));
        else if (r[0] == "prefix") out.prefix.add(phrase, always ? 1 : 0);
        else if (r[0] == "contains") rules.anywhere.add(phrase, anywhere_tag(always ? Anywhere::Caption : Anywhere::CaptionUnfinished));
        else if (r[0] == "suffix") out.suffixes.emplace_back(std::move(phrase), always);
        else bad_row("captions.tsv", r, "match must be prefix, contains, suffix or credit");
    }
}

void load_html(const Resources& res, HtmlRules& h) {
    const std::pair<std::string_view, std::vector<std::string>*> roles[] = {
        {"skip", &h.skip_elements},         {"skip-outside-article", &h.skip_outside_article},
        {"block", &h.block_elements},       {"line-break", &h.line_breaks},
        {"cell", &h.cell_elements},
        {"heading", &h.heading_elements},   {"caption", &h.caption_elements},
        {"skip-token", &h.skip_tokens},     {"caption-token", &h.caption_tokens},
        {"skip-role", &h.skip_roles},       {"date-meta", &h.date_meta},
    };
    for (const Record& r : table(res, "html.tsv", 2)) {
        bool known = false;
        for (const auto& [name, list] : roles)
            if (r[0] == name) {
                list->push_back(normalize_phrase(r[1]));
                known = true;
            }
        if (!known) bad_row("html.tsv", r, "unknown role \"" + std::string(r[0]) + "\"");
    }
}

void load_formats(const Resources& res, FormatRules& f) {
    for (const Record& r : table(res, "formats.tsv", 2)) {
        if (r[0] == "extension") {
            if (r[2] != "html" && r[2] != "timeml" && r[2] != "xml" && r[2] != "text" && r[2] != "skip")
                bad_row("formats.tsv", r, "format must be html, timeml, xml, text or skip");
            f.extensions.emplace_back(normalize_phrase(r[1]), std::string(r[2]));
        } else if (r[0] == "name-end") {
            if (r[2] != "skip") bad_row("formats.tsv", r, "a name-end can only be skipped");
            f.skipped_name_ends.emplace_back(r[1]);
        } else if (r[0] == "timeml-block") {
            f.timeml_blocks.emplace_back(r[1]);
        } else {
            bad_row("formats.tsv", r, "unknown kind \"" + std::string(r[0]) + "\"");
        }
    }
}

}  // namespace

Rules Rules::load(const Resources& res) {
    Rules rules;
    load_dates(res, rules.dates);
    load_boilerplate(res, rules);
    load_captions(res, rules);
    load_html(res, rules.html);
    load_formats(res, rules.formats);
    return rules;
}

const Rules& rules_for(const Resources& res) {
    // Per thread, so documents read in parallel share nothing mutable. The key includes
    // where the data lives, so a new Resources object at a reused address is not mistaken
    // for the old one.
    struct Cache {
        const Resources* res = nullptr;
        const char* data = nullptr;
        std::unique_ptr<Rules> rules;
    };
    thread_local Cache cache;
    const char* data = res.has("en/ingest/boilerplate.tsv") ? res.file("en/ingest/boilerplate.tsv").data() : nullptr;
    if (!cache.rules || cache.res != &res || cache.data != data) {
        cache.rules = std::make_unique<Rules>(Rules::load(res));
        cache.res = &res;
        cache.data = data;
    }
    return *cache.rules;
}

}  // namespace chronograph::ingest
