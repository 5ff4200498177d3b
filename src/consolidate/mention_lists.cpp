#include "consolidate/internal.hpp"

#include <algorithm>

namespace chronograph::merging {

MentionLists::MentionLists(const std::vector<std::uint32_t> (&lists)[kCount]) {
    std::size_t total = 0;
    for (const auto& list : lists) total += list.size();
    if (total == 0) return;
    block_ = std::make_unique<std::uint32_t[]>(kCount + total);
    std::uint32_t* at = block_.get() + kCount;
    for (std::size_t w = 0; w < kCount; ++w) {
        block_[w] = static_cast<std::uint32_t>(lists[w].size());
        at = std::copy(lists[w].begin(), lists[w].end(), at);
    }
}

std::uint32_t* MentionLists::begin(Which w) const {
    if (!block_) return nullptr;
    std::uint32_t* at = block_.get() + kCount;
    for (std::size_t k = 0; k < static_cast<std::size_t>(w); ++k) at += block_[k];
    return at;
}

}  // namespace chronograph::merging
