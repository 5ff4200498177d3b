// The pipeline order, written once:
//   per document (extract): ingest -> segment -> timex -> entities -> events
//   per corpus (merge):     infer missing publication dates (and analyse those documents
//                           again) -> consolidate (entities linked, events merged,
//                           conflicts) -> Story
// graph and export run on the Story (see exporters.hpp / write_outputs).
#include "chronograph/pipeline.hpp"

#include "chronograph/consolidate.hpp"
#include "chronograph/entities.hpp"
#include "chronograph/events.hpp"
#include "chronograph/ingest.hpp"
#include "chronograph/segment.hpp"
#include "chronograph/timex.hpp"
#include "model/memory.hpp"
#include "model/memory_trace.hpp"
#include "model/parallel.hpp"

#include <algorithm>
#include <condition_variable>
#include <map>
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

/// Drops what only the per-document stages need, to keep a large corpus in memory.
void slim(DocumentAnalysis& a) {
    // Swapped with empty ones: "= {}" would keep the capacity (the memory).
    std::vector<Token>().swap(a.tokens);
    std::string().swap(a.doc.raw);
    std::vector<std::size_t>().swap(a.doc.raw_offset);
    a.doc.text.shrink_to_fit();
    // The lists grew by doubling: up to half of each is spare room, held until the merge.
    a.sentences.shrink_to_fit();
    a.timexes.shrink_to_fit();
    a.entities.shrink_to_fit();
    a.events.shrink_to_fit();
    a.claims.shrink_to_fit();
    a.doc.paragraphs.shrink_to_fit();
}

/// Reads and analyses every input (files or folders) on the threads, `made` turning each
/// record into what `sink` takes, there too; hands those to `sink` in path order, as soon
/// as they and those before them are done (one call at a time), telling the progress hook
/// after each. Inputs that cannot be read give a record with diagnostics only; each
/// record's diagnostics go to the problem hook just before it is handed on.
template <class Item, class Made, class Sink>
void each_in_order(const Pipeline& pipeline, const Resources& res, const std::vector<std::string>& inputs,
                   const BuildOptions& opt, Made made, Sink sink) {
    std::vector<Diagnostic> input_problems;
    std::vector<std::string> paths = collect_inputs(inputs, input_problems);
    // Same output whatever order the files were named in.
    std::sort(paths.begin(), paths.end());
    paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
    auto tell = [&](const std::vector<Diagnostic>& diagnostics) {
        if (opt.progress.problem)
            for (const Diagnostic& d : diagnostics) opt.progress.problem(d);
    };
    for (Diagnostic& d : input_problems) {
        tell({d});
        sink(made(PartRecord{std::nullopt, {std::move(d)}}));
    }

    ReadOptions read_opt;
    if (paths.size() == 1) read_opt.dct = opt.dct;

    // Documents are analysed in parallel and handed on in path order: finished items
    // wait in `ready` until those before them are done.
    std::mutex mutex;
    struct Done {
        Item item;
        std::vector<Diagnostic> diagnostics;  // the record's (for the problem hook)
        std::size_t bytes;                    // of its text
    };
    std::map<std::size_t, Done> ready;
    std::size_t next_out = 0, bytes = 0;
    parallel_for(paths.size(), opt.threads, [&](std::size_t i) {
        PartRecord rec;
        ReadResult r = read_document(paths[i], res, read_opt);
        rec.diagnostics = std::move(r.diagnostics);
        if (r.document) {
            rec.analysis = pipeline.analyse(std::move(*r.document));
            slim(*rec.analysis);
        }
        const std::size_t text_bytes = rec.analysis ? rec.analysis->doc.text.size() : 0;
        std::vector<Diagnostic> diagnostics = opt.progress.problem ? rec.diagnostics : std::vector<Diagnostic>();
        Item item = made(std::move(rec));
        std::lock_guard lock(mutex);
        ready.emplace(i, Done{std::move(item), std::move(diagnostics), text_bytes});
        for (auto it = ready.find(next_out); it != ready.end(); it = ready.find(next_out)) {
            bytes += it->second.bytes;
            tell(it->second.diagnostics);
            sink(std::move(it->second.item));
            ready.erase(it);
            ++next_out;
            if (opt.progress.documents) opt.progress.documents(next_out, paths.size(), bytes);
        }
    });
}

}  // namespace

void Pipeline::extract(const std::vector<std::string>& inputs, const BuildOptions& opt,
                       const std::function<void(PartRecord&&)>& sink) const {
    each_in_order<PartRecord>(*this, impl_->res, inputs, opt, [](PartRecord&& r) { return std::move(r); }, sink);
}

void Pipeline::extract_lines(const std::vector<std::string>& inputs, const BuildOptions& opt,
                             const std::function<void(PartLine&&)>& sink) const {
    each_in_order<PartLine>(*this, impl_->res, inputs, opt, [](PartRecord&& r) {
        return PartLine{to_json_line(r), r.analysis.has_value()};
    }, sink);
}

void GatheredParts::add(PartRecord&& record) {
    Kept kept;
    if (record.analysis) {
        kept.path = record.analysis->doc.path;
        kept.analysis = analyses_.add(*record.analysis);
    } else if (!record.diagnostics.empty()) {
        kept.path = record.diagnostics.front().path;
    }
    kept.diagnostics = std::move(record.diagnostics);
    records_.push_back(std::move(kept));
}

Story Pipeline::merge(std::vector<PartRecord> records, const BuildOptions& opt) const {
    GatheredParts parts;
    for (PartRecord& r : records) parts.add(std::move(r));
    return merge(parts, opt);
}

Story Pipeline::merge(GatheredParts& parts, const BuildOptions& opt) const {
    // Path order, whatever order the parts came in; input problems first, as build has them.
    std::vector<GatheredParts::Kept>& records = parts.records_;
    std::stable_sort(records.begin(), records.end(), [](const GatheredParts::Kept& a, const GatheredParts::Kept& b) {
        if (a.analysis.has_value() != b.analysis.has_value()) return !a.analysis.has_value();
        return a.path < b.path;
    });
    std::vector<Diagnostic> diagnostics;
    std::vector<std::size_t> order;  // of the analyses
    const std::string* last_path = nullptr;
    for (GatheredParts::Kept& r : records) {
        diagnostics.insert(diagnostics.end(), r.diagnostics.begin(), r.diagnostics.end());
        // The same document given twice (in two parts): once is enough.
        if (!r.analysis || (last_path && *last_path == r.path)) continue;
        order.push_back(*r.analysis);
        last_path = &r.path;
    }
    AnalysisStore& docs = parts.analyses_;
    docs.reorder(order);
    std::vector<GatheredParts::Kept>().swap(records);

    // Documents without a publication date borrow one from the documents most like them;
    // their relative expressions ("Wednesday", "last year") are then anchored again.
    trace_memory("documents analysed");
    const std::vector<std::optional<Day>> inferred = infer_dcts(docs, impl_->res, opt.threads, opt.progress);
    std::vector<std::size_t> redo;
    for (std::size_t i = 0; i < docs.size(); ++i)
        if (!docs.document(i).dct && inferred[i]) redo.push_back(i);
    parallel_for(redo.size(), opt.threads, [&](std::size_t k) {
        Document doc = docs.load(redo[k], kAllParts).doc;
        doc.dct = inferred[redo[k]];
        // "KYIV, March 15 (Reuters) -": that day, in the year nearest the borrowed date
        if (doc.dct_month_day) doc.dct = nearest_month_day(*doc.dct, *doc.dct_month_day);
        doc.dct_source = DctSource::Inferred;
        DocumentAnalysis a = analyse(std::move(doc));
        slim(a);
        docs.replace(redo[k], a);
    });

    trace_memory("publication dates inferred");
    Story story = consolidate(docs, impl_->res, opt.threads, opt.progress);
    story.diagnostics = std::move(diagnostics);
    // What consolidation freed (the mentions, the analyses read back) is handed back
    // before the outputs are written: the writers' threads allocate in other arenas, which
    // would not reuse it, and the story alone is held from here on.
    give_back_free_memory();
    trace_memory("consolidated");
    return story;
}

Story Pipeline::build(const std::vector<std::string>& inputs, const BuildOptions& opt) const {
    GatheredParts parts;
    extract(inputs, opt, [&](PartRecord&& r) { parts.add(std::move(r)); });
    return merge(parts, opt);
}

}  // namespace chronograph
