#include "timeline_layout.hpp"

#include "chronograph/graph.hpp"
#include "escape.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>
#include <utility>

namespace chronograph::views {
namespace {

constexpr double kBreakWidth = 30;       // an axis break, whatever it stands for
constexpr double kMinSegmentWidth = 90;  // room for a few ticks and an event or two
constexpr double kMarkRow = 13;          // vertical step between stacked marks
constexpr std::size_t kMaxMarkRows = 5;
constexpr double kHeaderHeight = 150;    // title, subtitle, legend, tick labels

}  // namespace

// ---- axis ------------------------------------------------------------------------------

TimeAxis TimeAxis::fit(std::vector<std::pair<DayNumber, DayNumber>> ranges, double x0, double x1) {
    TimeAxis axis;
    if (ranges.empty()) return axis;
    std::sort(ranges.begin(), ranges.end());
    DayNumber lo = ranges.front().first, hi = 0;
    for (const auto& r : ranges) hi = std::max(hi, r.second);
    // A very long range (a century, "the 1990s") would bridge every gap: for finding
    // clusters it counts by its first tenth of the span only.
    const DayNumber span = std::max<DayNumber>(1, hi - lo);
    struct Cluster {
        DayNumber from, to;  // to: as shortened for clustering
        DayNumber reach;     // the real end of its longest range
        std::size_t count;
    };
    std::vector<Cluster> clusters;
    for (const auto& [from, end] : ranges) {
        const DayNumber to = std::min(end, from + std::max<DayNumber>(366, span / 10));
        if (!clusters.empty() && from <= clusters.back().to) {
            clusters.back().to = std::max(clusters.back().to, to);
            clusters.back().reach = std::max(clusters.back().reach, end);
            ++clusters.back().count;
        } else {
            clusters.push_back({from, to, end, 1});
        }
    }
    // Break the largest gap while it dominates what is left (over 30% of the span, and
    // at least half a year): 1959 and 2025 on one axis must not squash everything recent.
    std::vector<bool> is_break(clusters.size(), false);  // gap before cluster i
    DayNumber shown = span;
    for (int round = 0; round < 6; ++round) {
        std::size_t best = 0;
        DayNumber gap = 0;
        for (std::size_t i = 1; i < clusters.size(); ++i) {
            const DayNumber g = clusters[i].from - clusters[i - 1].to;
            if (!is_break[i] && g > gap) gap = g, best = i;
        }
        if (best == 0 || gap < 183 || gap < 0.3 * shown) break;
        is_break[best] = true;
        shown -= gap;
    }
    struct Piece {
        DayNumber from, to;
        std::size_t count;
    };
    std::vector<Piece> pieces;
    for (std::size_t i = 0; i < clusters.size(); ++i) {
        if (i == 0 || is_break[i]) pieces.push_back({clusters[i].from, clusters[i].to, 0});
        pieces.back().to = std::max(pieces.back().to, clusters[i].reach);
        pieces.back().count += clusters[i].count;
    }
    // Pad each piece so marks do not sit on its edges; long ranges keep their real end.
    for (auto& p : pieces) {
        const DayNumber pad = std::max<DayNumber>(6, (p.to - p.from) * 0.04);
        p.from -= pad;
        p.to += pad;
    }
    for (std::size_t i = 0; i + 1 < pieces.size(); ++i)  // a long range's tail may reach past a break
        pieces[i].to = std::min(pieces[i].to, pieces[i + 1].from - 1);
    const double room = (x1 - x0) - kBreakWidth * static_cast<double>(pieces.size() - 1);
    std::size_t total = 0;
    for (const auto& p : pieces) total += p.count;
    // Width by share of events, at least kMinSegmentWidth; the rest shared by count.
    std::vector<double> widths(pieces.size(), 0);
    double fixed = 0;
    std::size_t flexible_count = total;
    std::vector<bool> at_min(pieces.size(), false);
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            if (at_min[i]) continue;
            const double w = (room - fixed) * static_cast<double>(pieces[i].count) / static_cast<double>(std::max<std::size_t>(1, flexible_count));
            if (w < kMinSegmentWidth && pieces.size() > 1) {
                at_min[i] = true;
                fixed += kMinSegmentWidth;
                flexible_count -= pieces[i].count;
                changed = true;
            }
        }
    }
    for (std::size_t i = 0; i < pieces.size(); ++i)
        widths[i] = at_min[i] ? kMinSegmentWidth : (room - fixed) * static_cast<double>(pieces[i].count) / static_cast<double>(std::max<std::size_t>(1, flexible_count));
    double x = x0;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        axis.segments_.push_back({pieces[i].from, pieces[i].to, x, x + widths[i]});
        x += widths[i] + kBreakWidth;
    }
    return axis;
}

double TimeAxis::x(DayNumber d) const {
    if (segments_.empty()) return 0;
    const TimeSegment* prev = nullptr;
    for (const TimeSegment& s : segments_) {
        if (d < s.from) {
            if (!prev) return s.x0 - (s.from - d) * (s.x1 - s.x0) / std::max<DayNumber>(1, s.to - s.from);
            return prev->x1 + (d - prev->to) / std::max<DayNumber>(1, s.from - prev->to) * (s.x0 - prev->x1);
        }
        if (d <= s.to) return s.x0 + (d - s.from) / std::max<DayNumber>(1e-9, s.to - s.from) * (s.x1 - s.x0);
        prev = &s;
    }
    const TimeSegment& s = segments_.back();
    return s.x1 + (d - s.to) * (s.x1 - s.x0) / std::max<DayNumber>(1, s.to - s.from);
}

// ---- ticks -----------------------------------------------------------------------------

namespace {

constexpr const char* kMonthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

struct TickUnit {
    int days;    // for day units
    int months;  // for month and year units (12 per year)
};

/// Candidate tick steps from days to centuries; the finest whose labels do not collide wins.
constexpr TickUnit kUnits[] = {{1, 0}, {2, 0}, {7, 0}, {14, 0}, {0, 1}, {0, 2}, {0, 3}, {0, 6}, {0, 12}, {0, 24}, {0, 60}, {0, 120}, {0, 240}, {0, 600}, {0, 1200}};

double approx_days(TickUnit u) { return u.days ? u.days : u.months * 30.44; }

}  // namespace

std::vector<Tick> axis_ticks(const TimeAxis& axis) {
    using namespace date;
    std::vector<Tick> ticks;
    for (const TimeSegment& s : axis.segments()) {
        const double px_per_day = (s.x1 - s.x0) / std::max<DayNumber>(1, s.to - s.from);
        TickUnit unit = kUnits[std::size(kUnits) - 1];
        for (TickUnit u : kUnits) {
            const double label_w = u.days ? 46 : u.months < 12 ? 34 : 40;
            if (approx_days(u) * px_per_day >= label_w) {
                unit = u;
                break;
            }
        }
        const sys_days first{days{static_cast<int>(std::ceil(s.from))}};
        const sys_days last{days{static_cast<int>(std::floor(s.to))}};
        std::vector<sys_days> at;
        if (unit.days) {
            // Days and weeks: step from the 1st of the month so ticks fall on round days.
            year_month_day ymd{first};
            for (sys_days d = sys_days{ymd.year() / ymd.month() / 1}; d <= last;) {
                const year_month_day m{d};
                for (unsigned day_of = 1; day_of <= static_cast<unsigned>((m.year() / m.month() / last_spec{}).day()); day_of += static_cast<unsigned>(unit.days)) {
                    if (unit.days >= 7 && day_of + static_cast<unsigned>(unit.days) / 2 > 29) break;
                    const sys_days t{m.year() / m.month() / day{day_of}};
                    if (t >= first && t <= last) at.push_back(t);
                }
                d = sys_days{(m.year() / m.month() + months{1}) / 1};
            }
        } else {
            const year_month_day ymd{first};
            int y = static_cast<int>(ymd.year());
            int m = static_cast<int>(static_cast<unsigned>(ymd.month())) - 1;
            if (unit.months >= 12) {
                const int years_step = unit.months / 12;
                y = (y / years_step) * years_step;
                m = 0;
            } else {
                m = (m / unit.months) * unit.months;
            }
            for (;;) {
                const sys_days t{year{y + m / 12} / month{static_cast<unsigned>(m % 12 + 1)} / 1};
                if (t > last) break;
                if (t >= first) at.push_back(t);
                m += unit.months;
            }
        }
        int shown_year = 0;
        for (sys_days t : at) {
            const year_month_day ymd{t};
            const int y = static_cast<int>(ymd.year());
            Tick tick;
            tick.x = axis.x(static_cast<double>(t.time_since_epoch().count()));
            const char* month_name = kMonthNames[static_cast<unsigned>(ymd.month()) - 1];
            if (unit.days) tick.label = std::to_string(static_cast<unsigned>(ymd.day())) + " " + month_name;
            else if (unit.months < 12) tick.label = month_name;
            else tick.label = std::to_string(y);
            if (unit.months < 12 && y != shown_year) tick.context = std::to_string(y);
            shown_year = y;
            ticks.push_back(std::move(tick));
        }
    }
    return ticks;
}

// ---- lanes and marks -------------------------------------------------------------------

const char* lane_color(const Lane& lane, std::size_t index) {
    constexpr const char* kLaneColors[] = {"#1F5FAD", "#0F7A6C", "#7A3DB8", "#B86E00", "#B8336A", "#5A7D12", "#2A7FB8", "#8A5A2B"};
    return lane.other ? "#5F6670" : kLaneColors[index % std::size(kLaneColors)];
}

namespace {

bool planned_status(EventStatus s) { return s == EventStatus::Planned || s == EventStatus::Expected || s == EventStatus::Hypothetical; }

Fade fade_of(const std::string& mod) {
    if (mod == "MID" || mod == "APPROX") return Fade::Both;
    if (mod == "START" || mod == "AFTER" || mod == "ON_OR_AFTER") return Fade::End;
    if (mod == "END" || mod == "BEFORE" || mod == "ON_OR_BEFORE") return Fade::Start;
    return Fade::None;
}

/// Picks the lanes: repeatedly the actor with the most dated events not yet in a lane
/// (at least two), up to max_lanes; returns each dated event's lane (max_lanes or the
/// lane count = "Other").
std::vector<std::size_t> choose_lanes(const Story& story, const std::vector<std::size_t>& dated, std::size_t max_lanes,
                                      std::vector<Lane>& lanes) {
    std::unordered_map<std::string_view, const Entity*> entities;
    for (const Entity& e : story.entities) entities.emplace(e.id, &e);
    std::vector<std::size_t> lane_of(story.events.size(), SIZE_MAX);
    std::unordered_map<std::string_view, std::size_t> total;  // every dated event, for breaking ties
    for (std::size_t i : dated)
        for (const EntityId& a : story.events[i].actors) ++total[a];
    std::vector<std::string> chosen;
    std::unordered_map<std::string_view, std::size_t> left;
    while (chosen.size() < max_lanes) {
        left.clear();
        for (std::size_t i : dated)
            if (lane_of[i] == SIZE_MAX)
                for (const EntityId& a : story.events[i].actors) ++left[a];
        // The most events left, then the most in all; among equals the smallest id.
        const std::pair<const std::string_view, std::size_t>* best = nullptr;
        for (const auto& entry : left) {
            if (!best || entry.second > best->second) {
                best = &entry;
                continue;
            }
            if (entry.second < best->second) continue;
            const std::size_t t = total[entry.first], bt = total[best->first];
            if (t > bt || (t == bt && entry.first < best->first)) best = &entry;
        }
        if (!best || best->second < 2) break;
        const std::string id(best->first);
        for (std::size_t i : dated)
            if (lane_of[i] == SIZE_MAX)
                for (const EntityId& a : story.events[i].actors)
                    if (a == id) lane_of[i] = chosen.size();
        chosen.push_back(id);
    }
    for (const std::string& id : chosen) {
        Lane lane;
        auto it = entities.find(id);
        lane.title = it != entities.end() ? it->second->name : id;
        lane.subtitle = it != entities.end() ? std::string(to_string(it->second->kind)) : std::string();
        lanes.push_back(std::move(lane));
    }
    bool other = false;
    for (std::size_t i : dated)
        if (lane_of[i] == SIZE_MAX) {
            lane_of[i] = chosen.size();
            other = true;
        }
    if (other) {
        Lane lane;
        lane.title = chosen.empty() ? "All events" : "Other";
        lane.other = true;
        lanes.push_back(std::move(lane));
    }
    for (std::size_t i : dated) ++lanes[lane_of[i]].events;
    for (Lane& l : lanes) {
        const std::string count = thousands(l.events) + (l.events == 1 ? " event" : " events");
        l.subtitle = l.subtitle.empty() ? count : l.subtitle + " \xC2\xB7 " + count;
    }
    return lane_of;
}

/// Label priority: disputed first, then the most reported, then time order.
bool label_before(const Story& story, const EventMark& a, const EventMark& b) {
    const Event& ea = story.events[a.event];
    const Event& eb = story.events[b.event];
    if ((a.conflict != 0) != (b.conflict != 0)) return a.conflict != 0;
    if (story.evidence_count(ea) != story.evidence_count(eb)) return story.evidence_count(ea) > story.evidence_count(eb);
    return a.event < b.event;
}

/// Places label boxes below the marks of one lane: each label (in priority order) goes to
/// the highest spot under its mark where it overlaps no label placed before. Returns the
/// lowest label bottom.
double place_labels(const Story& story, std::vector<EventMark*>& marks, double top, double plot_x0, double plot_x1,
                    const TimelineOptions& opt) {
    std::sort(marks.begin(), marks.end(), [&](const EventMark* a, const EventMark* b) { return label_before(story, *a, *b); });
    std::vector<Box> placed, near;
    std::vector<double> tops;
    double bottom = top;
    std::size_t count = 0;
    for (EventMark* m : marks) {
        if (count >= opt.max_labels_per_lane) break;
        const Event& ev = story.events[m->event];
        std::vector<std::string> lines = wrap_text(ev.label, opt.label_font, opt.label_width, 2);
        std::string date_line = describe_time(ev.time);
        if (planned_status(ev.status) || ev.status == EventStatus::Negated) date_line += " \xC2\xB7 " + std::string(to_string(ev.status));
        date_line = fit_text(date_line, opt.date_font, opt.label_width);
        double w = text_width(date_line, opt.date_font);
        for (const std::string& l : lines) w = std::max(w, text_width(l, opt.label_font));
        Box box;
        box.w = w + 6;
        box.h = 16 + 14 * static_cast<double>(lines.size());  // date line, label lines, descenders
        // Two ways to hang the label: starting at the mark, or ending at it. For each,
        // candidate tops are the lane's label area and just under every placed box that
        // shares some of its width; the highest free spot wins (ties: starting at the mark).
        bool ok = false;
        for (double x : {std::clamp(m->x0 - 3, plot_x0 - 6, plot_x1 + 10 - box.w), std::clamp(m->x1 + 3 - box.w, plot_x0 - 6, plot_x1 + 10 - box.w)}) {
            Box candidate = box;
            candidate.x = x;
            // Only the boxes sharing some of this width can be in the way.
            near.clear();
            tops.assign(1, top);
            for (const Box& b : placed)
                if (b.x < x + box.w + 4 && x < b.x + b.w + 4) {
                    near.push_back(b);
                    tops.push_back(b.y + b.h + 3);
                }
            std::sort(tops.begin(), tops.end());
            for (double y : tops) {
                if (y + box.h > top + opt.max_label_depth || (ok && y >= box.y)) break;
                candidate.y = y;
                if (std::none_of(near.begin(), near.end(), [&](const Box& b) { return b.overlaps(candidate, 2); })) {
                    box = candidate;
                    ok = true;
                    break;
                }
            }
        }
        if (!ok) continue;
        placed.push_back(box);
        lines.insert(lines.begin(), date_line);
        m->label = std::make_unique<MarkLabel>(MarkLabel{box, std::move(lines)});
        bottom = std::max(bottom, box.y + box.h);
        ++count;
    }
    return bottom;
}

}  // namespace

TimelineLayout layout_timeline(const Story& story, const TimelineOptions& opt) {
    TimelineLayout L;
    L.width = opt.width;
    L.plot_x0 = 140;
    L.plot_x1 = opt.width - 24;
    std::vector<std::size_t> dated;
    std::vector<std::pair<DayNumber, DayNumber>> ranges;
    for (std::size_t i = 0; i < story.events.size(); ++i) {
        const auto& iv = story.events[i].time.interval;
        if (!iv) {
            L.undated.push_back(i);
            continue;
        }
        dated.push_back(i);
        ranges.push_back({day_number(iv->earliest), day_number(iv->latest) + 1});
    }
    L.axis = TimeAxis::fit(std::move(ranges), L.plot_x0, L.plot_x1);  // (not needed after: not copied)
    L.ticks = axis_ticks(L.axis);
    L.axis_y = kHeaderHeight - 12;
    L.lanes_y0 = kHeaderHeight;

    const std::vector<std::size_t> lane_of = choose_lanes(story, dated, opt.max_lanes, L.lanes);
    std::unordered_map<std::string, int> conflict_of;
    for (std::size_t c = 0; c < story.conflicts.size(); ++c)
        if (story.conflicts[c].event) conflict_of.emplace(*story.conflicts[c].event, static_cast<int>(c + 1));

    L.marks.reserve(dated.size());
    for (std::size_t i : dated) {
        const Event& ev = story.events[i];
        EventMark m;
        m.event = static_cast<std::uint32_t>(i);
        m.lane = static_cast<std::uint32_t>(lane_of[i]);
        m.fade = fade_of(ev.time.mod);
        DayNumber from = day_number(ev.time.interval->earliest), to = day_number(ev.time.interval->latest) + 1;
        if (ev.time.mod == "APPROX") {  // "about": widen by a sixth of its length each way
            const DayNumber extra = std::max<DayNumber>(3, (to - from) / 6);
            from -= extra;
            to += extra;
        }
        m.x0 = L.axis.x(from);
        m.x1 = L.axis.x(to);
        if (m.x1 - m.x0 < 5 && m.fade == Fade::None) m.x0 = m.x1 = L.axis.x((from + to) / 2);
        else if (m.x1 - m.x0 < 10) {  // a fuzzy date needs some length to show its fading ends
            const double mid = (m.x0 + m.x1) / 2;
            m.x0 = mid - 5;
            m.x1 = mid + 5;
        }
        m.hollow = planned_status(ev.status);
        m.negated = ev.status == EventStatus::Negated;
        auto c = conflict_of.find(ev.id);
        if (c != conflict_of.end()) m.conflict = c->second;
        L.marks.push_back(std::move(m));
    }

    // Lane by lane: stack marks that would touch into rows, then place the labels.
    std::vector<std::vector<EventMark*>> by_lane(L.lanes.size());
    for (EventMark& m : L.marks) by_lane[m.lane].push_back(&m);
    double y = L.lanes_y0;
    const double plot_w = L.plot_x1 - L.plot_x0;
    for (std::size_t l = 0; l < L.lanes.size(); ++l) {
        Lane& lane = L.lanes[l];
        lane.y = y;
        auto& marks = by_lane[l];
        std::sort(marks.begin(), marks.end(), [](const EventMark* a, const EventMark* b) { return a->x0 < b->x0 || (a->x0 == b->x0 && a->event < b->event); });
        std::size_t rows_used = 1;
        const bool crowded = static_cast<double>(marks.size()) > plot_w / 2.5;
        if (crowded) {
            // Too many to draw one by one: a density strip (events per 3-unit bin).
            lane.density_bin = 3;
            lane.density.assign(static_cast<std::size_t>(plot_w / lane.density_bin) + 2, 0);
            for (EventMark* m : marks) {
                m->y = y + 16;
                const double mid = (m->x0 + m->x1) / 2 - L.plot_x0;
                const auto bin = static_cast<std::size_t>(std::clamp(mid / lane.density_bin, 0.0, static_cast<double>(lane.density.size() - 1)));
                ++lane.density[bin];
            }
            rows_used = 2;
        } else {
            std::vector<double> row_end;
            for (EventMark* m : marks) {
                std::size_t r = 0;
                while (r < row_end.size() && row_end[r] > m->x0 - 6) ++r;
                if (r == kMaxMarkRows) r = kMaxMarkRows - 1;
                if (r == row_end.size()) row_end.push_back(0);
                row_end[r] = std::max(row_end[r], m->x1 + (m->conflict ? 20 : 6));  // a disputed mark has its badge on the right
                m->y = y + 16 + kMarkRow * static_cast<double>(r);
            }
            rows_used = std::max<std::size_t>(1, row_end.size());
        }
        const double marks_bottom = y + 16 + kMarkRow * static_cast<double>(rows_used - 1) + 8;
        std::vector<EventMark*> to_label(marks.begin(), marks.end());
        const double labels_bottom = place_labels(story, to_label, marks_bottom + 4, L.plot_x0, L.plot_x1, opt);
        lane.h = std::max(std::max(marks_bottom, labels_bottom) + 10 - y, 52.0);
        y += lane.h;
    }
    if (L.lanes.empty()) y += 40;  // room for "no dated events"
    L.lanes_y1 = y;

    // Undated strip: two columns, at most 12 rows.
    L.undated_y = y + 14;
    if (!L.undated.empty()) {
        constexpr std::size_t kMaxRows = 12;
        const std::size_t cap = kMaxRows * static_cast<std::size_t>(kUndatedColumns);
        if (L.undated.size() > cap) {
            L.undated_hidden = L.undated.size() - (cap - 1);
            L.undated.resize(cap - 1);
        }
        const std::size_t items = L.undated.size() + (L.undated_hidden ? 1 : 0);
        const std::size_t rows = (items + 1) / 2;
        y = L.undated_y + 22 + kLineHeight * static_cast<double>(rows);
    }

    // Notes: where the sources disagree, then the sources themselves.
    L.notes_y = y + 16;
    const double note_w = L.width - 40;
    for (std::size_t c = 0; c < story.conflicts.size(); ++c) {
        const Conflict& cf = story.conflicts[c];
        // Group the claims by value: "around 15,000 soldiers (2 sources) vs ...".
        std::vector<std::pair<std::string, std::vector<std::string>>> values;
        for (const ClaimRef& cl : story.claims(cf)) {
            auto it = std::find_if(values.begin(), values.end(), [&](const auto& v) { return v.first == cl.value; });
            if (it == values.end()) values.push_back({cl.value, {cl.text.empty() ? cl.value : cl.text}}), it = values.end() - 1;
            else it->second.push_back(cl.text);
        }
        std::string line = one_line(cf.about) + ": ";
        for (std::size_t v = 0; v < values.size(); ++v) {
            if (v) line += "  vs  ";
            line += "\xE2\x80\x9C" + one_line(values[v].second.front()) + "\xE2\x80\x9D";
            const std::size_t n = values[v].second.size();
            line += " (" + std::to_string(n) + (n == 1 ? " source)" : " sources)");
        }
        int number = static_cast<int>(c + 1);
        for (std::string& l : wrap_text(line, 11, note_w - 24, 2)) {
            L.conflict_lines.emplace_back(number, std::move(l));
            number = 0;
        }
        if (L.conflict_lines.size() >= 24 && c + 1 < story.conflicts.size()) {
            L.conflict_lines.emplace_back(0, "\xE2\x80\xA6 and " + thousands(story.conflicts.size() - c - 1) + " more (see timeline.html)");
            break;
        }
    }
    constexpr std::size_t kMaxSources = 12;
    for (std::size_t d = 0; d < story.documents.size() && d < kMaxSources; ++d) {
        const DocumentInfo& doc = story.documents[d];
        std::string line = "[" + doc.id + "] " + one_line(doc.title.empty() ? doc.path : doc.title);
        if (doc.dct) line += ", " + describe_time(TimeValue{format_day(*doc.dct), "", std::nullopt});
        if (!doc.title.empty()) line += " \xE2\x80\x94 " + one_line(doc.path);
        L.source_lines.push_back(fit_text(line, 10, note_w));
    }
    if (story.documents.size() > kMaxSources)
        L.source_lines.push_back("\xE2\x80\xA6 and " + thousands(story.documents.size() - kMaxSources) + " more documents (see events.json)");
    y = L.notes_y;
    if (!L.conflict_lines.empty()) y += 22 + kLineHeight * static_cast<double>(L.conflict_lines.size()) + 8;
    if (!L.source_lines.empty()) y += 22 + 14 * static_cast<double>(L.source_lines.size());
    L.height = y + 16;
    return L;
}

}  // namespace chronograph::views
