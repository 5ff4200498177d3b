// Numbers stated about something: lengths of things, counts of people in an event. The
// material of conflicting claims between sources (consolidate compares them).
#pragma once

#include "chronograph/analysis.hpp"
#include "events/lexicon.hpp"
#include "events/sentence_view.hpp"

namespace chronograph::events {

/// Adds to a.claims the numbers of the sentence `v` shows, using the events already found
/// in it.
void extract_claims(DocumentAnalysis& a, const SentenceView& v, const Lexicon& lex);

}  // namespace chronograph::events
