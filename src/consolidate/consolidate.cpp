// The per-document analyses become one Story: documents numbered in path order, entities
// linked across documents, event mentions merged into events (each keeping every
// mention as evidence), dates derived, conflicts flagged, events in time order.
#include "chronograph/consolidate.hpp"

#include "consolidate/internal.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace chronograph {
namespace {

using merging::Cluster;
using merging::MentionRef;

std::vector<std::string> once_types(const Resources& res) {
    std::vector<std::string> out;
    for (const Record& r : read_table(res.file("en/events/types.tsv")))
        if (r[2] == "once") out.push_back(std::string(r[0]));
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

std::vector<MentionRef> collect_mentions(const std::vector<DocumentAnalysis>& docs, const EntityTable& table,
                                         const Resources& res) {
    std::vector<MentionRef> out;
    std::unordered_map<std::string, std::uint32_t> vocabulary;  // content word -> id
    for (std::size_t d = 0; d < docs.size(); ++d) {
        const DocumentAnalysis& a = docs[d];
        const std::size_t first = out.size();
        for (std::size_t e = 0; e < a.events.size(); ++e) {
            const EventMention& ev = a.events[e];
            MentionRef m;
            m.doc = d;
            m.index = e;
            auto global = [&](const std::vector<std::size_t>& local, std::vector<std::size_t>& to) {
                for (std::size_t x : local) {
                    if (x >= table.of_mention[d].size()) continue;
                    const std::size_t g = table.of_mention[d][x];
                    if (std::find(to.begin(), to.end(), g) == to.end()) to.push_back(g);
                }
            };
            global(ev.agents, m.actors);
            global(ev.patients, m.actors);
            global(ev.patients, m.objects);
            global(ev.places, m.places);
            global(ev.sources, m.sources);
            // Words that tell this mention apart, without the names and the trigger itself.
            std::set<std::string> words = merging::content_words(ev.label, res);
            for (const auto* list : {&m.actors, &m.places})
                for (std::size_t g : *list)
                    for (const auto& w : merging::content_words(table.entities[g].name, res)) words.erase(w);
            for (const auto& w : merging::content_words(a.text(ev.trigger), res)) words.erase(w);
            for (const auto& w : words) m.words.push_back(vocabulary.emplace(w, static_cast<std::uint32_t>(vocabulary.size())).first->second);
            std::sort(m.words.begin(), m.words.end());
            m.time = ev.time;
            m.time_source = ev.time_source;
            m.rank = merging::time_rank(a, ev, ev.time_source);
            out.push_back(std::move(m));
        }
        // A mention without actors ("the bridge is expected to take 18 months to complete")
        // belongs to the undertaking this document reports: it takes the actors of the
        // document's first mention of the same kind of event.
        // (Found once per kind: a search per mention made long documents quadratic.)
        auto root_type = [&](const MentionRef& m) {
            const std::string& type = a.events[m.index].type;
            return type.substr(0, type.find('.'));
        };
        std::map<std::string, std::size_t> first_with_actors;
        for (std::size_t j = first; j < out.size(); ++j)
            if (!out[j].actors.empty()) first_with_actors.emplace(root_type(out[j]), j);
        for (std::size_t k = first; k < out.size(); ++k) {
            if (!out[k].actors.empty()) continue;
            if (const auto it = first_with_actors.find(root_type(out[k])); it != first_with_actors.end())
                out[k].actors = out[it->second].actors;
        }
    }
    return out;
}

/// Label of an event: from the clearest mention (of the event's status, not a caption or
/// headline, naming most actors, of reasonable length), first in document order on ties.
std::string best_label(const std::vector<DocumentAnalysis>& docs, const std::vector<MentionRef>& mentions, const Cluster& c,
                       EventStatus status, const EntityTable& table) {
    const MentionRef* pick = nullptr;
    auto score = [&](const MentionRef& m) {
        const DocumentAnalysis& d = docs[m.doc];
        const EventMention& ev = d.events[m.index];
        const Sentence& s = d.sentences[ev.sentence];
        // Planned and expected are the same kind of claim about the future.
        auto family = [](EventStatus x) { return x == EventStatus::Expected ? EventStatus::Planned : x; };
        int v = family(ev.status) == family(status) ? 200 : 0;
        if (!ev.nominal) v += 50;
        if (ev.timex) v += 30;
        if (!s.caption && !s.heading) v += 100;
        v += 10 * static_cast<int>(std::min<std::size_t>(m.actors.size(), 3));
        // A label that says who did it ("North Korea and Russia held ...").
        for (std::size_t g : m.actors) {
            const Entity& e = table.entities[g];
            bool named = ev.label.rfind(e.name, 0) == 0;
            for (const auto& alias : e.aliases) named = named || ev.label.rfind(alias, 0) == 0;
            if (named) {
                v += 40;
                break;
            }
        }
        const std::size_t len = ev.label.size();
        if (len >= 20 && len <= 110) v += 20;
        if (len >= 40 && len <= 100) v += 15;
        // "Their partnership ...", "It ...": a label that needs the sentence before it.
        for (const char* dangling : {"Their ", "Its ", "His ", "Her ", "It ", "They ", "This ", "These "})
            if (ev.label.rfind(dangling, 0) == 0) v -= 30;
        v -= static_cast<int>(len / 20);
        return v;
    };
    for (std::size_t x : c.members)
        if (!pick || score(mentions[x]) > score(*pick)) pick = &mentions[x];
    return pick ? docs[pick->doc].events[pick->index].label : std::string();
}

std::vector<EntityId> ids_by_frequency(const std::vector<MentionRef>& mentions, const Cluster& c,
                                       std::vector<std::size_t> MentionRef::*list, const EntityTable& table) {
    std::map<std::size_t, int> count;
    for (std::size_t x : c.members)
        for (std::size_t g : mentions[x].*list) ++count[g];
    std::vector<std::pair<std::size_t, int>> sorted(count.begin(), count.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<EntityId> out;
    for (const auto& [g, n] : sorted) out.push_back(table.entities[g].id);
    return out;
}

}  // namespace

Story consolidate(const std::vector<DocumentAnalysis>& docs, const Resources& res) {
    Story story;
    std::vector<DocId> doc_ids;
    for (std::size_t i = 0; i < docs.size(); ++i) {
        const Document& d = docs[i].doc;
        doc_ids.push_back("d" + std::to_string(i + 1));
        story.documents.push_back({doc_ids.back(), d.path, d.title, d.dct, d.dct_source, d.format, d.text.size(),
                                   docs[i].sentences.size()});
    }
    const EntityTable table = link_entities(docs, doc_ids);
    story.entities = table.entities;

    std::vector<MentionRef> mentions = collect_mentions(docs, table, res);
    const std::vector<Cluster> clusters = merging::cluster_mentions(docs, mentions, once_types(res));
    merging::derive_times(docs, mentions, clusters);

    struct Built {
        Event event;
        std::size_t cluster;
        std::pair<std::size_t, std::size_t> first;  // (doc, sentence) of the first mention
    };
    std::vector<Built> built;
    for (std::size_t c = 0; c < clusters.size(); ++c) {
        const Cluster& cl = clusters[c];
        Event ev;
        ev.type = cl.type;
        ev.time = merging::cluster_time(mentions, cl, ev.time_source);
        ev.actors = ids_by_frequency(mentions, cl, &MentionRef::actors, table);
        ev.places = ids_by_frequency(mentions, cl, &MentionRef::places, table);
        ev.sources = ids_by_frequency(mentions, cl, &MentionRef::sources, table);
        int best_status = -1;
        for (std::size_t x : cl.members) {
            const MentionRef& m = mentions[x];
            const DocumentAnalysis& d = docs[m.doc];
            const EventMention& em = d.events[m.index];
            const Sentence& s = d.sentences[em.sentence];
            if (status_rank(em.status) > best_status) {
                best_status = status_rank(em.status);
                ev.status = em.status;
            }
            EvidenceRef ref;
            ref.doc = doc_ids[m.doc];
            ref.sentence = std::string(d.text(s.span));
            ref.start = s.span.start;
            ref.end = s.span.end;
            ref.trigger_start = em.trigger.start;
            ref.trigger_end = em.trigger.end;
            if (em.timex && *em.timex < d.timexes.size()) {
                const Timex& t = d.timexes[*em.timex];
                ref.timex = std::string(d.text(t.span));
                ref.timex_start = t.span.start;
                ref.timex_end = t.span.end;
            }
            ref.time = m.time;
            ref.status = em.status;
            ref.caption = s.caption;
            for (std::size_t g : m.actors) ref.actors.push_back(table.entities[g].id);
            ev.mentions.push_back(std::move(ref));
        }
        ev.label = best_label(docs, mentions, cl, ev.status, table);
        const MentionRef& head = mentions[cl.members.front()];
        built.push_back({std::move(ev), c, {head.doc, docs[head.doc].events[head.index].sentence}});
    }
    // Time order; undated events last, in order of first mention.
    std::stable_sort(built.begin(), built.end(), [](const Built& a, const Built& b) {
        const auto& x = a.event.time.interval;
        const auto& y = b.event.time.interval;
        if (x.has_value() != y.has_value()) return x.has_value();
        if (x && y) {
            if (x->earliest != y->earliest) return x->earliest < y->earliest;
            if (x->latest != y->latest) return x->latest < y->latest;
        }
        return a.first < b.first;
    });
    std::vector<EventId> cluster_ids(clusters.size());
    std::vector<std::string> cluster_labels(clusters.size());
    for (std::size_t i = 0; i < built.size(); ++i) {
        built[i].event.id = "ev" + std::to_string(i + 1);
        cluster_ids[built[i].cluster] = built[i].event.id;
        cluster_labels[built[i].cluster] = built[i].event.label;
        story.events.push_back(std::move(built[i].event));
    }
    story.conflicts = merging::find_conflicts(docs, doc_ids, mentions, clusters, cluster_ids, cluster_labels);
    return story;
}

}  // namespace chronograph
