// Reading a corpus's kept-aside analyses back in document order, a chunk of documents at
// a time, the chunk read (and decoded) on several threads.
#pragma once

#include "chronograph/analysis_store.hpp"
#include "model/parallel.hpp"

#include <algorithm>
#include <vector>

namespace chronograph {

/// fn(d, analysis) on the calling thread for each d of `order` in turn, each analysis with
/// `parts` read back (on `threads` threads, a few hundred documents ahead at most).
template <class Fn>
void for_each_in_order(const AnalysisStore& docs, const std::vector<std::size_t>& order, unsigned parts, unsigned threads, Fn fn) {
    constexpr std::size_t kChunk = 256;
    std::vector<DocumentAnalysis> chunk;
    for (std::size_t begin = 0; begin < order.size(); begin += kChunk) {
        const std::size_t end = std::min(order.size(), begin + kChunk);
        chunk.resize(end - begin);
        parallel_for(end - begin, threads, [&](std::size_t k) { chunk[k] = docs.load(order[begin + k], parts); });
        for (std::size_t k = 0; k < chunk.size(); ++k) {
            fn(order[begin + k], chunk[k]);
            chunk[k] = DocumentAnalysis();
        }
    }
}

}  // namespace chronograph
