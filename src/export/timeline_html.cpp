// timeline.html: one self-contained page that works offline. The Story's data goes in as
// JSON (in a <script type="application/json">, escaped so no text can close it); the
// viewer's script and styles (data/viewer/) are inlined. The page is also well-formed
// XML (polyglot XHTML), so the tests can parse it with xmllint.
#include "chronograph/exporters.hpp"

#include "chronograph/graph.hpp"
#include "chronograph/resources.hpp"
#include "escape.hpp"
#include "export/json_writer.hpp"
#include "shown_evidence.hpp"
#include "timeline_layout.hpp"

#include <cmath>
#include <ostream>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

namespace chronograph {
namespace {

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
void sentence_range(json::Writer& w, const EvidenceRef& m, std::size_t start, std::size_t end) {
    if (end <= start || start < m.start || end > m.start + m.sentence.size()) {
        w.null();
        return;
    }
    w.begin_array().value(utf16_offset(m.sentence, start - m.start)).value(utf16_offset(m.sentence, end - m.start)).end_array();
}

std::string page_title(const TimelineLayout& L) {
    std::string title = "Timeline";
    std::size_t named = 0;
    for (const Lane& lane : L.lanes) {
        if (lane.other || named == 3) break;
        title += (named++ ? ", " : ": ") + lane.title;
    }
    return title;
}

/// Index of each id in `items` (the first one when an id repeats).
template <class T, class Id>
std::unordered_map<std::string_view, long> index_by_id(const std::vector<T>& items, Id id) {
    std::unordered_map<std::string_view, long> index;
    index.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) index.emplace(id(items[i]), static_cast<long>(i));
    return index;
}

long lookup(const std::unordered_map<std::string_view, long>& index, std::string_view id) {
    auto it = index.find(id);
    return it == index.end() ? -1 : it->second;
}

/// What the page embeds of a conflict's claims, as of an event's evidence (kShownEvidence):
/// the first (the viewer says how many there are; events.json has every one). A big
/// corpus's largest conflicts have thousands of claims.
constexpr std::size_t kShownClaims = 25;

/// The claims of a conflict the page shows, in their order: the first of each value, so
/// that every value disputed is there (up to kShownClaims of them), then the next ones.
std::vector<std::size_t> shown_claims(const AsideList<ClaimRef>& claims) {
    std::vector<bool> shown(claims.size(), false);
    std::size_t count = 0;
    std::unordered_set<std::string_view> values;
    for (std::size_t k = 0; k < claims.size() && count < kShownClaims; ++k)
        if (values.insert(claims[k].value).second) shown[k] = true, ++count;
    for (std::size_t k = 0; k < claims.size() && count < kShownClaims; ++k)
        if (!shown[k]) shown[k] = true, ++count;
    std::vector<std::size_t> out;
    for (std::size_t k = 0; k < claims.size(); ++k)
        if (shown[k]) out.push_back(k);
    return out;
}

/// A place on the time axis, to a billionth of the plot's width (the viewer zooms in to
/// two millionths of it): nine decimals, not seventeen.
double axis_place(double u) { return std::round(u * 1e9) / 1e9; }

/// The viewer's data, written as it is walked (compact, safe inside a <script> element).
void write_story_data(const Story& story, const TimelineLayout& L, const std::string& title, std::ostream& out) {
    json::Writer w(out, {-1, true});
    w.begin_object();
    w.field("title", title);
    w.field("subtitle", thousands(story.events.size()) + " events from " + thousands(story.documents.size()) + " documents \xC2\xB7 " +
                            thousands(story.conflicts.size()) + " disputed claims \xC2\xB7 wheel or +/- to zoom, drag to pan, click an event for its sources");

    const auto doc_index = index_by_id(story.documents, [](const DocumentInfo& d) -> std::string_view { return d.id; });
    const auto ent_index = index_by_id(story.entities, [](const Entity& e) -> std::string_view { return e.id; });
    // Only the events that conflicts are about (a big corpus has close to a million events:
    // an index of all was some 45 MB while the page is written).
    std::unordered_map<std::string_view, long> event_index;
    for (const Conflict& c : story.conflicts)
        if (c.event) event_index.emplace(*c.event, -1);
    for (std::size_t i = 0; i < story.events.size(); ++i)
        if (auto it = event_index.find(story.events[i].id); it != event_index.end() && it->second < 0) it->second = static_cast<long>(i);
    w.key("docs").begin_array();
    for (const DocumentInfo& d : story.documents) {
        w.begin_object().field("id", d.id).field("title", d.title).field("path", d.path);
        w.field("dct", d.dct ? describe_time(TimeValue{format_day(*d.dct), "", std::nullopt}) : "");
        w.end_object();
    }
    w.end_array();
    w.key("ents").begin_array();
    for (const Entity& e : story.entities) w.begin_object().field("name", e.name).field("kind", to_string(e.kind)).field("role", e.role).end_object();
    w.end_array();
    w.key("lanes").begin_array();
    for (std::size_t l = 0; l < L.lanes.size(); ++l)
        w.begin_object().field("title", L.lanes[l].title).field("sub", L.lanes[l].subtitle).field("color", lane_color(L.lanes[l], l)).end_object();
    w.end_array();
    // The axis as fractions of the plot width: the viewer zooms into this compressed time.
    const double plot_w = L.plot_x1 - L.plot_x0;
    auto u = [&](double x) { return (x - L.plot_x0) / plot_w; };
    w.key("segs").begin_array();
    for (const TimeSegment& s : L.axis.segments()) w.begin_array().value(s.from).value(s.to).value(u(s.x0)).value(u(s.x1)).end_array();
    w.end_array();

    std::unordered_map<std::string_view, int> conflict_of;
    for (std::size_t c = 0; c < story.conflicts.size(); ++c)
        if (story.conflicts[c].event) conflict_of.emplace(*story.conflicts[c].event, static_cast<int>(c + 1));
    std::vector<const EventMark*> mark_of(story.events.size(), nullptr);
    for (const EventMark& m : L.marks) mark_of[m.event] = &m;

    auto ids = [&](const char* name, const std::vector<EntityId>& list) {
        w.key(name).begin_array();
        for (const EntityId& id : list)
            if (const long i = lookup(ent_index, id); i >= 0) w.value(i);
        w.end_array();
    };
    w.key("events").begin_array();
    for (std::size_t i = 0; i < story.events.size(); ++i) {
        const Event& e = story.events[i];
        w.begin_object().field("id", e.id).field("label", e.label).field("type", e.type).field("status", to_string(e.status));
        w.field("when", describe_time(e.time));
        // (Fields at their default are left out, the viewer fills them in: no fade, not
        // hollow, no conflict, no actors, places or sources. A million events' worth.)
        if (const EventMark* m = mark_of[i]) {
            // The mark's own extent (fuzzy "about" dates already widened).
            w.field("a", axis_place(u(m->x0 == m->x1 ? L.axis.x(day_number(e.time.interval->earliest)) : m->x0)));
            w.field("b", axis_place(u(m->x0 == m->x1 ? L.axis.x(day_number(e.time.interval->latest) + 1) : m->x1)));
            w.field("lane", static_cast<std::uint64_t>(m->lane));
            if (const int fade = static_cast<int>(m->fade); fade != 0) w.field("fade", fade);
            if (m->hollow) w.field("hollow", true);
        } else {
            w.field("a", 0).field("b", 0).field("lane", -1);
        }
        if (!e.actors.empty()) ids("actors", e.actors);
        if (!e.places.empty()) ids("places", e.places);
        if (!e.sources.empty()) ids("sources", e.sources);
        if (auto c = conflict_of.find(e.id); c != conflict_of.end()) w.field("conflict", c->second);
        if (const std::size_t all = story.evidence_count(e); all > kShownEvidence) w.field("n", static_cast<std::uint64_t>(all));
        w.key("ev").begin_array();
        for (const EvidenceRef& m : story.evidence(e, kShownEvidence)) {
            w.begin_object().field("d", lookup(doc_index, m.doc)).field("s", m.sentence);
            w.key("x");
            if (m.timex) sentence_range(w, m, m.timex_start, m.timex_end);
            else w.null();
            w.key("g");
            sentence_range(w, m, m.trigger_start, m.trigger_end);
            if (m.time->dated() && m.time.get() != e.time) w.field("w", describe_time(m.time));
            if (m.caption) w.field("c", 1);
            w.end_object();
        }
        w.end_array();
        w.end_object();
    }
    w.end_array();
    w.key("conflicts").begin_array();
    for (const Conflict& c : story.conflicts) {
        w.begin_object().field("about", c.about).field("event", c.event ? lookup(event_index, *c.event) : -1L);
        const AsideList<ClaimRef> claims = story.claims(c);
        if (claims.size() > kShownClaims) w.field("n", static_cast<std::uint64_t>(claims.size()));
        w.key("claims").begin_array();
        for (std::size_t k : shown_claims(claims)) {
            const ClaimRef& cl = claims[k];
            w.begin_object().field("v", cl.value).field("t", cl.text).field("s", cl.sentence).field("d", lookup(doc_index, cl.doc)).end_object();
        }
        w.end_array();
        w.end_object();
    }
    w.end_array();
    w.end_object();
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

void views::write_timeline_html(const Story& story, const TimelineLayout& L, std::ostream& out) {
    const std::string title = page_title(L);
    std::string o;
    o.reserve(64 * 1024);
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
    out << o;
    write_story_data(story, L, title, out);
    o = "</script>\n<script>//<![CDATA[\n";
    o += viewer_file("viewer/timeline.js");
    o += "//]]>\n</script>\n</body>\n</html>\n";
    out << o;
}

void write_timeline_html(const Story& story, std::ostream& out) { views::write_timeline_html(story, layout_timeline(story), out); }

}  // namespace chronograph
