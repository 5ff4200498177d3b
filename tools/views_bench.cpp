// Writes the views (graph.dot, graph.svg, timeline.svg, timeline.html, ...) of the
// hand-made sample Story or of a synthetic one, and times each file.
//   views_bench sample OUT/             the sample articles' Story, as the tests build it
//   views_bench synthetic N OUT/ [SEED] N pseudo-random events
//   views_bench hostile OUT/            every string an injection attempt
#include "chronograph/exporters.hpp"
#include "story_fixtures.hpp"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>

using namespace chronograph;

namespace {

void timed(const std::filesystem::path& path, const std::function<void(std::ostream&)>& body) {
    const auto t0 = std::chrono::steady_clock::now();
    std::ostringstream buf;
    body(buf);
    const auto t1 = std::chrono::steady_clock::now();
    std::ofstream(path, std::ios::binary) << buf.str();
    std::cout << path.filename().string() << "\t" << std::chrono::duration<double>(t1 - t0).count() << " s\t" << buf.str().size() << " bytes\n";
}

}  // namespace

int main(int argc, char** argv) {
    const std::string what = argc > 1 ? argv[1] : "";
    Story story;
    std::string out;
    if (what == "sample" && argc > 2) {
        story = fixtures::sample_story();
        out = argv[2];
    } else if (what == "hostile" && argc > 2) {
        story = fixtures::hostile_story();
        out = argv[2];
    } else if (what == "synthetic" && argc > 3) {
        story = fixtures::synthetic_story(std::strtoull(argv[2], nullptr, 10), argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 1);
        out = argv[3];
    } else {
        std::cerr << "usage: views_bench sample OUT | hostile OUT | synthetic N OUT [SEED]\n";
        return 2;
    }
    std::filesystem::create_directories(out);
    const std::filesystem::path dir(out);
    std::cout << story.events.size() << " events, " << story.entities.size() << " entities, " << story.documents.size() << " documents\n";
    const auto t0 = std::chrono::steady_clock::now();
    const StoryGraph graph(story);
    std::cout << "graph\t" << std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() << " s\t" << graph.nodes().size()
              << " nodes, " << graph.edges().size() << " edges\n";
    timed(dir / "events.json", [&](std::ostream& o) { write_events_json(story, o); });
    timed(dir / "graph.graphml", [&](std::ostream& o) { graph.write_graphml(o); });
    timed(dir / "graph.dot", [&](std::ostream& o) { o << graph_dot(graph); });
    timed(dir / "graph.svg", [&](std::ostream& o) { o << graph_svg(graph); });
    timed(dir / "timeline.svg", [&](std::ostream& o) { write_timeline_svg(story, o); });
    timed(dir / "timeline.html", [&](std::ostream& o) { write_timeline_html(story, o); });
    timed(dir / "timelinejs.json", [&](std::ostream& o) { write_timelinejs_json(story, o); });
    timed(dir / "events.csv", [&](std::ostream& o) { write_events_csv(story, o); });
    return 0;
}
