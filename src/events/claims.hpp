// Numbers stated about something: lengths of things, counts of people in an event. The
// material of conflicting claims between sources (consolidate compares them).
#pragma once

#include "chronograph/analysis.hpp"
#include "events/lexicon.hpp"

namespace chronograph::events {

/// Fills a.claims from the sentences, using the events already found.
void extract_claims(DocumentAnalysis& a, const Lexicon& lex);

}  // namespace chronograph::events
