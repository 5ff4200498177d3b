// timex-bench: speed of the timex tagger alone.
//   timex-bench [--mb N] [--threads N] [--runs N]
// Generates N (default 24) MB of news-like text (fixed seed: the same text every run),
// segments it once (not timed), then times TimexTagger::tag over every document on one
// thread and on all cores, and reports MB/s of text tagged and the peak resident memory.
#include "chronograph/segment.hpp"
#include "chronograph/timex.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <cctype>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <thread>
#include <vector>

using namespace chronograph;

namespace {

// Pieces of news prose; about one sentence in three carries a temporal expression, as in
// wire copy. Names are invented.
const char* const kSubjects[] = {
    "The ministry", "Officials", "The company", "Prime Minister Olsen", "The central bank", "Rebel forces",
    "The agency", "Lawmakers", "The governor", "Local residents", "The defense minister", "Analysts",
    "The state news agency", "The court", "Investors", "The United Nations", "Police", "The president's office"};
const char* const kVerbs[] = {
    "said", "announced", "reported", "confirmed", "denied", "warned", "will announce", "is expected to confirm",
    "signed", "rejected", "approved", "plans to review", "has begun", "completed", "postponed", "agreed to"};
const char* const kObjects[] = {
    "a new trade agreement with its neighbours", "the construction of a road bridge over the river",
    "that 1,500 soldiers had been deployed to the border", "plans for a $27 million port upgrade",
    "a 50% rise in fuel prices", "the results of the investigation", "talks with the opposition",
    "the sale of 2,000 tonnes of grain", "new sanctions against the regime", "a ceasefire in the region",
    "the opening of a 850-meter rail link", "that the project may be delayed", "a summit with regional leaders",
    "the appointment of a new ambassador", "emergency measures after the floods", "the release of 12 prisoners"};
const char* const kTimes[] = {
    "on Wednesday", "on Thursday", "last year", "earlier this week", "in June 2024", "by mid-2026",
    "on April 30, 2025", "two weeks ago", "next month", "in the third quarter", "since 1959",
    "in the early 20th century", "in the 1990s", "this year", "on Monday morning", "at 3 p.m. local time",
    "for approximately 1.5 years", "over the past three years", "every year", "in recent months",
    "late last July", "at the end of the month", "around 2010", "yesterday", "now", "in 18 months"};
const char* const kTails[] = {
    "according to a statement", "officials said", "citing unnamed sources", "amid growing tensions",
    "despite international criticism", "in a televised address", "the report said", "in the capital"};

void make_text(std::size_t bytes, std::vector<std::string>& docs) {
    std::mt19937 rng(20250501);
    auto pick = [&](const auto& arr) { return arr[rng() % (sizeof(arr) / sizeof(arr[0]))]; };
    std::size_t total = 0;
    while (total < bytes) {
        std::string doc;
        const int paragraphs = 4 + static_cast<int>(rng() % 6);
        for (int p = 0; p < paragraphs; ++p) {
            const int sentences = 2 + static_cast<int>(rng() % 3);
            for (int s = 0; s < sentences; ++s) {
                std::string sent = std::string(pick(kSubjects)) + " " + pick(kVerbs) + " " + pick(kObjects);
                const unsigned r = rng() % 6;
                if (r == 0) {  // "On Wednesday, the ministry said ..."
                    std::string t = pick(kTimes);
                    t[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
                    if (sent.compare(0, 4, "The ") == 0) sent[0] = 't';
                    sent = t + ", " + sent;
                }
                if (r == 1) sent += std::string(" ") + pick(kTimes);
                if (r == 2) sent += std::string(", ") + pick(kTails);
                sent += ". ";
                doc += sent;
            }
            doc += "\n\n";
        }
        total += doc.size();
        docs.push_back(std::move(doc));
    }
}

/// CPU time of the whole process, in seconds (other programs on the machine do not count).
double cpu_seconds() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

struct Timing {
    double wall = 0, cpu = 0;
};

Timing tag_all(const TimexTagger& tagger, std::vector<DocumentAnalysis>& docs, unsigned threads) {
    const double c0 = cpu_seconds();
    const auto t0 = std::chrono::steady_clock::now();
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < docs.size();) tagger.tag(docs[i]);
    };
    if (threads <= 1) {
        work();
    } else {
        std::vector<std::thread> pool;
        for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);
        for (auto& th : pool) th.join();
    }
    return {std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), cpu_seconds() - c0};
}

}  // namespace

int main(int argc, char** argv) {
    double mb = 24;
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    int runs = 3;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--mb") mb = std::atof(argv[i + 1]);
        else if (a == "--threads") threads = static_cast<unsigned>(std::atoi(argv[i + 1]));
        else if (a == "--runs") runs = std::atoi(argv[i + 1]);
    }
    std::vector<std::string> texts;
    make_text(static_cast<std::size_t>(mb * 1e6), texts);

    const Resources& res = Resources::standard();
    const Segmenter segmenter(res);
    const auto c0 = std::chrono::steady_clock::now();
    const TimexTagger tagger(res);
    const double compile_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - c0).count();

    std::vector<DocumentAnalysis> docs(texts.size());
    std::size_t bytes = 0;
    const auto s0 = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < texts.size(); ++i) {
        DocumentAnalysis& a = docs[i];
        a.doc.text = std::move(texts[i]);
        a.doc.dct = parse_day("2025-05-01");
        std::size_t start = 0;
        while (start < a.doc.text.size()) {  // paragraphs at blank lines
            std::size_t end = a.doc.text.find("\n\n", start);
            if (end == std::string::npos) end = a.doc.text.size();
            if (end > start) a.doc.paragraphs.push_back({Span{start, end}});
            start = end + 2;
        }
        segmenter.segment(a);
        bytes += a.doc.text.size();
    }
    const double seg_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - s0).count();

    Timing best1{1e9, 1e9}, bestn{1e9, 1e9};
    for (int r = 0; r < runs; ++r) {
        const Timing t = tag_all(tagger, docs, 1);
        if (t.cpu < best1.cpu) best1 = t;
    }
    for (int r = 0; r < runs; ++r) {
        const Timing t = tag_all(tagger, docs, threads);
        if (t.wall < bestn.wall) bestn = t;
    }
    std::size_t timexes = 0, tokens = 0;
    for (const auto& a : docs) {
        timexes += a.timexes.size();
        tokens += a.tokens.size();
    }
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    const double mbytes = static_cast<double>(bytes) / 1e6;
    std::printf("text: %.1f MB, %zu documents, %zu tokens, %zu temporal expressions\n", mbytes, docs.size(), tokens,
                timexes);
    std::printf("rules compiled in %.3f s; segmentation (not part of the figures below): %.1f MB/s\n", compile_s,
                mbytes / seg_s);
    std::printf("tagging only (input segmented beforehand), best of %d runs:\n", runs);
    std::printf("  1 thread:   %.1f MB/s of CPU time (%.3f s CPU, %.3f s wall: %.1f MB/s)\n", mbytes / best1.cpu,
                best1.cpu, best1.wall, mbytes / best1.wall);
    std::printf("  %u threads: %.1f MB/s wall (%.3f s), %.1f MB/s per core of CPU time\n", threads,
                mbytes / bestn.wall, bestn.wall, mbytes / bestn.cpu);
    std::printf("peak resident memory: %.1f MB\n", static_cast<double>(ru.ru_maxrss) / 1024.0);
    return 0;
}
