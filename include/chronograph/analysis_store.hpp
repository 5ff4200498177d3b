// The analyses of a corpus, kept in a temporary file instead of in memory: a large
// corpus's analyses (about 32 KB an article in memory) are written as each document is
// done, and each step of the consolidation reads back the parts it needs, a document at
// a time.
#pragma once

#include "chronograph/analysis.hpp"

#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace chronograph {

class TemporaryFile;

/// The parts of an analysis that are read back apart (flags; or-ed together).
enum AnalysisPart : unsigned {
    kTextPart = 1u << 0,  // Document::text
    kParagraphsPart = 1u << 1,
    kSentencesPart = 1u << 2,
    kTimexesPart = 1u << 3,
    kEntitiesPart = 1u << 4,
    kEventsPart = 1u << 5,
    kClaimsPart = 1u << 6,
    kAllParts = (1u << 7) - 1,
};

class AnalysisStore {
public:
    /// The file goes in $TMPDIR (else /tmp) and is unlinked at once: the system removes it
    /// when the store goes, however the program ends (see TemporaryFile).
    AnalysisStore();
    ~AnalysisStore();
    AnalysisStore(const AnalysisStore&) = delete;
    AnalysisStore& operator=(const AnalysisStore&) = delete;

    /// Appends a document's analysis (without its tokens and raw bytes, as a part record);
    /// returns its index. Safe from several threads at once.
    std::size_t add(const DocumentAnalysis& a);
    /// Document i's analysis from now on is `a` (written anew; safe from several threads,
    /// each its own i).
    void replace(std::size_t i, const DocumentAnalysis& a);
    /// Keeps the documents `order` lists, in that order (an index may not come twice).
    void reorder(const std::vector<std::size_t>& order);

    std::size_t size() const { return entries_.size(); }
    /// Document i without its text and paragraphs (path, title, format, dates): held in
    /// memory.
    const Document& document(std::size_t i) const { return entries_[i].doc; }
    std::size_t text_bytes(std::size_t i) const { return entries_[i].text_bytes; }
    std::size_t sentence_count(std::size_t i) const { return entries_[i].sentences; }
    std::size_t event_count(std::size_t i) const { return entries_[i].events; }
    /// Document i's analysis with the `parts` asked for read back (the others empty; the
    /// document's path, title, format and dates always). Safe from several threads.
    DocumentAnalysis load(std::size_t i, unsigned parts) const;

private:
    static constexpr std::size_t kParts = 7;
    struct Entry {
        Document doc;  // no text, no paragraphs
        std::size_t text_bytes = 0, sentences = 0, events = 0;
        std::uint64_t offset = 0;          // of its record in the file
        std::uint32_t ends[kParts] = {};   // where each part's bytes end, from `offset`
    };
    Entry write(const DocumentAnalysis& a);

    std::unique_ptr<TemporaryFile> file_;
    std::mutex mutex_;  // guards the growth of entries_
    std::vector<Entry> entries_;
};

}  // namespace chronograph
