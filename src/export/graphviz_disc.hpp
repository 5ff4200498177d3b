// Graphviz cgraph disciplines for graphs we build and write ourselves.
// - Ids from a counter, in creation order. cgraph's default discipline uses the addresses
//   of its interned name strings as ids, and writes subgraphs (and nodes) in id order: the
//   DOT then depends on the heap, so on the thread count or on what else the process did.
//   With this one the same graph built the same way is written with the same bytes.
// - Optionally, memory from an arena (no malloc/free per object).
// - agwrite into a DotSink (a buffer handed to a stream in large pieces) instead of a
//   FILE*: no stdio locking per token, no second copy of a big graph's text.
#pragma once

#include <graphviz/cgraph.h>

#include <iosfwd>
#include <string>

namespace chronograph::views {

/// Pass to agopen(); each graph gets its own counter. agwrite(g, &sink) with a DotSink.
/// With `arena`, the graph's memory comes from large blocks freed only when it closes
/// (for graphs that are built, written and closed, never laid out).
Agdisc_t* deterministic_disc(bool arena = false);

/// Where agwrite puts the text of a graph opened with deterministic_disc(): appended to
/// `text`, which is handed to `out` (if any) whenever it grows large, and by flush().
struct DotSink {
    std::string text;
    std::ostream* out = nullptr;
    void flush();
};

}  // namespace chronograph::views
