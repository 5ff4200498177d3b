// A Graphviz cgraph discipline whose object ids come from a counter, in creation order.
// cgraph's default one uses the addresses of its interned name strings as ids, and writes
// subgraphs (and nodes) in id order: the DOT then depends on the heap, so on the thread
// count or on what else the process did. With this one the same graph built the same way
// is written with the same bytes.
#pragma once

#include <graphviz/cgraph.h>

namespace chronograph::views {

/// Pass to agopen(); each graph gets its own counter.
Agdisc_t* deterministic_disc();

}  // namespace chronograph::views
