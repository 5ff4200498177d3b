// A trie of phrases keyed on normalized token text (lower-case ASCII, ’ as '), for
// longest-match lookups of multi-token gazetteer entries without building strings.
#pragma once

#include "chronograph/analysis.hpp"

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace chronograph::entities {

/// The lookup form of a token or phrase: ASCII lower case, typographic apostrophe as '.
std::string normalize_token(std::string_view text);

/// Normalized token texts of a document, computed once per document: views into a
/// lower-cased copy of the text (no allocation per token).
class NormalizedTokens {
public:
    NormalizedTokens(const DocumentAnalysis& a);
    std::string_view operator[](std::size_t i) const { return keys_[i]; }
    std::size_t size() const { return keys_.size(); }

private:
    std::string lowered_;
    std::deque<std::string> rewritten_;  // the few tokens holding ’ (rare)
    std::vector<std::string_view> keys_;
};

class PhraseTrie {
public:
    static constexpr std::uint32_t kNone = 0xFFFFFFFF;

    /// Adds the phrase (already split into normalized tokens) with a value; the first
    /// value given for a phrase wins. Returns false if the phrase was already there.
    bool add(const std::vector<std::string>& tokens, std::uint32_t value);

    struct Match {
        std::uint32_t length = 0;          // tokens matched (0: none)
        std::uint32_t value = kNone;
    };
    /// The longest phrase starting at token `from` and ending before `end`.
    /// `accept(value, length)` may reject a candidate (capitalization checks).
    template <class Accept>
    Match longest(const NormalizedTokens& keys, std::size_t from, std::size_t end, Accept accept) const {
        Match best;
        std::uint32_t node = 0;
        for (std::size_t i = from; i < end; ++i) {
            auto it = edges_.find(EdgeKey{node, keys[i]});
            if (it == edges_.end()) break;
            node = it->second;
            const std::uint32_t v = values_[node];
            const auto len = static_cast<std::uint32_t>(i - from + 1);
            if (v != kNone && accept(v, len)) best = {len, v};
        }
        return best;
    }

    bool empty() const { return values_.size() <= 1; }

private:
    struct EdgeKey {
        std::uint32_t parent;
        std::string_view token;
        bool operator==(const EdgeKey& o) const { return parent == o.parent && token == o.token; }
    };
    struct EdgeHash {
        std::size_t operator()(const EdgeKey& k) const {
            return std::hash<std::string_view>{}(k.token) * 31u + k.parent;
        }
    };
    std::deque<std::string> storage_;  // owns the token texts the edges point to
    std::unordered_map<EdgeKey, std::uint32_t, EdgeHash> edges_;
    std::vector<std::uint32_t> values_{kNone};  // per node; node 0 is the root
};

/// Splits a data-file phrase into normalized tokens with the pipeline's tokenizer, so
/// that "Democratic People's Republic of Korea" and "Mr." split as text does.
std::vector<std::string> phrase_tokens(std::string_view phrase);

}  // namespace chronograph::entities
