// Questions asked of a Story: which entities a name means, which events involve them.
#pragma once

#include "chronograph/story.hpp"

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chronograph {

/// Entities a user's NAME means: those whose name or an alias equals it (ignoring case);
/// if there are none, those whose names hold every word of it ("Jobs": "Steve Jobs"), or
/// whose names and owner's names do ("Beatles Apple Corps": Apple Corps, which The
/// Beatles own), the closest first: fewest words found only in the owner's names, then
/// fewest words of the entity's name that NAME lacks.
std::vector<const Entity*> find_entities(const Story& story, std::string_view name);

/// Events in which any of `entities` is an actor, a place or a source, in date order,
/// undated last (the order of Story::events).
std::vector<const Event*> events_involving(const Story& story, const std::vector<const Entity*>& entities);

/// What `chronograph build --from/--to/--actor/--place/--type/--min-sources` keep.
struct StoryFilter {
    std::optional<Day> from, to;      // events whose days meet [from, to]; undated ones go
    std::vector<std::string> actors;  // events involving any of these (names or aliases)
    std::vector<std::string> places;  // events at any of these places
    std::vector<std::string> types;   // event types; "construction" keeps construction.start too
    std::size_t min_sources = 0;      // events reported by at least this many documents

    bool empty() const {
        return !from && !to && actors.empty() && places.empty() && types.empty() && min_sources == 0;
    }
};

/// The story with only the events the filter keeps, the entities they name and the
/// conflicts about them (numeric conflicts stay when their claims' documents do).
Story filter_story(const Story& story, const StoryFilter& filter);

/// The entity timeline as text lines (date, type, status, label, sources) or as JSON
/// ({"entities": [...], "events": [...]} with events as in events.json).
void write_entity_timeline(const Story& story, const std::vector<const Entity*>& entities, std::ostream& out, bool json);

}  // namespace chronograph
