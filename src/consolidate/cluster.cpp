// Which mentions speak of the same event: same type, shared actors, compatible dates and
// some shared words; events that happen once per undertaking merge even when their
// dates disagree, so that the disagreement shows as a conflict instead of two events.
#include "consolidate/internal.hpp"

#include <algorithm>
#include <map>

namespace chronograph::merging {

int time_rank(const DocumentAnalysis& doc, const EventMention& m, const std::string& time_source) {
    if (time_source == "timex" && m.timex && *m.timex < doc.timexes.size()) {
        const Timex& t = doc.timexes[*m.timex];
        if (!t.time.interval) return 0;
        if (!t.relative) return t.time.interval->days() <= 1 ? 6 : 5;
        return doc.doc.dct_source == DctSource::Inferred ? 3 : 4;
    }
    if (time_source == "derived") return 2;
    if (time_source == "dct") return 1;
    return 0;
}

namespace {

std::size_t shared(const std::vector<std::size_t>& a, const std::vector<std::size_t>& b) {
    std::size_t n = 0;
    for (std::size_t x : a) n += std::count(b.begin(), b.end(), x) > 0;
    return n;
}

std::size_t shared(const std::set<std::string>& a, const std::set<std::string>& b) {
    std::size_t n = 0;
    for (const auto& x : a) n += b.count(x);
    return n;
}

bool time_compatible(const MentionRef& a, const MentionRef& b) {
    if (!a.time.interval || !b.time.interval) return true;
    const TimeInterval& x = *a.time.interval;
    const TimeInterval& y = *b.time.interval;
    // A publication date only says "by then".
    if (a.time_source == "dct") return y.earliest <= x.latest;
    if (b.time_source == "dct") return x.earliest <= y.latest;
    // One day of slack: time zones make "Wednesday" in one report "Thursday" in another.
    const date::days slack{1};
    return x.earliest <= y.latest + slack && y.earliest <= x.latest + slack;
}

}  // namespace

std::vector<Cluster> cluster_mentions(const std::vector<DocumentAnalysis>& docs, const std::vector<MentionRef>& mentions,
                                      const std::vector<std::string>& once_types) {
    std::vector<Cluster> clusters;
    for (std::size_t k = 0; k < mentions.size(); ++k) {
        const MentionRef& m = mentions[k];
        const EventMention& ev = docs[m.doc].events[m.index];
        const bool once = std::find(once_types.begin(), once_types.end(), ev.type) != once_types.end();
        int best = -1;
        std::size_t best_score = 0;
        for (std::size_t c = 0; c < clusters.size(); ++c) {
            if (clusters[c].type != ev.type) continue;
            // Dates must agree with every dated member, not just one: undated mentions must
            // not chain a 2024 event to a 2025 one.
            if (!once && !std::all_of(clusters[c].members.begin(), clusters[c].members.end(),
                                      [&](std::size_t x) { return time_compatible(m, mentions[x]); }))
                continue;
            for (std::size_t x : clusters[c].members) {
                const MentionRef& o = mentions[x];
                const EventMention& oev = docs[o.doc].events[o.index];
                const std::size_t actors = shared(m.actors, o.actors);
                if (actors == 0 && !(m.actors.empty() && o.actors.empty())) continue;
                const std::size_t words = shared(m.words, o.words);
                bool ok;
                if (once) {
                    ok = words > 0 || ev.theme.empty() || oev.theme.empty() || ev.theme == oev.theme;
                } else {
                    const bool same_day = m.time.interval && o.time.interval && m.time.interval->days() == 1 &&
                                          *m.time.interval == *o.time.interval;
                    // An undated mention says little about which event it is: it needs more
                    // shared words to join.
                    const bool undated = !m.time.interval || !o.time.interval;
                    const std::size_t need = undated && m.doc != o.doc ? 2 : 1;
                    ok = m.doc == o.doc || words >= need || same_day;
                }
                if (!ok) continue;
                const std::size_t score = 1 + 2 * actors + words + (m.doc == o.doc ? 1 : 0);
                if (score > best_score) {
                    best_score = score;
                    best = static_cast<int>(c);
                }
            }
        }
        if (best >= 0) {
            clusters[best].members.push_back(k);
        } else {
            clusters.push_back({ev.type, {k}});
        }
    }
    return clusters;
}

TimeValue cluster_time(const std::vector<MentionRef>& mentions, const Cluster& c, std::string& time_source) {
    int best_rank = 0;
    for (std::size_t x : c.members)
        if (mentions[x].time.interval) best_rank = std::max(best_rank, mentions[x].rank);
    time_source.clear();
    if (best_rank == 0) return {};
    // Among the best-ranked: the most specific, then the most often reported, then the first.
    std::map<std::string, int> votes;
    for (std::size_t x : c.members)
        if (mentions[x].rank == best_rank && mentions[x].time.interval) ++votes[describe(mentions[x].time)];
    const MentionRef* pick = nullptr;
    for (std::size_t x : c.members) {
        const MentionRef& m = mentions[x];
        if (m.rank != best_rank || !m.time.interval) continue;
        if (!pick) { pick = &m; continue; }
        const int d = m.time.interval->days(), pd = pick->time.interval->days();
        const int v = votes[describe(m.time)], pv = votes[describe(pick->time)];
        if (d < pd || (d == pd && v > pv)) pick = &m;
    }
    time_source = pick->time_source;
    return pick->time;
}

}  // namespace chronograph::merging
