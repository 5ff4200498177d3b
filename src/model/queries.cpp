#include "chronograph/queries.hpp"

#include "chronograph/text.hpp"

#include <algorithm>

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

}  // namespace chronograph
