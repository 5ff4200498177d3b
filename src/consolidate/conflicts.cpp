// Where the sources disagree: dates of one event that cannot both be right, and numbers
// about the same thing ("length of bridge", "troops deployed (North Korea)") that differ.
#include "consolidate/internal.hpp"
#include "model/parallel.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <map>
#include <set>

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
                 const std::vector<DocumentAnalysis>& docs) {
    if (about.rfind("deaths", 0) != 0 && about.rfind("casualties", 0) != 0) return false;
    std::vector<std::pair<Day, double>> by_date;
    for (const auto& [d, cl] : claims) {
        if (!docs[d].doc.dct) return false;
        by_date.push_back({*docs[d].doc.dct, cl->value});
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

/// A conflict whose claims have their values and documents, not yet their sentences: the
/// sentences are copied afterwards, claim by claim on the threads (one conflict can have
/// tens of thousands of claims).
struct PendingConflict {
    struct Source {
        const MentionRef* mention = nullptr;  // a date claim's mention
        const Claim* claim = nullptr;         // or a number claim
        std::uint32_t doc = 0, sentence = 0;
    };
    Conflict conflict;
    std::vector<Source> sources;  // of each claim
    std::set<std::pair<std::string, DocId>> seen;  // (value, document) of the claims

    /// Adds a claim unless the same document already claims the same value.
    void add(ClaimRef claim, Source source) {
        if (!seen.emplace(claim.value, claim.doc).second) return;
        conflict.claims.push_back(std::move(claim));
        sources.push_back(source);
    }
};

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

}  // namespace

std::vector<Conflict> find_conflicts(const std::vector<DocumentAnalysis>& docs, const std::vector<DocId>& doc_ids,
                                     const std::vector<MentionRef>& mentions, const std::vector<Cluster>& clusters,
                                     const std::vector<EventId>& cluster_ids, const std::vector<std::string>& cluster_labels,
                                     unsigned threads) {
    // Dates: mentions dated by a time expression or a derivation whose days do not meet.
    std::vector<PendingConflict> pending = gather<PendingConflict>(clusters.size(), threads, [&](std::size_t c, std::vector<PendingConflict>& found) {
        std::vector<const MentionRef*> dated;
        for (std::size_t x : clusters[c].members)
            if (mentions[x].time->interval && mentions[x].rank >= 2) dated.push_back(&mentions[x]);
        // Intervals on a line all meet each other exactly when one day is in all of them:
        // some two disagree when the latest start comes after the earliest end.
        if (dated.empty()) return;
        Day latest_start = dated.front()->time->interval->earliest, earliest_end = dated.front()->time->interval->latest;
        for (const MentionRef* m : dated) {
            latest_start = std::max(latest_start, m->time->interval->earliest);
            earliest_end = std::min(earliest_end, m->time->interval->latest);
        }
        if (latest_start <= earliest_end) return;
        PendingConflict& p = found.emplace_back();
        p.conflict.about = "date: " + cluster_labels[c];
        p.conflict.event = cluster_ids[c];
        std::stable_sort(dated.begin(), dated.end(), [](const MentionRef* a, const MentionRef* b) {
            return a->time->interval->earliest < b->time->interval->earliest;
        });
        for (const MentionRef* m : dated) {
            ClaimRef claim;
            claim.value = describe(*m->time);
            if (m->time_source == "derived") claim.value += ", " + m->note();
            claim.doc = doc_ids[m->doc];
            p.add(std::move(claim), {m, nullptr, m->doc, m->sentence});
        }
    });

    // Numbers: claims about the same thing across all documents.
    std::map<std::string, std::vector<std::pair<std::size_t, const Claim*>>> by_about;
    for (std::size_t d = 0; d < docs.size(); ++d)
        for (const Claim& cl : docs[d].claims) by_about[cl.about].push_back({d, &cl});
    std::vector<const std::pair<const std::string, std::vector<std::pair<std::size_t, const Claim*>>>*> abouts;
    for (const auto& entry : by_about) abouts.push_back(&entry);
    std::vector<PendingConflict> numbers = gather<PendingConflict>(abouts.size(), threads, [&](std::size_t i, std::vector<PendingConflict>& found) {
        const auto& [about, claims] = *abouts[i];
        std::vector<double> values;
        for (const auto& [d, cl] : claims) {
            // (the value by init-capture: clang 14 cannot capture a structured binding)
            const bool known = std::any_of(values.begin(), values.end(), [value = cl->value](double v) { return same_number(v, value); });
            if (!known) values.push_back(cl->value);
        }
        if (values.size() < 2 || rising_toll(about, claims, docs)) return;
        PendingConflict& p = found.emplace_back();
        p.conflict.about = about;
        std::vector<std::pair<std::size_t, const Claim*>> sorted = claims;
        std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second->value < b.second->value; });
        for (const auto& [d, cl] : sorted) {
            ClaimRef claim;
            claim.value = format_number(cl->value, cl->unit);
            claim.doc = doc_ids[d];
            p.add(std::move(claim), {nullptr, cl, static_cast<std::uint32_t>(d), static_cast<std::uint32_t>(cl->sentence)});
        }
    });
    std::move(numbers.begin(), numbers.end(), std::back_inserter(pending));

    // The claims' sentences and surface texts.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> all;  // (conflict, claim) of every claim
    for (std::size_t k = 0; k < pending.size(); ++k) {
        pending[k].seen.clear();
        for (std::size_t i = 0; i < pending[k].sources.size(); ++i) all.emplace_back(k, i);
    }
    parallel_runs(all.size(), threads, [&](std::size_t begin, std::size_t end) {
        for (std::size_t x = begin; x < end; ++x) {
            const auto [k, i] = all[x];
            const PendingConflict::Source& source = pending[k].sources[i];
            const DocumentAnalysis& d = docs[source.doc];
            ClaimRef& claim = pending[k].conflict.claims[i];
            claim.sentence = sentence_text(d, source.sentence);
            if (source.claim) claim.text = source.claim->text;
            else if (source.mention->timex) claim.text = std::string(d.text(*source.mention->timex));
            else if (source.mention->time_source == "derived") claim.text = source.mention->note();
        }
    });
    std::vector<Conflict> out;
    out.reserve(pending.size());
    for (PendingConflict& p : pending) out.push_back(std::move(p.conflict));
    return out;
}

}  // namespace chronograph::merging
