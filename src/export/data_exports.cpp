// Exports for other tools: TimelineJS JSON (Knight Lab's format) and a CSV of events.
#include "chronograph/exporters.hpp"

#include "chronograph/graph.hpp"
#include "escape.hpp"
#include "timeline_layout.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <ostream>
#include <unordered_map>

namespace chronograph {
namespace {

using json = nlohmann::ordered_json;

/// A TimelineJS date object as precise as the interval: a whole year gives the year, a
/// whole month the year and month, anything else the day.
json tljs_date(Day d, bool year_only, bool month_only) {
    const date::year_month_day ymd{d};
    json j;
    j["year"] = static_cast<int>(ymd.year());
    if (!year_only) j["month"] = static_cast<unsigned>(ymd.month());
    if (!year_only && !month_only) j["day"] = static_cast<unsigned>(ymd.day());
    return j;
}

bool whole_year(const TimeInterval& iv) {
    const date::year_month_day a{iv.earliest}, b{iv.latest};
    return a.year() == b.year() && a.month() == date::January && a.day() == date::day{1} && b.month() == date::December && b.day() == date::day{31};
}

bool whole_months(const TimeInterval& iv) {
    const date::year_month_day a{iv.earliest};
    return a.day() == date::day{1} && date::year_month_day{iv.latest + date::days{1}}.day() == date::day{1};
}

std::string csv_cell(std::string_view s) {
    std::string v = views::one_line(s);
    // A cell starting like a formula would run in a spreadsheet: keep it text.
    if (!v.empty() && std::string_view("=+-@").find(v.front()) != std::string_view::npos) v.insert(v.begin(), '\'');
    if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
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

void write_timelinejs_json(const Story& story, std::ostream& out) {
    const views::TimelineLayout L = views::layout_timeline(story);
    std::vector<const views::EventMark*> mark_of(story.events.size(), nullptr);
    for (const views::EventMark& m : L.marks) mark_of[m.event] = &m;
    json root;
    root["title"] = {{"text",
                      {{"headline", views::xml("Timeline of " + views::thousands(story.events.size()) + " events")},
                       {"text", views::xml("From " + views::thousands(story.documents.size()) + " documents; undated events are left out.")}}}};
    json& events = root["events"] = json::array();
    for (std::size_t i = 0; i < story.events.size(); ++i) {
        const Event& e = story.events[i];
        if (!e.time.interval || !mark_of[i]) continue;
        const TimeInterval& iv = *e.time.interval;
        const bool year = whole_year(iv), month = !year && whole_months(iv);
        json ev;
        ev["start_date"] = tljs_date(iv.earliest, year, month);
        if (iv.days() > 1 && !year && !(month && date::year_month_day{iv.earliest}.month() == date::year_month_day{iv.latest}.month()))
            ev["end_date"] = tljs_date(iv.latest, false, month);
        ev["display_date"] = describe_time(e.time);
        // The text: status, then each evidence sentence with its document, all as HTML.
        std::string text = "<p><em>" + views::xml(to_string(e.status)) + "</em></p>";
        for (const EvidenceRef& m : e.mentions) {
            const DocumentInfo* doc = story.document(m.doc);
            text += "<blockquote>" + views::xml(views::one_line(m.sentence)) + "</blockquote><p>\xE2\x80\x94 " +
                    views::xml(doc ? (doc->title.empty() ? doc->path : doc->title) : m.doc) + "</p>";
        }
        ev["text"] = {{"headline", views::xml(views::one_line(e.label))}, {"text", text}};
        ev["group"] = L.lanes[mark_of[i]->lane].title;
        ev["unique_id"] = e.id;
        events.push_back(std::move(ev));
    }
    out << root.dump(1, ' ', false, json::error_handler_t::replace) << '\n';
}

void write_events_csv(const Story& story, std::ostream& out) {
    out << "id,when,value,mod,earliest,latest,status,type,label,actors,places,sources,documents,mentions,first_sentence\r\n";
    std::unordered_map<std::string, const Entity*> entities;
    for (const Entity& e : story.entities) entities.emplace(e.id, &e);
    for (const Event& e : story.events) {
        std::vector<std::string_view> seen;
        std::string docs;
        for (const EvidenceRef& m : e.mentions) {
            if (std::find(seen.begin(), seen.end(), m.doc) != seen.end()) continue;
            seen.push_back(m.doc);
            docs += (docs.empty() ? "" : "; ") + m.doc;
        }
        const auto& iv = e.time.interval;
        out << csv_cell(e.id) << ',' << csv_cell(describe_time(e.time)) << ',' << csv_cell(e.time.value) << ',' << csv_cell(e.time.mod) << ','
            << (iv ? format_day(iv->earliest) : "") << ',' << (iv ? format_day(iv->latest) : "") << ',' << to_string(e.status) << ','
            << csv_cell(e.type) << ',' << csv_cell(e.label) << ',' << csv_cell(names(entities, e.actors)) << ',' << csv_cell(names(entities, e.places)) << ','
            << csv_cell(names(entities, e.sources)) << ',' << csv_cell(docs) << ',' << e.mentions.size() << ','
            << csv_cell(e.mentions.empty() ? std::string() : e.mentions.front().sentence) << "\r\n";
    }
}

}  // namespace chronograph
