// A small guess at whether a temporal expression talks about the past or the future,
// from the cue words nearest to it in its sentence (data/en/timex/vocabulary/tense.tsv):
// "said Friday" -> past, "will meet on Monday" -> future. Used to pick which Friday or
// which April a bare "Friday" / "April" means.
#pragma once

#include "timex/matcher.hpp"

#include <string>
#include <vector>

namespace chronograph::timex {

enum class Tense { Unknown, Past, Future };

class TenseGuesser {
public:
    explicit TenseGuesser(const Lexicon& lex);

    /// Tense around tokens [begin, end) of a sentence of n tokens.
    Tense guess(const TokInfo* infos, const Token* toks, std::string_view text, int n, int begin, int end) const;

    /// Whether a past cue stands right before token `begin`, or one word before it, or a
    /// listed past form a few words before it: the verb the expression modifies ("resigned
    /// in March", "arrested on June 3", "met them on Feb. 20"), surer than a past cue
    /// further off ("said ... would pay in January").
    bool past_right_before(const TokInfo* infos, const Token* toks, std::string_view text, int n, int begin) const;

    /// Whether an end-point preposition stands right before token `begin`: "extended to
    /// Nov. 20", "loans through January", "postponed until May" may reach past the DCT
    /// whatever the tense; not after a period's noun ("the three months to September").
    bool endpoint_before(const TokInfo* infos, int begin) const;

    /// Whether a verb that moves a date stands a few words before an end point right before
    /// token `begin`: "the meeting was moved to Thursday" is the Thursday ahead, whatever
    /// the tense.
    bool deferred_to(const TokInfo* infos, int begin) const;

private:
    Tense cue(const TokInfo* infos, const Token* toks, std::string_view text, int n, int k) const;
    bool past_plan_before(const TokInfo* infos, int k) const;
    bool adjective_after_determiner(const TokInfo* infos, const Token* toks, std::string_view text, int k) const;

    struct FutureBefore {
        int cls, word;
    };
    std::vector<FutureBefore> future_before_;
    int future_ = -1, to_ = -1, past_ = -1, not_past_ = -1, clause_ = -1, passive_ = -1, nonpast_passive_ = -1, endpoint_ = -1,
        period_to_endpoint_ = -1, deferral_ = -1, bare_before_ = -1, intention_ = -1, future_with_event_ = -1, event_noun_ = -1, comparison_ = -1, past_plan_ = -1,
        determiner_ = -1, reporting_ = -1;
    std::vector<std::string> past_suffixes_, future_suffixes_;
};

}  // namespace chronograph::timex
