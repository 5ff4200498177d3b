#include "graphviz_session.hpp"

#include <cstdio>
#include <cstdlib>
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

std::string write_dot(Agraph_t* g) {
    char* buf = nullptr;
    std::size_t size = 0;
    FILE* f = open_memstream(&buf, &size);
    if (!f) throw std::runtime_error("Graphviz: cannot open a memory stream");
    agwrite(g, f);
    std::fclose(f);
    std::string out(buf, size);
    std::free(buf);
    return out;
}

}  // namespace chronograph::views
