// Stage 4, entities: people, organizations, countries, places and products, from
// gazetteers (data/en/entities/) and capitalization and context; aliases merged.
#pragma once

#include "chronograph/analysis.hpp"
#include "chronograph/analysis_store.hpp"
#include "chronograph/resources.hpp"
#include "chronograph/story.hpp"

#include <cstdint>
#include <memory>
#include <vector>

namespace chronograph {

class EntityRecognizer {
public:
    explicit EntityRecognizer(const Resources& res);
    ~EntityRecognizer();
    EntityRecognizer(const EntityRecognizer&) = delete;
    EntityRecognizer& operator=(const EntityRecognizer&) = delete;

    /// Fills a.entities (in text order, not overlapping), with aliases resolved within
    /// the document (a surname to the full name, an acronym to its expansion).
    /// Safe to call from several threads at once.
    void recognize(DocumentAnalysis& a) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// The corpus-wide entities: mentions of all documents merged by identity across
/// documents (same key, a surname to an unambiguous full name, an acronym to its
/// expansion).
struct EntityTable {
    std::vector<Entity> entities;                    // ids "e1", "e2"... deterministic
    std::vector<std::vector<std::uint32_t>> of_mention;  // [document][mention] -> entities index
};

/// `docs[i]` has id `doc_ids[i]`. The result does not depend on the order of `docs`
/// beyond what doc_ids say (nor on `threads`, the threads it runs on; 0: one per core).
EntityTable link_entities(const std::vector<DocumentAnalysis>& docs, const std::vector<DocId>& doc_ids, unsigned threads = 1);
/// The same, from analyses kept aside (each document's entities read back once).
EntityTable link_entities(const AnalysisStore& docs, const std::vector<DocId>& doc_ids, unsigned threads = 1);

}  // namespace chronograph
