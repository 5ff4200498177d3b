// Handing freed memory back to the system. The C library keeps what is freed for later
// allocations, in the arena of the thread that made it: the analyses made on worker
// threads and released during consolidation stay counted in the process's memory while
// the story grows in another arena, unless the free pages are given back.
#pragma once

#include <algorithm>
#include <cstddef>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace chronograph {

/// Returns free memory of every allocator arena to the system (a no-op where the C
/// library has no way to). Costs a walk over the free lists: call it now and then, not
/// per object.
inline void give_back_free_memory() {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

/// For a loop over `n` items that releases memory as it goes: gives it back about
/// `times` times along the way.
class GiveBackAlong {
public:
    explicit GiveBackAlong(std::size_t n, std::size_t times = 4) : every_(std::max<std::size_t>(1, n / times)) {}
    /// Call after item i is released: gives back at the end of each stretch of items (not
    /// after the first, when nothing much is free yet).
    void done(std::size_t i) const {
        if ((i + 1) % every_ == 0) give_back_free_memory();
    }

private:
    std::size_t every_;
};

}  // namespace chronograph
