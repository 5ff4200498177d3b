// Graphviz in one place: cgraph and gvc keep global state (the DOT parser, the writer's
// indentation, plugin tables), and a GVC context must not be freed and made again in one
// process (the pango plugin then reads freed memory). So: one context for the process,
// and every Graphviz call made while holding graphviz_mutex().
#pragma once

#include <graphviz/gvc.h>

#include <mutex>
#include <string>

namespace chronograph::views {

std::mutex& graphviz_mutex();
/// The process's GVC context (made on first use, never freed). Call with the mutex held.
GVC_t* graphviz_context();

/// agsafeset with std::string arguments (the C API takes char*).
void set_attr(void* object, const char* name, const std::string& value, const char* fallback = "");
/// A node or edge attribute of one graph, declared on the root graph on first use
/// (default "", as agsafeset does) and then set by its symbol: no lookup by name per
/// object, which costs a dictionary search (and a string copy) each time.
class Attr {
public:
    Attr(Agraph_t* g, int kind, const char* name) : g_(g), kind_(kind), name_(name) {}
    void set(void* object, const char* value);
    void set(void* object, const std::string& value) { set(object, value.c_str()); }

private:
    Agraph_t* g_;
    int kind_;
    const char* name_;
    Agsym_t* sym_ = nullptr;
};

class DotSink;
/// agwrite of a graph opened with deterministic_disc() into `sink`, then flushed. Call
/// with the mutex held (agwrite keeps its indentation in a global).
void write_dot(Agraph_t* g, DotSink& sink);

}  // namespace chronograph::views
