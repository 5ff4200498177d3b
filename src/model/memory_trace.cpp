#include "model/memory_trace.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

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
    const auto [rss, peak] = resident_kb();
#if defined(__GLIBC__)
    const struct mallinfo2 m = mallinfo2();
    std::fprintf(stderr, "memory: %.2f s: %s: rss %ld MB, heap in use %zu MB, free in arenas %zu MB, mapped %zu MB, peak rss %ld MB\n",
                 seconds, step, rss / 1024, m.uordblks >> 20, m.fordblks >> 20, m.hblkhd >> 20, peak / 1024);
#else
    std::fprintf(stderr, "memory: %.2f s: %s: rss %ld MB, peak rss %ld MB\n", seconds, step, rss / 1024, peak / 1024);
#endif
}

}  // namespace chronograph
