// The mentions made into the facts the conflicts and the evidence need, the mentions
// dropped as they go (see make_facts).
#include "consolidate/internal.hpp"
#include "model/memory.hpp"

#include <algorithm>
#include <tuple>

namespace chronograph::merging {

MentionTable make_facts(std::vector<MentionRef>& mentions, std::vector<std::pair<std::uint32_t, std::uint32_t>>& slot,
                        std::vector<std::unique_ptr<DerivedTime>>& derived) {
    std::size_t actor_total = 0;
    for (const MentionRef& m : mentions) actor_total += m.actors().size();
    // The facts are made from the last mentions back, a run at a time, the mentions made
    // into facts dropped behind them and their pages given back: made beside all the
    // mentions, they were the consolidation's peak (100,000 articles: +260 MB on 1,090).
    // Each run's facts are appended, so the facts come out last mention first: they are
    // put in order at the end.
    MentionTable facts;
    facts.facts.reserve(mentions.size());  // (their pages are touched as the facts are made)
    facts.actors.reserve(actor_total);
    constexpr std::size_t kRunFacts = std::size_t{1} << 16;  // mentions made into facts at once (some 8 MB)
    std::size_t next_actor = 0;
    for (std::size_t end = mentions.size(); end > 0;) {
        const std::size_t begin = end - std::min(end, kRunFacts), made = facts.facts.size();
        facts.facts.resize(made + (end - begin));
        auto fact_of = [&, end](std::size_t x) -> MentionFacts& { return facts.facts[made + (end - 1 - x)]; };
        for (std::size_t x = end; x-- > begin;) {
            MentionRef& m = mentions[x];
            MentionFacts& e = fact_of(x);
            e.first_actor = static_cast<std::uint32_t>(next_actor);
            next_actor += m.actors().size();
            e.derived = m.derived.get();
            if (m.derived) derived.push_back(std::move(m.derived));  // (m.time and the drafts may point into it: it stays put)
        }
        facts.actors.resize(next_actor);  // (the run's actors: from the last mention's, at 0, up)
        // On this thread: on two, the step took longer (0.04 -> 0.07 s at 10,000 articles,
        // 0.60 -> 0.84 s at 100,000; most likely as each thread freed lists that others
        // had made).
        for (std::size_t x = begin; x < end; ++x) {
            MentionRef& m = mentions[x];
            MentionFacts& e = fact_of(x);
            e.doc = m.doc;
            e.index = m.index;
            e.sentence = m.sentence;
            std::tie(e.event, e.place) = slot[x];
            e.has_timex = m.has_timex;
            e.timex_start = m.timex_start;
            e.timex_end = m.timex_end;
            e.trigger_start = m.trigger_start;
            e.trigger_end = m.trigger_end;
            e.status = m.status;
            e.time = m.time;
            e.rank = m.rank;
            e.dated_by_derivation = *m.time_source == kDerived;
            e.actor_count = static_cast<std::uint32_t>(m.actors().size());
            std::copy(m.actors().begin(), m.actors().end(), facts.actors.begin() + e.first_actor);
            m.lists = MentionLists();  // (freed here, run by run)
        }
        mentions.resize(begin);
        give_back_spare_room(mentions);
        slot.resize(begin);
        give_back_spare_room(slot);
        end = begin;
    }
    std::reverse(facts.facts.begin(), facts.facts.end());
    return facts;
}

}  // namespace chronograph::merging
