// Stage 8, export: events.json, graph.dot (cgraph), graph.svg (gvc, in-process),
// timeline.svg and the self-contained timeline.html viewer.
#pragma once

#include "chronograph/graph.hpp"
#include "chronograph/progress.hpp"
#include "chronograph/story.hpp"

#include <iosfwd>
#include <string>

namespace chronograph {

void write_events_json(const Story& story, std::ostream& out);
/// DOT text of the graph, built and written with Graphviz cgraph.
std::string graph_dot(const StoryGraph& graph);
/// The same, written to `out` as it is made (a big graph's text is not held whole).
void write_graph_dot(const StoryGraph& graph, std::ostream& out);
/// SVG of the graph, laid out and rendered in-process with Graphviz gvc.
std::string graph_svg(const StoryGraph& graph);
void write_timeline_svg(const Story& story, std::ostream& out);
void write_timeline_html(const Story& story, std::ostream& out);
/// TimelineJS (Knight Lab) JSON: one slide per dated event, grouped by main actor; text
/// fields are HTML, so article text is escaped for HTML inside the JSON.
void write_timelinejs_json(const Story& story, std::ostream& out);
/// One row per event (RFC 4180; cells that a spreadsheet would run as a formula are
/// prefixed with an apostrophe).
void write_events_csv(const Story& story, std::ostream& out);

/// One document's analysis as readable text (`chronograph inspect`).
void write_analysis_text(const DocumentAnalysis& a, std::ostream& out);

/// Writes every output into `out_dir` (created if needed): events.json, graph.dot,
/// graph.svg, graph.graphml, timeline.svg, timeline.html, timelinejs.json, events.csv,
/// several files at a time on `threads` threads (0: all cores); the same bytes whatever
/// the count. Each file written is counted to `progress.files`. Throws
/// std::runtime_error naming the file it could not write.
void write_outputs(const Story& story, const std::string& out_dir, unsigned threads = 0, const Progress& progress = {});

}  // namespace chronograph
