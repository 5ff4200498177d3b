// Which mentions speak of the same event: same type, shared actors, compatible dates and
// some shared words; events that happen once per undertaking merge even when their
// dates disagree, so that the disagreement shows as a conflict instead of two events.
#include "consolidate/internal.hpp"
#include "model/parallel.hpp"

#include <algorithm>
#include <cassert>
#include <iterator>
#include <map>
#include <numeric>
#include <unordered_map>

namespace chronograph::merging {

int time_rank(const DocumentAnalysis& doc, const EventMention& m, const std::string& time_source) {
    if (time_source == "timex" && m.timex && *m.timex < doc.timexes.size()) {
        const Timex& t = doc.timexes[*m.timex];
        if (!t.time.interval) return 0;
        if (!t.relative) return t.time.interval->days() <= 1 ? 6 : 5;
        return doc.doc.dct_source == DctSource::Inferred ? 3 : 4;
    }
    if (time_source == "derived") return 2;
    if (time_source == "dct" || time_source == "narrative") return 1;
    return 0;
}

namespace {

/// What a cluster's members have in common, kept up to date as mentions join, so that a
/// new mention is compared with the cluster once instead of with every member. Kept
/// small: a type's states are all held while it is clustered, and the largest types are
/// clustered at once, one per thread (ids of 32 bits, sorted vectors, themes as pointers).
struct ClusterState {
    std::vector<std::uint32_t> actors, places, objects;  // sorted
    std::vector<std::uint32_t> words;          // content word ids of its members, sorted
    std::vector<std::uint32_t> docs;           // sorted
    std::vector<const std::string*> themes;    // each once; "" when a member has none
    bool actorless = false;                    // a member without actors
    bool undated = false;
    // Dates: every dated member overlaps every other (with a day of slack), which in one
    // dimension means they share days: `core`; publication dates only bound from above.
    std::optional<TimeInterval> core;
    std::optional<Day> by;                     // earliest publication date of a dct-dated member
    std::vector<std::pair<std::uint32_t, TimeInterval>> own_dates;  // (doc, days) of members dated by a time expression
};

// Themes are interned per run of documents: equal texts may be at other addresses.
bool has_theme(const ClusterState& c, const std::string& theme) {
    return std::any_of(c.themes.begin(), c.themes.end(), [&](const std::string* t) { return *t == theme; });
}

const date::days kSlack{1};  // time zones make "Wednesday" in one report "Thursday" in another

/// A mention its own document dates by a time expression on other days (beyond the slack)
/// than a member from that document: one article telling two steps of one undertaking
/// ("agreed on the text in March", "initialled the agreement on Friday"), not
/// contradicting itself. Sources disagree with each other, rarely with themselves.
/// (`own_dates` is in document order, as the members join: only the document's own
/// dates are looked at, not every member's of a cluster thousands of articles report.)
bool other_step_of_document(const MentionRef& m, const std::vector<std::pair<std::uint32_t, TimeInterval>>& own_dates) {
    if (*m.time_source != "timex" || !m.time->interval) return false;
    const TimeInterval& x = *m.time->interval;
    const auto doc_first = std::partition_point(own_dates.begin(), own_dates.end(),
                                                [&](const auto& entry) { return entry.first < m.doc; });
    for (auto it = doc_first; it != own_dates.end() && it->first == m.doc; ++it)
        if (x.earliest > it->second.latest + kSlack || it->second.earliest > x.latest + kSlack) return true;
    return false;
}

bool contains(const std::vector<std::uint32_t>& sorted, std::uint32_t x) {
    return std::binary_search(sorted.begin(), sorted.end(), x);
}

void insert_sorted(std::vector<std::uint32_t>& sorted, std::uint32_t x) {
    auto it = std::lower_bound(sorted.begin(), sorted.end(), x);
    if (it == sorted.end() || *it != x) sorted.insert(it, x);
}

/// Cluster ids in the order they last took a member; `newest` gives the last kWindow.
class Recent {
public:
    static constexpr std::size_t kWindow = 64;

    void touch(std::size_t id) {
        ids_.push_back(static_cast<std::uint32_t>(id));
        if (ids_.size() > 8 * kWindow) ids_.erase(ids_.begin(), ids_.end() - static_cast<std::ptrdiff_t>(2 * kWindow));
    }
    /// Appends the ids touched in the last 2 * kWindow joins (the caller removes repeats).
    void newest(std::vector<std::size_t>& out) const {
        const std::size_t n = std::min(ids_.size(), 2 * kWindow);
        out.insert(out.end(), ids_.end() - static_cast<std::ptrdiff_t>(n), ids_.end());
    }

private:
    std::vector<std::uint32_t> ids_;
};

bool time_fits(const MentionRef& m, const ClusterState& c) {
    if (!m.time->interval) return true;
    const TimeInterval& x = *m.time->interval;
    // The publication date, or the day the story tells of: "by then".
    if (*m.time_source == "dct" || *m.time_source == "narrative") return !c.core || c.core->earliest <= x.latest;
    if (c.by && x.earliest > *c.by + kSlack) return false;
    return !c.core || (x.earliest <= c.core->latest + kSlack && c.core->earliest <= x.latest + kSlack);
}

/// A mention dated by its own time expression, in a place the cluster names, on days the
/// cluster's dates allow: where and when say it is the same event, whoever is named.
bool dated_here(const MentionRef& m, const ClusterState& c) {
    if (!m.time->interval || *m.time_source != "timex" || !c.core || !time_fits(m, c)) return false;
    for (std::uint32_t p : m.places())
        if (contains(c.places, p)) return true;
    return false;
}

void join(ClusterState& c, const MentionRef& m, const std::string* theme) {
    for (std::uint32_t a : m.actors()) insert_sorted(c.actors, a);
    for (std::uint32_t p : m.places()) insert_sorted(c.places, p);
    for (std::uint32_t o : m.objects()) insert_sorted(c.objects, o);
    for (std::uint32_t w : m.words()) insert_sorted(c.words, w);
    insert_sorted(c.docs, m.doc);
    if (!has_theme(c, *theme)) c.themes.push_back(theme);
    c.actorless = c.actorless || m.actors().empty();
    if (*m.time_source == "timex" && m.time->interval) {
        assert(c.own_dates.empty() || c.own_dates.back().first <= m.doc);  // see other_step_of_document
        c.own_dates.emplace_back(m.doc, *m.time->interval);
    }
    if (!m.time->interval) {
        c.undated = true;
    } else if (*m.time_source == "dct" || *m.time_source == "narrative") {
        c.by = c.by ? std::min(*c.by, m.time->interval->latest) : m.time->interval->latest;
    } else if (!c.core) {
        c.core = m.time->interval;
    } else {
        // Keep the common days (widened by the slack when the intervals only touch).
        c.core->earliest = std::max(c.core->earliest, m.time->interval->earliest);
        c.core->latest = std::min(c.core->latest, m.time->interval->latest);
        if (c.core->latest < c.core->earliest) std::swap(c.core->earliest, c.core->latest);
    }
}

/// Clusters the mentions `of_type` (indices into `mentions`, in order), all of one type:
/// a mention only ever joins a cluster of its own type, so each type is done apart.
std::vector<Cluster> cluster_type(const std::vector<MentionRef>& mentions, const std::vector<std::size_t>& of_type, bool once,
                                  bool placed) {
    std::vector<Cluster> clusters;
    std::vector<ClusterState> states;
    // Candidate clusters by actor, and for mentions without actors: the clusters that most
    // recently took a member, a bounded number of them, so a corpus where one actor does
    // the same kind of thing thousands of times stays linear.
    std::unordered_map<std::uint32_t, Recent> by_actor;
    Recent actorless;
    // For a placed type, also the clusters of each place: "a passenger ferry capsized off
    // Bali late on Wednesday" (blamed on no one) and "a ferry sank near Bali on Thursday".
    std::unordered_map<std::uint32_t, Recent> by_place;
    std::vector<std::size_t> stamp;  // per cluster: 1 + the last mention that listed it as a candidate
    for (std::size_t k : of_type) {
        const MentionRef& m = mentions[k];
        const std::string* theme = m.theme;
        std::vector<std::size_t> candidates;
        if (m.actors().empty()) {
            actorless.newest(candidates);
        } else {
            for (std::uint32_t a : m.actors()) by_actor[a].newest(candidates);
        }
        if (placed)
            for (std::uint32_t p : m.places()) by_place[p].newest(candidates);
        // Each candidate once (a stamp per cluster instead of sorting the list).
        std::size_t kept = 0;
        for (std::size_t c : candidates)
            if (stamp[c] != k + 1) {
                stamp[c] = k + 1;
                candidates[kept++] = c;
            }
        candidates.resize(kept);
        int best = -1;
        std::size_t best_score = 0;
        for (std::size_t c : candidates) {
            const ClusterState& st = states[c];
            std::size_t actors = 0;
            for (std::uint32_t a : m.actors()) actors += contains(st.actors, a);
            if (actors == 0 && !(m.actors().empty() && st.actorless) && !(placed && dated_here(m, st))) continue;
            // Dates first: the cheapest test, and the one that turns most candidates away.
            if (!once && !time_fits(m, st)) continue;
            std::size_t words = 0;
            for (std::uint32_t w : m.words()) words += contains(st.words, w);
            const bool same_doc = contains(st.docs, m.doc);
            bool ok;
            if (once) {
                if (same_doc && other_step_of_document(m, st.own_dates)) continue;
                // What it acts on must not differ: a mention naming a theme the cluster's
                // mentions do not name, with no word in common, is another undertaking.
                const bool other_themes = std::any_of(st.themes.begin(), st.themes.end(),
                                                      [](const std::string* t) { return !t->empty(); });
                ok = words > 0 || theme->empty() || !other_themes ||
                     has_theme(st, *theme);
                // Without an actor in common, only shared words or the same article say it is
                // the same undertaking: "workers would return if no deal was reached" and "the
                // president would sign it" in another story are two.
                if (actors == 0 && words == 0 && !same_doc) ok = false;
            } else {
                // An undated mention says little about which event it is: it needs more
                // shared words to join. Dated on both sides, by the same actors, in no
                // different places: the dates already say it is the same event.
                const bool undated = !m.time->interval || (!st.core && !st.by);
                const std::size_t need = undated && !same_doc ? 2 : 1;
                bool places_agree = m.places().empty() || st.places.empty();
                for (std::uint32_t p : m.places()) places_agree = places_agree || contains(st.places, p);
                // "Apple released the iPod" and "Apple released the Mac" the same year are two
                // releases: what the events act on must agree too.
                bool objects_agree = m.objects().empty() || st.objects.empty();
                for (std::uint32_t o : m.objects()) objects_agree = objects_agree || contains(st.objects, o);
                if (!objects_agree && !same_doc && words < 2) continue;
                const bool same_day = m.time->interval && m.time->interval->days() == 1 &&
                                      ((st.core && *m.time->interval == *st.core) ||
                                       (!st.core && st.by && m.time->interval->latest == *st.by));
                // Shared words without a shared actor do not join events in places that
                // differ ("a ferry capsized off Bali", "a ferry sank near Manila").
                ok = same_doc || (words >= need && (actors > 0 || places_agree)) || same_day ||
                     (!undated && actors > 0 && places_agree);
            }
            if (!ok) continue;
            const std::size_t score = 1 + 2 * actors + words + (same_doc ? 1 : 0);
            // Ties go to the oldest cluster, whatever order the candidates came in.
            if (score > best_score || (score == best_score && static_cast<int>(c) < best)) {
                best_score = score;
                best = static_cast<int>(c);
            }
        }
        if (best < 0) {
            best = static_cast<int>(clusters.size());
            clusters.push_back({*m.type, {}});
            states.emplace_back();
            stamp.push_back(0);
        }
        clusters[best].members.push_back(k);
        ClusterState& st = states[best];
        join(st, m, theme);
        // The cluster is now the most recent under each of its actors' keys.
        for (std::uint32_t a : st.actors) by_actor[a].touch(static_cast<std::size_t>(best));
        if (st.actorless) actorless.touch(static_cast<std::size_t>(best));
        if (placed)
            for (std::uint32_t p : st.places) by_place[p].touch(static_cast<std::size_t>(best));
    }
    return clusters;
}

}  // namespace

std::vector<Cluster> cluster_mentions(const std::vector<MentionRef>& mentions, const std::vector<std::string>& once_types,
                                      const std::vector<std::string>& placed_types, unsigned threads) {
    // The mentions of each type, types in order of first mention.
    std::vector<std::vector<std::size_t>> by_type;
    std::vector<bool> once, placed;
    std::unordered_map<std::string_view, std::size_t> type_index;
    auto listed = [](const std::vector<std::string>& list, const std::string& type) {
        return std::find(list.begin(), list.end(), type) != list.end();
    };
    for (std::size_t k = 0; k < mentions.size(); ++k) {
        const std::string& type = *mentions[k].type;
        const auto [it, added] = type_index.emplace(type, by_type.size());
        if (added) {
            by_type.emplace_back();
            once.push_back(listed(once_types, type));
            placed.push_back(listed(placed_types, type));
        }
        by_type[it->second].push_back(k);
    }
    // The types with most mentions first: a long one taken last would leave the other
    // threads idle while it runs. (Each type's clusters go to its own slot: the same
    // whatever the order.)
    std::vector<std::size_t> longest_first(by_type.size());
    std::iota(longest_first.begin(), longest_first.end(), std::size_t{0});
    std::stable_sort(longest_first.begin(), longest_first.end(),
                     [&](std::size_t a, std::size_t b) { return by_type[a].size() > by_type[b].size(); });
    std::vector<std::vector<Cluster>> per_type(by_type.size());
    parallel_for(by_type.size(), threads, [&](std::size_t i) {
        const std::size_t t = longest_first[i];
        per_type[t] = cluster_type(mentions, by_type[t], once[t], placed[t]);
    });
    // One list in the order the clusters would be made taking the mentions in order: by
    // first member.
    std::vector<Cluster> clusters;
    for (auto& list : per_type) std::move(list.begin(), list.end(), std::back_inserter(clusters));
    std::sort(clusters.begin(), clusters.end(),
              [](const Cluster& a, const Cluster& b) { return a.members.front() < b.members.front(); });
    return clusters;
}

const MentionRef* cluster_time_mention(const std::vector<MentionRef>& mentions, const Cluster& c) {
    int best_rank = 0;
    for (std::size_t x : c.members)
        if (mentions[x].time->interval) best_rank = std::max<int>(best_rank, mentions[x].rank);
    if (best_rank == 0) return nullptr;
    // Among the best-ranked: the most specific, then the most often reported, then the first.
    std::map<std::string, int> votes;
    for (std::size_t x : c.members)
        if (mentions[x].rank == best_rank && mentions[x].time->interval) ++votes[describe(*mentions[x].time)];
    const MentionRef* pick = nullptr;
    for (std::size_t x : c.members) {
        const MentionRef& m = mentions[x];
        if (m.rank != best_rank || !m.time->interval) continue;
        if (!pick) { pick = &m; continue; }
        const int d = m.time->interval->days(), pd = pick->time->interval->days();
        const int v = votes[describe(*m.time)], pv = votes[describe(*pick->time)];
        if (d < pd || (d == pd && v > pv)) pick = &m;
    }
    return pick;
}

TimeValue cluster_time(const std::vector<MentionRef>& mentions, const Cluster& c, std::string& time_source) {
    const MentionRef* pick = cluster_time_mention(mentions, c);
    time_source = pick ? *pick->time_source : std::string();
    return pick ? *pick->time : TimeValue{};
}

}  // namespace chronograph::merging
