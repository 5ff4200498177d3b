// pipeline-bench: how fast chronograph turns articles into every output, per stage and
// end to end, on one core and on all of them, and its peak memory. A benchmark, not a
// test (tools/bench runs it on a generated corpus and prints the table for README.md).
//   pipeline-bench CORPUS_DIR [--threads N] [--stages-only | --build-only | --late N [--only NAME]]
// --late N: the corpus analysed once, then consolidate, the graph and each output (to a
// stream that drops the bytes) N times each on one thread; the least cpu time of each,
// which is steadier than one run on a busy machine. --only NAME: just the steps whose
// names start with NAME (consolidate always runs once: the others need its Story).
#include "chronograph/consolidate.hpp"
#include "chronograph/entities.hpp"
#include "chronograph/events.hpp"
#include "chronograph/exporters.hpp"
#include "chronograph/ingest.hpp"
#include "chronograph/pipeline.hpp"
#include "chronograph/segment.hpp"
#include "chronograph/timex.hpp"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <limits>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <thread>
#include <unistd.h>

using namespace chronograph;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

double cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

long peak_rss_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}

struct Timer {
    const char* name;
    double mb;
    double cpu0 = cpu_seconds();
    Clock::time_point wall0 = Clock::now();
    ~Timer() {
        const double cpu = cpu_seconds() - cpu0;
        std::printf("  %-28s %8.2f s cpu  %8.1f MB/s\n", name, cpu, cpu > 0 ? mb / cpu : 0.0);
    }
};

/// A stream buffer that counts and drops what is written.
class NullBuffer : public std::streambuf {
protected:
    std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
    int overflow(int c) override { return traits_type::not_eof(c); }
};

/// Least cpu seconds of `repeat` runs of `fn`.
double least_cpu(unsigned repeat, const std::function<void()>& fn) {
    double best = std::numeric_limits<double>::max();
    for (unsigned r = 0; r < repeat; ++r) {
        const double t0 = cpu_seconds();
        fn();
        best = std::min(best, cpu_seconds() - t0);
    }
    return best;
}

/// Consolidate, the graph and each output, `repeat` times each (see the header comment).
void late_stages(const std::string& dir, unsigned threads, unsigned repeat, const std::string& only) {
    const Pipeline pipeline;
    BuildOptions opt;
    opt.threads = threads;
    std::vector<DocumentAnalysis> docs;
    pipeline.extract({dir}, opt, [&](PartRecord&& r) {
        if (r.analysis) docs.push_back(std::move(*r.analysis));
    });
    std::printf("late stages, least cpu seconds of %u runs (one thread):\n", repeat);
    auto report = [&](const char* name, const std::function<void()>& fn) {
        if (std::string_view(name).substr(0, only.size()) != only) {
            if (std::string_view(name) == "consolidate") fn();
            return;
        }
        std::printf("  %-28s %8.3f s\n", name, least_cpu(repeat, fn));
        std::fflush(stdout);
    };
    Story story;
    report("consolidate", [&] { story = consolidate(docs); });
    if (std::string_view("consolidate").substr(0, only.size()) == only && threads > 1) {
        double best = std::numeric_limits<double>::max();
        for (unsigned r = 0; r < repeat; ++r) {
            const auto start = Clock::now();
            story = consolidate(docs, Resources::standard(), threads);
            best = std::min(best, seconds_since(start));
        }
        std::printf("  %-28s %8.3f s wall on %u threads\n", "consolidate", best, threads);
    }
    report("graph (StoryGraph)", [&] { StoryGraph g(story); });
    const StoryGraph graph(story);
    NullBuffer null_buffer;
    std::ostream null(&null_buffer);
    report("graph.dot", [&] { write_graph_dot(graph, null); });
    report("graph.graphml", [&] { graph.write_graphml(null); });
    report("graph.svg", [&] { null << graph_svg(graph); });
    report("events.json", [&] { write_events_json(story, null); });
    report("events.csv", [&] { write_events_csv(story, null); });
    report("timeline.html (+ layout)", [&] { write_timeline_html(story, null); });
    report("timelinejs.json (+ layout)", [&] { write_timelinejs_json(story, null); });
    report("timeline.svg (+ layout)", [&] { write_timeline_svg(story, null); });
    double freed = std::numeric_limits<double>::max();
    for (unsigned r = 0; r < repeat && std::string_view("~Story").substr(0, only.size()) == only; ++r) {
        auto copy = std::make_unique<Story>(story);
        const double t0 = cpu_seconds();
        copy.reset();
        freed = std::min(freed, cpu_seconds() - t0);
    }
    if (freed < std::numeric_limits<double>::max()) std::printf("  %-28s %8.3f s\n", "~Story", freed);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: pipeline-bench CORPUS_DIR [--threads N] [--stages-only | --build-only | --late N [--only NAME]]\n");
        return 2;
    }
    const std::string dir = argv[1];
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    bool stages = true, build = true;
    unsigned late = 0;
    std::string only;
    for (int i = 2; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--late") && i + 1 < argc) late = static_cast<unsigned>(std::stoul(argv[++i]));
        if (!std::strcmp(argv[i], "--only") && i + 1 < argc) only = argv[++i];
        if (!std::strcmp(argv[i], "--threads") && i + 1 < argc) threads = static_cast<unsigned>(std::stoul(argv[++i]));
        if (!std::strcmp(argv[i], "--stages-only")) build = false;
        if (!std::strcmp(argv[i], "--build-only")) stages = false;
    }
    const Resources& res = Resources::standard();
    std::vector<Diagnostic> diags;
    std::vector<std::string> paths = collect_inputs({dir}, diags);
    std::sort(paths.begin(), paths.end());
    std::size_t bytes = 0;
    for (const auto& p : paths) bytes += std::filesystem::file_size(p);
    const double mb = bytes / 1e6;
    std::printf("corpus: %zu documents, %.1f MB\n", paths.size(), mb);
    if (late) {
        late_stages(dir, threads, late, only);
        return 0;
    }
    const std::string out = (std::filesystem::temp_directory_path() / ("chronograph-bench-" + std::to_string(getpid()))).string();

    if (stages) {
        std::printf("stages, one thread (cpu seconds; MB/s of article text):\n");
        const Segmenter segmenter(res);
        const TimexTagger timex(res);
        const EntityRecognizer recognizer(res);
        const EventExtractor extractor(res);
        std::vector<DocumentAnalysis> docs;
        {
            Timer t{"ingest (read, parse)", mb};
            for (const auto& p : paths)
                if (auto r = read_document(p, res); r.document) {
                    docs.emplace_back();
                    docs.back().doc = std::move(*r.document);
                }
        }
        auto stage = [&](const char* name, const std::function<void(DocumentAnalysis&)>& fn) {
            Timer t{name, mb};
            for (auto& d : docs) fn(d);
        };
        stage("segment (sentences, tokens)", [&](DocumentAnalysis& d) { segmenter.segment(d); });
        stage("timex", [&](DocumentAnalysis& d) { timex.tag(d); });
        stage("entities", [&](DocumentAnalysis& d) { recognizer.recognize(d); });
        stage("events", [&](DocumentAnalysis& d) { extractor.extract(d); });
        std::vector<std::optional<Day>> inferred;
        {
            Timer t{"infer publication dates", mb};
            inferred = infer_dcts(docs, res);
        }
        Story story;
        {
            Timer t{"consolidate", mb};
            story = consolidate(docs, res);
        }
        {
            Timer t{"graph and outputs", mb};
            write_outputs(story, out, 1);
        }
        std::printf("  (%zu events, %zu entities, %zu conflicts)\n", story.events.size(), story.entities.size(),
                    story.conflicts.size());
    }
    if (build) {
        std::printf("end to end (read to every output written), wall clock:\n");
        for (unsigned t : {1u, threads}) {
            const Pipeline pipeline(res);
            BuildOptions opt;
            opt.threads = t;
            const auto start = Clock::now();
            const Story story = pipeline.build({dir}, opt);
            write_outputs(story, out, t);
            const double s = seconds_since(start);
            std::printf("  %u thread%s %8.2f s  %8.1f MB/s\n", t, t == 1 ? " " : "s", s, mb / s);
            if (t == threads) break;
        }
    }
    std::printf("peak memory: %ld MB\n", peak_rss_mb());
    std::filesystem::remove_all(out);
}
