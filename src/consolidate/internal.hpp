// Pieces of the consolidate stage, shared by its files.
#pragma once

#include "chronograph/analysis.hpp"
#include "chronograph/analysis_store.hpp"
#include "chronograph/entities.hpp"
#include "chronograph/resources.hpp"
#include "chronograph/story.hpp"
#include "model/temporary_file.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace chronograph {
class AsideFile;
}

namespace chronograph::merging {

/// A date worked out from a duration ("expected to take 18 months": counted from the
/// start of the same undertaking). Few mentions have one: kept apart from MentionRef.
struct DerivedTime {
    TimeValue time;
    std::string note;  // how it was counted ("18 months after the start (...)")
};

/// Equal texts and times stored once, at addresses that stay put while more are added.
class Interned {
public:
    const std::string& text(std::string_view s) { return *texts_.emplace(s).first; }
    const TimeValue& time(const TimeValue& t) { return *times_.insert(t).first; }

private:
    struct TimeLess {
        bool operator()(const TimeValue& a, const TimeValue& b) const;
    };
    std::set<std::string, std::less<>> texts_;
    std::set<TimeValue, TimeLess> times_;
};

/// A mention's entity lists and label words, in one allocation with their sizes: a
/// corpus has millions of mentions, and five vectors cost 120 bytes and up to five
/// allocations of 32 bytes or more each.
class MentionLists {
public:
    enum Which { kActors, kPlaces, kSources, kObjects, kWords, kCount };

    MentionLists() = default;
    explicit MentionLists(const std::vector<std::uint32_t> (&lists)[kCount]);

    std::span<const std::uint32_t> get(Which w) const { return {begin(w), end(w)}; }
    std::span<std::uint32_t> get(Which w) { return {begin(w), end(w)}; }

private:
    // sizes_[0..kCount) then the lists one after the other; empty when all are
    std::unique_ptr<std::uint32_t[]> block_;
    std::uint32_t* begin(Which w) const;
    std::uint32_t* end(Which w) const { return begin(w) + (block_ ? block_[w] : 0); }
};

/// The time source of a mention dated from another event (derive_times).
extern const std::string kDerived;

/// One event mention of one document, with corpus-wide entity indices and what the
/// consolidation reads of the mention itself: once they are collected the documents'
/// event lists can go. Kept small: a large corpus has millions.
struct MentionRef {
    std::uint32_t doc = 0;    // index into the documents
    std::uint32_t index = 0;  // index into that document's events
    std::uint32_t sentence = 0;  // index into the document's sentences
    std::uint32_t timex_start = 0, timex_end = 0;  // its time expression's offsets, if has_timex
    std::uint32_t trigger_start = 0, trigger_end = 0;
    EventStatus status = EventStatus::Happened;
    bool nominal = false;
    bool has_timex = false;
    std::int8_t rank = 0;  // how far its date can be trusted (see time_rank)
    /// What makes its label a good one for its event, whatever the event (see label_score).
    std::int16_t label_score = 0;
    std::uint32_t label_size = 0;  // its label: how long, and where (label_at)
    // Interned (see Interned): the event's type, theme, duration and anchor type.
    const std::string* type = nullptr;
    const std::string* theme = nullptr;
    const std::string* duration = nullptr;
    const std::string* anchor_type = nullptr;
    std::uint64_t label_at = 0;  // where its label is in the consolidation's file of labels
    /// Indices into EntityTable::entities: actors, places, sources, objects (the patients
    /// among the actors: what the event acts on); and the content words of its label
    /// (interned ids, sorted), for telling mentions apart.
    MentionLists lists;
    /// Its date: the event mention's own (interned), or `derived->time`.
    const TimeValue* time = nullptr;
    const std::string* time_source = nullptr;  // interned, or &kDerived
    std::unique_ptr<DerivedTime> derived;  // set by derive_times

    std::span<const std::uint32_t> actors() const { return lists.get(MentionLists::kActors); }
    std::span<const std::uint32_t> places() const { return lists.get(MentionLists::kPlaces); }
    std::span<const std::uint32_t> sources() const { return lists.get(MentionLists::kSources); }
    std::span<const std::uint32_t> objects() const { return lists.get(MentionLists::kObjects); }
    std::span<const std::uint32_t> words() const { return lists.get(MentionLists::kWords); }
    const std::string& note() const;  // how a derived date was counted ("" if not derived)
};

/// What the conflicts and the evidence need of one mention once the events are built: a
/// fifth of a MentionRef (offsets of 32 bits, the actors a range of one list for all), so
/// that the mentions can go before the conflicts are found and the evidence (the bulk of
/// the story) is made.
struct MentionFacts {
    std::uint32_t doc = 0, index = 0, sentence = 0;  // as MentionRef's
    std::uint32_t event = 0, place = 0;  // its event in the story, its place in that event's evidence
    std::uint32_t timex_start = 0, timex_end = 0;  // its time expression's offsets, if has_timex
    std::uint32_t trigger_start = 0, trigger_end = 0;
    std::uint32_t first_actor = 0, actor_count = 0;  // its range of MentionTable::actors
    const TimeValue* time = nullptr;  // as MentionRef's (interned, or `derived->time`)
    const DerivedTime* derived = nullptr;  // (kept by the consolidation)
    EventStatus status = EventStatus::Happened;
    std::int8_t rank = 0;          // as MentionRef's
    bool has_timex = false;
    bool dated_by_derivation = false;  // its time_source is "derived"

    Span timex() const { return Span{timex_start, timex_end}; }
    const std::string& note() const;  // how a derived date was counted ("" if not derived)
};

/// The facts of every mention, in the mentions' order.
struct MentionTable {
    std::vector<MentionFacts> facts;
    std::vector<std::uint32_t> actors;  // of every mention, each a range of it (a list each costs ~56 bytes)
};

/// A group of mentions of the same event.
struct Cluster {
    std::string type;
    std::vector<std::size_t> members;  // indices into the mention list
};

/// Stopwords of data/en/consolidate/stopwords.txt.
const std::unordered_set<std::string>& stopwords(const Resources& res);

/// Content words of a text: lower case, 4+ letters, not stopwords, crude stem.
std::set<std::string> content_words(std::string_view text, const Resources& res);

/// Higher is better: absolute day dates over coarser ones, over relative ones (anchored
/// to a stated, then an inferred publication date), over derived, over publication dates.
int time_rank(const DocumentAnalysis& doc, const EventMention& m, const std::string& time_source);

/// Groups mentions of the same event (same type, shared actors, compatible dates), in
/// the order of their first mentions. Types are grouped apart, on `threads` threads.
/// `once_types` merge whatever their dates; `placed_types` also by place and day.
std::vector<Cluster> cluster_mentions(const std::vector<MentionRef>& mentions, const std::vector<std::string>& once_types,
                                      const std::vector<std::string>& placed_types, unsigned threads = 1);

/// Dates mentions that are "N months after the start" from their cluster's anchor event,
/// on `threads` threads.
void derive_times(std::vector<MentionRef>& mentions, const std::vector<Cluster>& clusters, unsigned threads);

/// "P18M" -> "18 months".
std::string describe_duration(const std::string& value);

/// The time a cluster stands for: the best-ranked, most specific, most reported.
TimeValue cluster_time(const std::vector<MentionRef>& mentions, const Cluster& c, std::string& time_source);
/// The mention that gives it (its time and time_source); null when none is dated.
const MentionRef* cluster_time_mention(const std::vector<MentionRef>& mentions, const Cluster& c);

/// The facts of every mention, made from the last mention back, the mentions (and their
/// slots: each mention's event and place in its evidence) dropped as they go, so that
/// the facts are never made beside all the mentions. The mentions' derived times move to
/// `derived` (the facts and the drafts point into them). On the calling thread: see
/// facts.cpp.
MentionTable make_facts(std::vector<MentionRef>& mentions, std::vector<std::pair<std::uint32_t, std::uint32_t>>& slot,
                        std::vector<std::unique_ptr<DerivedTime>>& derived);

/// Each event's evidence (the events in time order: evidence_count[i] pieces for the i-th)
/// made from the facts, a run of events at a time, and written to `file`; where each
/// event's is.
std::vector<Aside> write_evidence(const AnalysisStore& docs, const std::vector<DocId>& doc_ids, const MentionTable& facts,
                                  const std::vector<std::uint32_t>& evidence_count, const EntityTable& table, AsideFile& file,
                                  unsigned threads);

/// Date conflicts within events and numeric conflicts across documents (found on `threads`
/// threads; the same whatever their number), their claims written to `file` (each
/// conflict's `aside`). cluster_id(c), cluster_label(c): the id and label of cluster c's event.
std::vector<Conflict> find_conflicts(const AnalysisStore& docs, const std::vector<DocId>& doc_ids,
                                     const MentionTable& mentions, const std::vector<Cluster>& clusters,
                                     const std::function<EventId(std::size_t)>& cluster_id, const std::function<std::string(std::size_t)>& cluster_label,
                                     AsideFile& file, unsigned threads = 1);

/// "2026 (MID)", "2025-04-30".
std::string describe(const TimeValue& t);

}  // namespace chronograph::merging
