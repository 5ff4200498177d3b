// timeline.svg: a static timeline for print (A4 width) and the web. The geometry comes
// from layout_timeline (timeline_layout.cpp); this file only draws it.
#include "chronograph/exporters.hpp"

#include "chronograph/graph.hpp"
#include "escape.hpp"
#include "timeline_layout.hpp"

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <set>
#include <unordered_map>

namespace chronograph {
namespace {

using namespace views;


std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s = buf;
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    return s;
}

const char* lane_color(const TimelineLayout& L, std::size_t lane) { return views::lane_color(L.lanes[lane], lane); }

void text(std::string& o, double x, double y, std::string_view content, const char* attrs = "") {
    o += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"";
    if (*attrs) o += std::string(" ") + attrs;
    o += '>';
    append_xml(o, content);
    o += "</text>\n";
}

/// Documents by id (the first of an id), for the tooltips.
using DocIndex = std::unordered_map<std::string_view, const DocumentInfo*>;

DocIndex doc_index(const Story& story) {
    DocIndex index;
    index.reserve(story.documents.size());
    for (const DocumentInfo& d : story.documents) index.emplace(d.id, &d);
    return index;
}

/// The tooltip of an event: what, when, status, and the evidence sentences with their documents.
std::string event_tooltip(const Story& story, const DocIndex& docs, const Event& ev) {
    std::string t = one_line(ev.label) + "\n" + describe_time(ev.time) + " \xC2\xB7 " + to_string(ev.status);
    if (!ev.type.empty()) t += " \xC2\xB7 " + one_line(ev.type);
    std::size_t shown = 0;
    for (const EvidenceRef& m : story.evidence(ev, 5)) {
        if (shown++ == 4) {
            t += "\n(" + std::to_string(story.evidence_count(ev) - 4) + " more)";
            break;
        }
        auto it = docs.find(m.doc);
        const DocumentInfo* doc = it == docs.end() ? nullptr : it->second;
        t += "\n\xE2\x80\x9C" + one_line(m.sentence) + "\xE2\x80\x9D \xE2\x80\x94 " + one_line(doc && !doc->title.empty() ? doc->title : m.doc);
    }
    return t;
}

void gradients(std::string& o, const TimelineLayout& L) {
    o += "<defs>\n";
    for (std::size_t l = 0; l < L.lanes.size(); ++l) {
        const char* c = lane_color(L, l);
        const std::string id = std::to_string(l);
        // Fading ends for fuzzy dates: the start, the end, or both fade out.
        o += "<linearGradient id=\"fb" + id + "\"><stop offset=\"0\" stop-color=\"" + c + "\" stop-opacity=\"0\"/><stop offset=\"0.3\" stop-color=\"" + c +
             "\"/><stop offset=\"0.7\" stop-color=\"" + c + "\"/><stop offset=\"1\" stop-color=\"" + c + "\" stop-opacity=\"0\"/></linearGradient>\n";
        o += "<linearGradient id=\"fs" + id + "\"><stop offset=\"0\" stop-color=\"" + c + "\" stop-opacity=\"0\"/><stop offset=\"0.4\" stop-color=\"" + c +
             "\"/></linearGradient>\n";
        o += "<linearGradient id=\"fe" + id + "\"><stop offset=\"0.6\" stop-color=\"" + c + "\"/><stop offset=\"1\" stop-color=\"" + c +
             "\" stop-opacity=\"0\"/></linearGradient>\n";
    }
    o += "<linearGradient id=\"legend-fade\"><stop offset=\"0\" stop-color=\"#444\" stop-opacity=\"0\"/><stop offset=\"0.3\" stop-color=\"#444\"/><stop offset=\"0.7\" stop-color=\"#444\"/><stop offset=\"1\" stop-color=\"#444\" stop-opacity=\"0\"/></linearGradient>\n";
    o += "</defs>\n";
}

void style(std::string& o) {
    o += "<style>\n"
         "text{fill:#1A1D21}\n"
         ".title{font-size:21px;font-weight:bold}\n"
         ".sub{font-size:12px;fill:#4B5058}\n"
         ".legend{font-size:10.5px;fill:#30343A}\n"
         ".tick{font-size:10px;fill:#4B5058;text-anchor:middle}\n"
         ".year{font-size:10px;font-weight:bold;fill:#1A1D21;text-anchor:middle}\n"
         ".lane{font-size:12px;font-weight:bold}\n"
         ".lanesub{font-size:9.5px;fill:#5F6670}\n"
         ".date{font-size:10px;font-weight:bold}\n"
         ".lbl{font-size:11.5px}\n"
         ".head{font-size:12.5px;font-weight:bold}\n"
         ".note{font-size:11px}\n"
         ".src{font-size:10px;fill:#4B5058}\n"
         ".badge{font-size:8.5px;font-weight:bold;fill:#fff;text-anchor:middle}\n"
         ".brk{font-size:9px;fill:#5F6670;text-anchor:middle}\n"
         "</style>\n";
}

void header(std::string& o, const Story& story, const TimelineLayout& L) {
    std::string title = "Timeline";
    std::size_t named = 0;
    for (const Lane& lane : L.lanes) {
        if (lane.other || named == 3) break;
        title += (named++ ? ", " : ": ") + one_line(lane.title);
    }
    text(o, 20, 32, fit_text(title, 21, L.width - 40), "class=\"title\"");
    std::size_t dated = story.events.size() - L.undated.size() - L.undated_hidden;
    std::set<std::string> reporters;
    for (const Event& e : story.events)
        for (const EntityId& s : e.sources) reporters.insert(s);
    std::string sub = thousands(story.events.size()) + " events (" + thousands(dated) + " dated) from " + thousands(story.documents.size()) +
                      (story.documents.size() == 1 ? " article" : " articles");
    if (!reporters.empty()) sub += " citing " + thousands(reporters.size()) + (reporters.size() == 1 ? " source" : " sources");
    if (!story.conflicts.empty()) sub += " \xC2\xB7 " + thousands(story.conflicts.size()) + (story.conflicts.size() == 1 ? " disputed claim" : " disputed claims");
    if (L.axis.segments().size() > 1) sub += " \xC2\xB7 shaded bands are cut stretches of time";
    text(o, 20, 52, fit_text(sub, 12, L.width - 40), "class=\"sub\"");

    // Legend: what each mark means.
    double x = 20;
    const double y = 80;
    auto item = [&](const std::string& shape, const char* label) {
        o += shape;
        text(o, x + 28, y + 4, label, "class=\"legend\"");
        x += 28 + text_width(label, 10.5) + 16;
    };
    item("<circle cx=\"" + num(x + 10) + "\" cy=\"" + num(y) + "\" r=\"4.5\" fill=\"#444\"/>", "a day");
    item("<rect x=\"" + num(x) + "\" y=\"" + num(y - 4) + "\" width=\"22\" height=\"8\" rx=\"2\" fill=\"#444\"/>", "a period (or a date known to the month)");
    item("<rect x=\"" + num(x) + "\" y=\"" + num(y - 4) + "\" width=\"22\" height=\"8\" rx=\"2\" fill=\"url(#legend-fade)\"/>", "approximate (mid-, early, c.)");
    item("<circle cx=\"" + num(x + 10) + "\" cy=\"" + num(y) + "\" r=\"4\" fill=\"#fff\" stroke=\"#444\" stroke-width=\"1.6\" stroke-dasharray=\"2.2 1.6\"/>",
         "planned or expected");
    item("<circle cx=\"" + num(x + 10) + "\" cy=\"" + num(y) + "\" r=\"6\" fill=\"" + kConflictColor + "\"/><text x=\"" + num(x + 10) + "\" y=\"" + num(y + 3) +
             "\" class=\"badge\">1</text>",
         "sources disagree (see below)");
}

void axis_and_lanes(std::string& o, const TimelineLayout& L) {
    if (L.lanes.empty()) {
        text(o, L.plot_x0, L.lanes_y0 + 24, "No dated events: no date in the articles could be tied to an event.", "class=\"sub\"");
        return;
    }
    // Lane bands and names.
    for (std::size_t l = 0; l < L.lanes.size(); ++l) {
        const Lane& lane = L.lanes[l];
        if (l % 2 == 0) o += "<rect x=\"0\" y=\"" + num(lane.y) + "\" width=\"" + num(L.width) + "\" height=\"" + num(lane.h) + "\" fill=\"#F6F7F9\"/>\n";
        o += "<rect x=\"0\" y=\"" + num(lane.y) + "\" width=\"5\" height=\"" + num(lane.h) + "\" fill=\"" + lane_color(L, l) + "\"/>\n";
        const auto lines = wrap_text(lane.title, 12, L.plot_x0 - 30, 2);
        double y = lane.y + 18;
        for (const std::string& line : lines) {
            text(o, 14, y, line, ("class=\"lane\" style=\"fill:" + std::string(lane_color(L, l)) + "\"").c_str());
            y += 14;
        }
        text(o, 14, y, fit_text(lane.subtitle, 9.5, L.plot_x0 - 24), "class=\"lanesub\"");
    }
    // Breaks: a shaded band through the lanes, with how much time it leaves out.
    const auto& segs = L.axis.segments();
    for (std::size_t i = 0; i + 1 < segs.size(); ++i) {
        const double x0 = segs[i].x1 + 5, x1 = segs[i + 1].x0 - 5;
        const double years = (segs[i + 1].from - segs[i].to) / 365.25;
        const std::string amount = years >= 2 ? num(std::round(years)) : num(std::round(years * 12));
        o += "<g class=\"break\"><title>" + amount + (years >= 2 ? " years" : " months") + " left out</title>";
        o += "<rect x=\"" + num(x0) + "\" y=\"" + num(L.axis_y - 8) + "\" width=\"" + num(x1 - x0) + "\" height=\"" + num(L.lanes_y1 - L.axis_y + 8) +
             "\" fill=\"#E3E5E8\" opacity=\"0.7\"/></g>\n";
        // How much time the break leaves out, just under the axis: marks and labels never
        // start that high, tick labels are above.
        const double cx = (x0 + x1) / 2;
        text(o, cx, L.axis_y + 13, amount, "class=\"brk\"");
        text(o, cx, L.axis_y + 23, years >= 2 ? "yrs" : "mos", "class=\"brk\"");
        // Zigzag on the axis.
        o += "<path d=\"M" + num(x0 - 4) + " " + num(L.axis_y + 5) + " l6 -10 M" + num(x1 - 2) + " " + num(L.axis_y + 5) +
             " l6 -10\" stroke=\"#6B7280\" stroke-width=\"1.4\" fill=\"none\"/>\n";
    }
    // Grid, axis and ticks.
    for (const Tick& t : L.ticks)
        o += "<line x1=\"" + num(t.x) + "\" y1=\"" + num(L.axis_y) + "\" x2=\"" + num(t.x) + "\" y2=\"" + num(L.lanes_y1) + "\" stroke=\"#DADDE2\" stroke-width=\"0.7\"/>\n";
    for (const TimeSegment& s : segs)
        o += "<line x1=\"" + num(s.x0) + "\" y1=\"" + num(L.axis_y) + "\" x2=\"" + num(s.x1) + "\" y2=\"" + num(L.axis_y) + "\" stroke=\"#30343A\" stroke-width=\"1.2\"/>\n";
    for (const Tick& t : L.ticks) {
        o += "<line x1=\"" + num(t.x) + "\" y1=\"" + num(L.axis_y - 4) + "\" x2=\"" + num(t.x) + "\" y2=\"" + num(L.axis_y) + "\" stroke=\"#30343A\"/>\n";
        text(o, t.x, L.axis_y - 7, t.label, "class=\"tick\"");
        if (!t.context.empty()) text(o, t.x, L.axis_y - 20, t.context, "class=\"year\"");
    }
    o += "<line x1=\"0\" y1=\"" + num(L.lanes_y1) + "\" x2=\"" + num(L.width) + "\" y2=\"" + num(L.lanes_y1) + "\" stroke=\"#C9CDD3\"/>\n";
}

void mark(std::string& o, const Story& story, const DocIndex& docs, const TimelineLayout& L, const EventMark& m) {
    const Event& ev = story.events[m.event];
    const char* c = m.negated ? "#8C9199" : lane_color(L, m.lane);
    const std::string lane = std::to_string(m.lane);
    o += "<g class=\"event\" id=\"ev-";
    append_xml(o, ev.id);
    o += "\"><title>";
    append_xml(o, event_tooltip(story, docs, ev));
    o += "</title>";
    const std::string dash = m.hollow ? " stroke-dasharray=\"2.4 1.8\"" : "";
    if (m.point()) {
        if (m.hollow || m.negated)
            o += "<circle cx=\"" + num(m.x0) + "\" cy=\"" + num(m.y) + "\" r=\"4.2\" fill=\"#fff\" stroke=\"" + c + "\" stroke-width=\"1.8\"" + dash + "/>";
        else
            o += "<circle cx=\"" + num(m.x0) + "\" cy=\"" + num(m.y) + "\" r=\"4.5\" fill=\"" + c + "\" stroke=\"#fff\" stroke-width=\"0.8\"/>";
    } else {
        std::string paint = c;
        if (m.fade != Fade::None) paint = std::string("url(#") + (m.fade == Fade::Both ? "fb" : m.fade == Fade::Start ? "fs" : "fe") + lane + ")";
        const std::string geometry = "x=\"" + num(m.x0) + "\" y=\"" + num(m.y - 4) + "\" width=\"" + num(m.x1 - m.x0) + "\" height=\"8\" rx=\"2.5\"";
        if (m.hollow || m.negated)
            o += "<rect " + geometry + " fill=\"" + paint + "\" fill-opacity=\"0.16\" stroke=\"" + paint + "\" stroke-width=\"1.8\"" + dash + "/>";
        else
            o += "<rect " + geometry + " fill=\"" + paint + "\"/>";
    }
    if (m.negated)
        o += "<path d=\"M" + num(m.x0 - 3) + " " + num(m.y - 3) + " l6 6 m0 -6 l-6 6\" stroke=\"#555\" stroke-width=\"1.2\"/>";
    if (ev.status == EventStatus::Ongoing)
        o += "<path d=\"M" + num(m.x1 + 6) + " " + num(m.y - 4) + " l5 4 l-5 4 z\" fill=\"" + std::string(c) + "\"/>";
    o += "</g>\n";
}

void label(std::string& o, const TimelineLayout& L, const EventMark& m) {
    const Box& b = m.label->box;
    const std::vector<std::string>& lines = m.label->lines;
    o += "<g class=\"label\"><rect x=\"" + num(b.x) + "\" y=\"" + num(b.y) + "\" width=\"" + num(b.w) + "\" height=\"" + num(b.h) +
         "\" rx=\"2\" fill=\"#fff\" fill-opacity=\"0.88\"/>";
    double y = b.y + 11;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i == 0) {
            o += "<text x=\"" + num(b.x + 3) + "\" y=\"" + num(y) + "\" class=\"date\" style=\"fill:" + lane_color(L, m.lane) + "\">";
            append_xml(o, lines[i]);
            o += "</text>";
            y += 13.5;
        } else {
            o += "<text x=\"" + num(b.x + 3) + "\" y=\"" + num(y) + "\" class=\"lbl\">";
            append_xml(o, lines[i]);
            o += "</text>";
            y += 14;
        }
    }
    o += "</g>\n";
}

void leader(std::string& o, const EventMark& m) {
    const Box& b = m.label->box;
    const double mx = m.point() ? m.x0 : std::clamp(b.x + 3, m.x0, m.x1);
    const double tx = std::clamp(mx, b.x + 1, b.x + b.w - 1);
    o += "<path d=\"M" + num(mx) + " " + num(m.y + 4) + " L" + num(tx) + " " + num(b.y + 1) + "\" stroke=\"#8C9199\" stroke-width=\"0.7\" fill=\"none\"/>\n";
}

void badge(std::string& o, const EventMark& m) {
    const double x = m.x1 + 9, y = m.y;
    o += "<g class=\"conflict\"><circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"5.5\" fill=\"" + kConflictColor + "\" stroke=\"#fff\" stroke-width=\"0.8\"/>";
    o += "<text x=\"" + num(x) + "\" y=\"" + num(y + 3) + "\" class=\"badge\">" + std::to_string(m.conflict) + "</text></g>\n";
}

void density(std::string& o, const TimelineLayout& L) {
    for (std::size_t l = 0; l < L.lanes.size(); ++l) {
        const Lane& lane = L.lanes[l];
        if (lane.density.empty()) continue;
        const std::uint32_t peak = *std::max_element(lane.density.begin(), lane.density.end());
        o += "<g class=\"density\" fill=\"" + std::string(lane_color(L, l)) + "\"><title>" + thousands(lane.events) +
             " events: too many to draw one by one; the height shows how many fall in each stretch</title>";
        for (std::size_t b = 0; b < lane.density.size(); ++b) {
            if (!lane.density[b]) continue;
            const double h = 3 + 19.0 * lane.density[b] / peak;
            o += "<rect x=\"" + num(L.plot_x0 + lane.density_bin * static_cast<double>(b)) + "\" y=\"" + num(lane.y + 29 - h) + "\" width=\"" +
                 num(lane.density_bin - 0.4) + "\" height=\"" + num(h) + "\"/>";
        }
        o += "</g>\n";
    }
}

void undated_strip(std::string& o, const Story& story, const DocIndex& docs, const TimelineLayout& L) {
    if (L.undated.empty() && !L.undated_hidden) return;
    const std::size_t total = L.undated.size() + L.undated_hidden;
    text(o, 20, L.undated_y + 12, "Undated (" + thousands(total) + ")", "class=\"head\"");
    const double col_w = (L.width - 40) / kUndatedColumns;
    const std::size_t rows = (L.undated.size() + (L.undated_hidden ? 1 : 0) + 1) / 2;
    for (std::size_t k = 0; k <= L.undated.size(); ++k) {
        const double x = 20 + col_w * static_cast<double>(k / rows), y = L.undated_y + 32 + kLineHeight * static_cast<double>(k % rows);
        if (k == L.undated.size()) {
            if (L.undated_hidden) text(o, x, y, "\xE2\x80\xA6 and " + thousands(L.undated_hidden) + " more (see timeline.html)", "class=\"note\"");
            break;
        }
        const Event& ev = story.events[L.undated[k]];
        o += "<g class=\"event\"><title>";
        append_xml(o, event_tooltip(story, docs, ev));
        o += "</title>";
        text(o, x, y, fit_text("\xE2\x80\xA2 " + one_line(ev.label), 11, col_w - 12), "class=\"note\"");
        o += "</g>\n";
    }
}

void notes(std::string& o, const TimelineLayout& L) {
    double y = L.notes_y;
    if (!L.conflict_lines.empty()) {
        text(o, 20, y + 12, "Where sources disagree", "class=\"head\"");
        y += 30;
        for (const auto& [number, line] : L.conflict_lines) {
            if (number) {
                o += "<circle cx=\"28\" cy=\"" + num(y - 4) + "\" r=\"6\" fill=\"" + kConflictColor + "\"/>";
                text(o, 28, y - 1, std::to_string(number), "class=\"badge\"");
            }
            text(o, 42, y, line, "class=\"note\"");
            y += kLineHeight;
        }
        y += 8;
    }
    if (!L.source_lines.empty()) {
        text(o, 20, y + 12, "Sources", "class=\"head\"");
        y += 30;
        for (const std::string& line : L.source_lines) {
            text(o, 20, y, line, "class=\"src\"");
            y += 14;
        }
    }
}

}  // namespace

void views::write_timeline_svg(const Story& story, const TimelineLayout& L, std::ostream& out) {
    const DocIndex docs = doc_index(story);
    std::string o;
    o.reserve(4096 + story.events.size() * 700);
    o += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    o += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(L.width) + "\" height=\"" + num(L.height) + "\" viewBox=\"0 0 " + num(L.width) + " " +
         num(L.height) + "\" font-family=\"DejaVu Sans, Verdana, Arial, Helvetica, sans-serif\">\n";
    o += "<title>Timeline of " + thousands(story.events.size()) + " events from " + thousands(story.documents.size()) + " documents</title>\n";
    gradients(o, L);
    style(o);
    o += "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n";
    header(o, story, L);
    axis_and_lanes(o, L);
    density(o, L);
    for (const EventMark& m : L.marks)
        if (m.label) leader(o, m);
    for (const EventMark& m : L.marks)
        if (L.lanes[m.lane].density.empty() || m.label) mark(o, story, docs, L, m);
    for (const EventMark& m : L.marks)
        if (m.label) label(o, L, m);
    for (const EventMark& m : L.marks)
        if (m.conflict && (L.lanes[m.lane].density.empty() || m.label)) badge(o, m);
    undated_strip(o, story, docs, L);
    notes(o, L);
    o += "</svg>\n";
    out << o;
}

void write_timeline_svg(const Story& story, std::ostream& out) { views::write_timeline_svg(story, layout_timeline(story), out); }

}  // namespace chronograph
