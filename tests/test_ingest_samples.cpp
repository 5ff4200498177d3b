// The five sample articles: what ingest must make of them.
#include "test_ingest_util.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace chronograph;
using namespace ingest_test;

namespace {

Document sample(const std::string& name) {
    const std::string path = CHRONOGRAPH_SOURCE_DIR "/samples/" + name;
    ReadResult r = read_document(path, Resources::embedded());
    REQUIRE(r.document);
    for (const Diagnostic& d : r.diagnostics) WARN(d.message);
    return std::move(*r.document);
}

const Paragraph* find(const Document& d, const std::string& start) {
    for (const Paragraph& p : d.paragraphs)
        if (span_text(d, p).rfind(start, 0) == 0) return &p;
    return nullptr;
}

std::size_t count(const Document& d, bool Paragraph::*flag) {
    return static_cast<std::size_t>(std::count_if(d.paragraphs.begin(), d.paragraphs.end(), [&](const Paragraph& p) { return p.*flag; }));
}

bool in_any_paragraph(const Document& d, const std::string& s) {
    return std::any_of(d.paragraphs.begin(), d.paragraphs.end(), [&](const Paragraph& p) { return span_text(d, p).find(s) != std::string::npos; });
}

}  // namespace

TEST_CASE("sample texts are the file bytes, offsets are file offsets", "[ingest]") {
    for (const char* name : {"000-road-bridge-strategic-progression.txt", "001-azernews-first-road-link.txt",
                             "002-bnn-bridge-construction-preparations.txt", "003-independent-cementing-alliance.txt",
                             "004-first-road-link-and-troops.txt"}) {
        const Document d = sample(name);
        CHECK(d.format == DocFormat::Text);
        CHECK(d.text == slurp(CHRONOGRAPH_SOURCE_DIR "/samples/" + std::string(name)));
        CHECK(d.raw_offset.empty());
        for (const Paragraph& p : d.paragraphs) {
            CHECK(p.span.end <= d.text.size());
            CHECK(d.text.substr(p.span.start, p.span.size()) == span_text(d, p));
            CHECK(span_text(d, p).find('\n') == std::string::npos);  // one line each
        }
    }
}

TEST_CASE("sample 000: markdown headings, repeated paragraphs, no date", "[ingest]") {
    const Document d = sample("000-road-bridge-strategic-progression.txt");
    CHECK_FALSE(d.dct);
    CHECK(d.dct_source == DctSource::None);
    CHECK(d.title == "North Korea's New Road Bridge to Russia: A Strategic Progression");
    REQUIRE(d.paragraphs.size() == 11);
    for (std::size_t i : {0, 1, 2, 3}) {
        CHECK(d.paragraphs[i].heading);
        CHECK(span_text(d, d.paragraphs[i]).find("**") == std::string::npos);
    }
    CHECK(d.paragraphs[2].duplicate);  // the headline again
    CHECK(d.paragraphs[8].duplicate);
    CHECK(d.paragraphs[9].duplicate);
    CHECK(d.paragraphs[10].duplicate);
    CHECK(count(d, &Paragraph::duplicate) == 4);
    CHECK(count(d, &Paragraph::caption) == 0);
    CHECK(count(d, &Paragraph::boilerplate) == 0);
}

TEST_CASE("sample 001: date line opening the text", "[ingest]") {
    const Document d = sample("001-azernews-first-road-link.txt");
    REQUIRE(d.dct);
    CHECK(format_day(*d.dct) == "2025-05-01");
    CHECK(d.dct_source == DctSource::Text);
    REQUIRE(!d.paragraphs.empty());
    CHECK(span_text(d, d.paragraphs[0]).rfind("North Korea and Russia have begun the construction", 0) == 0);
    CHECK_FALSE(in_any_paragraph(d, "date 2025"));
    CHECK(d.paragraphs.size() == 10);
    CHECK(count(d, &Paragraph::boilerplate) == 0);
    CHECK(count(d, &Paragraph::caption) == 0);
    CHECK(count(d, &Paragraph::heading) == 0);
    CHECK(d.title.rfind("North Korea and Russia have begun the construction of their first road link", 0) == 0);
    CHECK(d.title.size() <= 110);
}

TEST_CASE("sample 002: headline and a source credit line", "[ingest]") {
    const Document d = sample("002-bnn-bridge-construction-preparations.txt");
    CHECK_FALSE(d.dct);
    CHECK(d.title == "Russia and North Korea Prepare for Bridge Construction, Enhancing Strategic Ties");
    REQUIRE(!d.paragraphs.empty());
    CHECK(d.paragraphs.front().heading);
    CHECK(d.paragraphs.back().boilerplate);
    CHECK(span_text(d, d.paragraphs.back()) == "Original Source: bnn-news.com");
    CHECK(count(d, &Paragraph::boilerplate) == 1);
    CHECK(count(d, &Paragraph::caption) == 0);
    CHECK(count(d, &Paragraph::heading) == 1);
}

TEST_CASE("sample 003: donation appeal and a gallery caption", "[ingest]") {
    const Document d = sample("003-independent-cementing-alliance.txt");
    REQUIRE(d.dct);
    CHECK(format_day(*d.dct) == "2025-05-01");
    CHECK(d.dct_source == DctSource::Text);
    const Paragraph* appeal = find(d, "Your support helps us to tell the story");
    REQUIRE(appeal);
    CHECK(appeal->boilerplate);
    CHECK(span_text(d, *appeal).find("Read more") != std::string::npos);
    const Paragraph* caption = find(d, "This photo provided by the North Korean government");
    REQUIRE(caption);
    CHECK(caption->caption);
    CHECK_FALSE(caption->boilerplate);
    CHECK(span_text(d, *caption).find("( KCNA via KNS )") != std::string::npos);
    CHECK_FALSE(in_any_paragraph(d, "open image in gallery"));
    CHECK(count(d, &Paragraph::boilerplate) == 1);
    CHECK(count(d, &Paragraph::caption) == 1);
    CHECK(d.title.rfind("North Korea and Russia are cementing their alliance", 0) == 0);
}

TEST_CASE("sample 004: stand-alone captions and iframe text", "[ingest]") {
    const Document d = sample("004-first-road-link-and-troops.txt");
    CHECK_FALSE(d.dct);
    CHECK_FALSE(in_any_paragraph(d, "Your browser does not support iframes"));
    for (const char* start : {"The kilometre-long Tumangang Road bridge is expected", "Satellite images shared by",
                              "This photo provided by the North Korean government", "Russian President Vladimir Putin, left,",
                              "This macabre image reportedly shows", "Ukrainian officials believe North Korea",
                              "A North Korean soldier held after being captured", "Ukrainian servicemen fire a D-30"}) {
        INFO(start);
        const Paragraph* p = find(d, start);
        REQUIRE(p);
        CHECK(p->caption);
    }
    CHECK(count(d, &Paragraph::caption) == 8);
    CHECK(count(d, &Paragraph::boilerplate) == 0);
    CHECK(count(d, &Paragraph::heading) == 0);
    CHECK_FALSE(find(d, "North Korea has also been receiving Russian tourists")->caption);
    CHECK_FALSE(find(d, "The kilometre-long Tumangang Road bridge, which is expected")->caption);
}
