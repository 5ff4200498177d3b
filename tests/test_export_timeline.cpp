#include "chronograph/exporters.hpp"
#include "export/timeline_layout.hpp"
#include "story_fixtures.hpp"
#include "xml_check.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace chronograph;
using namespace chronograph::views;

namespace {

std::string timeline_svg(const Story& s) {
    std::ostringstream out;
    write_timeline_svg(s, out);
    return out.str();
}

const EventMark& mark_of(const TimelineLayout& L, const Story& s, const std::string& id) {
    for (const EventMark& m : L.marks)
        if (s.events[m.event].id == id) return m;
    throw std::runtime_error("no mark for " + id);
}

void check_labels_apart(const TimelineLayout& L) {
    std::vector<Box> boxes;
    for (const EventMark& m : L.marks)
        if (m.label) boxes.push_back(m.label->box);
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        CHECK(boxes[i].x >= 0);
        CHECK(boxes[i].x + boxes[i].w <= L.width);
        for (std::size_t j = i + 1; j < boxes.size(); ++j) CHECK_FALSE(boxes[i].overlaps(boxes[j]));
    }
}

}  // namespace

TEST_CASE("the time axis cuts long empty stretches so 1959 and 2025 share it", "[export]") {
    const Story s = fixtures::sample_story();
    const TimelineLayout L = layout_timeline(s);
    REQUIRE(L.axis.segments().size() >= 2);
    // The recent events (2024 to 2026) get most of the width.
    const double recent = L.axis.x(day_number(fixtures::day("2026-10-31"))) - L.axis.x(day_number(fixtures::day("2024-02-01")));
    CHECK(recent > 0.6 * (L.plot_x1 - L.plot_x0));
    // Monotonic across breaks, and inside the plot.
    double last = -1;
    for (double d = day_number(fixtures::day("1900-01-01")); d < day_number(fixtures::day("2027-01-01")); d += 97) {
        const double x = L.axis.x(d);
        CHECK(x >= last);
        last = x;
    }
    CHECK(mark_of(L, s, "ev1").x0 >= L.plot_x0);
    CHECK(mark_of(L, s, "ev17").x1 <= L.plot_x1);
    // Ticks in each segment; the years of the recent stretch are named.
    bool y1959 = false, y2025 = false;
    for (const Tick& t : L.ticks) {
        y1959 |= t.label == "1959" || t.context == "1959";
        y2025 |= t.context == "2025";
    }
    CHECK(y1959);
    CHECK(y2025);
}

TEST_CASE("ticks adapt from days to years", "[export]") {
    using fixtures::day;
    auto ticks_for = [](Day a, Day b) {
        const TimeAxis axis = TimeAxis::fit({{day_number(a), day_number(b) + 1}}, 100, 800);
        return axis_ticks(axis);
    };
    const auto week = ticks_for(day("2025-04-24"), day("2025-05-01"));
    REQUIRE(week.size() >= 5);
    CHECK(week[1].label.find("Apr") != std::string::npos);  // "25 Apr"
    const auto years = ticks_for(day("1990-01-01"), day("2025-01-01"));
    CHECK(years.size() >= 4);
    CHECK(years.size() <= 20);
    CHECK(years[1].label.size() == 4);  // "1995"
    for (const auto& ticks : {week, years})
        for (std::size_t i = 1; i < ticks.size(); ++i) CHECK(ticks[i].x - ticks[i - 1].x >= 30);
}

TEST_CASE("main actors get a lane each, the rest share one", "[export]") {
    const Story s = fixtures::sample_story();
    const TimelineLayout L = layout_timeline(s);
    REQUIRE(L.lanes.size() >= 2);
    CHECK(L.lanes.front().title == "North Korea");
    CHECK(L.lanes.back().title == "Other");
    std::size_t events = 0;
    for (const Lane& lane : L.lanes) events += lane.events;
    CHECK(events == 17);
    CHECK(L.undated.size() == 3);
    for (std::size_t l = 1; l < L.lanes.size(); ++l) CHECK(L.lanes[l].y >= L.lanes[l - 1].y + L.lanes[l - 1].h);
}

TEST_CASE("planned, fuzzy and disputed events are marked differently", "[export]") {
    const Story s = fixtures::sample_story();
    const TimelineLayout L = layout_timeline(s);
    CHECK(mark_of(L, s, "ev16").hollow);
    CHECK(mark_of(L, s, "ev16").fade == Fade::Both);  // mid-2026
    CHECK(mark_of(L, s, "ev9").fade == Fade::End);    // early 2025
    CHECK_FALSE(mark_of(L, s, "ev13").hollow);
    CHECK(mark_of(L, s, "ev13").point());
    CHECK(mark_of(L, s, "ev13").conflict == 3);
    CHECK_FALSE(mark_of(L, s, "ev5").point());  // June 2024: a bar
    const std::string svg = timeline_svg(s);
    const std::size_t planned = svg.find("id=\"ev-ev16\"");
    REQUIRE(planned != std::string::npos);
    CHECK(svg.substr(planned, svg.find("</g>", planned) - planned).find("stroke-dasharray") != std::string::npos);
    CHECK(svg.find("url(#fb0)") != std::string::npos);
}

TEST_CASE("no two labels overlap", "[export]") {
    const Story s = fixtures::sample_story();
    const TimelineLayout L = layout_timeline(s);
    std::size_t labelled = 0;
    for (const EventMark& m : L.marks) labelled += m.label != nullptr;
    CHECK(labelled == L.marks.size());  // the sample story has room for every label
    check_labels_apart(L);
    check_labels_apart(layout_timeline(fixtures::synthetic_story(3000, 3)));
}

TEST_CASE("timeline.svg is well-formed and carries the evidence in tooltips", "[export]") {
    const Story s = fixtures::sample_story();
    const std::string svg = timeline_svg(s);
    CHECK(testing::xml_errors(svg, "timeline.svg").empty());
    CHECK(svg.find("Timeline: North Korea") != std::string::npos);
    CHECK(svg.find("officially broke ground on Wednesday") != std::string::npos);
    CHECK(svg.find("Undated (3)") != std::string::npos);
    CHECK(svg.find("Where sources disagree") != std::string::npos);
    CHECK(svg.find("from 5 articles") != std::string::npos);
    CHECK(svg.find("yrs</text>") != std::string::npos);  // an axis break
    CHECK(timeline_svg(s) == svg);
}

TEST_CASE("a crowded timeline stays drawable", "[export]") {
    const Story s = fixtures::synthetic_story(10000);
    const std::string svg = timeline_svg(s);
    CHECK(svg.size() < 4'000'000);
    CHECK(testing::xml_errors(svg, "timeline.svg").empty());
}

TEST_CASE("article text cannot break out of timeline.svg", "[export]") {
    const std::string svg = timeline_svg(fixtures::hostile_story());
    CHECK(testing::xml_errors(svg, "timeline.svg").empty());
    CHECK(svg.find("<script") == std::string::npos);
    CHECK(svg.find("]]>") == std::string::npos);
    CHECK(svg.find("&lt;script&gt;") != std::string::npos);
}
