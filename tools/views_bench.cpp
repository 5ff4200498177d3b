// Writes the views (graph.dot, graph.svg, timeline.svg, timeline.html, ...) of the
// hand-made sample Story, of a synthetic one or of a corpus, and times each file (CPU
// seconds of the writing thread: the machine may be busy with other work). For exact
// instruction counts run it under callgrind with --instr-atstart=no: it starts the
// instrumentation once the Story is made.
//   views_bench sample OUT/             the sample articles' Story, as the tests build it
//   views_bench synthetic N OUT/ [SEED] N pseudo-random events
//   views_bench hostile OUT/            every string an injection attempt
//   views_bench corpus DIR OUT/         the Story of the articles in DIR (all cores)
#include "chronograph/exporters.hpp"
#include "chronograph/pipeline.hpp"
#include "story_fixtures.hpp"

#include <sys/resource.h>
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_START_INSTRUMENTATION
#endif

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <stdexcept>

using namespace chronograph;

namespace {

double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

long status_mb(const std::string& key);
void reset_peak_rss();

double total_seconds = 0;

void timed(const std::filesystem::path& path, const std::function<void(std::ostream&)>& body) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("cannot write " + path.string());
    const long rss = status_mb("VmRSS");
    reset_peak_rss();
    const double t0 = thread_cpu_seconds();
    body(out);
    out.flush();
    const double s = thread_cpu_seconds() - t0;
    total_seconds += s;
    std::cout << path.filename().string() << "\t" << s << " s cpu\t" << out.tellp() << " bytes\t+" << status_mb("VmHWM") - rss << " MB at most\n";
}

long peak_rss_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}

/// A line of /proc/self/status in MB ("VmRSS", "VmHWM"), or -1.
long status_mb(const std::string& key) {
    std::ifstream in("/proc/self/status");
    for (std::string line; std::getline(in, line);)
        if (line.rfind(key + ":", 0) == 0) return std::stol(line.substr(key.size() + 1)) / 1024;
    return -1;
}

/// Starts the peak resident size (VmHWM) again from the current one (Linux 4.0+).
void reset_peak_rss() { std::ofstream("/proc/self/clear_refs") << "5"; }

}  // namespace

int main(int argc, char** argv) {
    const std::string what = argc > 1 ? argv[1] : "";
    Story story;
    std::string out;
    if (what == "sample" && argc > 2) {
        story = fixtures::sample_story();
        out = argv[2];
    } else if (what == "crowded" && argc > 2) {
        story = fixtures::crowded_sample_story();
        out = argv[2];
    } else if (what == "hostile" && argc > 2) {
        story = fixtures::hostile_story();
        out = argv[2];
    } else if (what == "synthetic" && argc > 3) {
        story = fixtures::synthetic_story(std::strtoull(argv[2], nullptr, 10), argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 1);
        out = argv[3];
    } else if (what == "corpus" && argc > 3) {
        story = Pipeline().build({argv[2]});
        out = argv[3];
        std::cout << "peak memory after the build: " << peak_rss_mb() << " MB\n";
    } else {
        std::cerr << "usage: views_bench sample OUT | crowded OUT | hostile OUT | synthetic N OUT [SEED] | corpus DIR OUT\n";
        return 2;
    }
    std::filesystem::create_directories(out);
    const std::filesystem::path dir(out);
    const long story_mb = status_mb("VmRSS");
    std::cout << story.events.size() << " events, " << story.entities.size() << " entities, " << story.documents.size() << " documents\n";
    CALLGRIND_START_INSTRUMENTATION;
    const double t0 = thread_cpu_seconds();
    const StoryGraph graph(story);
    total_seconds = thread_cpu_seconds() - t0;
    std::cout << "graph\t" << total_seconds << " s cpu\t" << graph.nodes().size() << " nodes, " << graph.edges().size() << " edges\t+"
              << status_mb("VmRSS") - story_mb << " MB\n";
    timed(dir / "events.json", [&](std::ostream& o) { write_events_json(story, o); });
    timed(dir / "graph.graphml", [&](std::ostream& o) { graph.write_graphml(o); });
    timed(dir / "graph.dot", [&](std::ostream& o) { write_graph_dot(graph, o); });
    timed(dir / "graph.svg", [&](std::ostream& o) { o << graph_svg(graph); });
    timed(dir / "timeline.svg", [&](std::ostream& o) { write_timeline_svg(story, o); });
    timed(dir / "timeline.html", [&](std::ostream& o) { write_timeline_html(story, o); });
    timed(dir / "timelinejs.json", [&](std::ostream& o) { write_timelinejs_json(story, o); });
    timed(dir / "events.csv", [&](std::ostream& o) { write_events_csv(story, o); });
    std::cout << "total\t" << total_seconds << " s cpu\npeak memory: " << peak_rss_mb() << " MB; " << story_mb << " MB with the Story made\n";
    return 0;
}
