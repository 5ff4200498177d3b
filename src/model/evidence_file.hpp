// The events' evidence of a large story, kept in a temporary file instead of memory
// (see Story::evidence): each event's evidence one record, read back whole by each
// writer, event by event.
#pragma once

#include "chronograph/story.hpp"
#include "model/temporary_file.hpp"

#include <vector>

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

private:
    TemporaryFile file_;
};

}  // namespace chronograph
