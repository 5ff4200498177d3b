// The per-document analyses become one Story: documents numbered in path order, entities
// linked across documents, event mentions merged into events (each keeping every
// mention as evidence), dates derived, conflicts flagged, events in time order.
#include "chronograph/consolidate.hpp"

#include "consolidate/internal.hpp"
#include "model/aside_file.hpp"
#include "model/memory.hpp"
#include "model/memory_trace.hpp"
#include "model/parallel.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>

namespace chronograph {
namespace {

using merging::Cluster;
using merging::MentionLists;
using merging::MentionRef;

/// The types whose merge rule (types.tsv) is `rule`.
std::vector<std::string> types_merged(const Resources& res, std::string_view rule) {
    std::vector<std::string> out;
    for (const Record& r : read_table(res.file("en/events/types.tsv")))
        if (r[2] == rule) out.push_back(std::string(r[0]));
    return out;
}

int status_rank(EventStatus s) {
    // An event is as certain as its most certain mention.
    switch (s) {
        case EventStatus::Happened: return 6;
        case EventStatus::Ongoing: return 5;
        case EventStatus::Reported: return 4;
        case EventStatus::Planned: return 3;
        case EventStatus::Expected: return 2;
        case EventStatus::Hypothetical: return 1;
        case EventStatus::Negated: return 0;
    }
    return 0;
}

/// A run of documents whose mentions are collected on one thread: its own interned texts
/// and its own word ids (in first-seen order; renumbered corpus-wide once all are done).
struct MentionSlice {
    std::size_t first_doc = 0, end_doc = 0;
    merging::Interned interned;
    std::unordered_map<std::string, std::uint32_t> vocabulary;  // content word -> id in this slice
    std::vector<const std::string*> words;                      // id in this slice -> its word
};

/// The part of a mention's worth as its event's label that does not depend on the
/// event (best_label adds whether its status is the event's): a clear sentence, not a
/// caption or headline, naming most actors, of reasonable length.
int label_score(const MentionRef& m, std::string_view label, bool caption_or_heading, const EntityTable& table) {
    int v = 0;
    if (!m.nominal) v += 50;
    if (m.has_timex) v += 30;
    if (!caption_or_heading) v += 100;
    v += 10 * static_cast<int>(std::min<std::size_t>(m.actors().size(), 3));
    // A label that says who did it ("North Korea and Russia held ...").
    for (std::size_t g : m.actors()) {
        const Entity& e = table.entities[g];
        bool named = label.starts_with(e.name);
        for (const auto& alias : e.aliases) named = named || label.starts_with(alias);
        if (named) {
            v += 40;
            break;
        }
    }
    const std::size_t len = label.size();
    if (len >= 20 && len <= 110) v += 20;
    if (len >= 40 && len <= 100) v += 15;
    // "Their partnership ...", "It ...": a label that needs the sentence before it.
    for (const char* dangling : {"Their ", "Its ", "His ", "Her ", "It ", "They ", "This ", "These "})
        if (label.starts_with(dangling)) v -= 30;
    v -= static_cast<int>(len / 20);
    return v;
}

/// Document `d`'s event mentions (`a`, read back with its events, time expressions,
/// sentences and text), written to out[at...]; their labels go to `labels`.
void collect_document(DocumentAnalysis& a, std::size_t d, const EntityTable& table,
                      const std::vector<std::set<std::string>>& name_words, const Resources& res, MentionSlice& slice,
                      TemporaryFile& labels, MentionRef* at) {
    using Lists = std::vector<std::uint32_t>[MentionLists::kCount];
    std::vector<Lists> lists(a.events.size());  // of each mention, packed once complete
    merging::Interned& interned = slice.interned;
    for (std::size_t e = 0; e < a.events.size(); ++e) {
        const EventMention& ev = a.events[e];
        MentionRef& m = at[e];
        Lists& list = lists[e];
        m.doc = static_cast<std::uint32_t>(d);
        m.index = static_cast<std::uint32_t>(e);
        m.sentence = static_cast<std::uint32_t>(ev.sentence);
        if (ev.timex && *ev.timex < a.timexes.size()) {
            m.has_timex = true;
            m.timex_start = static_cast<std::uint32_t>(a.timexes[*ev.timex].span.start);
            m.timex_end = static_cast<std::uint32_t>(a.timexes[*ev.timex].span.end);
        }
        m.trigger_start = static_cast<std::uint32_t>(ev.trigger.start);
        m.trigger_end = static_cast<std::uint32_t>(ev.trigger.end);
        m.status = ev.status;
        m.nominal = ev.nominal;
        m.type = &interned.text(ev.type);
        m.theme = &interned.text(ev.theme);
        m.duration = &interned.text(ev.duration);
        m.anchor_type = &interned.text(ev.anchor_type);
        auto global = [&](const std::vector<std::size_t>& local, std::vector<std::uint32_t>& to) {
            for (std::size_t x : local) {
                if (x >= table.of_mention[d].size()) continue;
                const std::uint32_t g = table.of_mention[d][x];
                if (std::find(to.begin(), to.end(), g) == to.end()) to.push_back(g);
            }
        };
        global(ev.agents, list[MentionLists::kActors]);
        global(ev.patients, list[MentionLists::kActors]);
        global(ev.patients, list[MentionLists::kObjects]);
        global(ev.places, list[MentionLists::kPlaces]);
        global(ev.sources, list[MentionLists::kSources]);
        // Words that tell this mention apart, without the names and the trigger itself.
        std::set<std::string> words = merging::content_words(ev.label, res);
        for (const auto which : {MentionLists::kActors, MentionLists::kPlaces})
            for (std::size_t g : list[which])
                for (const auto& w : name_words[g]) words.erase(w);
        for (const auto& w : merging::content_words(a.text(ev.trigger), res)) words.erase(w);
        for (const auto& w : words) {
            const auto [it, added] = slice.vocabulary.emplace(w, static_cast<std::uint32_t>(slice.words.size()));
            if (added) slice.words.push_back(&it->first);
            list[MentionLists::kWords].push_back(it->second);
        }
        m.time = &interned.time(ev.time);
        m.time_source = &interned.text(ev.time_source);
        m.rank = static_cast<std::int8_t>(merging::time_rank(a, ev, ev.time_source));
    }
    // A mention without actors ("the bridge is expected to take 18 months to complete")
    // belongs to the undertaking this document reports: it takes the actors of the
    // document's first mention of the same kind of event.
    // (Found once per kind: a search per mention made long documents quadratic.)
    auto root_type = [&](const MentionRef& m) {
        return m.type->substr(0, m.type->find('.'));
    };
    std::map<std::string, std::size_t> first_with_actors;
    for (std::size_t j = 0; j < a.events.size(); ++j)
        if (!lists[j][MentionLists::kActors].empty()) first_with_actors.emplace(root_type(at[j]), j);
    // Only from a mention before it ("parliament convenes next month" is not the central
    // bank's policy meeting told further down), except in a headline, which tells in short
    // what follows ("Nobel-winning author dies at 89").
    for (std::size_t k = 0; k < a.events.size(); ++k) {
        if (!lists[k][MentionLists::kActors].empty()) continue;
        const Sentence& s = a.sentences[at[k].sentence];
        if (const auto it = first_with_actors.find(root_type(at[k]));
            it != first_with_actors.end() && (it->second < k || s.heading || s.caption))
            lists[k][MentionLists::kActors] = lists[it->second][MentionLists::kActors];
    }
    // The labels, out of memory (one is read back per event), a document's in one write.
    std::string texts;
    for (std::size_t e = 0; e < a.events.size(); ++e) {
        MentionRef& m = at[e];
        m.lists = MentionLists(lists[e]);
        const Sentence& s = a.sentences[m.sentence];
        const std::string& label = a.events[e].label;
        m.label_score = label_score(m, label, s.caption || s.heading, table);
        m.label_at = texts.size();
        m.label_size = static_cast<std::uint32_t>(label.size());
        texts += label;
    }
    const std::uint64_t first = labels.append(texts);
    for (std::size_t e = 0; e < a.events.size(); ++e) at[e].label_at += first;
}

/// The event mentions of every document, in document order, collected on `threads`
/// threads, each a slice of the documents (`slices`: their interned texts, which the
/// mentions point into).
std::vector<MentionRef> collect_mentions(const AnalysisStore& docs, const EntityTable& table, const Resources& res,
                                         std::vector<MentionSlice>& slices,
                                         TemporaryFile& labels, unsigned threads) {
    // Each document's mentions start at first[d]. Reserved: growing a vector of this many
    // mentions step by step copies and faults in most of it again.
    std::vector<std::size_t> first(docs.size() + 1, 0);
    for (std::size_t d = 0; d < docs.size(); ++d) first[d + 1] = first[d] + docs.event_count(d);
    std::vector<MentionRef> out;
    out.reserve(first.back());
    // The words of each entity's name, found once instead of once per mention naming it.
    std::vector<std::set<std::string>> name_words(table.entities.size());
    parallel_for(table.entities.size(), threads, [&](std::size_t g) { name_words[g] = merging::content_words(table.entities[g].name, res); });
    // Slices of about equal numbers of mentions, taken in rounds. A few slices per thread
    // in a round, so that a thread slowed down (a busy machine) does not hold the others up.
    constexpr std::size_t kRounds = 4;
    threads = thread_count(threads, docs.size());
    const std::size_t count = std::min<std::size_t>(docs.size(), kRounds * (threads == 1 ? 1 : 2 * threads));
    slices = std::vector<MentionSlice>(count);
    for (std::size_t k = 0, d = 0; k < count; ++k) {
        slices[k].first_doc = d;
        const std::size_t goal = first.back() * (k + 1) / count;
        while (d < docs.size() && (k + 1 == count || first[d + 1] <= goal)) ++d;
        slices[k].end_doc = d;
    }
    for (std::size_t r = 0; r < kRounds; ++r) {
        const std::size_t begin = count * r / kRounds, end = count * (r + 1) / kRounds;
        if (begin == end) continue;
        out.resize(first[slices[end - 1].end_doc]);  // (within the capacity reserved: nothing moves)
        parallel_for(end - begin, threads, [&](std::size_t i) {
            MentionSlice& slice = slices[begin + i];
            for (std::size_t d = slice.first_doc; d < slice.end_doc; ++d) {
                DocumentAnalysis a = docs.load(d, kEventsPart | kTimexesPart | kSentencesPart | kTextPart);
                // (out.data() + ...: a last document without events starts at out.size(),
                // where out[...] would be out of range)
                collect_document(a, d, table, name_words, res, slice, labels, out.data() + first[d]);
            }
        });
    }
    // Word ids corpus-wide, numbered in first-seen order (slice by slice, in document
    // order: as one pass over the documents would number them).
    std::unordered_map<std::string_view, std::uint32_t> vocabulary;
    std::vector<std::vector<std::uint32_t>> renumber(count);
    for (std::size_t k = 0; k < count; ++k)
        for (const std::string* w : slices[k].words)
            renumber[k].push_back(vocabulary.emplace(*w, static_cast<std::uint32_t>(vocabulary.size())).first->second);
    release(vocabulary);  // (it points into the slices' vocabularies)
    parallel_for(count, threads, [&](std::size_t k) {
        for (std::size_t x = first[slices[k].first_doc]; x < first[slices[k].end_doc]; ++x) {
            const std::span<std::uint32_t> words = out[x].lists.get(MentionLists::kWords);
            for (std::uint32_t& w : words) w = renumber[k][w];
            std::sort(words.begin(), words.end());
        }
        release(slices[k].vocabulary);
        release(slices[k].words);
    });
    return out;
}

/// The mention whose label is its event's: the clearest (of the event's status; see
/// label_score), first in document order on ties.
const MentionRef* label_mention(const std::vector<MentionRef>& mentions, const Cluster& c, EventStatus status) {
    // Planned and expected are the same kind of claim about the future; reported and
    // happened about the past ("the agreement was reached on March 12, Baku said" names
    // the signing better than a headline).
    auto family = [](EventStatus x) {
        if (x == EventStatus::Expected) return EventStatus::Planned;
        return x == EventStatus::Reported ? EventStatus::Happened : x;
    };
    auto score = [&](const MentionRef& m) { return (family(m.status) == family(status) ? 200 : 0) + m.label_score; };
    const MentionRef* pick = nullptr;
    for (std::size_t x : c.members)
        if (!pick || score(mentions[x]) > score(*pick)) pick = &mentions[x];
    return pick;
}

/// Indices into EntityTable::entities, most often named first (ties: the lower index).
std::vector<std::uint32_t> by_frequency(const std::vector<MentionRef>& mentions, const Cluster& c, MentionLists::Which list) {
    std::map<std::uint32_t, int> count;
    for (std::size_t x : c.members)
        for (std::uint32_t g : mentions[x].lists.get(list)) ++count[g];
    std::vector<std::pair<std::uint32_t, int>> sorted(count.begin(), count.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<std::uint32_t> out;
    out.reserve(sorted.size());
    for (const auto& [g, n] : sorted) out.push_back(g);
    return out;
}

/// The event a cluster stands for, decided while its mentions are at hand, in a few dozen
/// bytes: the most certain status, the best time, actors by how often they are named, the
/// clearest label. The mentions (half a GB at 100,000 articles) go before the events,
/// with their texts, are made from these (see event_from).
struct EventDraft {
    const TimeValue* time = nullptr;  // interned, or a derived time (kept by the consolidation); null: undated
    std::string_view time_source;     // interned, or "derived"
    std::uint64_t label_at = 0;       // where its label is in the file of labels
    std::uint32_t label_size = 0;
    EventStatus status = EventStatus::Happened;
    MentionLists entities;            // its actors, places and sources (kActors, kPlaces, kSources)
};

EventDraft draft_of(const std::vector<MentionRef>& mentions, const Cluster& cl) {
    EventDraft d;
    if (const MentionRef* when = merging::cluster_time_mention(mentions, cl)) {
        d.time = when->time;
        d.time_source = *when->time_source;
    }
    int best_status = -1;
    for (std::size_t x : cl.members) {
        if (status_rank(mentions[x].status) > best_status) {
            best_status = status_rank(mentions[x].status);
            d.status = mentions[x].status;
        }
    }
    if (const MentionRef* label = label_mention(mentions, cl, d.status)) {
        d.label_at = label->label_at;
        d.label_size = label->label_size;
    }
    std::vector<std::uint32_t> lists[MentionLists::kCount];
    for (const auto which : {MentionLists::kActors, MentionLists::kPlaces, MentionLists::kSources})
        lists[which] = by_frequency(mentions, cl, which);
    d.entities = MentionLists(lists);
    return d;
}

/// The event of a draft (no id, no evidence yet), with its label.
Event event_from(const EventDraft& d, const Cluster& cl, const EntityTable& table, std::string_view label) {
    Event ev;
    ev.type = cl.type;
    if (d.time) {
        ev.time = *d.time;
        ev.time_source = d.time_source;
    }
    auto ids = [&](MentionLists::Which which, std::vector<EntityId>& to) {
        const std::span<const std::uint32_t> list = d.entities.get(which);
        to.reserve(list.size());
        for (std::uint32_t g : list) to.push_back(table.entities[g].id);
    };
    ids(MentionLists::kActors, ev.actors);
    ids(MentionLists::kPlaces, ev.places);
    ids(MentionLists::kSources, ev.sources);
    ev.status = d.status;
    ev.label = label;
    return ev;
}

/// The labels of the drafts of.at(begin) to of.at(end - 1), read back from the file on
/// the threads (a read each: 0.03 s of one thread at 10,000 articles) into `text`, made
/// here: the k-th ends at ends[k].
void read_labels(const TemporaryFile& labels, const std::vector<EventDraft>& drafts, const std::vector<std::size_t>& of,
                 std::size_t begin, std::size_t end, std::string& text, std::vector<std::size_t>& ends, unsigned threads) {
    ends.clear();
    for (std::size_t i = begin; i < end; ++i) ends.push_back((ends.empty() ? 0 : ends.back()) + drafts[of[i]].label_size);
    text.resize(ends.empty() ? 0 : ends.back());
    parallel_runs(end - begin, threads, [&](std::size_t first, std::size_t last) {
        for (std::size_t k = first; k < last; ++k) {
            const EventDraft& d = drafts[of[begin + k]];
            labels.read(d.label_at, d.label_size, text.data() + ends[k] - d.label_size);
        }
    });
}

}  // namespace

Story consolidate(const AnalysisStore& docs, const Resources& res, unsigned threads, const Progress& progress) {
    auto step = [&](std::string_view name) {
        if (progress.step) progress.step(name);
    };
    Story story;
    std::vector<DocId> doc_ids;
    for (std::size_t i = 0; i < docs.size(); ++i) {
        const Document& d = docs.document(i);
        doc_ids.push_back("d" + std::to_string(i + 1));
        story.documents.push_back({doc_ids.back(), d.path, d.title, d.dct, d.dct_source, d.format, docs.text_bytes(i),
                                   docs.sentence_count(i)});
    }
    // The story's lists go to a file as they are made (see Story::evidence): the
    // entities' mentions first, held for nothing else.
    auto aside_file = std::make_shared<AsideFile>();
    step("linking the entities");
    EntityTable table = link_entities(docs, doc_ids, threads);
    auto mentions_of = [&](std::size_t g) -> const std::vector<EntityMentionRef>& { return table.entities[g].mentions; };
    add_lists(*aside_file, table.entities.size(), threads, mentions_of, [&](std::size_t g, const Aside& at) {
        table.entities[g].aside = at;
        release(table.entities[g].mentions);
    });
    trace_memory("entities linked");
    // (What the linking freed is given back: what is made next, in whichever malloc arena,
    // is not held up by its pages.)
    give_back_free_memory();

    std::vector<MentionSlice> slices;  // outlive the mentions, which point into their interned texts
    TemporaryFile labels("labels");  // of the mentions
    step("collecting the event mentions");
    std::vector<MentionRef> mentions = collect_mentions(docs, table, res, slices, labels, threads);
    trace_memory("mentions collected");
    release(table.of_mention);
    step("clustering the events");
    std::vector<Cluster> clusters = merging::cluster_mentions(mentions, types_merged(res, "once"), types_merged(res, "placed"), threads);
    merging::derive_times(mentions, clusters, threads);
    trace_memory("clustered");

    step("ordering the events");
    // What each cluster's event will be (in parallel: they share nothing), then time order;
    // undated events last, in order of first mention.
    std::vector<EventDraft> drafts(clusters.size());
    parallel_for(clusters.size(), threads, [&](std::size_t c) { drafts[c] = draft_of(mentions, clusters[c]); });
    trace_memory("events drafted");
    auto first_mention = [&](std::size_t c) {  // (doc, sentence)
        const MentionRef& head = mentions[clusters[c].members.front()];
        return std::pair(head.doc, head.sentence);
    };
    std::vector<std::size_t> order(clusters.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    parallel_stable_sort(order.begin(), order.end(), threads, [&](std::size_t a, std::size_t b) {
        const auto& x = drafts[a].time ? drafts[a].time->interval : std::nullopt;
        const auto& y = drafts[b].time ? drafts[b].time->interval : std::nullopt;
        if (x.has_value() != y.has_value()) return x.has_value();
        if (x && y) {
            if (x->earliest != y->earliest) return x->earliest < y->earliest;
            if (x->latest != y->latest) return x->latest < y->latest;
        }
        return first_mention(a) < first_mention(b);
    });
    // Each cluster's place in time order, which names its event ("ev" and the place from
    // 1: made when needed, not held as texts, some 25 MB at 100,000 articles).
    std::vector<std::uint32_t> place_of(clusters.size());
    auto cluster_id = [&](std::size_t c) { return EventId("ev" + std::to_string(place_of[c] + 1)); };
    // Where each mention goes: its event in the story and its place among that event's
    // evidence (cluster order).
    std::vector<std::pair<std::uint32_t, std::uint32_t>> slot(mentions.size());
    std::vector<std::uint32_t> evidence_count(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        place_of[order[i]] = static_cast<std::uint32_t>(i);
        const std::vector<std::size_t>& members = clusters[order[i]].members;
        for (std::size_t k = 0; k < members.size(); ++k)
            slot[members[k]] = {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(k)};
        evidence_count[i] = static_cast<std::uint32_t>(members.size());
    }
    // The mentions, some two hundred bytes each, give the conflicts and the evidence what they
    // need and go.
    std::vector<std::unique_ptr<merging::DerivedTime>> derived;  // (m.time and the drafts may point into them)
    merging::MentionTable facts = merging::make_facts(mentions, slot, derived);
    trace_memory("facts made");
    release(mentions);
    release(slot);
    give_back_free_memory();
    trace_memory("mentions released");
    step("finding conflicting claims");
    // The conflicts before the events: what finding them holds for a while (some 250 MB at
    // 100,000 articles) is not beside the events. A date conflict's label is its event's,
    // read back from the file of labels.
    story.conflicts = merging::find_conflicts(docs, doc_ids, facts, clusters, cluster_id,
                                              [&](std::size_t c) { return labels.read(drafts[c].label_at, drafts[c].label_size); },
                                              *aside_file, threads);
    for (Cluster& c : clusters) release(c.members);  // (only their types are read from here on)
    give_back_free_memory();
    trace_memory("conflicts found");
    step("gathering the evidence");
    // The evidence, the bulk of the story, goes to the file before the events are made
    // (not beside them: the facts it is made from are some 220 MB at 100,000 articles).
    // asides[i]: where the evidence of the i-th event in time order is.
    std::vector<Aside> asides = merging::write_evidence(docs, doc_ids, facts, evidence_count, table, *aside_file, threads);
    release(facts);
    give_back_free_memory();
    trace_memory("evidence written");
    step("making the events");
    // The events, made from their drafts once the mentions and their facts are gone (not
    // beside them), in time order, on the threads (each event in its own slot).
    // Their labels are read back a run of events at a time.
    constexpr std::size_t kRunLabels = 8192;  // (some 500 kB of labels)
    std::string run_labels;
    std::vector<std::size_t> label_end;
    story.events.resize(order.size());
    for (std::size_t begin = 0; begin < order.size(); begin += kRunLabels) {
        const std::size_t end = std::min(order.size(), begin + kRunLabels);
        read_labels(labels, drafts, order, begin, end, run_labels, label_end, threads);
        parallel_runs(end - begin, threads, [&](std::size_t first, std::size_t last) {
            for (std::size_t i = begin + first; i < begin + last; ++i) {
                const std::size_t label_size = drafts[order[i]].label_size;
                const std::string_view label = std::string_view(run_labels).substr(label_end[i - begin] - label_size, label_size);
                Event& ev = story.events[i];
                ev = event_from(drafts[order[i]], clusters[order[i]], table, label);
                ev.id = cluster_id(order[i]);
                ev.aside = asides[i];
                drafts[order[i]] = EventDraft();
            }
        });
    }
    release(run_labels);
    release(drafts);
    release(place_of);
    release(clusters);
    trace_memory("events made");
    story.aside_file = std::move(aside_file);
    story.entities = std::move(table.entities);
    return story;
}

Story consolidate(const std::vector<DocumentAnalysis>& docs, const Resources& res, unsigned threads, const Progress& progress) {
    AnalysisStore store;
    for (const DocumentAnalysis& a : docs) store.add(a);
    return consolidate(store, res, threads, progress);
}

}  // namespace chronograph
