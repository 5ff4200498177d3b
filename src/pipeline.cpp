// The pipeline order, written once:
//   per document: ingest -> segment -> timex -> entities -> events
//   per corpus:   infer missing publication dates (and re-analyse those documents)
//                 -> consolidate (entities linked, events merged, conflicts) -> Story
// graph and export run on the Story (see exporters.hpp / write_outputs).
#include "chronograph/pipeline.hpp"

#include "chronograph/consolidate.hpp"
#include "chronograph/entities.hpp"
#include "chronograph/events.hpp"
#include "chronograph/ingest.hpp"
#include "chronograph/segment.hpp"
#include "chronograph/timex.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

namespace chronograph {

struct Pipeline::Impl {
    const Resources& res;
    Segmenter segmenter;
    TimexTagger timex;
    EntityRecognizer entities;
    EventExtractor events;

    explicit Impl(const Resources& r) : res(r), segmenter(r), timex(r), entities(r), events(r) {}
};

Pipeline::Pipeline(const Resources& res) : impl_(std::make_unique<Impl>(res)) {}
Pipeline::~Pipeline() = default;

DocumentAnalysis Pipeline::analyse(Document doc) const {
    DocumentAnalysis a;
    a.doc = std::move(doc);
    impl_->segmenter.segment(a);
    impl_->timex.tag(a);
    impl_->entities.recognize(a);
    impl_->events.extract(a);
    return a;
}

namespace {

/// Runs fn(i) for i in [0, n) on `threads` threads; the first exception is rethrown.
template <class Fn>
void parallel_for(std::size_t n, unsigned threads, Fn fn) {
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(n, 1)));
    std::atomic<std::size_t> next{0};
    std::exception_ptr error;
    std::mutex error_mutex;
    auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < n;) {
            try {
                fn(i);
            } catch (...) {
                std::lock_guard lock(error_mutex);
                if (!error) error = std::current_exception();
            }
        }
    };
    if (threads <= 1) {
        work();
    } else {
        std::vector<std::jthread> pool;
        for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);
    }
    if (error) std::rethrow_exception(error);
}

}  // namespace

Story Pipeline::build(const std::vector<std::string>& inputs, const BuildOptions& opt) const {
    std::vector<Diagnostic> diagnostics;
    std::vector<std::string> paths = collect_inputs(inputs, diagnostics);
    // Same output whatever order the files were named in.
    std::sort(paths.begin(), paths.end());
    paths.erase(std::unique(paths.begin(), paths.end()), paths.end());

    ReadOptions read_opt;
    if (paths.size() == 1) read_opt.dct = opt.dct;

    std::vector<std::optional<DocumentAnalysis>> slots(paths.size());
    std::vector<std::vector<Diagnostic>> slot_diagnostics(paths.size());
    parallel_for(paths.size(), opt.threads, [&](std::size_t i) {
        ReadResult r = read_document(paths[i], impl_->res, read_opt);
        slot_diagnostics[i] = std::move(r.diagnostics);
        if (r.document) slots[i] = analyse(std::move(*r.document));
    });

    std::vector<DocumentAnalysis> docs;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        diagnostics.insert(diagnostics.end(), slot_diagnostics[i].begin(), slot_diagnostics[i].end());
        if (slots[i]) docs.push_back(std::move(*slots[i]));
    }

    // Documents without a publication date borrow one from the documents most like them;
    // their relative expressions ("Wednesday", "last year") are then anchored again.
    const std::vector<std::optional<Day>> inferred = infer_dcts(docs);
    std::vector<std::size_t> redo;
    for (std::size_t i = 0; i < docs.size(); ++i)
        if (!docs[i].doc.dct && inferred[i]) redo.push_back(i);
    parallel_for(redo.size(), opt.threads, [&](std::size_t k) {
        DocumentAnalysis& a = docs[redo[k]];
        Document doc = std::move(a.doc);
        doc.dct = inferred[redo[k]];
        doc.dct_source = DctSource::Inferred;
        a = analyse(std::move(doc));
    });

    Story story = consolidate(docs);
    story.diagnostics = std::move(diagnostics);
    return story;
}

}  // namespace chronograph
