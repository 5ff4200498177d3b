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
#include <string_view>

namespace chronograph::views {

/// Pass to agopen(); each graph gets its own counter. agwrite(g, &sink) with a DotSink.
/// With `arena`, the graph's memory comes from large blocks freed only when it closes
/// (for graphs that are built, written and closed, never laid out).
Agdisc_t* deterministic_disc(bool arena = false);

/// Where agwrite puts the text of a graph opened with deterministic_disc(): kept whole
/// (text()) when there is no stream, else handed to the stream in 64 KB pieces.
class DotSink {
public:
    explicit DotSink(std::ostream* out = nullptr);
    /// agwrite's putstr: it writes a token at a time (a tab, "=", a name).
    void put(const char* s);
    void append(std::string_view s);
    /// Hands what is held to the stream (no-op without one).
    void flush();
    /// The text held (all of it, without a stream).
    std::string_view view() const { return {buffer_.data(), used_}; }
    std::string take();
    /// Drops the text held, keeping the room (for the next graph).
    void clear() { used_ = 0; }

private:
    void make_room(std::size_t n);

    std::ostream* out_;
    std::string buffer_;  // [0, used_) written; the rest is room
    std::size_t used_ = 0;
};

}  // namespace chronograph::views
