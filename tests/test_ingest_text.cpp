// Plain text on small synthetic inputs: layout, dates, boilerplate, repeats, titles.
#include "test_ingest_util.hpp"

#include <catch2/catch.hpp>

using namespace chronograph;
using namespace ingest_test;

TEST_CASE("text: a dateline near the top gives the date and is not a paragraph", "[ingest]") {
    const Document d = parse("a.txt", "Bridge Talks Resume\nMarch 06, 2008\n\nOfficials met on Thursday. They agreed.\n");
    REQUIRE(d.dct);
    CHECK(format_day(*d.dct) == "2008-03-06");
    CHECK(d.dct_source == DctSource::Text);
    CHECK(paragraph_texts(d) == std::vector<std::string>{"Bridge Talks Resume", "Officials met on Thursday. They agreed."});
    CHECK(d.paragraphs[0].heading);
    CHECK(d.title == "Bridge Talks Resume");

    // Published beats Updated on one line; the time and zone are part of the line.
    const Document u = parse("u.txt", "Headline Here\nUpdated 10:45 AM EDT, May 2, 2025 | Published May 1, 2025\nText follows here.\n");
    CHECK(format_day(*u.dct) == "2025-05-01");
    CHECK(u.paragraphs.size() == 2);

    // A date deep in the body is not a dateline.
    const std::string body = "One.\nTwo.\nThree.\nFour.\nFive.\nSix.\nSeven.\nMay 1, 2025\n";
    CHECK_FALSE(parse("b.txt", body).dct);
}

TEST_CASE("text: the publication date follows the order of precedence", "[ingest]") {
    const std::string text = " date 2025-05-01 The talks began on Thursday.\nMarch 06, 2008\n";
    const Document plain = parse("a.txt", text);
    CHECK(format_day(*plain.dct) == "2025-05-01");  // the opening date line beats a dateline
    CHECK(plain.dct_source == DctSource::Text);
    CHECK(span_text(plain, plain.paragraphs[0]) == "The talks began on Thursday.");

    ReadOptions flag;
    flag.dct = parse_day("2020-02-02");
    const Document flagged = parse("a.txt", text, flag);
    CHECK(format_day(*flagged.dct) == "2020-02-02");
    CHECK(flagged.dct_source == DctSource::Flag);
    CHECK(span_text(flagged, flagged.paragraphs[0]) == "The talks began on Thursday.");

    // Under a headline too.
    const Document second = parse("s.txt", "Talks Begin\ndate 2025-05-01 The talks began on Thursday.\n");
    CHECK(format_day(*second.dct) == "2025-05-01");
    CHECK(paragraph_texts(second) == std::vector<std::string>{"Talks Begin", "The talks began on Thursday."});

    // No date anywhere: none, and never the day the tool runs.
    const Document none = parse("n.txt", "Officials met yesterday. Updated 2 hours ago\n");
    CHECK_FALSE(none.dct);
    CHECK(none.dct_source == DctSource::None);
}

TEST_CASE("text: markdown headings, subheads and stand-alone captions", "[ingest]") {
    const Document d = parse("m.md",
                             "# Bridge Opens\n"
                             "**A standfirst that reads like a sentence.**\n"
                             "The bridge opened on Monday, officials said.\n"
                             "What Happens Next\n"
                             "Trucks will cross from June, the ministry said.\n"
                             "\n"
                             "Workers stand on the new bridge over the river near the border town\n"
                             "\n"
                             "More talks are planned.\n");
    const auto texts = paragraph_texts(d);
    REQUIRE(texts.size() == 7);
    CHECK(texts[0] == "Bridge Opens");
    CHECK(d.paragraphs[0].heading);
    CHECK(texts[1] == "A standfirst that reads like a sentence.");
    CHECK(d.paragraphs[1].heading);
    CHECK_FALSE(d.paragraphs[2].heading);
    CHECK(d.paragraphs[3].heading);  // a subhead
    CHECK_FALSE(d.paragraphs[3].caption);
    CHECK_FALSE(d.paragraphs[4].caption);
    CHECK(d.paragraphs[5].caption);
    CHECK_FALSE(d.paragraphs[6].caption);
    CHECK_FALSE(d.paragraphs[6].heading);
    CHECK(d.title == "Bridge Opens");
}

TEST_CASE("text: caption cues and photo credits", "[ingest]") {
    const Document d = parse("c.txt",
                             "The ministry said the bridge opened on Monday.\n"
                             "File photo: The border crossing in 2019.\n"
                             "Trucks wait at the border on Monday. (AP Photo/Jane Doe)\n"
                             "Workers at the site ( KCNA via KNS )\n"
                             "He said the road would open soon (Reuters).\n"
                             "Pictured: the bridge under construction\n");
    REQUIRE(d.paragraphs.size() == 6);
    CHECK_FALSE(d.paragraphs[0].caption);
    CHECK(d.paragraphs[1].caption);
    CHECK(d.paragraphs[2].caption);
    CHECK(d.paragraphs[3].caption);
    CHECK_FALSE(d.paragraphs[4].caption);
    CHECK(d.paragraphs[5].caption);
}

TEST_CASE("text: interface text is cut, what follows a gallery link is a caption", "[ingest]") {
    const std::string text =
        "The bridge opened on Monday.\n"
        "open image in gallery Workers on the bridge on Monday ( KCNA via KNS )\n"
        "Your browser does not support iframes.\n"
        "The ministry said more would follow. Your browser does not support iframes.\n";
    const Document d = parse("i.txt", text);
    const auto texts = paragraph_texts(d);
    REQUIRE(texts.size() == 3);
    CHECK(texts[1] == "Workers on the bridge on Monday ( KCNA via KNS )");
    CHECK(d.paragraphs[1].caption);
    CHECK(texts[2] == "The ministry said more would follow.");
    CHECK_FALSE(d.paragraphs[2].caption);
    CHECK(d.text == text);  // cutting never edits the text, only the spans
}

TEST_CASE("text: repeated paragraphs, white space aside, are duplicates", "[ingest]") {
    const Document d = parse("d.txt", "The bridge opened.\nIt is long.\nThe  bridge\topened.\nIt is long. \n");
    REQUIRE(d.paragraphs.size() == 4);
    CHECK_FALSE(d.paragraphs[0].duplicate);
    CHECK_FALSE(d.paragraphs[1].duplicate);
    CHECK(d.paragraphs[2].duplicate);
    CHECK(d.paragraphs[3].duplicate);
}

TEST_CASE("text: line endings, byte-order mark, hard-wrapped lines", "[ingest]") {
    const Document crlf = parse("w.txt", "\xEF\xBB\xBFThe bridge opened on Monday.\r\n\r\nIt is long.\r\n");
    REQUIRE(crlf.paragraphs.size() == 2);
    CHECK(span_text(crlf, crlf.paragraphs[0]) == "The bridge opened on Monday.");
    CHECK(span_text(crlf, crlf.paragraphs[1]) == "It is long.");

    std::string wrapped;
    for (int i = 0; i < 4; ++i)
        wrapped += "The two countries began building the bridge on Thursday and\nofficials said it would take about eighteen months to\n"
                   "complete, according to the state news agencies of both\ncountries.\n\n";
    const Document w = parse("w.txt", wrapped);
    REQUIRE(w.paragraphs.size() == 4);
    CHECK(span_text(w, w.paragraphs[0]).find("and\nofficials") != std::string::npos);
}

TEST_CASE("text: the title falls back to the first sentence, cut on a word", "[ingest]") {
    const Document d = parse("t.txt",
                             "North Korea and Russia have begun the construction of their first road link, marking a significant "
                             "milestone in the growing ties between the two countries. More text.\n");
    CHECK(d.title == "North Korea and Russia have begun the construction of their first road link, marking a significant\xE2\x80\xA6");
    const Document s = parse("s.txt", "Mr. Kim met Gen. Lee in the U.S. capital. Then he left.\n");
    CHECK(s.title == "Mr. Kim met Gen. Lee in the U.S. capital.");
}

TEST_CASE("text: a page copied from a browser keeps only the story", "[ingest]") {
    const Document d = parse("copy.txt",
                             "Skip to main content\nMenu\nWorld\n"
                             "North Korea and Russia begin work on first road bridge\n"
                             "By Jane Doe\nPublished May 1, 2025 7:00am EDT\nShare\n"
                             "Image caption, The bridge will cross the Tumen river\n"
                             "North Korea and Russia have started building their first road bridge, state media said.\n"
                             "Advertisement\n"
                             "Officials called it a milestone.\n"
                             "Related Topics\nNorth Korea\nRussia\nMore on this story\n");
    CHECK(d.title == "North Korea and Russia begin work on first road bridge");
    CHECK(format_day(*d.dct) == "2025-05-01");
    std::vector<std::string> story, captions;
    for (const Paragraph& p : d.paragraphs) {
        if (p.caption && !p.boilerplate) captions.push_back(span_text(d, p));
        if (!p.boilerplate && !p.caption && !p.heading) story.push_back(span_text(d, p));
    }
    CHECK(story == std::vector<std::string>{
                       "North Korea and Russia have started building their first road bridge, state media said.",
                       "Officials called it a milestone."});
    CHECK(captions == std::vector<std::string>{"The bridge will cross the Tumen river"});
}
