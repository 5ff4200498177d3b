#include "model/memory_trace.hpp"

#include "model/memory.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

namespace chronograph {
namespace {

/// VmRSS and VmHWM of /proc/self/status, in kB (0 where there is none).
std::pair<long, long> resident_kb() {
    std::ifstream status("/proc/self/status");
    long rss = 0, peak = 0;
    for (std::string line; std::getline(status, line);) {
        if (line.starts_with("VmRSS:")) rss = std::atol(line.c_str() + 6);
        if (line.starts_with("VmHWM:")) peak = std::atol(line.c_str() + 6);
    }
    return {rss, peak};
}

}  // namespace

void trace_memory(const char* step) {
    static const bool on = std::getenv("CHRONOGRAPH_TRACE_MEMORY") != nullptr;
    if (!on) return;
    static const auto start = std::chrono::steady_clock::now();  // (the first step traced)
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    static const bool named = std::fprintf(stderr, "memory: allocator %s\n", allocator_name()) > 0;  // (once)
    (void)named;
    const auto [rss, peak] = resident_kb();
    const HeapFigures heap = heap_figures();
    std::fprintf(stderr, "memory: %.2f s: %s: rss %ld MB, heap in use %zu MB, free in arenas %zu MB, mapped %zu MB, peak rss %ld MB\n",
                 seconds, step, rss / 1024, heap.in_use >> 20, heap.free >> 20, heap.mapped >> 20, peak / 1024);
}

}  // namespace chronograph
