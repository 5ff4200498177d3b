#include "chronograph/queries.hpp"

#include "chronograph/text.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <utility>

namespace chronograph {
namespace {

/// The words of a name, lower case, without punctuation around them and without the
/// words that never tell two names apart ("the", "of", "'s").
std::vector<std::string> name_words(std::string_view name) {
    std::vector<std::string> out;
    const std::string lowered = lower_ascii(squash_space(name));  // split() returns views into it
    for (std::string_view w : split(lowered, ' ')) {
        while (!w.empty() && std::string_view(".,;:'\"()").find(w.front()) != std::string_view::npos) w.remove_prefix(1);
        while (!w.empty() && std::string_view(".,;:'\"()").find(w.back()) != std::string_view::npos) w.remove_suffix(1);
        if (w.ends_with("'s")) w.remove_suffix(2);
        if (w.empty() || w == "the" || w == "of" || w == "s") continue;
        out.emplace_back(w);
    }
    return out;
}

bool contains(const std::vector<std::string>& words, const std::string& w) {
    return std::find(words.begin(), words.end(), w) != words.end();
}

/// How far an entity is from the words a user typed: words found only among its owner's
/// names, then words of its closest name that the user did not type. Empty if a word is
/// found nowhere.
std::optional<std::pair<std::size_t, std::size_t>> distance(const Story& story, const Entity& e,
                                                            const std::vector<std::string>& want) {
    std::vector<std::vector<std::string>> own{name_words(e.name)};
    for (const auto& a : e.aliases) own.push_back(name_words(a));
    std::vector<std::string> owner;
    if (e.affiliation)
        if (const Entity* o = story.entity(*e.affiliation)) {
            owner = name_words(o->name);
            for (const auto& a : o->aliases)
                for (auto& w : name_words(a)) owner.push_back(std::move(w));
        }
    std::size_t via_owner = 0;
    for (const std::string& w : want) {
        const bool mine = std::any_of(own.begin(), own.end(), [&](const auto& n) { return contains(n, w); });
        if (mine) continue;
        if (!contains(owner, w)) return std::nullopt;
        ++via_owner;
    }
    if (via_owner == want.size()) return std::nullopt;  // "Beatles" is not Apple Corps
    std::size_t extra = SIZE_MAX;
    for (const auto& n : own) {
        std::size_t missing = 0;
        for (const std::string& w : n) missing += !contains(want, w);
        extra = std::min(extra, missing);
    }
    return std::make_pair(via_owner, extra);
}

}  // namespace

std::vector<const Entity*> find_entities(const Story& story, std::string_view name) {
    const std::string want = lower_ascii(squash_space(name));
    std::vector<const Entity*> exact;
    for (const Entity& e : story.entities) {
        bool same = lower_ascii(e.name) == want;
        for (const auto& a : e.aliases) same = same || lower_ascii(a) == want;
        if (same) exact.push_back(&e);
    }
    if (!exact.empty()) return exact;
    // Every word the user typed is in the entity's names, or in its owner's ("Beatles
    // Apple Corps": Apple Corps, which The Beatles own); the closest entities win.
    const std::vector<std::string> words = name_words(name);
    if (words.empty()) return {};
    std::vector<const Entity*> best;
    std::pair<std::size_t, std::size_t> best_distance{SIZE_MAX, SIZE_MAX};
    for (const Entity& e : story.entities) {
        const auto d = distance(story, e, words);
        if (!d || *d > best_distance) continue;
        if (*d < best_distance) best.clear();
        best_distance = *d;
        best.push_back(&e);
    }
    return best;
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
    out.aside_file = story.aside_file;  // (the records copied keep where their lists are)
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
        for (DocId& d : story.evidence_documents(ev)) docs.insert(std::move(d));
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
