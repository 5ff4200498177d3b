// Stage 5, events: sentences reporting something happening become typed, dated events
// with status and participants. Lexicons: data/en/events/.
#pragma once

#include "chronograph/analysis.hpp"
#include "chronograph/resources.hpp"

#include <memory>

namespace chronograph {

class EventExtractor {
public:
    explicit EventExtractor(const Resources& res);
    ~EventExtractor();
    EventExtractor(const EventExtractor&) = delete;
    EventExtractor& operator=(const EventExtractor&) = delete;

    /// Fills a.events and a.claims from sentences, tokens, timexes and entities.
    /// Safe to call from several threads at once.
    void extract(DocumentAnalysis& a) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace chronograph
