#include "entities/phrase_trie.hpp"

#include "chronograph/text.hpp"
#include "segment/tokenizer.hpp"

namespace chronograph::entities {

namespace {
constexpr std::string_view kCurlyApostrophe = "\xE2\x80\x99";
}

std::string normalize_token(std::string_view text) {
    std::string out = lower_ascii(text);
    for (std::size_t at = out.find(kCurlyApostrophe); at != std::string::npos; at = out.find(kCurlyApostrophe, at))
        out.replace(at, kCurlyApostrophe.size(), "'");
    return out;
}

NormalizedTokens::NormalizedTokens(const DocumentAnalysis& a) : lowered_(lower_ascii(a.doc.text)) {
    keys_.reserve(a.tokens.size());
    const std::string_view low = lowered_;
    for (const Token& t : a.tokens) {
        const std::string_view key = low.substr(t.span.start, t.span.size());
        if (key.find(kCurlyApostrophe) == std::string_view::npos) {
            keys_.push_back(key);
        } else {
            rewritten_.push_back(normalize_token(key));
            keys_.push_back(rewritten_.back());
        }
    }
}

bool PhraseTrie::add(const std::vector<std::string>& tokens, std::uint32_t value) {
    if (tokens.empty()) return false;
    std::uint32_t node = 0;
    for (const std::string& tok : tokens) {
        auto it = edges_.find(EdgeKey{node, tok});
        if (it == edges_.end()) {
            storage_.push_back(tok);
            const auto child = static_cast<std::uint32_t>(values_.size());
            values_.push_back(kNone);
            edges_.emplace(EdgeKey{node, storage_.back()}, child);
            node = child;
        } else {
            node = it->second;
        }
    }
    if (values_[node] != kNone) return false;
    values_[node] = value;
    return true;
}

std::vector<std::string> phrase_tokens(std::string_view phrase) {
    std::vector<Token> toks;
    segment::tokenize(phrase, Span{0, phrase.size()}, toks);
    std::vector<std::string> out;
    out.reserve(toks.size());
    for (const Token& t : toks) out.push_back(normalize_token(phrase.substr(t.span.start, t.span.size())));
    return out;
}

}  // namespace chronograph::entities
