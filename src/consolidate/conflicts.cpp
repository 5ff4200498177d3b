// Where the sources disagree: dates of one event that cannot both be right, and numbers
// about the same thing ("length of bridge", "troops deployed (North Korea)") that differ.
#include "consolidate/internal.hpp"
#include "model/aside_file.hpp"
#include "model/memory.hpp"
#include "model/memory_trace.hpp"
#include "model/parallel.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <map>
#include <set>
#include <unordered_map>

namespace chronograph::merging {
namespace {

// Two numbers closer than this (relative) are the same claim said twice.
constexpr double kSameNumber = 0.03;

std::string format_number(double v, const std::string& unit) {
    char buf[64];
    if (std::abs(v - std::round(v)) < 1e-9) {
        std::snprintf(buf, sizeof buf, "%.0f", v);
        std::string s = buf;
        for (int i = static_cast<int>(s.size()) - 3; i > 0 && s[i - 1] != '-'; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
        return unit == "person" ? s : s + " " + unit;
    }
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return unit == "person" ? std::string(buf) : std::string(buf) + " " + unit;
}

std::string sentence_text(const DocumentAnalysis& d, std::size_t s) {
    return s < d.sentences.size() ? std::string(d.text(d.sentences[s].span)) : std::string();
}

bool same_number(double a, double b) { return std::abs(a - b) <= kSameNumber * std::max(std::abs(a), std::abs(b)); }

/// A toll that rises report after report ("820 dead" on Saturday, "2,012" on Sunday, "2,900"
/// on Monday) is the news updating itself, not sources disagreeing: deaths or casualties,
/// one number per publication date, never lower in a later report.
bool rising_toll(const std::string& about, const std::vector<std::pair<std::size_t, const Claim*>>& claims,
                 const AnalysisStore& docs) {
    if (about.rfind("deaths", 0) != 0 && about.rfind("casualties", 0) != 0 && about.rfind("injured", 0) != 0) return false;
    std::vector<std::pair<Day, double>> by_date;
    for (const auto& [d, cl] : claims) {
        const std::optional<Day>& dct = docs.document(d).dct;
        if (!dct) return false;
        by_date.push_back({*dct, cl->value});
    }
    std::sort(by_date.begin(), by_date.end());
    bool later = false;
    for (std::size_t k = 1; k < by_date.size(); ++k) {
        const auto& [day0, v0] = by_date[k - 1];
        const auto& [day1, v1] = by_date[k];
        if (day1 == day0 && !same_number(v0, v1)) return false;  // one day, two tolls: a disagreement
        if (day1 != day0) later = true;
        if (v1 < v0 && !same_number(v0, v1)) return false;
    }
    return later;
}

/// A conflict found, its claims not yet made whole: a number conflict's claims have their
/// values, documents and texts, a date conflict's only their sources (one conflict can
/// have tens of thousands of claims, a million in all at 100,000 articles: some 100 MB as
/// ClaimRefs). The claims are made whole afterwards, a run of conflicts at a time, their
/// sentences copied claim by claim on the threads.
struct PendingConflict {
    struct Source {
        const MentionFacts* mention = nullptr;  // a date claim's mention (null: a number claim)
        std::uint32_t doc = 0, sentence = 0;
    };
    Conflict conflict;
    std::vector<Source> sources;  // of each claim
    std::set<std::pair<std::string, DocId>> seen;  // (value, document) of the claims (released once all are added)

    /// Whether a claim of `value` from document `doc` is a new one (not when the same
    /// document already claims the same value).
    bool first(const std::string& value, const DocId& doc) { return seen.emplace(value, doc).second; }
    bool of_dates() const { return !sources.empty() && sources.front().mention; }
};

/// A date claim's value: "2026 (MID)", "2026-10 (APPROX), 18 months after the start (...)".
std::string date_value(const MentionFacts& m) {
    std::string value = describe(*m.time);
    if (m.dated_by_derivation) value += ", " + m.note();
    return value;
}

/// Runs fn(i, found) for i in [0, n) on `threads` threads; what fn appends to `found`
/// comes out in i order, whatever the timing.
template <class T, class Fn>
std::vector<T> gather(std::size_t n, unsigned threads, Fn fn) {
    std::vector<std::vector<T>> found(n);
    parallel_runs(n, threads, [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) fn(i, found[i]);
    });
    std::vector<T> out;
    for (auto& run : found) std::move(run.begin(), run.end(), std::back_inserter(out));
    return out;
}

using DocClaim = std::pair<std::size_t, const Claim*>;  // (document, claim)
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

/// The days a count of people speaks of: those of its event mention when a time
/// expression or a derivation dates it, else those of the dated mention of its sentence
/// nearest to it ("23 people were killed in an attack on Paris on February 12": the
/// attack's). (Not its event's cluster: a cluster dated by publication dates may hold
/// mentions years apart.)
class ClaimDays {
public:
    ClaimDays(const std::vector<std::vector<Claim>>& claims, const std::vector<MentionFacts>& mentions, const std::vector<Cluster>& clusters)
        : mentions_(mentions), first_(claims.size() + 1, mentions.size()), cluster_(mentions.size(), kNone) {
        // (The mentions are in document order, each document's in its events' order.)
        for (std::size_t x = mentions.size(); x-- > 0;) first_[mentions[x].doc] = x;
        for (std::size_t d = claims.size(); d-- > 0;) first_[d] = std::min(first_[d], first_[d + 1]);
        // Only the sentences that hold a count of people need their dated mentions.
        for (std::size_t d = 0; d < claims.size(); ++d)
            for (const Claim& cl : claims[d])
                if (cl.unit == "person") sentence_days_.try_emplace(key(d, cl.sentence));
        for (std::size_t c = 0; c < clusters.size(); ++c)
            for (std::size_t x : clusters[c].members) {
                const MentionFacts& m = mentions[x];
                cluster_[x] = c;
                if (!dated(m)) continue;
                if (const auto it = sentence_days_.find(key(m.doc, m.sentence)); it != sentence_days_.end())
                    it->second.push_back({m.trigger_start, *m.time->interval});
            }
    }
    /// The cluster of the claim's event, kNone if it has none.
    std::size_t event(const DocClaim& c) const {
        const std::size_t x = mention(c);
        return x == kNone ? kNone : cluster_[x];
    }
    std::optional<TimeInterval> days(const DocClaim& c) const {
        if (c.second->unit != "person") return std::nullopt;
        if (const std::size_t x = mention(c); x != kNone && cluster_[x] != kNone && dated(mentions_[x])) return mentions_[x].time->interval;
        const auto it = sentence_days_.find(key(c.first, c.second->sentence));
        if (it == sentence_days_.end() || it->second.empty()) return std::nullopt;
        const std::size_t at = c.second->span.start;
        auto distance = [at](std::size_t x) { return x < at ? at - x : x - at; };
        const auto nearest = std::min_element(it->second.begin(), it->second.end(), [&](const auto& a, const auto& b) {
            return std::pair(distance(a.first), a.first) < std::pair(distance(b.first), b.first);
        });
        return nearest->second;
    }

private:
    /// Dated by a time expression or a derivation.
    static bool dated(const MentionFacts& m) { return m.time->interval && m.rank >= 2; }
    /// The mention of the claim's event (an index into the mentions), kNone if none.
    std::size_t mention(const DocClaim& c) const {
        if (!c.second->event || c.first + 1 >= first_.size()) return kNone;
        const std::size_t x = first_[c.first] + *c.second->event;
        return x < first_[c.first + 1] && mentions_[x].index == *c.second->event ? x : kNone;
    }
    static std::uint64_t key(std::size_t doc, std::size_t index) { return std::uint64_t{doc} << 32 | index; }
    const std::vector<MentionFacts>& mentions_;
    std::vector<std::size_t> first_;    // of each document's mentions
    std::vector<std::size_t> cluster_;  // of each mention, kNone if in none
    // (doc, sentence) -> where each dated mention's trigger starts, and its days
    std::unordered_map<std::uint64_t, std::vector<std::pair<std::size_t, TimeInterval>>> sentence_days_;
};

/// What each document is about: its two most named actors (in its events' mentions, ties
/// to the earlier entity). "length of bridge" in an article on a North Korea-Russia bridge
/// and in one on a bridge between Rome and Tokyo is not one bridge's length.
class DocSubjects {
public:
    DocSubjects(const std::vector<std::vector<Claim>>& claims, const MentionTable& mentions)
        : subjects_(claims.size(), {kNone, kNone}) {
        // Only documents that measure a thing need theirs.
        std::vector<bool> wanted(claims.size(), false);
        for (std::size_t d = 0; d < claims.size(); ++d)
            for (const Claim& cl : claims[d]) wanted[d] = wanted[d] || cl.unit != "person";
        std::vector<std::map<std::size_t, std::size_t>> counts(claims.size());
        for (const MentionFacts& m : mentions.facts)
            if (wanted[m.doc])
                for (std::uint32_t k = 0; k < m.actor_count; ++k) ++counts[m.doc][mentions.actors[m.first_actor + k]];
        for (std::size_t d = 0; d < claims.size(); ++d) {
            std::vector<std::pair<std::size_t, std::size_t>> ranked(counts[d].begin(), counts[d].end());
            std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
            auto& s = subjects_[d];
            if (!ranked.empty()) s.first = ranked[0].first;
            if (ranked.size() > 1) s.second = ranked[1].first;
            if (s.second < s.first) std::swap(s.first, s.second);
        }
    }
    const std::pair<std::size_t, std::size_t>& of(std::size_t doc) const { return subjects_[doc]; }

private:
    std::vector<std::pair<std::size_t, std::size_t>> subjects_;
};

/// The claims about one thing, split into those to compare together: counts of people
/// are counts of what happened in one event, so counts whose days lie apart (a day of
/// slack) are compared apart: "killed 23 people" in a March strike on Kharkiv and "killed
/// 8 people" in a May attack on Odesa are two events, not sources disagreeing. Days that
/// meet are compared together even when the clustering kept their events apart (reports
/// of one bombing naming different actors). Undated claims join the one dated group when
/// there is one, else stand apart, last. Lengths of things are compared between documents
/// about the same subjects (DocSubjects). (Tried for undated counts too: reports of one
/// bombing framed by different pairs of countries were no longer compared.)
std::vector<std::vector<DocClaim>> comparable_groups(const std::vector<DocClaim>& claims, const ClaimDays& days,
                                                     const DocSubjects& subjects) {
    auto by_subjects = [&](const std::vector<DocClaim>& group) {
        std::map<std::pair<std::size_t, std::size_t>, std::vector<DocClaim>> split;
        for (const DocClaim& c : group) split[subjects.of(c.first)].push_back(c);
        std::vector<std::vector<DocClaim>> out;
        for (auto& [key, part] : split) out.push_back(std::move(part));
        return out;
    };
    if (!claims.empty() && claims.front().second->unit != "person") return by_subjects(claims);
    std::vector<std::optional<TimeInterval>> when(claims.size());
    std::vector<std::size_t> order;
    for (std::size_t k = 0; k < claims.size(); ++k)
        if ((when[k] = days.days(claims[k]))) order.push_back(k);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return std::pair(when[x]->earliest, when[x]->latest) < std::pair(when[y]->earliest, when[y]->latest);
    });
    std::vector<std::size_t> group(claims.size(), kNone);
    std::size_t groups = 0;
    std::optional<Day> reach;  // the last day of the current group
    for (std::size_t k : order) {
        if (!reach || when[k]->earliest > *reach + date::days{1}) {
            ++groups;
            reach = when[k]->latest;
        }
        reach = std::max(*reach, when[k]->latest);
        group[k] = groups - 1;
    }
    if (groups <= 1) return {claims};
    std::vector<std::vector<DocClaim>> out(groups + 1);  // the undated last
    for (std::size_t k = 0; k < claims.size(); ++k) out[group[k] == kNone ? groups : group[k]].push_back(claims[k]);
    if (out.back().empty()) out.pop_back();
    return out;
}

/// Numbers: claims about the same thing, in groups that speak of one time (see
/// comparable_groups), with their values and texts. The documents' claims are read back
/// for them, and go when they are found (not held beside the sentences copied next).
std::vector<PendingConflict> number_conflicts(const AnalysisStore& docs, const std::vector<DocId>& doc_ids, const MentionTable& table,
                                              const std::vector<Cluster>& clusters, const std::function<EventId(std::size_t)>& cluster_id,
                                              unsigned threads) {
    std::vector<std::vector<Claim>> doc_claims(docs.size());
    parallel_for(docs.size(), threads, [&](std::size_t d) { doc_claims[d] = docs.load(d, kClaimsPart).claims; });
    const ClaimDays days(doc_claims, table.facts, clusters);
    const DocSubjects subjects(doc_claims, table);
    std::map<std::string, std::vector<DocClaim>> by_about;
    for (std::size_t d = 0; d < doc_claims.size(); ++d)
        for (const Claim& cl : doc_claims[d]) by_about[cl.about].push_back({d, &cl});
    std::vector<const std::pair<const std::string, std::vector<DocClaim>>*> abouts;
    for (const auto& entry : by_about) abouts.push_back(&entry);
    return gather<PendingConflict>(abouts.size(), threads, [&](std::size_t i, std::vector<PendingConflict>& found) {
        const auto& [about, about_claims] = *abouts[i];
        for (const std::vector<DocClaim>& claims : comparable_groups(about_claims, days, subjects)) {
            std::vector<double> values;
            for (const auto& [d, cl] : claims) {
                // (the value by init-capture: clang 14 cannot capture a structured binding)
                const bool known = std::any_of(values.begin(), values.end(), [value = cl->value](double v) { return same_number(v, value); });
                if (!known) values.push_back(cl->value);
            }
            if (values.size() < 2 || rising_toll(about, claims, docs)) continue;
            PendingConflict& p = found.emplace_back();
            p.conflict.about = about;
            // The event they are all about, when they are about one.
            const std::size_t first = days.event(claims.front());
            const bool one_event = first != kNone && std::all_of(claims.begin(), claims.end(), [&](const DocClaim& c) {
                return days.event(c) == first;
            });
            if (one_event) p.conflict.event = cluster_id(first);
            std::vector<DocClaim> sorted = claims;
            std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second->value < b.second->value; });
            for (const auto& [d, cl] : sorted) {
                ClaimRef claim;
                claim.value = format_number(cl->value, cl->unit);
                claim.doc = doc_ids[d];
                if (!p.first(claim.value, claim.doc)) continue;
                claim.text = cl->text;
                p.conflict.claims.push_back(std::move(claim));
                p.sources.push_back({nullptr, static_cast<std::uint32_t>(d), static_cast<std::uint32_t>(cl->sentence)});
            }
            release(p.seen);
        }
    });
}

}  // namespace

std::vector<Conflict> find_conflicts(const AnalysisStore& docs, const std::vector<DocId>& doc_ids,
                                     const MentionTable& table, const std::vector<Cluster>& clusters,
                                     const std::function<EventId(std::size_t)>& cluster_id, const std::function<std::string(std::size_t)>& cluster_label,
                                     AsideFile& file, unsigned threads) {
    const std::vector<MentionFacts>& mentions = table.facts;
    // The numbers' conflicts first: what finding them holds for a while (the documents'
    // claims, some 80 MB at 100,000 articles) is not beside the dates' (listed first).
    std::vector<PendingConflict> numbers = number_conflicts(docs, doc_ids, table, clusters, cluster_id, threads);
    give_back_free_memory();
    trace_memory("conflicts of numbers found");
    // Dates: mentions dated by a time expression or a derivation whose days do not meet.
    std::vector<PendingConflict> pending = gather<PendingConflict>(clusters.size(), threads, [&](std::size_t c, std::vector<PendingConflict>& found) {
        std::vector<const MentionFacts*> dated;
        for (std::size_t x : clusters[c].members)
            if (mentions[x].time->interval && mentions[x].rank >= 2) dated.push_back(&mentions[x]);
        // Intervals on a line all meet each other exactly when one day is in all of them:
        // some two disagree when the latest start comes after the earliest end.
        if (dated.empty()) return;
        Day latest_start = dated.front()->time->interval->earliest, earliest_end = dated.front()->time->interval->latest;
        for (const MentionFacts* m : dated) {
            latest_start = std::max(latest_start, m->time->interval->earliest);
            earliest_end = std::min(earliest_end, m->time->interval->latest);
        }
        if (latest_start <= earliest_end) return;
        PendingConflict& p = found.emplace_back();
        p.conflict.about = "date: " + cluster_label(c);
        p.conflict.event = cluster_id(c);
        std::stable_sort(dated.begin(), dated.end(), [](const MentionFacts* a, const MentionFacts* b) {
            return a->time->interval->earliest < b->time->interval->earliest;
        });
        for (const MentionFacts* m : dated)
            if (p.first(date_value(*m), doc_ids[m->doc])) p.sources.push_back({m, m->doc, m->sentence});
        release(p.seen);
    });

    trace_memory("conflicts of dates found");
    std::move(numbers.begin(), numbers.end(), std::back_inserter(pending));

    // The claims made whole, a run of conflicts at a time: the date claims' values and
    // documents, then the claims' sentences and the date claims' texts, document by
    // document (each document with claims in the run read back once); then the run's
    // claims go to the story's file. (All the claims' sentences at once: some 90 MB at
    // 100,000 articles, each its own.)
    constexpr std::size_t kRunClaims = std::size_t{1} << 18;  // claims made at once
    std::vector<Conflict> out(pending.size());
    for (std::size_t begin = 0, end = 0; begin < pending.size(); begin = end) {
        std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> of_doc(docs.size());  // (conflict, claim) of each claim
        for (std::size_t held = 0; end < pending.size() && (end == begin || held + pending[end].sources.size() <= kRunClaims); ++end) {
            held += pending[end].sources.size();
            for (std::size_t i = 0; i < pending[end].sources.size(); ++i) of_doc[pending[end].sources[i].doc].emplace_back(end, i);
        }
        parallel_for(end - begin, threads, [&](std::size_t k) {
            PendingConflict& p = pending[begin + k];
            if (!p.of_dates()) return;
            p.conflict.claims.resize(p.sources.size());
            for (std::size_t i = 0; i < p.sources.size(); ++i) {
                p.conflict.claims[i].value = date_value(*p.sources[i].mention);
                p.conflict.claims[i].doc = doc_ids[p.sources[i].doc];
            }
        });
        parallel_for(docs.size(), threads, [&](std::size_t doc) {
            if (of_doc[doc].empty()) return;
            const DocumentAnalysis d = docs.load(doc, kTextPart | kSentencesPart);
            for (const auto& [k, i] : of_doc[doc]) {
                const PendingConflict::Source& source = pending[k].sources[i];
                ClaimRef& claim = pending[k].conflict.claims[i];
                claim.sentence = sentence_text(d, source.sentence);
                if (!source.mention) continue;  // (a number claim has its text)
                if (source.mention->has_timex) claim.text = std::string(d.text(source.mention->timex()));
                else if (source.mention->dated_by_derivation) claim.text = source.mention->note();
            }
        });
        auto claims_of = [&](std::size_t k) -> const std::vector<ClaimRef>& { return pending[begin + k].conflict.claims; };
        add_lists(file, end - begin, threads, claims_of, [&](std::size_t k, const Aside& at) {
            PendingConflict& p = pending[begin + k];
            p.conflict.aside = at;
            release(p.conflict.claims);
            release(p.sources);
            out[begin + k] = std::move(p.conflict);
        });
    }
    return out;
}

}  // namespace chronograph::merging
