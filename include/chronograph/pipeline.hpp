// The pipeline, in order: ingest -> segment -> timex -> entities -> events ->
// consolidate -> graph -> export. The order is written once, in src/pipeline.cpp.
#pragma once

#include "chronograph/analysis.hpp"
#include "chronograph/resources.hpp"
#include "chronograph/story.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace chronograph {

struct BuildOptions {
    std::optional<Day> dct;  // --dct (only with a single input file)
    unsigned threads = 0;    // 0: all cores
};

class Pipeline {
public:
    explicit Pipeline(const Resources& res = Resources::standard());
    ~Pipeline();

    /// Per-document stages on one document (segment, timex, entities, events).
    DocumentAnalysis analyse(Document doc) const;
    /// Reads every input (files or folders), analyses the documents, infers missing
    /// publication dates and consolidates. Bad files become diagnostics in the Story.
    Story build(const std::vector<std::string>& inputs, const BuildOptions& opt = {}) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace chronograph
