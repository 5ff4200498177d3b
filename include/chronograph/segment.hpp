// Stage 2, segment: sentences (ICU, plus a news abbreviation list) and tokens.
#pragma once

#include "chronograph/analysis.hpp"
#include "chronograph/resources.hpp"

#include <memory>

namespace chronograph {

class Segmenter {
public:
    explicit Segmenter(const Resources& res);
    ~Segmenter();
    Segmenter(const Segmenter&) = delete;
    Segmenter& operator=(const Segmenter&) = delete;

    /// Fills a.sentences and a.tokens from a.doc: every non-boilerplate, non-duplicate
    /// paragraph is split into sentences (never across paragraphs) and tokens.
    /// Safe to call from several threads at once.
    void segment(DocumentAnalysis& a) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace chronograph
