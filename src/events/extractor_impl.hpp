// The events stage's engine, shared by extractor.cpp (which trigger, status, participants,
// time) and label.cpp (the label).
#pragma once

#include "chronograph/events.hpp"
#include "events/candidate.hpp"
#include "events/lexicon.hpp"
#include "events/sentence_view.hpp"

#include <cstddef>
#include <set>
#include <string>
#include <vector>

namespace chronograph {

struct EventExtractor::Impl {
    events::Lexicon lex;
    explicit Impl(const Resources& res) : lex(res) {}

    /// The events of the sentence `v` views. `last_day`: the last single-day date named
    /// before it (updated to its own).
    void sentence(DocumentAnalysis& a, const events::SentenceView& v, std::vector<std::size_t>& recent_countries,
                  const Timex*& last_day, events::Senses& senses) const;
    EventStatus status(const events::SentenceView& v, const events::Candidate& c, int clause, bool attributed) const;
    void participants(const events::SentenceView& v, const events::Candidate& c, int clause, const std::set<std::size_t>& sources,
                      const std::vector<std::size_t>& recent_countries, EventMention& ev) const;
    void time(const events::SentenceView& v, const events::Candidate& c, const std::vector<events::Candidate>& all, int clause,
              bool content_clause, const Timex* last_day, EventMention& ev) const;
    bool passive(const events::SentenceView& v, const events::Candidate& c) const;
    void label(const events::SentenceView& v, const events::Candidate& c, int clause, const std::vector<std::size_t>& local_agents,
               EventMention& ev) const;
    std::string antecedent(const events::SentenceView& v, int clause) const;
    std::string sentence_subject(const events::SentenceView& v, std::size_t before) const;
    std::string relative_antecedent(const events::SentenceView& v, std::size_t start) const;
};

}  // namespace chronograph
