// events.json: the contract documented in README.md ("events.json"), written as the Story
// is walked (json::Writer), so a large corpus needs no second copy in memory; one record
// per line.
#include "chronograph/exporters.hpp"
#include "chronograph/queries.hpp"

#include "export/json_writer.hpp"

#include <ostream>
#include <set>

namespace chronograph {
namespace {

/// One record (document, entity, event, conflict, diagnostic) per line: still one JSON
/// value, but greppable, diffable line by line, and without the indentation that made
/// up a third of the bytes of a large corpus's file.
constexpr json::Format kRecordPerLine{2, false, 2};

void write_day(json::Writer& w, const std::optional<Day>& d) {
    if (d) w.value(format_day(*d));
    else w.null();
}

void write_time(json::Writer& w, const TimeValue& t) {
    w.begin_object();
    w.key("value").value_or_null(t.value);
    w.key("mod").value_or_null(t.mod);
    w.key("earliest");
    write_day(w, t.interval ? std::optional<Day>(t.interval->earliest) : std::nullopt);
    w.key("latest");
    write_day(w, t.interval ? std::optional<Day>(t.interval->latest) : std::nullopt);
    w.end_object();
}

void write_document(json::Writer& w, const DocumentInfo& d) {
    w.begin_object();
    w.field("id", d.id).field("path", d.path).field("title", d.title);
    w.key("dct");
    write_day(w, d.dct);
    w.field("dct_source", to_string(d.dct_source)).field("format", to_string(d.format));
    w.field("bytes", static_cast<std::uint64_t>(d.bytes)).field("sentences", static_cast<std::uint64_t>(d.sentences));
    w.end_object();
}

void write_entity(json::Writer& w, const Story& story, const Entity& e) {
    w.begin_object();
    w.field("id", e.id).field("name", e.name).field("kind", to_string(e.kind));
    w.key("aliases").strings(e.aliases);
    w.key("role").value_or_null(e.role);
    w.key("affiliation").value_or_null(e.affiliation);
    w.key("mentions").begin_array();
    story.each_mention(e, [&](const EntityMentionRef& m) {
        w.begin_object();
        w.field("doc", m.doc).field("start", static_cast<std::uint64_t>(m.start)).field("end", static_cast<std::uint64_t>(m.end));
        w.end_object();
    });
    w.end_array();
    w.end_object();
}

void write_span(json::Writer& w, std::size_t start, std::size_t end) {
    w.begin_object();
    w.field("start", static_cast<std::uint64_t>(start)).field("end", static_cast<std::uint64_t>(end));
    w.end_object();
}

void write_event(json::Writer& w, const Story& story, const Event& ev) {
    w.begin_object();
    w.field("id", ev.id).field("label", ev.label).field("type", ev.type).field("status", to_string(ev.status));
    w.key("time");
    write_time(w, ev.time);
    w.key("time_source").value_or_null(ev.time_source);
    w.key("actors").strings(ev.actors);
    w.key("places").strings(ev.places);
    w.key("sources").strings(ev.sources);
    w.key("mentions").begin_array();
    story.each_evidence(ev, [&](const EvidenceRef& m) {
        w.begin_object();
        w.field("doc", m.doc).field("sentence", m.sentence);
        w.field("start", static_cast<std::uint64_t>(m.start)).field("end", static_cast<std::uint64_t>(m.end));
        w.key("trigger");
        write_span(w, m.trigger_start, m.trigger_end);
        w.key("timex").value_or_null(m.timex);
        if (m.timex) {
            w.key("timex_span");
            write_span(w, m.timex_start, m.timex_end);
        }
        w.key("time");
        write_time(w, m.time);
        w.field("status", to_string(m.status)).field("caption", m.caption);
        w.key("actors").strings(m.actors);
        w.end_object();
    });
    w.end_array();
    w.end_object();
}

}  // namespace

void write_events_json(const Story& story, std::ostream& out) {
    json::Writer w(out, kRecordPerLine);
    w.begin_object();
    w.key("documents").begin_array();
    for (const DocumentInfo& d : story.documents) write_document(w, d);
    w.end_array();
    w.key("entities").begin_array();
    for (const Entity& e : story.entities) write_entity(w, story, e);
    w.end_array();
    w.key("events").begin_array();
    for (const Event& ev : story.events) write_event(w, story, ev);
    w.end_array();
    w.key("conflicts").begin_array();
    for (const Conflict& c : story.conflicts) {
        w.begin_object();
        w.field("about", c.about);
        w.key("event").value_or_null(c.event);
        w.key("claims").begin_array();
        for (const ClaimRef& cl : story.claims(c)) {
            w.begin_object();
            w.field("value", cl.value).field("doc", cl.doc).field("sentence", cl.sentence).field("text", cl.text);
            w.end_object();
        }
        w.end_array();
        w.end_object();
    }
    w.end_array();
    w.key("diagnostics").begin_array();
    for (const Diagnostic& d : story.diagnostics) {
        w.begin_object();
        w.field("severity", d.severity == Diagnostic::Severity::Error ? "error" : "warning");
        w.field("path", d.path).field("message", d.message);
        w.end_object();
    }
    w.end_array();
    w.end_object();
}

void write_entity_timeline(const Story& story, const std::vector<const Entity*>& entities, std::ostream& out, bool as_json) {
    const std::vector<const Event*> events = events_involving(story, entities);
    if (as_json) {
        json::Writer w(out, kRecordPerLine);
        w.begin_object();
        w.key("documents").begin_array();
        for (const DocumentInfo& d : story.documents) write_document(w, d);
        w.end_array();
        w.key("entities").begin_array();
        for (const Entity* e : entities) write_entity(w, story, *e);
        w.end_array();
        w.key("events").begin_array();
        for (const Event* ev : events) write_event(w, story, *ev);
        w.end_array();
        w.end_object();
        return;
    }
    for (const Event* ev : events) {
        std::string when = ev->time.value.empty() || !ev->time.interval ? "undated" : ev->time.value;
        if (!ev->time.mod.empty()) when += " " + ev->time.mod;
        std::set<DocId> ids;
        for (DocId& d : story.evidence_documents(*ev)) ids.insert(std::move(d));
        std::string docs;
        for (const DocId& id : ids) docs += (docs.empty() ? "" : ",") + id;
        out << when << '\t' << ev->type << '\t' << to_string(ev->status) << '\t' << ev->label << '\t' << docs << '\n';
    }
}

}  // namespace chronograph
