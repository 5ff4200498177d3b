// Evaluates a rule's normalization template against its captures and the anchor (DCT, and
// the last date the text mentioned). The functions a template may call are listed in
// data/en/timex/rules/00-format.rules.
#pragma once

#include "timex/program.hpp"
#include "timex/tense.hpp"

#include <optional>
#include <string>
#include <vector>

namespace chronograph::timex {

/// The last dates the text mentioned, at three grains: "the following day" moves from the
/// last day named, "that month" from the last month (or day), "that year" from the last
/// year (or month, or day). `newest` is the grain of the very last one: "that same day"
/// right after "in October" is a day of that October ("1998-10-XX").
struct Reference {
    enum Grain { DayGrain, MonthGrain, YearGrain };
    std::optional<Day> day, month, year;
    Grain newest = DayGrain;
    /// Records a date of the text that covers `days` days from `first`.
    void mention(Day first, int days);
};

/// A question the evaluation may ask about the words around the expression: a borrowed
/// callable, no copy and no allocation (std::function here cost 2% of the tagger's time).
/// The callable must outlive the evaluation.
template <class R>
class Ask {
public:
    Ask() = default;
    template <class F>
    Ask(const F& f) : obj_(&f), call_([](const void* o) -> R { return (*static_cast<const F*>(o))(); }) {}
    explicit operator bool() const { return call_ != nullptr; }
    R operator()() const { return call_(obj_); }

private:
    const void* obj_ = nullptr;
    R (*call_)(const void*) = nullptr;
};

struct EvalState {
    std::optional<Day> dct;
    Reference ref;                      // the dates mentioned before the expression
    std::string ref_quarter;            // last quarter mentioned before it ("1989-Q3"), if any
    std::string_view previous;          // the value of the expression before it in its sentence
    Ask<Tense> tense;                   // asked only when a template needs it
    Ask<bool> past_verb;                // a past verb right before it ("resigned in March")
    Ask<bool> endpoint;                 // an end point before it ("extended to", "through")
    Ask<bool> deferred;                 // a date moved to it ("postponed until", "moved to")
    bool relative = false;              // set when the value depends on the anchor
    bool from_ref_quarter = false;      // set when the value was derived from ref_quarter
    bool failed = false;                // a function could not make a value
};

/// `values` are the captures' values, `texts` their lower-case text ({g|class} looks the
/// text up in a class).
std::string evaluate(const Template& t, const std::vector<std::string>& values, const std::vector<std::string>& texts,
                     const Lexicon& lex, EvalState& st);

}  // namespace chronograph::timex
