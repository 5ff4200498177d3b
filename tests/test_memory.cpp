// The allocator's figures in CHRONOGRAPH_TRACE_MEMORY come from the allocator the program
// allocates with: with jemalloc linked, glibc's mallinfo2 would report an idle heap.
#include "model/memory.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace chronograph;

TEST_CASE("the heap figures count a block the program allocates", "[model]") {
    INFO("allocator: " << allocator_name());
    const HeapFigures before = heap_figures();
    if (before.in_use == 0 && before.mapped == 0) {
        // AddressSanitizer's allocator answers mallinfo2 with zeros: nothing to compare.
        SUCCEED("no figures from " << allocator_name() << " in this build");
        return;
    }
    constexpr std::size_t kBlock = std::size_t{64} << 20;
    std::vector<char> block(kBlock, 1);
    const HeapFigures after = heap_figures();
    // jemalloc counts the block as in use (and mapped); glibc as a block mapped apart.
    CHECK(after.in_use + after.mapped >= before.in_use + before.mapped + kBlock - (std::size_t{4} << 20));
    CHECK(block[kBlock / 2] == 1);  // (the block lives until the figures are read)
}
