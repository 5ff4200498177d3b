// The compiled timex rules: token classes, token tests, and each rule's pattern as a small
// backtracking program over tokens plus its normalization templates. Built once from
// data/en/timex/ (format: data/en/timex/rules/00-format.rules) and then read-only.
// Nothing here knows English: words, classes and rules all come from the data files.
#pragma once

#include "chronograph/analysis.hpp"
#include "chronograph/resources.hpp"
#include "timex/lexicon.hpp"

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace chronograph::timex {

/// A class defined by the shape of tokens rather than a word list: numbers in a range
/// ("1..31"), with a given digit count, a letter suffix from a vocabulary ("18th",
/// "1990s"), or prefix ("FY2025"), clock times ("9:30"), or numbers spelled in words over several tokens.
struct ShapeClass {
    enum class Kind { Number, Clock, Spelled, SpelledOrdinal, SpelledYear };
    int cls = -1;
    Kind kind = Kind::Number;
    double lo = -1e18, hi = 1e18;
    int digits = 0;         // exact digit count; 0 = any
    double step = 0;        // the value is a multiple of it ("1800s": 100); 0 = any
    int suffix_class = -1;  // letters after the digits must be a word of this class; -1 = no letters
    bool suffix_optional = false;  // ... or there may be no letters at all
    int prefix_class = -1;  // letters before the digits, a word of this class ("FY2025"); -1 = none
    bool decimal = false;   // "1.5" allowed
    bool grouped = false;   // "15,000" allowed
    bool grouped_only = false;  // ... and required ("7,000 years", but not "1988 fiscal year")
    bool multi_token() const { return kind == Kind::Spelled || kind == Kind::SpelledOrdinal || kind == Kind::SpelledYear; }
    /// The number is in the range, a multiple of the step if there is one.
    bool holds(double v) const { return v >= lo && v <= hi && (step <= 0 || std::fmod(v, step) == 0); }
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
        int map_class = -1;  // g|class: the captured text's value in that class
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

/// A set of word bits (Program::signature), the same 128-bit set as the classes'.
using WordSignature = ClassMask;

/// A token the sentence must hold somewhere for a rule to match: one in `classes`, or a
/// word whose signature bit (Program::signature) is in `words`. Lets the matcher skip rules
/// a sentence cannot satisfy without running them.
struct Requirement {
    ClassMask classes;
    WordSignature words;
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
    enum class When { Always, Past, Future, NotFuture, NotPast } when = When::Always;
    /// Test instructions (indices into prog) that can consume the expression's first token.
    std::vector<int> first_pcs;
    /// Tokens every match needs (tests on every path of the program, positive left context):
    /// Program::requirements[requirements_begin, requirements_end).
    std::uint32_t requirements_begin = 0, requirements_end = 0;
};

/// A rule worth trying at a token, and what the next token must be for it to go on (so
/// that most tries end before the rule's program runs).
struct Candidate {
    int rule = -1;
    bool any_next = false;  // the rule may end after this token, or any token may follow
    ClassMask next_classes;
    WordSignature next_words;

    bool accepts_next(const ClassMask& classes, const WordSignature& word) const {
        return any_next || next_classes.intersects(classes) || next_words.intersects(word);
    }
};

struct Program {
    Lexicon lex;
    std::vector<ShapeClass> shapes;   // single- and multi-token shape classes
    std::vector<TokenTest> tests;
    std::vector<Rule> rules;
    std::vector<Requirement> requirements;  // of every rule, one after the other
    /// Start index: rules worth trying at a token with word id w (by rule id) ...
    std::vector<std::vector<Candidate>> rules_by_word;
    /// ... and at a token in shape class s (single-token shapes, by index in `shapes`).
    std::vector<std::vector<Candidate>> rules_by_shape;
    /// Rules whose first test accepts tokens regardless of their word (rare; tried everywhere).
    std::vector<Candidate> rules_anywhere;
    /// Per word, the union of its candidates' next-token filters: one test rules the word out
    /// as a start when no candidate can go on.
    std::vector<Candidate> start_filter_by_word;
    std::vector<std::uint8_t> word_starts;  // by word id: 1 if some rule may start at it
    /// By word id: a bit for each word a rule names (128 bits, shared only among those
    /// words), none for the others, which no rule can ask for: a frequent word sharing a bit
    /// with a rule's word sends that rule to be tried at it (with 64 bits shared by every
    /// word, one word more in a vocabulary cost the tagger 15%).
    std::vector<WordSignature> word_bits;
    const WordSignature& signature(int word) const {
        static const WordSignature none;
        return word >= 0 ? word_bits[static_cast<std::size_t>(word)] : none;
    }
    /// Classes the spelled-number reader uses (-1 if the data does not define them).
    int num_unit = -1, num_teen = -1, num_tens = -1, num_scale = -1, num_ordinal = -1, num_and = -1, num_article = -1;
};

/// Reads every data/en/timex file and compiles the rules. Throws std::runtime_error with
/// the file and line of the first error.
Program compile_program(const Resources& res, std::string_view lang = "en");

}  // namespace chronograph::timex
