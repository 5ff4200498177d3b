// Exports for other tools: TimelineJS JSON (Knight Lab's format) and a CSV of events.
#include "chronograph/exporters.hpp"

#include "chronograph/graph.hpp"
#include "escape.hpp"
#include "export/json_writer.hpp"
#include "shown_evidence.hpp"
#include "timeline_layout.hpp"

#include <algorithm>
#include <ostream>
#include <unordered_map>

namespace chronograph {
namespace {

using namespace views;

/// A TimelineJS date object as precise as the interval: a whole year gives the year, a
/// whole month the year and month, anything else the day.
void tljs_date(json::Writer& w, Day d, bool year_only, bool month_only) {
    const date::year_month_day ymd{d};
    w.begin_object();
    w.field("year", static_cast<int>(ymd.year()));
    if (!year_only) w.field("month", static_cast<unsigned>(ymd.month()));
    if (!year_only && !month_only) w.field("day", static_cast<unsigned>(ymd.day()));
    w.end_object();
}

bool whole_year(const TimeInterval& iv) {
    const date::year_month_day a{iv.earliest}, b{iv.latest};
    return a.year() == b.year() && a.month() == date::January && a.day() == date::day{1} && b.month() == date::December && b.day() == date::day{31};
}

bool whole_months(const TimeInterval& iv) {
    const date::year_month_day a{iv.earliest};
    return a.day() == date::day{1} && date::year_month_day{iv.latest + date::days{1}}.day() == date::day{1};
}

/// Appends `s` as one CSV cell (RFC 4180 quoting; on one line).
void csv_cell(std::string& out, std::string_view s) {
    std::string v = one_line(s);
    // A cell starting like a formula would run in a spreadsheet: keep it text.
    if (!v.empty() && std::string_view("=+-@").find(v.front()) != std::string_view::npos) v.insert(v.begin(), '\'');
    if (v.find_first_of(",\"\n\r") == std::string::npos) {
        out += v;
        return;
    }
    out += '"';
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

std::string names(const std::unordered_map<std::string, const Entity*>& entities, const std::vector<EntityId>& ids) {
    std::string out;
    for (const EntityId& id : ids) {
        auto it = entities.find(id);
        if (!out.empty()) out += "; ";
        out += it != entities.end() ? it->second->name : id;
    }
    return out;
}

}  // namespace

void views::write_timelinejs_json(const Story& story, const TimelineLayout& L, std::ostream& out) {
    std::vector<const EventMark*> mark_of(story.events.size(), nullptr);
    for (const EventMark& m : L.marks) mark_of[m.event] = &m;
    // Each document's name as the evidence quotes it (the first document with an id).
    std::unordered_map<std::string_view, const std::string*> doc_name;
    doc_name.reserve(story.documents.size());
    for (const DocumentInfo& d : story.documents) doc_name.emplace(d.id, d.title.empty() ? &d.path : &d.title);
    json::Writer w(out, {1, false, 2});  // one slide per line
    w.begin_object();
    w.key("title").begin_object().key("text").begin_object();
    w.field("headline", xml("Timeline of " + thousands(story.events.size()) + " events"));
    w.field("text", xml("From " + thousands(story.documents.size()) + " documents; undated events are left out."));
    w.end_object().end_object();
    w.key("events").begin_array();
    std::string text;
    for (std::size_t i = 0; i < story.events.size(); ++i) {
        const Event& e = story.events[i];
        if (!e.time.interval || !mark_of[i]) continue;
        const TimeInterval& iv = *e.time.interval;
        const bool year = whole_year(iv), month = !year && whole_months(iv);
        w.begin_object();
        w.key("start_date");
        tljs_date(w, iv.earliest, year, month);
        if (iv.days() > 1 && !year && !(month && date::year_month_day{iv.earliest}.month() == date::year_month_day{iv.latest}.month())) {
            w.key("end_date");
            tljs_date(w, iv.latest, false, month);
        }
        w.field("display_date", describe_time(e.time));
        // The text: status, then the first evidence sentences with their documents, and
        // how many there are when that is not all, as HTML, written piece by piece.
        w.key("text").begin_object().field("headline", xml(one_line(e.label))).key("text").begin_string();
        text = "<p><em>";
        append_xml(text, to_string(e.status));
        text += "</em></p>";
        w.string_part(text);
        for (const EvidenceRef& m : story.evidence(e, kShownEvidence)) {
            text = "<blockquote>";
            append_xml(text, one_line(m.sentence));
            text += "</blockquote><p>\xE2\x80\x94 ";
            auto doc = doc_name.find(m.doc);
            append_xml(text, doc != doc_name.end() ? *doc->second : m.doc);
            text += "</p>";
            w.string_part(text);
        }
        if (const std::size_t all = story.evidence_count(e); all > kShownEvidence)
            w.string_part("<p>The first " + std::to_string(kShownEvidence) + " of " + thousands(all) + " sentences (events.json has every one).</p>");
        w.end_string().end_object();
        w.field("group", L.lanes[mark_of[i]->lane].title);
        w.field("unique_id", e.id);
        w.end_object();
    }
    w.end_array();
    w.end_object();
}

void write_timelinejs_json(const Story& story, std::ostream& out) { views::write_timelinejs_json(story, views::layout_timeline(story), out); }

void write_events_csv(const Story& story, std::ostream& out) {
    out << "id,when,value,mod,earliest,latest,status,type,label,actors,places,sources,documents,mentions,first_sentence\r\n";
    std::unordered_map<std::string, const Entity*> entities;
    for (const Entity& e : story.entities) entities.emplace(e.id, &e);
    std::string row, docs;
    for (const Event& e : story.events) {
        docs.clear();
        for (std::string_view d : reporting_documents(story, e)) {
            if (!docs.empty()) docs += "; ";
            docs += d;
        }
        const auto& iv = e.time.interval;
        row.clear();
        auto cell = [&](std::string_view text) {
            csv_cell(row, text);
            row += ',';
        };
        cell(e.id);
        cell(describe_time(e.time));
        cell(e.time.value);
        cell(e.time.mod);
        row += (iv ? format_day(iv->earliest) : "") + ',' + (iv ? format_day(iv->latest) : "") + ',' + to_string(e.status) + ',';
        cell(e.type);
        cell(e.label);
        cell(names(entities, e.actors));
        cell(names(entities, e.places));
        cell(names(entities, e.sources));
        cell(docs);
        row += std::to_string(story.evidence_count(e)) + ',';
        const EvidenceList first = story.evidence(e, 1);
        csv_cell(row, first.empty() ? std::string_view() : std::string_view(first.front().sentence));
        row += "\r\n";
        out << row;
    }
}

}  // namespace chronograph
