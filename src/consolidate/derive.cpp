// "Expected to take 18 months to complete", said of a start on 30 April 2025: a planned
// completion 18 months after the start, dated once the start is known.
#include "consolidate/internal.hpp"
#include "model/parallel.hpp"

#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace chronograph::merging {
namespace {

struct Length {
    int months = 0;
    int days = 0;
    bool known = false;
};

/// TIMEX3 durations of calendar units: "P18M", "P1Y6M", "P1.5Y", "P2W", "P10D". A time
/// part ("PT5H", "P1DT12H") is below what a date can say: the length is unknown.
Length parse_duration(const std::string& v) {
    Length out;
    if (v.size() < 3 || v[0] != 'P' || v.find('T') != std::string::npos) return out;
    double months = 0, days = 0;
    const char* p = v.c_str() + 1;
    while (*p) {
        char* end = nullptr;
        const double n = std::strtod(p, &end);
        if (end == p || !*end) return out;
        switch (*end) {
            case 'Y': months += n * 12; break;
            case 'M': months += n; break;
            case 'W': days += n * 7; break;
            case 'D': days += n; break;
            default: return out;
        }
        p = end + 1;
    }
    out.months = static_cast<int>(std::floor(months));
    out.days = static_cast<int>(std::lround(days + (months - out.months) * 30.44));
    out.known = true;
    return out;
}

Day add(Day d, const Length& len) {
    date::year_month_day ymd{d};
    ymd += date::months{len.months};
    if (!ymd.ok()) ymd = ymd.year() / ymd.month() / date::last;
    return Day{ymd} + date::days{len.days};
}

std::string month_of(Day d) {
    const std::string s = format_day(d);
    return s.substr(0, 7);
}

}  // namespace

std::string describe_duration(const std::string& value) {
    // "P18M" -> "18 months", "P1.5Y" -> "1.5 years", "P1Y6M" -> "18 months"
    if (value.size() < 3 || value[0] != 'P') return value;
    const std::size_t y = value.find('Y');
    if (y != std::string::npos && y + 1 < value.size() && value.back() == 'M' &&
        value.find('T') == std::string::npos) {
        const Length len = parse_duration(value);
        if (len.known && len.days == 0) return std::to_string(len.months) + " months";
    }
    const std::string number = value.substr(1, value.size() - 2);
    const bool one = number == "1";
    switch (value.back()) {
        case 'Y': return number + (one ? " year" : " years");
        case 'M': return number + (one ? " month" : " months");
        case 'W': return number + (one ? " week" : " weeks");
        case 'D': return number + (one ? " day" : " days");
    }
    return value;
}

bool Interned::TimeLess::operator()(const TimeValue& a, const TimeValue& b) const {
    auto days = [](const TimeValue& t) {
        return t.interval ? std::pair(t.interval->earliest, t.interval->latest) : std::pair(Day{}, Day{});
    };
    return std::tie(a.value, a.mod) < std::tie(b.value, b.mod) ||
           (std::tie(a.value, a.mod) == std::tie(b.value, b.mod) &&
            std::pair(a.interval.has_value(), days(a)) < std::pair(b.interval.has_value(), days(b)));
}

namespace {

const std::string& note_of(const DerivedTime* derived) {
    static const std::string none;
    return derived ? derived->note : none;
}

/// The anchors of one type (each the days its sources give for the start), and which of
/// them each document and each actor is in, with how many of an anchor's mentions: a
/// mention weighs only the anchors it shares something with (weighing every anchor of the
/// type made a large corpus quadratic: 100,000 articles, 5 s of one thread).
struct AnchorsOfType {
    using Weights = std::vector<std::pair<std::uint32_t, int>>;  // (anchor, mentions)
    std::vector<std::optional<TimeInterval>> starts;
    std::unordered_map<std::size_t, Weights> by_doc;
    std::unordered_map<std::uint32_t, Weights> by_actor;
};
using AnchorsByType = std::map<std::string, AnchorsOfType, std::less<>>;

/// Each anchor's score for one mention at a time: `score` has a slot per anchor of the
/// largest type, zero between mentions (only the slots `touched` are reset).
struct Scratch {
    std::vector<int> score;
    std::vector<std::uint32_t> touched;
};

/// Dates `m` from its anchor when it is "N months after the start" of one.
void date_from_anchor(MentionRef& m, const AnchorsByType& by_type, Scratch& scratch) {
    if (m.duration->empty() || m.anchor_type->empty() || m.time->interval) return;
    const Length len = parse_duration(*m.duration);
    if (!len.known) return;
    // The anchor: an event of the anchor type sharing an actor, preferring one this
    // document also reports (4 points a mention in the document, 1 an actor's mention);
    // the first anchor of the best score.
    const auto of_type = by_type.find(*m.anchor_type);
    if (of_type == by_type.end()) return;
    const AnchorsOfType& type = of_type->second;
    auto add_weights = [&](const AnchorsOfType::Weights& weights, int factor) {
        for (const auto& [a, n] : weights) {
            if (scratch.score[a] == 0) scratch.touched.push_back(a);
            scratch.score[a] += factor * n;
        }
    };
    if (const auto it = type.by_doc.find(m.doc); it != type.by_doc.end()) add_weights(it->second, 4);
    for (std::uint32_t actor : m.actors())
        if (const auto it = type.by_actor.find(actor); it != type.by_actor.end()) add_weights(it->second, 1);
    int anchor_score = 0;
    std::uint32_t anchor = 0;
    for (std::uint32_t a : scratch.touched) {
        const int score = std::exchange(scratch.score[a], 0);
        if (score > anchor_score || (score == anchor_score && a < anchor)) {
            anchor_score = score;
            anchor = a;
        }
    }
    scratch.touched.clear();
    if (anchor_score == 0 || !type.starts[anchor]) return;
    const std::optional<TimeInterval>& start = type.starts[anchor];
    TimeInterval when{add(start->earliest, len), add(start->latest, len)};
    m.derived = std::make_unique<DerivedTime>();
    m.derived->note = describe_duration(*m.duration) + " after the start (" + format_day(start->earliest) +
                      (start->latest != start->earliest ? " to " + format_day(start->latest) : std::string()) + ")";
    m.derived->time.interval = when;
    m.derived->time.value = month_of(when.earliest + (when.latest - when.earliest) / 2);
    m.derived->time.mod = "APPROX";
    m.time = &m.derived->time;
    m.time_source = &kDerived;
    m.rank = 2;
}

}  // namespace

const std::string kDerived = "derived";

const std::string& MentionRef::note() const { return note_of(derived.get()); }
const std::string& MentionFacts::note() const { return note_of(derived); }

void derive_times(std::vector<MentionRef>& mentions, const std::vector<Cluster>& clusters, unsigned threads) {
    // Only of the types some mention needs as its anchor: most corpora need few or none.
    std::set<std::string> wanted;
    for (const MentionRef& m : mentions)
        if (!m.duration->empty() && !m.anchor_type->empty() && !m.time->interval) wanted.insert(*m.anchor_type);
    AnchorsByType by_type;
    std::size_t most_anchors = 0;
    for (const Cluster& c : clusters) {
        if (!wanted.count(c.type)) continue;
        AnchorsOfType& type = by_type[c.type];
        const auto index = static_cast<std::uint32_t>(type.starts.size());
        std::optional<TimeInterval> start;
        std::map<std::size_t, int> docs;    // document -> mentions in it
        std::map<std::uint32_t, int> actors;  // actor -> mentions naming it
        for (std::size_t x : c.members) {
            const MentionRef& r = mentions[x];
            ++docs[r.doc];
            for (std::uint32_t actor : r.actors()) ++actors[actor];
            if (!r.time->interval || r.rank < 3) continue;
            if (!start) start = r.time->interval;
            start->earliest = std::min(start->earliest, r.time->interval->earliest);
            start->latest = std::max(start->latest, r.time->interval->latest);
        }
        if (!start) {
            std::string source;
            start = cluster_time(mentions, c, source).interval;
        }
        for (const auto& [doc, n] : docs) type.by_doc[doc].emplace_back(index, n);
        for (const auto& [actor, n] : actors) type.by_actor[actor].emplace_back(index, n);
        type.starts.push_back(start);
        most_anchors = std::max(most_anchors, type.starts.size());
    }
    // Each mention on the threads (each sets only its own date).
    parallel_runs(mentions.size(), threads, [&](std::size_t first, std::size_t last) {
        Scratch scratch{std::vector<int>(most_anchors, 0), {}};
        for (std::size_t x = first; x < last; ++x) date_from_anchor(mentions[x], by_type, scratch);
    });
}

}  // namespace chronograph::merging
