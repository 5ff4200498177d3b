// pipeline-bench: how fast chronograph turns articles into every output, per stage and
// end to end, on one core and on all of them, and its peak memory. A benchmark, not a
// test (tools/bench runs it on a generated corpus and prints the table for README.md).
//   pipeline-bench CORPUS_DIR [--threads N] [--stages-only | --build-only]
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

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: pipeline-bench CORPUS_DIR [--threads N] [--stages-only | --build-only]\n");
        return 2;
    }
    const std::string dir = argv[1];
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    bool stages = true, build = true;
    for (int i = 2; i < argc; ++i) {
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
