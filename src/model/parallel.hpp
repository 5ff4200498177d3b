// fn(i) for every i of a range on a few threads, for stages whose pieces are independent.
// Callers keep the result deterministic: each i writes only its own slot.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace chronograph {

/// `wanted` threads (0: one per core), at most one per piece of work, at least one.
inline unsigned thread_count(unsigned wanted, std::size_t work) {
    if (wanted == 0) wanted = std::max(1u, std::thread::hardware_concurrency());
    return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(wanted, work)));
}

/// Runs fn(i) for i in [0, n) on `threads` threads (0: one per core), each taking the next
/// i in order; the first exception is rethrown.
template <class Fn>
void parallel_for(std::size_t n, unsigned threads, Fn fn) {
    threads = thread_count(threads, n);
    std::atomic<std::size_t> next{0};
    std::exception_ptr error;
    std::mutex error_mutex;
    auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < n;) {
            try {
                fn(i);
            } catch (...) {
                std::lock_guard lock(error_mutex);
                if (!error) error = std::current_exception();
            }
        }
    };
    if (threads <= 1) {
        work();
    } else {
        std::vector<std::jthread> pool;
        for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);
    }
    if (error) std::rethrow_exception(error);
}

/// Runs fn(begin, end) for consecutive runs of [0, n) on `threads` threads: for work too
/// small per i to hand out one i at a time. Sixteen runs per thread, so that a thread
/// slowed down (a busy machine) does not hold the others up.
template <class Fn>
void parallel_runs(std::size_t n, unsigned threads, Fn fn) {
    const std::size_t runs = std::min<std::size_t>(n, 16 * static_cast<std::size_t>(thread_count(threads, n)));
    parallel_for(runs, threads, [&](std::size_t r) { fn(n * r / runs, n * (r + 1) / runs); });
}

/// std::stable_sort on two threads when `threads` allows: the halves sorted at once, then
/// merged. The same order as one stable_sort (a merge takes the left half's first on ties).
template <class It, class Less>
void parallel_stable_sort(It first, It last, unsigned threads, Less less) {
    constexpr std::ptrdiff_t kAlone = 4096;  // fewer: not worth a thread
    const std::ptrdiff_t n = last - first;
    if (n < kAlone || thread_count(threads, 2) < 2) {
        std::stable_sort(first, last, less);
        return;
    }
    const It middle = first + n / 2;
    parallel_for(2, 2, [&](std::size_t half) { half == 0 ? std::stable_sort(first, middle, less) : std::stable_sort(middle, last, less); });
    std::inplace_merge(first, middle, last, less);
}

}  // namespace chronograph
