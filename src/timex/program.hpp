// The compiled timex rules: token classes, token tests, and each rule's pattern as a small
// backtracking program over tokens plus its normalization templates. Built once from
// data/en/timex/ (format: data/en/timex/rules/00-format.rules) and then read-only.
// Nothing here knows English: words, classes and rules all come from the data files.
#pragma once

#include "chronograph/analysis.hpp"
#include "chronograph/resources.hpp"
#include "timex/lexicon.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace chronograph::timex {

/// A class defined by the shape of tokens rather than a word list: numbers in a range
/// ("1..31"), with a given digit count, a letter suffix from a vocabulary ("18th",
/// "1990s"), clock times ("9:30"), or numbers spelled in words over several tokens.
struct ShapeClass {
    enum class Kind { Number, Clock, Spelled, SpelledOrdinal, SpelledYear };
    int cls = -1;
    Kind kind = Kind::Number;
    double lo = -1e18, hi = 1e18;
    int digits = 0;         // exact digit count; 0 = any
    int suffix_class = -1;  // letters after the digits must be a word of this class; -1 = no letters
    bool suffix_optional = false;  // ... or there may be no letters at all
    bool decimal = false;   // "1.5" allowed
    bool grouped = false;   // "15,000" allowed
    bool multi_token() const { return kind == Kind::Spelled || kind == Kind::SpelledOrdinal || kind == Kind::SpelledYear; }
};

/// What one token must be. A token passes if it has the required flags, none of the
/// forbidden ones, belongs to one of `any` or is one of `words` (or `any_token`), and is
/// in none of `none` / `not_words`.
struct TokenTest {
    ClassMask any;
    std::vector<int> words;
    bool any_token = false;
    ClassMask none;
    std::vector<int> not_words;
    std::uint16_t need = 0;
    std::uint16_t forbid = 0;
    bool glued = false;  // no white space before the token
    int shape = -1;      // index into Program::shapes when this tests a multi-token class
    int cls = -1;        // the single class this test names, if it names exactly one
};

enum class Op : std::uint8_t {
    Test,     // a = test index: consume one token (or a spelled number) that passes
    Split,    // try a, then b
    Jmp,      // go to a
    Save,     // capture slot a = position
    SpanEnd,  // the expression ends here (what follows is right context)
    NegTest,  // a = test index: the token here (if any) must fail the test; consumes it
    Match,
};

struct Inst {
    Op op = Op::Match;
    int a = 0;
    int b = 0;
};

/// A normalization template: literal text and {placeholders}.
struct Template {
    struct Arg {
        int group = -1;     // a capture, or
        std::string text;   // a literal
        bool negate = false;
    };
    struct Part {
        std::string literal;  // used when group < 0 and fn empty
        int group = -1;
        int pad = 0;          // {g:2}
        char op = 0;          // {g/10} {g-1} {g+1} {g*3}
        long long operand = 0;
        int map_class = -1;   // {g|class}: the captured text's value in that class
        std::string fn;       // {fn arg arg...}
        std::vector<Arg> args;
    };
    std::vector<Part> parts;
    bool empty() const { return parts.empty(); }
};

struct Rule {
    std::string name;
    std::string where;  // "file:line", for error messages
    bool reject = false;  // type NONE: wins like any rule but yields nothing
    TimexType type = TimexType::Date;
    std::vector<Inst> prog;
    /// Left context, innermost first: (test index, negated).
    std::vector<std::pair<int, bool>> before;
    std::vector<std::string> groups;     // capture names; group g uses slots 2g, 2g+1
    /// For each group, the single-class tests it wraps directly (an atom, or the atoms of
    /// an alternation): the first that accepts the captured token gives the group's value.
    std::vector<std::vector<int>> group_tests;
    Template value;
    Template mod;
    enum class Clip { None, Past, Future } clip = Clip::None;
    /// Applies only when the sentence's tense (around the expression) is this one.
    enum class When { Always, Past, Future, NotFuture } when = When::Always;
    /// Tests that can start the expression (for the start index).
    std::vector<int> first_tests;
};

struct Program {
    Lexicon lex;
    std::vector<ShapeClass> shapes;   // single- and multi-token shape classes
    std::vector<TokenTest> tests;
    std::vector<Rule> rules;
    /// Start index: rules worth trying at a token with word id w (sorted rule ids) ...
    std::vector<std::vector<int>> rules_by_word;
    /// ... and at a token in shape class s (single-token shapes, by index in `shapes`).
    std::vector<std::vector<int>> rules_by_shape;
    /// Rules whose first test accepts tokens regardless of their word (rare; tried everywhere).
    std::vector<int> rules_anywhere;
    /// Classes the spelled-number reader uses (-1 if the data does not define them).
    int num_unit = -1, num_teen = -1, num_tens = -1, num_scale = -1, num_ordinal = -1, num_and = -1, num_article = -1;
};

/// Reads every data/en/timex file and compiles the rules. Throws std::runtime_error with
/// the file and line of the first error.
Program compile_program(const Resources& res, std::string_view lang = "en");

}  // namespace chronograph::timex
