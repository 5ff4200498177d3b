// The events' evidence of a large story, kept in a temporary file instead of memory
// (see Story::evidence): each event's evidence one record, read back by each writer,
// event by event, a run of pieces at a time.
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

class EvidenceFile {
public:
    EvidenceFile() : file_("evidence") {}

    /// Writes an event's evidence; safe from several threads.
    EvidenceAside add(const std::vector<EvidenceRef>& evidence);
    /// The first `limit` pieces of the evidence at `at`. Safe from several threads.
    std::vector<EvidenceRef> read(const EvidenceAside& at, std::size_t limit) const;
    /// The document of each piece of the evidence at `at` (the rest skipped).
    std::vector<DocId> documents(const EvidenceAside& at) const;
    /// Each piece of the evidence at `at`, in order, read back a run at a time.
    void each(const EvidenceAside& at, const std::function<void(const EvidenceRef&)>& visit) const;

private:
    /// An event's evidence is written in runs of this many pieces, each after its size in
    /// bytes: a big corpus's largest events have some 300,000 pieces (at 100,000
    /// articles), about 90 MB of record and three times that read back whole.
    static constexpr std::size_t kRun = 1024;
    /// Decodes `pieces` pieces of a run from the reader.
    using RunReader = std::function<void(bytes::Reader&, std::size_t pieces)>;
    /// The runs of the evidence at `at` up to its first `limit` pieces, one read each.
    void runs(const EvidenceAside& at, std::size_t limit, const RunReader& decode) const;

    TemporaryFile file_;
    std::mutex mutex_;  // keeps an event's runs together in the file
};

}  // namespace chronograph
