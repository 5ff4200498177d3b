// Stage 3, timex: temporal expressions found and normalized to TIMEX3, anchored to the
// document's publication date. Rules and vocabularies: data/en/timex/.
#pragma once

#include "chronograph/analysis.hpp"
#include "chronograph/resources.hpp"

#include <memory>

namespace chronograph {

class TimexTagger {
public:
    explicit TimexTagger(const Resources& res);
    ~TimexTagger();
    TimexTagger(const TimexTagger&) = delete;
    TimexTagger& operator=(const TimexTagger&) = delete;

    /// Fills a.timexes (in text order) from the sentences and tokens, anchored to
    /// a.doc.dct; without a DCT, relative expressions stay unanchored.
    /// Safe to call from several threads at once.
    void tag(DocumentAnalysis& a) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace chronograph
