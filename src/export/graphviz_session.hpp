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
/// agwrite into a string. Call with the mutex held.
std::string write_dot(Agraph_t* g);

}  // namespace chronograph::views
