// A clause's event as the trigger rules choose it (sentence_rules.hpp), before its status,
// participants, time and label are read (extractor.cpp, label.cpp).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

namespace chronograph::events {

/// A trigger as chosen for a clause, before participants and time.
struct Candidate {
    std::size_t head = 0;       // token where the event's words start (the verb, "took")
    std::size_t head_end = 0;   // end of the trigger words (exclusive)
    std::size_t last = 0;       // end of everything the event's words cover (complement)
    std::string lemma;
    std::string type;
    bool nominal = false;       // named by a noun ("the visit") rather than a verb
    bool object_noun = false;   // a noun that is its clause verb's object and took its type from the subject
    int duration_timex = -1;    // "take 18 months": the duration
    std::string anchor_type;
};

/// "killing", "agreeing": a word of five letters or more ending in -ing.
inline bool ing_form(std::string_view w) { return w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0; }

/// What a by-subject trigger meant where the text said (lemma -> type): "workers extended
/// their strike" makes every bare "the strike" of that article a labour strike, one sense
/// per discourse.
using Senses = std::map<std::string, std::string>;

}  // namespace chronograph::events
