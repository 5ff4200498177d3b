#include "chronograph/queries.hpp"

#include "chronograph/text.hpp"

#include <algorithm>
#include <set>

namespace chronograph {
namespace {

/// `needle` occurs in `hay` (both lower case) with word boundaries on both sides.
bool contains_words(const std::string& hay, const std::string& needle) {
    if (needle.empty()) return false;
    for (std::size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) {
        const bool left = at == 0 || hay[at - 1] == ' ';
        const std::size_t end = at + needle.size();
        const bool right = end == hay.size() || hay[end] == ' ';
        if (left && right) return true;
    }
    return false;
}

}  // namespace

std::vector<const Entity*> find_entities(const Story& story, std::string_view name) {
    const std::string want = lower_ascii(squash_space(name));
    std::vector<const Entity*> exact, partial;
    for (const Entity& e : story.entities) {
        std::vector<std::string> names{lower_ascii(e.name)};
        for (const auto& a : e.aliases) names.push_back(lower_ascii(a));
        if (std::find(names.begin(), names.end(), want) != names.end()) exact.push_back(&e);
        else if (std::any_of(names.begin(), names.end(), [&](const std::string& n) { return contains_words(n, want); }))
            partial.push_back(&e);
    }
    return exact.empty() ? partial : exact;
}

std::vector<const Event*> events_involving(const Story& story, const std::vector<const Entity*>& entities) {
    std::vector<const Event*> out;
    for (const Event& ev : story.events) {
        const bool involved = std::any_of(entities.begin(), entities.end(), [&](const Entity* e) {
            auto has = [&](const std::vector<EntityId>& ids) { return std::find(ids.begin(), ids.end(), e->id) != ids.end(); };
            return has(ev.actors) || has(ev.places) || has(ev.sources);
        });
        if (involved) out.push_back(&ev);
    }
    return out;
}

Story filter_story(const Story& story, const StoryFilter& f) {
    if (f.empty()) return story;
    auto ids_of = [&](const std::vector<std::string>& names) {
        std::set<EntityId> ids;
        for (const auto& n : names)
            for (const Entity* e : find_entities(story, n)) ids.insert(e->id);
        return ids;
    };
    const std::set<EntityId> actors = ids_of(f.actors), places = ids_of(f.places);
    auto any_in = [](const std::vector<EntityId>& list, const std::set<EntityId>& wanted) {
        return std::any_of(list.begin(), list.end(), [&](const EntityId& id) { return wanted.count(id) > 0; });
    };
    Story out;
    out.documents = story.documents;
    out.diagnostics = story.diagnostics;
    std::set<EventId> kept;
    std::set<EntityId> named;
    for (const Event& ev : story.events) {
        if ((f.from || f.to) && !ev.time.interval) continue;
        if (f.from && ev.time.interval->latest < *f.from) continue;
        if (f.to && ev.time.interval->earliest > *f.to) continue;
        if (!f.actors.empty() && !any_in(ev.actors, actors) && !any_in(ev.sources, actors)) continue;
        if (!f.places.empty() && !any_in(ev.places, places)) continue;
        if (!f.types.empty() && std::none_of(f.types.begin(), f.types.end(), [&](const std::string& t) {
                return ev.type == t || ev.type.rfind(t + ".", 0) == 0;
            }))
            continue;
        std::set<DocId> docs;
        for (const EvidenceRef& m : ev.mentions) docs.insert(m.doc);
        if (docs.size() < f.min_sources) continue;
        kept.insert(ev.id);
        for (const auto* list : {&ev.actors, &ev.places, &ev.sources}) named.insert(list->begin(), list->end());
        out.events.push_back(ev);
    }
    // Affiliations of the named entities stay too, so that every id in the output resolves.
    for (const Entity& e : story.entities)
        if (named.count(e.id) && e.affiliation) named.insert(*e.affiliation);
    for (const Entity& e : story.entities)
        if (named.count(e.id)) out.entities.push_back(e);
    // A numeric conflict belongs to no one event: it stays unless events were picked by
    // date, actor, place or type.
    const bool picked = f.from || f.to || !f.actors.empty() || !f.places.empty() || !f.types.empty();
    for (const Conflict& c : story.conflicts)
        if (c.event ? kept.count(*c.event) > 0 : !picked) out.conflicts.push_back(c);
    return out;
}

}  // namespace chronograph
