// The lists of a large story kept in a temporary file instead of memory (see
// Story::evidence): each event's evidence, each conflict's claims, each entity's mentions
// one record, read back by each writer, list by list, a run of pieces at a time.
#pragma once

#include "chronograph/story.hpp"
#include "model/temporary_file.hpp"

#include <functional>
#include <mutex>
#include <vector>

namespace chronograph::bytes {
class Reader;
}

namespace chronograph {

/// For T: EvidenceRef, ClaimRef, EntityMentionRef.
class AsideFile {
public:
    AsideFile() : file_("story") {}

    /// Writes a list; safe from several threads.
    template <class T>
    Aside add(const std::vector<T>& list);
    /// The first `limit` pieces of the list at `at`. Safe from several threads.
    template <class T>
    std::vector<T> read(const Aside& at, std::size_t limit = static_cast<std::size_t>(-1)) const;
    /// Each piece of the list at `at`, in order, read back a run at a time.
    template <class T>
    void each(const Aside& at, const std::function<void(const T&)>& visit) const;
    /// The document of each piece of the evidence at `at` (the rest skipped).
    std::vector<DocId> documents(const Aside& at) const;

private:
    /// A list is written in runs of this many pieces, each after its size in bytes: a big
    /// corpus's largest events have some 300,000 pieces of evidence (at 100,000 articles),
    /// about 90 MB of record and three times that read back whole.
    static constexpr std::size_t kRun = 1024;
    /// Decodes `pieces` pieces of a run from the reader.
    using RunReader = std::function<void(bytes::Reader&, std::size_t pieces)>;
    /// The runs of the list at `at` up to its first `limit` pieces, one read each.
    void runs(const Aside& at, std::size_t limit, const RunReader& decode) const;

    TemporaryFile file_;
    std::mutex mutex_;  // keeps a list's runs together in the file
};

}  // namespace chronograph
