// How much of an event's evidence the views made for reading hold (timeline.html, a
// TimelineJS slide): the first sentences, and how many there are. events.json, the CSV
// and the graph keep every piece.
#pragma once

#include <cstddef>

namespace chronograph::views {

/// A big corpus's largest events have tens of thousands of sentences of evidence: all of
/// them made the page of 100,000 articles 742 MB (more than a browser reads into one
/// string) and a TimelineJS slide some megabytes of quotes.
constexpr std::size_t kShownEvidence = 25;

}  // namespace chronograph::views
