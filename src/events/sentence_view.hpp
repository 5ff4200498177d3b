// One sentence seen by the event rules: lower-case words, which tokens belong to a time
// expression or an entity, and the clauses the sentence falls into.
#pragma once

#include "chronograph/analysis.hpp"
#include "events/lexicon.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chronograph::events {


struct ClauseInfo {
    bool embedded = false;     // a relative clause or parenthesis inside another clause
    bool attribution = false;  // "according to X", "X reported": who says, not what happened
    bool content = false;      // what someone says or confirms: "(confirmed) that it had sent troops"
    bool second_saying = false;  // "visited Kyiv and said ...": the saying attributes what follows it only
};

/// The indices [first, last) of the items of sentence `s` in a list kept in sentence order
/// (timexes, entities, events): a binary search, so that a look at one sentence does not
/// cost a pass over the whole document (which made long documents quadratic).
template <class Items>
std::pair<std::size_t, std::size_t> items_of_sentence(const Items& items, std::size_t s) {
    const auto first = std::partition_point(items.begin(), items.end(), [&](const auto& x) { return x.sentence < s; });
    const auto last = std::partition_point(first, items.end(), [&](const auto& x) { return x.sentence == s; });
    return {static_cast<std::size_t>(first - items.begin()), static_cast<std::size_t>(last - items.begin())};
}

struct SentenceView {
    const DocumentAnalysis& a;
    const Lexicon& lexicon;
    std::size_t index = 0;         // sentence index
    std::size_t first = 0;         // first token (document index)
    /// Per token: its lookup form (lower case, straight apostrophes), a view into `forms`.
    /// Views, so that the rules' many comparisons with a literal ("," "that") compare the
    /// lengths first: std::string == const char* costs a strlen and a memcmp each time.
    std::vector<std::string_view> words;
    std::vector<int> timex;        // per token: index into a.timexes, or -1
    std::vector<int> entity;       // per token: index into a.entities, or -1
    std::vector<int> clause;       // per token: clause id
    std::vector<bool> quoted;      // per token: inside quotation marks (a sentence opening with one is quoted to its end)
    std::vector<ClauseInfo> clauses;

    std::vector<ClassMask> classes;  // per token: mask of Lexicon::Grammar bits
    std::vector<const WordEntry*> entries;  // per token: what the lexicon knows of the word, or null
    std::string forms;               // the lookup forms of all tokens, one after another

    SentenceView(const DocumentAnalysis& analysis, std::size_t sentence, const Lexicon& lex);
    /// A view of no sentence yet: read() one. One view read sentence after sentence keeps
    /// its buffers (a view made per sentence cost a dozen allocations each).
    SentenceView(const DocumentAnalysis& analysis, const Lexicon& lex);
    /// Makes this the view of sentence `sentence`.
    void read(std::size_t sentence);
    SentenceView(const SentenceView&) = delete;  // `words` point into this view's own `forms`
    SentenceView& operator=(const SentenceView&) = delete;

    std::size_t size() const { return words.size(); }
    const Token& token(std::size_t i) const { return a.tokens[first + i]; }
    std::string_view text(std::size_t i) const { return a.text(token(i)); }
    bool is_word(std::size_t i) const { return token(i).is(kWord); }
    bool is(std::size_t i, std::string_view w) const { return i < words.size() && words[i] == w; }
    /// A possessive "'s" at token i (also "' s", as tokenized text writes it).
    bool possessive(std::size_t i) const { return is(i, "'s") || (is(i, "'") && is(i + 1, "s")); }
    /// The first token of clause c (for a clause opened at a comma, the comma); size() if none.
    std::size_t clause_start(int c) const {
        std::size_t k = 0;
        while (k < clause.size() && clause[k] != c) ++k;
        return k;
    }
    /// Token i belongs to a grammar class (a Lexicon::Grammar bit).
    bool in(std::size_t i, ClassMask bit) const { return i < classes.size() && (classes[i] & bit) != 0; }
    /// Surface text of tokens [from, to) of one clause (tokens of other clauses skipped),
    /// with the document's spacing reduced to single spaces.
    std::string surface(std::size_t from, std::size_t to, int only_clause = -1) const;
};

}  // namespace chronograph::events
