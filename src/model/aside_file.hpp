// The lists of a large story kept in a temporary file instead of memory (see
// Story::evidence): each event's evidence, each conflict's claims, each entity's mentions
// one record, read back by each writer, list by list, a run of pieces at a time.
#pragma once

#include "chronograph/story.hpp"
#include "model/parallel.hpp"
#include "model/temporary_file.hpp"

#include <functional>
#include <mutex>
#include <type_traits>
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
    /// Writes lists, where each is, in order; safe from several threads. Their bytes go a
    /// batch of some hundreds of kB at a time, one locked write each (a list longer than a
    /// run apart, as `add` writes it): one write per list held the lock for most of the
    /// time the threads spent writing.
    template <class T>
    std::vector<Aside> add_all(const std::vector<const std::vector<T>*>& lists);
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
    /// The bytes of the lists `add_all` writes at once.
    static constexpr std::size_t kBatchBytes = std::size_t{256} << 10;
    /// Writes a list longer than a run, run by run.
    template <class T>
    Aside add_long(const std::vector<T>& list);
    /// Decodes `pieces` pieces of a run from the reader.
    using RunReader = std::function<void(bytes::Reader&, std::size_t pieces)>;
    /// The runs of the list at `at` up to its first `limit` pieces, one read each.
    void runs(const Aside& at, std::size_t limit, const RunReader& decode) const;

    TemporaryFile file_;
    std::mutex mutex_;  // keeps a list's runs together in the file
};

/// Writes the lists list_of(0) to list_of(n - 1) on `threads` threads, a run of them per
/// add_all, and gives each one's place to written(k, aside), which may drop the list.
template <class ListOf, class Written>
void add_lists(AsideFile& file, std::size_t n, unsigned threads, ListOf list_of, Written written) {
    parallel_runs(n, threads, [&](std::size_t begin, std::size_t end) {
        std::vector<const std::remove_cvref_t<decltype(list_of(begin))>*> lists;
        lists.reserve(end - begin);
        for (std::size_t k = begin; k < end; ++k) lists.push_back(&list_of(k));
        const std::vector<Aside> at = file.add_all(lists);
        for (std::size_t k = begin; k < end; ++k) written(k, at[k - begin]);
    });
}

}  // namespace chronograph
