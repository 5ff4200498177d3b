#include "chronograph/exporters.hpp"
#include "export/graphviz_session.hpp"
#include "story_fixtures.hpp"
#include "xml_check.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace chronograph;

namespace {

/// Parses DOT with cgraph; returns the node count (and the edge count), or -1 when it
/// does not parse.
int reread_dot(const std::string& dot, int* edges = nullptr) {
    std::lock_guard lock(views::graphviz_mutex());
    Agraph_t* g = agmemread(dot.c_str());
    if (!g) return -1;
    const int n = agnnodes(g);
    if (edges) *edges = agnedges(g);
    agclose(g);
    return n;
}

/// `dot -Tsvg` (the Graphviz command line) on the DOT text: its exit code.
int dot_command(const std::string& dot) {
    const std::string path = std::filesystem::temp_directory_path() / ("chronograph-graph-" + std::to_string(::getpid()) + ".dot");
    std::ofstream(path, std::ios::binary) << dot;
    const int rc = std::system(("dot -Tsvg '" + path + "' -o /dev/null 2>/dev/null").c_str());
    std::filesystem::remove(path);
    return rc;
}

}  // namespace

TEST_CASE("graph.dot holds every node and edge and reads back", "[export]") {
    const Story story = fixtures::sample_story();
    const StoryGraph g(story);
    const std::string dot = graph_dot(g);
    CHECK(dot.rfind("digraph chronograph", 0) == 0);
    // Graph nodes plus one date header per time column.
    const int nodes = reread_dot(dot);
    CHECK(nodes > static_cast<int>(g.nodes().size()));
    CHECK(dot.find("rank=same") != std::string::npos);
    CHECK(dot.find("shape=octagon") != std::string::npos);   // countries
    CHECK(dot.find("shape=ellipse") != std::string::npos);   // people
    CHECK(dot.find("xlabel=actor") != std::string::npos);    // edges labelled by role
    CHECK(dot.find("dashed") != std::string::npos);          // planned events
    CHECK(dot.find(" pos=") == std::string::npos);           // written before layout
    CHECK(dot.find("Who, what, where") != std::string::npos);  // legend and title
    CHECK(dot_command(dot) == 0);
}

TEST_CASE("graph.svg is laid out in-process and well-formed", "[export]") {
    const Story story = fixtures::sample_story();
    const StoryGraph g(story);
    const std::string svg = graph_svg(g);
    CHECK(svg.find("<svg") != std::string::npos);
    CHECK(testing::xml_errors(svg, "graph.svg").empty());
    CHECK(svg.find("id=\"node_ev13\"") != std::string::npos);
    CHECK(testing::occurrences(svg, "class=\"node\"") >= g.nodes().size());
    // Twice in one process (one shared GVC context), same bytes.
    CHECK(graph_svg(g) == svg);
}

TEST_CASE("a big graph is pictured as a summary and written whole for sfdp", "[export]") {
    const Story story = fixtures::synthetic_story(2000);
    const StoryGraph g(story);
    const std::string dot = graph_dot(g);
    CHECK(dot.find("layout=sfdp") != std::string::npos);
    CHECK(reread_dot(dot) == static_cast<int>(g.nodes().size()));
    const std::string svg = graph_svg(g);
    CHECK(svg.find("Summary: the 30 most&#45;reported of 2,000 events") != std::string::npos);
    CHECK(testing::occurrences(svg, "class=\"node\"") < 120);
    CHECK(testing::xml_errors(svg, "graph.svg").empty());
}

TEST_CASE("graph.dot of a graph too big for one slice holds every node and edge once", "[export]") {
    const Story story = fixtures::synthetic_story(12000, 2);
    const StoryGraph g(story);
    REQUIRE(g.edges().size() > 60000);  // written in more than one slice (of 50,000 edges)
    const std::string dot = graph_dot(g);
    int edges = 0;
    CHECK(reread_dot(dot, &edges) == static_cast<int>(g.nodes().size()));
    CHECK(edges == static_cast<int>(g.edges().size()));
    CHECK(testing::occurrences(dot, "id=node_") == g.nodes().size());  // each node's statement once
    CHECK(testing::occurrences(dot, "digraph") == 1);
    CHECK(dot.size() > 2);
    CHECK(dot.compare(dot.size() - 2, 2, "}\n") == 0);
    std::ostringstream streamed;
    write_graph_dot(g, streamed);
    CHECK(streamed.str() == dot);
}

TEST_CASE("article text cannot break out of graph.dot or graph.svg", "[export]") {
    const Story story = fixtures::hostile_story();
    const StoryGraph g(story);
    const std::string dot = graph_dot(g);
    CHECK(reread_dot(dot) > static_cast<int>(g.nodes().size()));
    CHECK(dot_command(dot) == 0);
    const std::string svg = graph_svg(g);
    CHECK(testing::xml_errors(svg, "graph.svg").empty());
    CHECK(svg.find("<script") == std::string::npos);
    CHECK(svg.find("&lt;script&gt;") != std::string::npos);
    CHECK(svg.find("]]>") == std::string::npos);
}

TEST_CASE("graph.svg stays quick and readable near the limits", "[export]") {
    for (std::size_t events : {40, 60, 130}) {
        INFO(events << " events");
        const Story story = fixtures::synthetic_story(events, 5);
        const StoryGraph g(story);
        const auto t0 = std::chrono::steady_clock::now();
        const std::string svg = graph_svg(g);
        CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(10));
        CHECK(testing::occurrences(svg, "class=\"node\"") <= 80 + 20);  // graph nodes plus time column headers
    }
}
