// A line on stderr per step of a build with its memory, when CHRONOGRAPH_TRACE_MEMORY is
// set: how the peak of a large corpus was found, and how to find the next one.
#pragma once

namespace chronograph {

/// "memory: 12.3 s: <step>: rss 1234 MB, heap in use 567 MB, free in arenas 89 MB, mapped
/// 12 MB, peak rss 1300 MB" when the variable is set (seconds since the first step
/// traced); nothing otherwise. Before the first, the allocator's name. The heap's figures
/// are the allocator's: under jemalloc, "free" is what it holds resident beyond the bytes
/// in use (free pages not yet given back, partly filled pages) and "mapped" all it has
/// mapped; under glibc, the free bytes in its arenas and the blocks it mapped apart. "In
/// use" counts the pages of big vectors the program gave back (give_back_spare_room) until
/// the vector goes: it can exceed rss.
void trace_memory(const char* step);

}  // namespace chronograph
