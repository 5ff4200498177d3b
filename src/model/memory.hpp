// Handing freed memory back to the system. The allocator keeps what is freed for later
// allocations, in the arena of the thread that made it: the analyses made on worker
// threads and released during consolidation stay counted in the process's memory while
// the story grows in another arena, unless the free pages are given back.
#pragma once

#if defined(__unix__)
#include <sys/mman.h>
#include <unistd.h>
#endif

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace chronograph {

/// Returns free memory of every allocator arena to the system. Costs a walk over the free
/// lists (glibc) or the arenas' dirty pages (jemalloc), and the pages given back are
/// faulted in again when reused: call it after a large release, a few times per build,
/// not per document (the consolidation and the pipeline around it call it six times after
/// their large releases; the writers once per file and after the graph and the layout).
void give_back_free_memory();

/// For programs (the command line) to call once at the start: sets how the whole process
/// allocates. Under glibc's allocator, blocks of 32 KiB and more come straight from the
/// system, and go back to it when freed: glibc otherwise raises this threshold each time
/// such a block is freed (up to 32 MB on 64 bits), and a large corpus's read-back buffers
/// and big vectors then come from the arenas, among small long-lived records, and leave
/// holes there that give_back_free_memory cannot return. (jemalloc, the allocator of the
/// release build, keeps large blocks apart by design: nothing to do.)
void keep_large_blocks_apart();

/// The allocator's own figures for CHRONOGRAPH_TRACE_MEMORY: bytes in use by the program,
/// bytes the allocator holds free, bytes it has mapped (0 where it cannot tell).
struct HeapFigures {
    std::size_t in_use = 0, free = 0, mapped = 0;
};
HeapFigures heap_figures();
/// Which allocator the program allocates with: "jemalloc", "glibc", "AddressSanitizer's"
/// or "other".
const char* allocator_name();

/// Empties `x` and frees its memory at once: "= {}" or clear() would keep a container's
/// capacity.
template <class T>
void release(T& x) {
    T empty;
    std::swap(x, empty);
}

/// Returns to the system the whole pages of a vector's room past its size: a big vector
/// cut down from its end step by step keeps its capacity, and shrink_to_fit would copy
/// what is left each time. (The room holds no objects: its bytes may go; pages touched
/// again come back zeroed.)
template <class T>
void give_back_spare_room(std::vector<T>& v) {
#if defined(__unix__)
    static const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    const auto from = (reinterpret_cast<std::uintptr_t>(v.data() + v.size()) + page - 1) / page * page;
    const auto to = reinterpret_cast<std::uintptr_t>(v.data() + v.capacity()) / page * page;
    if (from < to) madvise(reinterpret_cast<void*>(from), to - from, MADV_DONTNEED);
#else
    (void)v;
#endif
}

}  // namespace chronograph
