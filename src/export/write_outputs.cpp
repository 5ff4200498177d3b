#include "chronograph/exporters.hpp"

#include <filesystem>
#include <fstream>
#include <functional>
#include <stdexcept>

namespace chronograph {
namespace {

void write_file(const std::filesystem::path& path, const std::function<void(std::ostream&)>& body) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("cannot write " + path.string());
    body(out);
    out.flush();
    if (!out) throw std::runtime_error("error while writing " + path.string());
}

}  // namespace

void write_outputs(const Story& story, const std::string& out_dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(out_dir, ec);
    if (ec) throw std::runtime_error("cannot create output folder " + out_dir + ": " + ec.message());
    const fs::path dir(out_dir);
    write_file(dir / "events.json", [&](std::ostream& o) { write_events_json(story, o); });
    const StoryGraph graph(story);
    write_file(dir / "graph.dot", [&](std::ostream& o) { o << graph_dot(graph); });
    write_file(dir / "graph.svg", [&](std::ostream& o) { o << graph_svg(graph); });
    write_file(dir / "timeline.svg", [&](std::ostream& o) { write_timeline_svg(story, o); });
    write_file(dir / "timeline.html", [&](std::ostream& o) { write_timeline_html(story, o); });
    write_file(dir / "graph.graphml", [&](std::ostream& o) { graph.write_graphml(o); });
    write_file(dir / "timelinejs.json", [&](std::ostream& o) { write_timelinejs_json(story, o); });
    write_file(dir / "events.csv", [&](std::ostream& o) { write_events_csv(story, o); });
}

}  // namespace chronograph
