// The allocator-specific parts of model/memory.hpp. The release build allocates with
// jemalloc (CHRONOGRAPH_JEMALLOC, see CMakeLists.txt); the sanitizer builds, and a build
// configured without it, with the C library's allocator.
#include "model/memory.hpp"

#if defined(CHRONOGRAPH_JEMALLOC)
#include <jemalloc/jemalloc.h>

#include <cstdint>
#include <string>
#elif defined(__GLIBC__)
#include <malloc.h>
#endif

#if defined(CHRONOGRAPH_JEMALLOC)

/// jemalloc's options for every program linked with the library (MALLOC_CONF, read after
/// this, overrides them). Measured on 100,000 articles (README, "Allocator"):
/// - percpu_arena: an arena per core, not per thread: glibc's per-thread heaps grew the
///   peak with -j (962 MB at -j16 on two cores against 841 at -j2; jemalloc's default
///   arenas 849, per core 813);
/// - dirty_decay_ms 1 s instead of 10, muzzy 0: pages freed during one step go back to the
///   system before the next step's peak, straight (not first marked lazily free, which
///   Linux still counts as resident): the -j2 peak 772 -> 750 MB, no slower.
const char* malloc_conf = "percpu_arena:percpu,dirty_decay_ms:1000,muzzy_decay_ms:0";

#endif

namespace chronograph {

#if defined(CHRONOGRAPH_JEMALLOC)

namespace {

/// A size_t statistic (bytes) after the epoch was advanced; 0 if jemalloc has none.
std::size_t statistic(const char* name) {
    std::size_t value = 0, size = sizeof value;
    return mallctl(name, &value, &size, nullptr, 0) == 0 ? value : 0;
}

}  // namespace

void give_back_free_memory() {
    // Every arena's unused dirty pages back to the system now, not over the next seconds
    // (jemalloc's decay): the same moment glibc's malloc_trim gives them back.
    static const std::string purge_all = "arena." + std::to_string(MALLCTL_ARENAS_ALL) + ".purge";
    mallctl(purge_all.c_str(), nullptr, nullptr, nullptr, 0);
}

void keep_large_blocks_apart() {}

HeapFigures heap_figures() {
    std::uint64_t epoch = 1;
    std::size_t size = sizeof epoch;
    mallctl("epoch", &epoch, &size, &epoch, size);  // (the statistics are cached until then)
    HeapFigures out;
    out.in_use = statistic("stats.allocated");
    const std::size_t resident = statistic("stats.resident");
    out.free = resident > out.in_use ? resident - out.in_use : 0;
    out.mapped = statistic("stats.mapped");
    return out;
}

const char* allocator_name() { return "jemalloc"; }

#elif defined(__GLIBC__)

void give_back_free_memory() { malloc_trim(0); }

void keep_large_blocks_apart() { mallopt(M_MMAP_THRESHOLD, 32 * 1024); }

HeapFigures heap_figures() {
    const struct mallinfo2 m = mallinfo2();
    return {m.uordblks, m.fordblks, m.hblkhd};
}

const char* allocator_name() {
#if defined(__SANITIZE_ADDRESS__)
    return "AddressSanitizer's";  // (which answers glibc's calls itself)
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    return "AddressSanitizer's";
#endif
#endif
    return "glibc";
}

#else

void give_back_free_memory() {}
void keep_large_blocks_apart() {}
HeapFigures heap_figures() { return {}; }
const char* allocator_name() { return "other"; }

#endif

}  // namespace chronograph
