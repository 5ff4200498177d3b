// The pipeline, in order: ingest -> segment -> timex -> entities -> events ->
// consolidate -> graph -> export. The order is written once, in src/pipeline.cpp.
#pragma once

#include "chronograph/analysis.hpp"
#include "chronograph/analysis_store.hpp"
#include "chronograph/partial.hpp"
#include "chronograph/progress.hpp"
#include "chronograph/resources.hpp"
#include "chronograph/story.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace chronograph {

struct BuildOptions {
    std::optional<Day> dct;  // --dct (only with a single input file)
    unsigned threads = 0;    // 0: all cores
    /// Told after each document and as each step over the whole corpus begins.
    Progress progress;
};

/// The records of extract runs, gathered for merge: each analysis is kept aside in a
/// temporary file as it comes (an AnalysisStore), the rest in memory.
class GatheredParts {
public:
    void add(PartRecord&& record);
    /// Adds every record of a part file (JSON Lines, as `extract` writes it), in line
    /// order; its lines are parsed on `threads` threads (0: all cores) a batch at a time.
    /// `read(bytes)` is told after each batch. Returns the file's problems: that it cannot
    /// be read, each line that is not a record (the others are still added).
    std::vector<Diagnostic> read_file(const std::string& path, unsigned threads = 0,
                                      const std::function<void(std::size_t bytes)>& read = {});

private:
    friend class Pipeline;
    struct Kept {
        std::optional<std::size_t> analysis;  // its index in `analyses`
        std::string path;                     // the document's, or the first diagnostic's
        std::vector<Diagnostic> diagnostics;
    };
    AnalysisStore analyses_;
    std::vector<Kept> records_;
};

class Pipeline {
public:
    explicit Pipeline(const Resources& res = Resources::standard());
    ~Pipeline();

    /// Per-document stages on one document (segment, timex, entities, events).
    DocumentAnalysis analyse(Document doc) const;

    /// The map step: reads every input (files or folders) and runs the per-document stages
    /// on all cores; hands each document's record to `sink` in path order, as soon as it
    /// and those before it are done (one call at a time). Inputs that cannot be read give
    /// a record with diagnostics only. Tokens are dropped from the records.
    void extract(const std::vector<std::string>& inputs, const BuildOptions& opt,
                 const std::function<void(PartRecord&&)>& sink) const;
    /// The same, each record handed on as its line of a part file, made on the worker
    /// threads (what `chronograph extract` writes: writing the JSON is a third of the work).
    void extract_lines(const std::vector<std::string>& inputs, const BuildOptions& opt,
                       const std::function<void(PartLine&&)>& sink) const;

    /// The reduce step: the per-document records of any number of extract runs, in any
    /// order, become one Story: documents in path order, missing publication dates
    /// inferred (and those documents analysed again), everything consolidated.
    Story merge(std::vector<PartRecord> records, const BuildOptions& opt = {}) const;
    /// The same, from records gathered as they were read (used up by the merge).
    Story merge(GatheredParts& parts, const BuildOptions& opt = {}) const;

    /// extract + merge.
    Story build(const std::vector<std::string>& inputs, const BuildOptions& opt = {}) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace chronograph
