// Runs the compiled rules over the tokens of one sentence: looks every token up once,
// then, at each token that can start a rule, runs the candidate rules' programs and keeps
// the longest expression (the earliest rule on a tie).
#pragma once

#include "timex/program.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace chronograph::timex {

/// What the matcher knows of one token.
struct TokInfo {
    int word = -1;          // lexicon id of the token's lookup form, -1 if none
    ClassMask mask;         // vocabulary classes and single-token shape classes
    std::uint16_t flags = 0;
    bool numeric = false;   // starts with a digit
    bool may_start = false; // some rule may start here (the start index and the next token allow it)
    double num = 0;         // its number ("15,000" -> 15000, "1990s" -> 1990)
};

constexpr int kMaxGroups = 12;

/// One sentence as the matcher sees it. Reused from sentence to sentence (no allocation
/// once grown).
struct ScannedSentence {
    std::vector<TokInfo> infos;
    ClassMask classes;                   // every class some token is in
    WordSignature words;                 // signatures of its words
    std::vector<std::uint8_t> feasible;  // per rule: 0 not known yet, 1 may match, 2 cannot
};

struct Match {
    int rule = -1;
    int begin = 0, end = 0;  // token range of the expression, relative to the sentence
    int caps[2 * kMaxGroups];
};

class Matcher {
public:
    explicit Matcher(const Program& p);

    /// Looks up toks[0, n) of `text`.
    void scan(std::string_view text, const Token* toks, int n, ScannedSentence& out) const;
    /// The best expression starting at token i (rule -1 if none), leaving out the rules in
    /// `excluded`.
    Match best_at(ScannedSentence& s, int i, const std::vector<int>& excluded = {}) const;
    /// The value of capture g: the class value of a single token test naming one class
    /// ("april" -> "04" for @month), the number of a number class (with its suffix's value,
    /// if it has one: "10pm" -> "10pm"), else the lower-case text.
    std::string group_value(const Match& m, int g, const TokInfo* infos, int n, std::string_view text,
                            const Token* toks) const;
    /// Lower-case text of tokens [b, e) with single spaces where the text has white space.
    static std::string joined_text(std::string_view text, const Token* toks, int b, int e);

    const Program& program() const { return p_; }

private:
    std::string suffix_value(const ShapeClass& shape, std::string_view token) const;
    struct Option {
        int len;
        double value;
    };
    bool passes(const TokenTest& t, const TokInfo& info) const;
    /// Readings of a spelled number at pos, longest first; returns how many.
    int spelled(const ShapeClass& s, const TokInfo* infos, int n, int pos, Option* out) const;
    int spelled_cardinal(const TokInfo* infos, int n, int pos, Option* out) const;
    bool in(const TokInfo& t, int cls) const { return cls >= 0 && t.mask.test(cls); }
    double value_in(const TokInfo& t, int cls) const;
    void try_rule(int rule, ScannedSentence& s, int i, Match& best, const std::vector<int>& excluded) const;
    bool feasible(int rule, ScannedSentence& s) const;

    const Program& p_;
    std::vector<int> shape_of_class_;  // class id -> index in p_.shapes, or -1
    std::vector<int> single_shapes_;   // indices of single-token shapes
    std::vector<int> prefix_shapes_;   // ... of those with a letter prefix ("FY2025")
    /// The prefix shapes a token of letters then digits belongs to, into info.
    void read_prefixed(std::string_view s, TokInfo& info) const;
    int hyphen_ = -1;
    friend struct Vm;
};

}  // namespace chronograph::timex
