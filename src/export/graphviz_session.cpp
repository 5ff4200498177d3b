#include "graphviz_session.hpp"

#include "graphviz_disc.hpp"

#include <cstdio>
#include <stdexcept>

namespace chronograph::views {

std::mutex& graphviz_mutex() {
    static std::mutex m;
    return m;
}

GVC_t* graphviz_context() {
    static GVC_t* const gvc = gvContext();  // deliberately never freed (see header)
    if (!gvc) throw std::runtime_error("Graphviz: cannot create a layout context");
    return gvc;
}

void set_attr(void* object, const char* name, const std::string& value, const char* fallback) {
    agsafeset(object, const_cast<char*>(name), const_cast<char*>(value.c_str()), const_cast<char*>(fallback));
}

void Attr::set(void* object, const char* value) {
    if (!sym_) {
        sym_ = agattr(g_, kind_, const_cast<char*>(name_), nullptr);
        if (!sym_) sym_ = agattr(g_, kind_, const_cast<char*>(name_), const_cast<char*>(""));
    }
    agxset(object, sym_, const_cast<char*>(value));
}

void write_dot(Agraph_t* g, DotSink& sink) {
    if (agwrite(g, &sink) == EOF) throw std::runtime_error("Graphviz: cannot write the graph");
    sink.flush();
}

}  // namespace chronograph::views
