// HTML pages: article text only, metadata dates, titles, captions, broken and hostile pages.
#include "test_ingest_util.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace chronograph;
using namespace ingest_test;

namespace {

const char* kPage = R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Bridge work begins on the border | World News Daily</title>
<meta property="og:title" content="Bridge work begins on the border river">
<meta property="article:published_time" content="2025-05-01T09:30:00+09:00">
<style>p { color: red; }</style>
<script>var x = "<p>not text</p>";</script>
</head><body>
<header class="site-header"><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<div class="share-bar"><a>Share on Facebook</a></div>
<main><article class="story">
<header><h1>Bridge work begins on the border river</h1><p class="byline">By Jane Doe</p></header>
<p>The two countries began building a road bridge on Thursday, officials said &mdash; the first such link &amp; a &ldquo;milestone&rdquo;.</p>
<figure><img src="a.jpg" alt="x"><figcaption>Workers at the site on Wednesday. (AP Photo/Some One)</figcaption></figure>
<p>It is expected to take 18 months<br>to complete.<br>It will be 1 km long.</p>
<div class="ad-slot">Buy things</div>
<p>Advertisement</p>
<h2>What comes next</h2>
<ul><li>First item.</li><li>Second item.</li></ul>
<form><input value="Sign up"><button>Subscribe</button></form>
<iframe src="x">frame text</iframe>
<noscript>Enable JavaScript</noscript>
<p>Officials said <a href="#">more talks</a> would follow.</p>
<aside class="related"><h3>Related</h3><p>Another story</p></aside>
</article></main>
<footer>Copyright 2025 News Inc. All rights reserved.</footer>
</body></html>)";

}  // namespace

TEST_CASE("html: the article text only, in paragraphs", "[ingest]") {
    const Document d = parse("page.html", kPage);
    CHECK(d.format == DocFormat::Html);
    CHECK(d.title == "Bridge work begins on the border river");
    REQUIRE(d.dct);
    CHECK(format_day(*d.dct) == "2025-05-01");
    CHECK(d.dct_source == DctSource::Metadata);
    CHECK(paragraph_texts(d) == std::vector<std::string>{
                          "Bridge work begins on the border river",
                          "The two countries began building a road bridge on Thursday, officials said \xE2\x80\x94 the first such "
                          "link & a \xE2\x80\x9Cmilestone\xE2\x80\x9D.",
                          "Workers at the site on Wednesday. (AP Photo/Some One)", "It is expected to take 18 months to complete.",
                          "It will be 1 km long.",
                          "Advertisement", "What comes next", "First item.", "Second item.",
                          "Officials said more talks would follow."});
    CHECK(d.paragraphs[0].heading);
    CHECK(d.paragraphs[2].caption);
    CHECK(d.paragraphs[5].boilerplate);
    CHECK(d.paragraphs[6].heading);
    for (const char* gone : {"not text", "color", "Home", "Share on", "By Jane", "Buy things", "Subscribe", "frame text",
                             "Enable JavaScript", "Another story", "Copyright"})
        CHECK(d.text.find(gone) == std::string::npos);
    // Paragraphs are separated by a blank line in the text.
    CHECK(d.text.substr(d.paragraphs[0].span.end, 2) == "\n\n");
}

TEST_CASE("html: publication date from JSON-LD, <time>, meta names; title fallbacks", "[ingest]") {
    const Document ld = parse("a.html",
                              "<html><head><title>Talks resume - Agency</title><script type=\"application/ld+json\">"
                              "{\"@type\":\"NewsArticle\",\"datePublished\": \"2024-06-19T08:00:00Z\"}</script></head>"
                              "<body><p>Talks resumed on Wednesday in the capital.</p></body></html>");
    CHECK(format_day(*ld.dct) == "2024-06-19");
    CHECK(ld.dct_source == DctSource::Metadata);
    CHECK(ld.title == "Talks resume - Agency");  // too short a headline to lose its tail

    const Document time = parse("b.htm",
                                "<html><body><article><h1>Rail link opens</h1><time datetime=\"2023-09-13\">Sept. 13</time>"
                                "<p>The rail link opened on Wednesday after years of work on both sides.</p>"
                                "<p>Officials from both countries attended the ceremony near the border.</p></article></body></html>");
    CHECK(format_day(*time.dct) == "2023-09-13");
    CHECK(time.title == "Rail link opens");

    const Document meta = parse("c.xhtml",
                                "<html><head><meta name=\"pubdate\" content=\"20220301\"></head><body>"
                                "<p>Text of the story goes here.</p></body></html>");
    CHECK(format_day(*meta.dct) == "2022-03-01");
    CHECK(meta.title == "Text of the story goes here.");

    // A date line opening the article text beats the metadata.
    const Document text_first = parse("d.html",
                                      "<html><head><meta name=\"date\" content=\"2022-03-01\"></head><body>"
                                      "<p>date 2025-05-01 Text of the story.</p></body></html>");
    CHECK(format_day(*text_first.dct) == "2025-05-01");
    CHECK(text_first.dct_source == DctSource::Text);
    CHECK(span_text(text_first, text_first.paragraphs[0]) == "Text of the story.");

    const Document none = parse("e.html", "<html><body><p>No date here at all.</p></body></html>");
    CHECK_FALSE(none.dct);
}

TEST_CASE("html: the largest article wins over teasers; content sniffed without extension", "[ingest]") {
    const Document d = parse("page",
                             "<!DOCTYPE html><html><body><article><p>Teaser.</p></article>"
                             "<article><p>The real story is long enough to be the article of this page, with several "
                             "sentences. It goes on about the bridge and the border and the river for a while.</p></article>"
                             "</body></html>");
    CHECK(d.format == DocFormat::Html);
    REQUIRE(d.paragraphs.size() == 1);
    CHECK(span_text(d, d.paragraphs[0]).rfind("The real story", 0) == 0);
}

TEST_CASE("html: an article holding only the headline, and live blogs, give way to the container", "[ingest]") {
    const std::string story =
        "<p>The rail link opened on Wednesday after years of work on both sides of the river, officials said. "
        "Trains will run twice a day from June, and freight services will follow later in the year.</p>"
        "<p>The ministry said the link would carry passengers and cargo, and that a road bridge would follow.</p>";
    const Document headline_only = parse("h.html", "<html><body><main><article><h1>Rail link opens across the river</h1>"
                                                   "<p>A short standfirst about it all.</p></article>" + story + "</main></body></html>");
    CHECK(headline_only.paragraphs.size() == 4);

    std::string blog = "<html><body><main>";
    for (int i = 0; i < 3; ++i) blog += "<article>" + story + "</article>";
    const Document live = parse("l.html", blog + "</main></body></html>");
    CHECK(live.paragraphs.size() == 6);
    CHECK(live.paragraphs[2].duplicate);
}

TEST_CASE("html: declared charsets are converted to UTF-8", "[ingest]") {
    const Document latin1 = parse("l.html", "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xE9 au lait.</p></body></html>");
    CHECK(span_text(latin1, latin1.paragraphs[0]) == "Caf\xC3\xA9 au lait.");
    const Document cp1252 = parse("w.html",
                                  "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
                                  "</head><body><p>\x93Quoted\x94 text.</p></body></html>");
    CHECK(span_text(cp1252, cp1252.paragraphs[0]) == "\xE2\x80\x9CQuoted\xE2\x80\x9D text.");
    // Valid UTF-8 is UTF-8, whatever an old <meta> says.
    const Document lying = parse("m.html", "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xC3\xA9 \xE2\x80\x9C" "au\xE2\x80\x9D lait.</p></body></html>");
    CHECK(span_text(lying, lying.paragraphs[0]) == "Caf\xC3\xA9 \xE2\x80\x9C" "au\xE2\x80\x9D lait.");
    CHECK_THAT(error_of("x.html", "<html><head><meta charset=\"x-no-such-set\"></head><body><p>Caf\xE9.</p></body></html>"),
               Catch::Contains("cannot convert"));
    // Undeclared: must be UTF-8.
    CHECK_THAT(error_of("u.html", "<html><body><p>Caf\xE9.</p></body></html>"), Catch::Contains("not valid UTF-8 at byte 18"));
}

TEST_CASE("html: hostile pages never crash or hang", "[ingest]") {
    std::string deep = "<html><body><p>Before.</p>";
    for (int i = 0; i < 100000; ++i) deep += "<div>";
    deep += "deep";
    for (int i = 0; i < 100000; ++i) deep += "</div>";
    deep += "</body></html>";
    const ReadResult r = parse_document("deep.html", deep, Resources::embedded());
    REQUIRE(r.document);  // what came before the depth limit is kept
    CHECK(span_text(*r.document, r.document->paragraphs[0]) == "Before.");
    CHECK(std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& d) {
        return d.severity == Diagnostic::Severity::Warning && d.message.find("partly read") != std::string::npos;
    }));

    CHECK_THAT(error_of("empty.html", "<html><head><script>x()</script></head><body><nav>Menu</nav></body></html>"),
               Catch::Contains("no article text"));
    const Document broken = parse("broken.html", "<html><body><p>Unclosed <b>bold <i>text<p>Next &bogus; & done</body>");
    CHECK(paragraph_texts(broken) == std::vector<std::string>{"Unclosed bold text", "Next &bogus; & done"});
}

TEST_CASE("html: a headline above the article is its first paragraph, a heading", "[ingest]") {
    const Document d = parse("above.html",
                             "<html><head><title>Volcano erupts | News</title></head><body>"
                             "<header><nav><a href=\"/\">Home</a></nav><h1>Volcano erupts in Iceland</h1></header>"
                             "<article><p>A volcano on the Reykjanes peninsula erupted late on Wednesday, sending lava "
                             "towards the evacuated town, the meteorological office said.</p>"
                             "<p>Authorities evacuated about 50 homes on Wednesday evening.</p></article>"
                             "<footer>Copyright</footer></body></html>");
    REQUIRE(d.paragraphs.size() == 3);
    CHECK(paragraph_texts(d).front() == "Volcano erupts in Iceland");
    CHECK(d.paragraphs[0].heading);
    CHECK_FALSE(d.paragraphs[1].heading);
    CHECK(d.text.find("Home") == std::string::npos);
    // An article with a headline of its own keeps it, once.
    const Document own = parse("own.html",
                               "<html><body><h1>Page title</h1><article><h1>Rail link opens across the river</h1>"
                               "<p>The rail link between the two cities opened on Monday after four years of work, the "
                               "operator said in a statement.</p></article></body></html>");
    CHECK(paragraph_texts(own).front() == "Rail link opens across the river");
}
