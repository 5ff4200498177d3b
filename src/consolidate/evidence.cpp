// The events' evidence made from the mentions' facts and written to the story's file (see
// write_evidence).
#include "consolidate/internal.hpp"
#include "model/aside_file.hpp"
#include "model/memory.hpp"
#include "model/parallel.hpp"

#include <algorithm>
#include <unordered_map>

namespace chronograph::merging {
namespace {

/// The dates of the evidence, each made once (per run of documents) and shared by the
/// mentions that give it (`time` of a MentionFacts: an interned date, or a derived one).
using SharedTimes = std::unordered_map<const TimeValue*, Shared<TimeValue>>;

/// One mention as evidence: its sentence (`sentence`: its text, shared with the other
/// mentions of that sentence), trigger, time expression, date and actors.
EvidenceRef evidence_of(const DocumentAnalysis& d, const DocId& doc_id, const MentionFacts& m, const SharedText& sentence,
                        const SharedTimes& times, const std::vector<std::uint32_t>& actors, const EntityTable& table) {
    const Sentence& s = d.sentences[m.sentence];
    EvidenceRef ref;
    ref.doc = doc_id;
    ref.sentence = sentence;
    ref.start = s.span.start;
    ref.end = s.span.end;
    ref.trigger_start = m.trigger_start;
    ref.trigger_end = m.trigger_end;
    if (m.has_timex) {
        ref.timex = std::string(d.text(m.timex()));
        ref.timex_start = m.timex_start;
        ref.timex_end = m.timex_end;
    }
    ref.time = times.at(m.time);
    ref.status = m.status;
    ref.caption = s.caption;
    ref.actors.reserve(m.actor_count);
    for (std::uint32_t k = 0; k < m.actor_count; ++k) ref.actors.push_back(table.entities[actors[m.first_actor + k]].id);
    return ref;
}

}  // namespace

std::vector<Aside> write_evidence(const AnalysisStore& docs, const std::vector<DocId>& doc_ids, const MentionTable& facts,
                                  const std::vector<std::uint32_t>& evidence_count, const EntityTable& table, AsideFile& file,
                                  unsigned threads) {
    // Each document's facts start at first_fact[d] (the mentions are in document order:
    // each document's are a run of them).
    std::vector<std::size_t> first_fact(docs.size() + 1, facts.facts.size());
    for (std::size_t x = facts.facts.size(); x-- > 0;) first_fact[facts.facts[x].doc] = x;
    for (std::size_t d = docs.size(); d-- > 0;) first_fact[d] = std::min(first_fact[d], first_fact[d + 1]);
    // A run of events at a time: each run's evidence is made document by document on the
    // worker threads (each document with evidence in the run read back), then written
    // event by event and freed.
    std::vector<Aside> asides(evidence_count.size());
    constexpr std::size_t kRunEvidence = std::size_t{1} << 18;  // pieces of evidence held at once (some 65 MB)
    std::vector<std::vector<EvidenceRef>> run;  // of each event in the run
    for (std::size_t begin = 0, end = 0; begin < evidence_count.size(); begin = end) {
        run.clear();
        for (std::size_t held = 0; end < evidence_count.size() && (end == begin || held + evidence_count[end] <= kRunEvidence); ++end) {
            held += evidence_count[end];
            run.emplace_back(evidence_count[end]);
        }
        auto in_run = [&](const MentionFacts& m) { return m.event >= begin && m.event < end; };
        // The dates are made once per run of documents, not once for the corpus: the threads
        // would otherwise all count references to the same few dates (the common publication
        // days), whose shared counters went back and forth between the cores (making the
        // evidence took 0.19 s on one thread, 0.13 s on two); once per document held 7 MB
        // more at 10,000 articles.
        parallel_runs(docs.size(), threads, [&](std::size_t first_doc, std::size_t end_doc) {
            SharedTimes times;
            for (std::size_t d = first_doc; d < end_doc; ++d) {
                const auto from = facts.facts.begin() + static_cast<std::ptrdiff_t>(first_fact[d]);
                const auto to = facts.facts.begin() + static_cast<std::ptrdiff_t>(first_fact[d + 1]);
                if (std::none_of(from, to, in_run)) continue;
                const DocumentAnalysis a = docs.load(d, kTextPart | kSentencesPart);
                std::unordered_map<std::uint32_t, SharedText> sentences;  // of this document, by index
                for (auto source = from; source != to; ++source) {
                    if (!in_run(*source)) continue;
                    auto [it, added] = sentences.try_emplace(source->sentence);
                    if (added) it->second = SharedText(a.text(a.sentences[source->sentence].span));
                    if (const auto [t, new_time] = times.try_emplace(source->time); new_time) t->second = Shared<TimeValue>(*source->time);
                    run[source->event - begin][source->place] = evidence_of(a, doc_ids[d], *source, it->second, times, facts.actors, table);
                }
            }
        });
        auto evidence_of_event = [&](std::size_t k) -> const std::vector<EvidenceRef>& { return run[k]; };
        add_lists(file, end - begin, threads, evidence_of_event, [&](std::size_t k, const Aside& at) {
            asides[begin + k] = at;
            release(run[k]);
        });
    }
    return asides;
}

}  // namespace chronograph::merging
