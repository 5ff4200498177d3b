#include "graphviz_disc.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <ostream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace chronograph::views {
namespace {

struct Ids {
    IDTYPE next_named = 2;  // even: named objects
    IDTYPE next_anonymous = 1;  // odd: anonymous ones, as cgraph's own discipline does
    std::unordered_map<std::string, IDTYPE> by_name[3];  // per kind: graph, node, edge
    // Name of named id 2k + 2 at [k] (agwrite asks for every node and edge end: an index,
    // not a hash lookup), interned in cgraph's string pool: agwrite asks it whether a name is HTML.
    std::vector<char*> names;
    // Ids in use are the counters' ids less `freed`, and `claimed` (ids asked for by
    // number): no set entry per object.
    std::unordered_set<IDTYPE> freed, claimed;
    struct Arena* arena = nullptr;  // the graph's memory, if an arena

    bool counted(IDTYPE id) const { return id % 2 == 0 ? id < next_named : id < next_anonymous; }
};


/// Memory handed out from large zeroed blocks and given back all at once when the graph
/// closes: freeing is a no-op, which suits a graph that is built, written and dropped.
struct Arena {
    static constexpr std::size_t kBlock = 1 << 20;
    std::vector<void*> blocks;
    char* next = nullptr;
    std::size_t left = 0;
    Ids* ids = nullptr;  // the graph's ids: cgraph closes a graph with an arena by closing the arena only

    void* take(std::size_t size) {
        size = (size + 15) & ~std::size_t{15};
        if (size > left) {
            const std::size_t block = std::max(kBlock, size);
            next = static_cast<char*>(std::calloc(1, block));
            if (!next) return nullptr;
            blocks.push_back(next);
            left = block;
        }
        void* p = next;
        next += size;
        left -= size;
        return p;
    }
    ~Arena() {
        for (void* b : blocks) std::free(b);
    }
};

void* arena_open(Agdisc_t*) { return new Arena; }
void* arena_alloc(void* state, std::size_t size) { return static_cast<Arena*>(state)->take(size); }
void* arena_resize(void* state, void* ptr, std::size_t old, std::size_t size) {
    if (size <= old) return ptr;
    void* p = static_cast<Arena*>(state)->take(size);
    if (p && ptr) std::memcpy(p, ptr, old);
    return p;
}
void arena_free(void*, void*) {}
void id_close(void* state);

void arena_close(void* state) {
    auto* arena = static_cast<Arena*>(state);
    if (arena->ids) id_close(arena->ids);
    delete arena;
}

Agmemdisc_t arena_memory = {arena_open, arena_alloc, arena_resize, arena_free, arena_close};

int kind_of(int objtype) { return objtype == AGINEDGE ? AGOUTEDGE : objtype; }

void* id_open(Agraph_t* g, Agdisc_t*) {
    auto* ids = new Ids;
    if (g->clos->disc.mem == &arena_memory) {
        ids->arena = static_cast<Arena*>(g->clos->state.mem);
        ids->arena->ids = ids;
    }
    return ids;
}

long id_map(void* state, int objtype, char* str, IDTYPE* id, int createflag) {
    auto* ids = static_cast<Ids*>(state);
    if (!str) {
        if (!createflag) return 0;
        *id = ids->next_anonymous;
        ids->next_anonymous += 2;
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
    ids->names.push_back(agstrdup(nullptr, str));
    return 1;
}

long id_alloc(void* state, int, IDTYPE request) {
    auto* ids = static_cast<Ids*>(state);
    if (ids->counted(request)) return ids->freed.erase(request) ? 1 : 0;
    return ids->claimed.insert(request).second ? 1 : 0;
}

void id_free(void* state, int, IDTYPE id) {
    auto* ids = static_cast<Ids*>(state);
    if (ids->counted(id)) ids->freed.insert(id);
    else ids->claimed.erase(id);
}

char* id_print(void* state, int, IDTYPE id) {
    auto* ids = static_cast<Ids*>(state);
    const IDTYPE k = id / 2 - 1;
    return id % 2 == 0 && id >= 2 && k < ids->names.size() ? ids->names[k] : nullptr;
}

void id_close(void* state) {
    auto* ids = static_cast<Ids*>(state);
    if (ids->arena) ids->arena->ids = nullptr;
    for (char* name : ids->names) agstrfree(nullptr, name);
    delete ids;
}

void id_register(void*, int, void*) {}

Agiddisc_t sequential_ids = {id_open, id_map, id_alloc, id_free, id_print, id_close, id_register};

constexpr std::size_t kSinkPiece = 1 << 16;
constexpr std::size_t kShortToken = 16;

int sink_read(void*, char*, int) { return 0; }  // these graphs are never read

int sink_put(void* chan, const char* str) {
    static_cast<DotSink*>(chan)->put(str);
    return 0;
}

int sink_flush(void*) { return 0; }

Agiodisc_t sink_io = {sink_read, sink_put, sink_flush};


}  // namespace

DotSink::DotSink(std::ostream* out) : out_(out), buffer_(kSinkPiece, '\0') {}

void DotSink::put(const char* s) {
    // Most tokens are a few bytes: copied here, in the loop that finds their end. The rest
    // of a long one (a label) goes by strlen and memcpy.
    if (buffer_.size() - used_ < kShortToken) make_room(kShortToken);
    char* const start = buffer_.data() + used_;
    char* p = start;
    for (char* const stop = start + kShortToken; p != stop && *s;) *p++ = *s++;
    used_ += static_cast<std::size_t>(p - start);
    if (*s) append(s);
}

void DotSink::append(std::string_view s) {
    if (buffer_.size() - used_ < s.size()) make_room(s.size());
    if (buffer_.size() - used_ < s.size()) {  // more than a piece: straight to the stream
        out_->write(s.data(), static_cast<std::streamsize>(s.size()));
        return;
    }
    std::memcpy(buffer_.data() + used_, s.data(), s.size());
    used_ += s.size();
}

void DotSink::make_room(std::size_t n) {
    if (out_) flush();
    else buffer_.resize(std::max(2 * buffer_.size(), used_ + n));
}

void DotSink::flush() {
    if (!out_ || used_ == 0) return;
    out_->write(buffer_.data(), static_cast<std::streamsize>(used_));
    used_ = 0;
}

std::string DotSink::take() {
    buffer_.resize(used_);
    used_ = 0;
    return std::move(buffer_);
}

Agdisc_t* deterministic_disc(bool arena) {
    static Agdisc_t disc = {&AgMemDisc, &sequential_ids, &sink_io};
    static Agdisc_t arena_disc = {&arena_memory, &sequential_ids, &sink_io};
    return arena ? &arena_disc : &disc;
}

}  // namespace chronograph::views
