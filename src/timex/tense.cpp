#include "timex/tense.hpp"

namespace chronograph::timex {

TenseGuesser::TenseGuesser(const Lexicon& lex) {
    future_ = lex.find_class("tense_future");
    // "plans to", "ahead of", "is set for": words that say the future before that word
    for (const char* w : {"to", "of", "for"}) {
        const int cls = lex.find_class(std::string("tense_future_before_") + w), word = lex.find_word(w);
        if (cls >= 0 && word >= 0) future_before_.push_back({cls, word});
    }
    future_with_event_ = lex.find_class("tense_future_with_event");
    event_noun_ = lex.find_class("tense_event_noun");
    past_ = lex.find_class("tense_past");
    not_past_ = lex.find_class("tense_not_past");
    clause_ = lex.find_class("tense_clause_boundary");
    passive_ = lex.find_class("tense_passive_auxiliary");
    nonpast_passive_ = lex.find_class("tense_nonpast_passive");
    endpoint_ = lex.find_class("tense_endpoint");
    period_to_endpoint_ = lex.find_class("tense_period_to_endpoint");
    deferral_ = lex.find_class("tense_deferral");
    bare_before_ = lex.find_class("tense_bare_form_before");
    intention_ = lex.find_class("tense_intention");
    comparison_ = lex.find_class("tense_comparison");
    past_plan_ = lex.find_class("tense_past_plan");
    determiner_ = lex.find_class("tense_determiner");
    reporting_ = lex.find_class("tense_reporting");
    to_ = lex.find_word("to");
    const int past_suffix = lex.find_class("tense_past_suffix");
    const int future_suffix = lex.find_class("tense_future_suffix");
    for (int w = 0; w < lex.word_count(); ++w) {
        if (past_suffix >= 0 && lex.classes(w).test(past_suffix)) past_suffixes_.push_back(lex.word(w));
        if (future_suffix >= 0 && lex.classes(w).test(future_suffix)) future_suffixes_.push_back(lex.word(w));
    }
}

namespace {
bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
}  // namespace

// "had been scheduled to begin", "as previously planned": a plan told in the past is past.
bool TenseGuesser::past_plan_before(const TokInfo* t, int k) const {
    for (int b = k - 1; b >= 0 && b >= k - 2; --b)
        if (past_plan_ >= 0 && t[b].mask.test(past_plan_)) return true;
    return false;
}

// "a still unspecified date", "the newly elected", "the hastily planned trip": after a
// determiner (and maybe an adverb) the form is an adjective.
bool TenseGuesser::adjective_after_determiner(const TokInfo* t, const Token* toks, std::string_view text, int k) const {
    auto determiner = [&](int b) { return b >= 0 && determiner_ >= 0 && t[b].mask.test(determiner_); };
    auto adverb = [&](int b) {
        if (b < 0 || !(t[b].flags & kWord)) return false;
        const std::string_view a = text.substr(toks[b].span.start, toks[b].span.size());
        return ends_with(a, "ly") || a == "still";
    };
    return determiner(k - 1) || (adverb(k - 1) && determiner(k - 2));
}

Tense TenseGuesser::cue(const TokInfo* t, const Token* toks, std::string_view text, int n, int k) const {
    const TokInfo& info = t[k];
    // Inside a sentence a capitalized cue word is a name or a month ("in May").
    if (k > 0 && (info.flags & kCapitalized)) return Tense::Unknown;
    // "rose more than expected", "as planned": a comparison, not the tense.
    if (k > 0 && comparison_ >= 0 && t[k - 1].mask.test(comparison_)) return Tense::Unknown;
    // A bare form after "to", "did", "not" is no future cue: "made it difficult for Sun to
    // meet demand", "they did not meet on Friday", "decided to go to the hospital".
    const bool bare_form = k > 0 && bare_before_ >= 0 && t[k - 1].mask.test(bare_before_);
    if (future_ >= 0 && info.mask.test(future_) && !bare_form) {
        if (adjective_after_determiner(t, toks, text, k)) return Tense::Unknown;
        return past_plan_before(t, k) ? Tense::Past : Tense::Future;
    }
    // "ahead of Thursday's vote" (but "the vote went ahead in September"); an intention
    // is ahead even as a bare form: "did not plan to remove him on Thursday"
    const bool intention = intention_ >= 0 && info.mask.test(intention_) && k + 1 < n && t[k + 1].word == to_;
    for (const FutureBefore& f : future_before_)
        if (info.mask.test(f.cls) && k + 1 < n && t[k + 1].word == f.word && (!bare_form || intention))
            return past_plan_before(t, k) ? Tense::Past : Tense::Future;
    // "holds its policy meeting on Thursday" (but "which holds a 12.5% stake")
    if (future_with_event_ >= 0 && event_noun_ >= 0 && info.mask.test(future_with_event_))
        for (int j = k + 1; j < n && j <= k + 4; ++j)
            if (t[j].mask.test(event_noun_)) return past_plan_before(t, k) ? Tense::Past : Tense::Future;
    if (past_ >= 0 && info.mask.test(past_)) {
        // "will be held": a participle; the modal before it says the tense. "expected to hit":
        // an infinitive ("hit", "set", "put" are both).
        if (k > 0 && nonpast_passive_ >= 0 && t[k - 1].mask.test(nonpast_passive_)) return Tense::Unknown;
        if (k > 0 && to_ >= 0 && t[k - 1].word == to_) return Tense::Unknown;
        return Tense::Past;
    }
    if (!(info.flags & kWord) || (not_past_ >= 0 && info.mask.test(not_past_))) return Tense::Unknown;
    char buf[Lexicon::kMaxWord];
    const std::size_t len = Lexicon::normalize(text.substr(toks[k].span.start, toks[k].span.size()), buf);
    const std::string_view w(buf, len);
    for (const std::string& s : future_suffixes_)
        if (ends_with(w, s)) return Tense::Future;
    if (info.flags & kCapitalized) return Tense::Unknown;  // "Ahmed" at the start
    // "will be named", "would be redeemed": a participle after a form of "be" leaves the
    // tense to the words before it
    if (k > 0 && passive_ >= 0 && t[k - 1].mask.test(passive_)) return Tense::Unknown;
    for (const std::string& s : past_suffixes_)
        if (w.size() >= s.size() + 3 && ends_with(w, s)) return adjective_after_determiner(t, toks, text, k) ? Tense::Unknown : Tense::Past;
    return Tense::Unknown;
}

bool TenseGuesser::endpoint_before(const TokInfo* t, int begin) const {
    if (begin < 1 || endpoint_ < 0 || !t[begin - 1].mask.test(endpoint_)) return false;
    // "the three months to September": the end of a period, in the sentence's tense
    return !(begin > 1 && period_to_endpoint_ >= 0 && t[begin - 2].mask.test(period_to_endpoint_));
}

bool TenseGuesser::past_right_before(const TokInfo* t, const Token* toks, std::string_view text, int n, int begin) const {
    if (endpoint_before(t, begin)) return false;
    for (int k = begin - 1; k >= 0 && k >= begin - 2; --k) {
        if (clause_ >= 0 && t[k].mask.test(clause_)) return false;
        if (cue(t, toks, text, n, k) == Tense::Past) return true;
    }
    // A little further off, across an object ("met them on Feb. 20", "was sworn in on Jan.
    // 20"), only a listed past form counts: not an "-ed" guess ("redeem preferred shares on
    // Oct. 31"), not a verb of saying, whose clause has its own tense ("said the dividend
    // is payable Jan. 2"), not "had" ("had been set to expire Nov. 6"); and no infinitive
    // or future cue in between.
    for (int k = begin - 1; k >= 0 && k >= begin - 4; --k) {
        if (clause_ >= 0 && t[k].mask.test(clause_)) return false;
        if (to_ >= 0 && t[k].word == to_) return false;
        const Tense c = cue(t, toks, text, n, k);
        if (c == Tense::Future) return false;
        if (c == Tense::Past)
            return past_ >= 0 && t[k].mask.test(past_) && !(reporting_ >= 0 && t[k].mask.test(reporting_)) &&
                   !(past_plan_ >= 0 && t[k].mask.test(past_plan_));
    }
    return false;
}

bool TenseGuesser::deferred_to(const TokInfo* t, int begin) const {
    if (!endpoint_before(t, begin) || deferral_ < 0) return false;
    for (int k = begin - 2; k >= 0 && k >= begin - 5; --k) {
        if (clause_ >= 0 && t[k].mask.test(clause_)) return false;
        if (t[k].mask.test(deferral_)) return true;
    }
    return false;
}

Tense TenseGuesser::guess(const TokInfo* t, const Token* toks, std::string_view text, int n, int begin, int end) const {
    // The governing verb of a time adverbial usually comes before it ("met on Friday"), and a
    // clause boundary ("and", ",", "which") between a cue and the expression weakens it.
    Tense best = Tense::Unknown;
    int best_score = 1 << 30;
    auto consider = [&](int k, int distance, int boundaries, bool after) {
        const Tense c = cue(t, toks, text, n, k);
        if (c == Tense::Unknown) return;
        const int score = distance + 4 * boundaries + (after ? 2 : 0);
        if (score < best_score) {
            best_score = score;
            best = c;
        }
    };
    int boundaries = 0;
    for (int k = begin - 1; k >= 0; --k) {
        consider(k, begin - k, boundaries, false);
        if (clause_ >= 0 && t[k].mask.test(clause_)) ++boundaries;
    }
    boundaries = 0;
    for (int k = end; k < n; ++k) {
        if (clause_ >= 0 && t[k].mask.test(clause_)) ++boundaries;
        consider(k, k - end + 1, boundaries, true);
    }
    return best;
}

}  // namespace chronograph::timex
