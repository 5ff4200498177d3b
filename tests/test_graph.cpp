#include "chronograph/graph.hpp"
#include "story_fixtures.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <sstream>

using namespace chronograph;

namespace {

std::map<NodeKind, int> count_nodes(const StoryGraph& g) {
    std::map<NodeKind, int> n;
    for (const GraphNode& v : g.nodes()) ++n[v.kind];
    return n;
}

std::map<EdgeKind, int> count_edges(const StoryGraph& g) {
    std::map<EdgeKind, int> n;
    for (const GraphEdge& e : g.edges()) ++n[e.kind];
    return n;
}

}  // namespace

TEST_CASE("the sample story becomes a graph of events, actors, places and documents", "[graph]") {
    const Story story = fixtures::sample_story();
    const StoryGraph g(story);
    const auto nodes = count_nodes(g);
    CHECK(nodes.at(NodeKind::Event) == 20);
    CHECK(nodes.at(NodeKind::Country) == 4);
    CHECK(nodes.at(NodeKind::Person) == 7);
    CHECK(nodes.at(NodeKind::Organization) == 5);
    CHECK(nodes.at(NodeKind::Place) == 6);
    CHECK(nodes.at(NodeKind::Product) == 1);  // the Friendship Bridge is in no event: left out
    CHECK(nodes.at(NodeKind::Document) == 5);
    CHECK(g.find("e20") == g.nodes().size());

    const auto edges = count_edges(g);
    int actors = 0, places = 0, sources = 0, docs = 0;
    for (const Event& e : story.events) {
        actors += static_cast<int>(e.actors.size());
        places += static_cast<int>(e.places.size());
        sources += static_cast<int>(e.sources.size());
        std::set<std::string> d;
        for (const auto& m : story.evidence(e)) d.insert(m.doc);
        docs += static_cast<int>(d.size());
    }
    CHECK(edges.at(EdgeKind::Actor) == actors);
    CHECK(edges.at(EdgeKind::Place) == places);
    CHECK(edges.at(EdgeKind::Source) == sources);
    CHECK(edges.at(EdgeKind::ReportedBy) == docs);

    // Events first, in Story order; an event node carries its date and status.
    CHECK(g.nodes()[0].id == "ev2");
    const GraphNode& planned = g.nodes()[g.find("ev16")];
    CHECK(planned.detail == "mid-2026");
    CHECK(planned.status == "planned");
    CHECK(planned.day == "2026-05-01");
    CHECK(g.nodes()[g.find("ev13")].weight == 5);
}

TEST_CASE("before edges link consecutive time groups only, in time order", "[graph]") {
    const Story story = fixtures::sample_story();
    const StoryGraph g(story);
    std::map<std::string, std::pair<Day, Day>> when;
    for (const Event& e : story.events)
        if (e.time.interval) when[e.id] = {e.time.interval->earliest, e.time.interval->latest};
    int before = 0;
    for (const GraphEdge& e : g.edges()) {
        if (e.kind != EdgeKind::Before) continue;
        ++before;
        const auto& a = when.at(std::string(g.nodes()[e.source].id));
        const auto& b = when.at(std::string(g.nodes()[e.target].id));
        CHECK(a < b);
    }
    // 17 dated events in 14 distinct intervals: 13 links between groups; the two groups of
    // three events on 30 April 2025... counted exactly:
    // groups: 1900,1959,2024,Feb24,Jun24,19Jun24,2025-start,Jan-Feb25,11Jan25,24Apr,28Apr,30Apr(x3),1May,mid26,Oct26
    CHECK(before == 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 3 + 3 + 1 + 1);
    // Undated events have no before edge.
    for (const GraphEdge& e : g.edges())
        if (e.kind == EdgeKind::Before) CHECK_FALSE(g.nodes()[e.source].day.empty());
}

TEST_CASE("before edges stay linear on thousands of events", "[graph]") {
    const Story story = fixtures::synthetic_story(5000);
    const StoryGraph g(story);
    std::size_t before = 0;
    for (const GraphEdge& e : g.edges()) before += e.kind == EdgeKind::Before;
    CHECK(before < 3 * story.events.size());
    CHECK(before > story.events.size() / 2);
}

TEST_CASE("the graph is the same for the same story", "[graph]") {
    const Story story = fixtures::synthetic_story(300, 7);
    std::ostringstream a, b;
    StoryGraph(story).write_graphml(a);
    StoryGraph(story).write_graphml(b);
    CHECK(a.str() == b.str());
}

TEST_CASE("GraphML names every node with its kind and every edge with its role", "[graph]") {
    const Story story = fixtures::sample_story();
    const StoryGraph g(story);
    std::ostringstream out;
    g.write_graphml(out);
    const std::string xml = out.str();
    CHECK(xml.find("<graphml") != std::string::npos);
    CHECK(xml.find(">Ground-breaking ceremony for the road bridge<") != std::string::npos);
    CHECK(xml.find(">reported-by<") != std::string::npos);
    CHECK(xml.find(">organization<") != std::string::npos);
    std::size_t nodes = 0, edges = 0;
    for (std::size_t p = xml.find("<node "); p != std::string::npos; p = xml.find("<node ", p + 1)) ++nodes;
    for (std::size_t p = xml.find("<edge "); p != std::string::npos; p = xml.find("<edge ", p + 1)) ++edges;
    CHECK(nodes == g.nodes().size());
    CHECK(edges == g.edges().size());
}

TEST_CASE("time values read as people say them", "[graph]") {
    using fixtures::when;
    CHECK(describe_time(fixtures::exact("2025-04-30")) == "30 Apr 2025");
    CHECK(describe_time(when("2024-06", "", "2024-06-01", "2024-06-30")) == "Jun 2024");
    CHECK(describe_time(when("2026", "MID", "2026-05-01", "2026-08-31")) == "mid-2026");
    CHECK(describe_time(when("2026-10", "APPROX", "2026-10-01", "2026-10-31")) == "c. Oct 2026");
    CHECK(describe_time(when("19", "START", "1900-01-01", "1933-12-31")) == "early 20th century");
    CHECK(describe_time(when("201", "", "2010-01-01", "2019-12-31")) == "2010s");
    CHECK(describe_time(when("2025-W18", "", "2025-04-28", "2025-05-04")) == "week 18 of 2025");
    CHECK(describe_time(when("2025-Q2", "", "2025-04-01", "2025-06-30")) == "Q2 2025");
    CHECK(describe_time(when("XXXX-WXX-3", "", "2025-04-30", "2025-04-30")) == "30 Apr 2025");  // falls back on the days
    CHECK(describe_time(TimeValue{"XXXX-WXX-3", "", std::nullopt}) == "XXXX-WXX-3");
    CHECK(describe_time(TimeValue{"", "", TimeInterval{fixtures::day("2025-01-02"), fixtures::day("2025-01-05")}}) == "2 Jan 2025 \xE2\x80\x93 5 Jan 2025");
    CHECK(describe_time(fixtures::undated()) == "undated");
}
