#include "graphviz_ids.hpp"

#include <ostream>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace chronograph::views {
namespace {

struct Ids {
    IDTYPE next_named = 2;  // even: named objects
    IDTYPE next_anonymous = 1;  // odd: anonymous ones, as cgraph's own discipline does
    std::unordered_map<std::string, IDTYPE> by_name[3];  // per kind: graph, node, edge
    std::unordered_map<IDTYPE, char*> names;  // interned in cgraph's string pool: agwrite asks it whether a name is HTML
    std::unordered_set<IDTYPE> used;
};

int kind_of(int objtype) { return objtype == AGINEDGE ? AGOUTEDGE : objtype; }

void* id_open(Agraph_t*, Agdisc_t*) { return new Ids; }

long id_map(void* state, int objtype, char* str, IDTYPE* id, int createflag) {
    auto* ids = static_cast<Ids*>(state);
    if (!str) {
        if (!createflag) return 0;
        *id = ids->next_anonymous;
        ids->next_anonymous += 2;
        ids->used.insert(*id);
        return 1;
    }
    auto& by_name = ids->by_name[kind_of(objtype)];
    if (auto it = by_name.find(str); it != by_name.end()) {
        *id = it->second;
        return 1;
    }
    if (!createflag) return 0;
    *id = ids->next_named;
    ids->next_named += 2;
    by_name.emplace(str, *id);
    ids->names.emplace(*id, agstrdup(nullptr, str));
    ids->used.insert(*id);
    return 1;
}

long id_alloc(void* state, int, IDTYPE request) {
    auto* ids = static_cast<Ids*>(state);
    return ids->used.insert(request).second ? 1 : 0;
}

void id_free(void* state, int, IDTYPE id) {
    auto* ids = static_cast<Ids*>(state);
    ids->used.erase(id);
}

char* id_print(void* state, int, IDTYPE id) {
    auto* ids = static_cast<Ids*>(state);
    auto it = ids->names.find(id);
    return it == ids->names.end() ? nullptr : it->second;
}

void id_close(void* state) {
    auto* ids = static_cast<Ids*>(state);
    for (auto& [id, name] : ids->names) agstrfree(nullptr, name);
    delete ids;
}

void id_register(void*, int, void*) {}

Agiddisc_t sequential_ids = {id_open, id_map, id_alloc, id_free, id_print, id_close, id_register};

constexpr std::size_t kSinkFlushSize = 1 << 16;

int sink_read(void*, char*, int) { return 0; }  // these graphs are never read

int sink_put(void* chan, const char* str) {
    auto* sink = static_cast<DotSink*>(chan);
    sink->text += str;
    if (sink->out && sink->text.size() >= kSinkFlushSize) sink->flush();
    return 0;
}

int sink_flush(void*) { return 0; }

Agiodisc_t sink_io = {sink_read, sink_put, sink_flush};

}  // namespace

void DotSink::flush() {
    if (!out || text.empty()) return;
    out->write(text.data(), static_cast<std::streamsize>(text.size()));
    text.clear();
}

Agdisc_t* deterministic_disc() {
    static Agdisc_t disc = {&AgMemDisc, &sequential_ids, &sink_io};
    return &disc;
}

}  // namespace chronograph::views
