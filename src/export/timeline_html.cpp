// timeline.html: one self-contained page that works offline. The Story's data goes in as
// JSON (in a <script type="application/json">, escaped so no text can close it); the
// viewer's script and styles (data/viewer/) are inlined. The page is also well-formed
// XML (polyglot XHTML), so the tests can parse it with xmllint.
#include "chronograph/exporters.hpp"

#include "chronograph/graph.hpp"
#include "chronograph/resources.hpp"
#include "escape.hpp"
#include "timeline_layout.hpp"

#include <nlohmann/json.hpp>

#include <ostream>
#include <stdexcept>
#include <unordered_map>

namespace chronograph {
namespace {

using json = nlohmann::ordered_json;
using namespace views;

/// UTF-16 code units in s[0, bytes) (JavaScript string offsets); bytes past the end count as the end.
long utf16_offset(std::string_view s, std::size_t bytes) {
    long units = 0;
    for (std::size_t i = 0; i < s.size() && i < bytes; ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if ((b & 0xC0) == 0x80) continue;  // continuation byte
        units += b >= 0xF0 ? 2 : 1;        // 4-byte sequences are surrogate pairs
    }
    return units;
}

/// [start, end) of an absolute document span inside the sentence, in UTF-16 units, or null.
json sentence_range(const EvidenceRef& m, std::size_t start, std::size_t end) {
    if (end <= start || start < m.start || end > m.start + m.sentence.size()) return nullptr;
    return json::array({utf16_offset(m.sentence, start - m.start), utf16_offset(m.sentence, end - m.start)});
}

json story_data(const Story& story, const TimelineLayout& L) {
    json root;
    std::string title = "Timeline";
    std::size_t named = 0;
    for (const Lane& lane : L.lanes) {
        if (lane.other || named == 3) break;
        title += (named++ ? ", " : ": ") + lane.title;
    }
    root["title"] = title;
    root["subtitle"] = thousands(story.events.size()) + " events from " + thousands(story.documents.size()) + " documents \xC2\xB7 " +
                       thousands(story.conflicts.size()) + " disputed claims \xC2\xB7 wheel or +/- to zoom, drag to pan, click an event for its sources";

    std::unordered_map<std::string, std::size_t> doc_index, ent_index;
    json& docs = root["docs"] = json::array();
    for (const DocumentInfo& d : story.documents) {
        doc_index.emplace(d.id, docs.size());
        docs.push_back({{"id", d.id}, {"title", d.title}, {"path", d.path}, {"dct", d.dct ? describe_time(TimeValue{format_day(*d.dct), "", std::nullopt}) : ""}});
    }
    json& ents = root["ents"] = json::array();
    for (const Entity& e : story.entities) {
        ent_index.emplace(e.id, ents.size());
        ents.push_back({{"name", e.name}, {"kind", to_string(e.kind)}, {"role", e.role}});
    }
    json& lanes = root["lanes"] = json::array();
    for (std::size_t l = 0; l < L.lanes.size(); ++l)
        lanes.push_back({{"title", L.lanes[l].title}, {"sub", L.lanes[l].subtitle}, {"color", lane_color(L.lanes[l], l)}});
    // The axis as fractions of the plot width: the viewer zooms into this compressed time.
    const double plot_w = L.plot_x1 - L.plot_x0;
    auto u = [&](double x) { return (x - L.plot_x0) / plot_w; };
    json& segs = root["segs"] = json::array();
    for (const TimeSegment& s : L.axis.segments()) segs.push_back({s.from, s.to, u(s.x0), u(s.x1)});

    std::unordered_map<std::string, int> conflict_of;
    std::unordered_map<std::string, std::size_t> event_index;
    for (std::size_t i = 0; i < story.events.size(); ++i) event_index.emplace(story.events[i].id, i);
    for (std::size_t c = 0; c < story.conflicts.size(); ++c)
        if (story.conflicts[c].event) conflict_of.emplace(*story.conflicts[c].event, static_cast<int>(c + 1));
    std::vector<const EventMark*> mark_of(story.events.size(), nullptr);
    for (const EventMark& m : L.marks) mark_of[m.event] = &m;

    auto ids = [&](const std::vector<EntityId>& list) {
        json out = json::array();
        for (const EntityId& id : list) {
            auto it = ent_index.find(id);
            if (it != ent_index.end()) out.push_back(it->second);
        }
        return out;
    };
    json& events = root["events"] = json::array();
    for (std::size_t i = 0; i < story.events.size(); ++i) {
        const Event& e = story.events[i];
        json ev = {{"id", e.id}, {"label", e.label}, {"type", e.type}, {"status", to_string(e.status)}, {"when", describe_time(e.time)}};
        if (const EventMark* m = mark_of[i]) {
            // The mark's own extent (fuzzy "about" dates already widened), unrounded.
            ev["a"] = u(m->x0 == m->x1 ? L.axis.x(day_number(e.time.interval->earliest)) : m->x0);
            ev["b"] = u(m->x0 == m->x1 ? L.axis.x(day_number(e.time.interval->latest) + 1) : m->x1);
            ev["lane"] = m->lane;
            ev["fade"] = static_cast<int>(m->fade);
            ev["hollow"] = m->hollow;
        } else {
            ev["a"] = 0;
            ev["b"] = 0;
            ev["lane"] = -1;
            ev["fade"] = 0;
            ev["hollow"] = false;
        }
        ev["actors"] = ids(e.actors);
        ev["places"] = ids(e.places);
        ev["sources"] = ids(e.sources);
        auto c = conflict_of.find(e.id);
        ev["conflict"] = c == conflict_of.end() ? 0 : c->second;
        json& evidence = ev["ev"] = json::array();
        for (const EvidenceRef& m : e.mentions) {
            auto d = doc_index.find(m.doc);
            json jm = {{"d", d == doc_index.end() ? -1 : static_cast<long>(d->second)}, {"s", m.sentence}};
            jm["x"] = m.timex ? sentence_range(m, m.timex_start, m.timex_end) : json(nullptr);
            jm["g"] = sentence_range(m, m.trigger_start, m.trigger_end);
            if (m.time.dated() && m.time != e.time) jm["w"] = describe_time(m.time);
            if (m.caption) jm["c"] = 1;
            evidence.push_back(std::move(jm));
        }
        events.push_back(std::move(ev));
    }
    json& conflicts = root["conflicts"] = json::array();
    for (const Conflict& c : story.conflicts) {
        json claims = json::array();
        for (const ClaimRef& cl : c.claims) {
            auto d = doc_index.find(cl.doc);
            claims.push_back({{"v", cl.value}, {"t", cl.text}, {"s", cl.sentence}, {"d", d == doc_index.end() ? -1 : static_cast<long>(d->second)}});
        }
        auto ev = c.event ? event_index.find(*c.event) : event_index.end();
        conflicts.push_back({{"about", c.about}, {"event", ev == event_index.end() ? -1 : static_cast<long>(ev->second)}, {"claims", std::move(claims)}});
    }
    return root;
}

/// The viewer's script or styles, checked once: they are inlined inside CDATA sections
/// of an HTML page, so they must not contain what would end either.
std::string_view viewer_file(const char* path) {
    const std::string_view text = Resources::embedded().file(path);
    if (text.find("]]>") != std::string_view::npos || text.find("</script") != std::string_view::npos || text.find("</style") != std::string_view::npos)
        throw std::runtime_error(std::string("viewer file ") + path + " contains a CDATA end or closing tag");
    return text;
}

}  // namespace

void write_timeline_html(const Story& story, std::ostream& out) {
    const TimelineLayout L = layout_timeline(story);
    const json data = story_data(story, L);
    const std::string title = data["title"].get<std::string>();
    std::string o;
    o.reserve(64 * 1024 + story.events.size() * 600);
    o += "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n";
    o += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n";
    o += "<meta name=\"generator\" content=\"chronograph " CHRONOGRAPH_VERSION "\"/>\n<title>";
    append_xml(o, one_line(title));
    o += "</title>\n<style>/*<![CDATA[*/\n";
    o += viewer_file("viewer/timeline.css");
    o += "/*]]>*/</style>\n</head>\n<body>\n<header><h1 id=\"title\">";
    append_xml(o, title);
    o += "</h1><div class=\"sub\" id=\"subtitle\"></div></header>\n"
         "<div id=\"toolbar\">"
         "<input type=\"search\" id=\"f-search\" placeholder=\"Search events and sentences\" aria-label=\"Search\"/>"
         "<select id=\"f-actor\" aria-label=\"Actor\"></select>"
         "<select id=\"f-place\" aria-label=\"Place\"></select>"
         "<select id=\"f-type\" aria-label=\"Type\"></select>"
         "<select id=\"f-status\" aria-label=\"Status\"></select>"
         "<button type=\"button\" id=\"reset\">Reset</button>"
         "<button type=\"button\" id=\"z-in\" title=\"Zoom in (+)\">+</button>"
         "<button type=\"button\" id=\"z-out\" title=\"Zoom out (-)\">\xE2\x88\x92</button>"
         "<button type=\"button\" id=\"z-fit\" title=\"Whole timeline (0)\">Fit</button>"
         "<span id=\"count\"></span></div>\n"
         "<div id=\"main\"><div id=\"chart\"><svg id=\"tl\" xmlns=\"http://www.w3.org/2000/svg\" height=\"300\"></svg></div>\n"
         "<aside id=\"side\"><section id=\"details\"><h2>Event</h2><div class=\"hint\">Click an event to read the sentences that report it, "
         "with the date expression highlighted.</div></section><section id=\"conflicts\"></section></aside></div>\n"
         "<div id=\"undated\"></div>\n"
         "<noscript><p>This page needs JavaScript for its timeline; timeline.svg is the same timeline as a picture.</p></noscript>\n"
         "<script type=\"application/json\" id=\"chronograph-data\">";
    o += json_for_script(data.dump(-1, ' ', false, json::error_handler_t::replace));
    o += "</script>\n<script>//<![CDATA[\n";
    o += viewer_file("viewer/timeline.js");
    o += "//]]>\n</script>\n</body>\n</html>\n";
    out << o;
}

}  // namespace chronograph
