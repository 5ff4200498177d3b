// events.json: the contract documented in README.md ("events.json").
#include "chronograph/exporters.hpp"
#include "chronograph/queries.hpp"

#include <nlohmann/json.hpp>

#include <ostream>
#include <set>

namespace chronograph {
namespace {

using json = nlohmann::ordered_json;

json nullable_day(const std::optional<Day>& d) { return d ? json(format_day(*d)) : json(nullptr); }

json time_json(const TimeValue& t) {
    json j;
    j["value"] = t.value.empty() ? json(nullptr) : json(t.value);
    j["mod"] = t.mod.empty() ? json(nullptr) : json(t.mod);
    j["earliest"] = t.interval ? json(format_day(t.interval->earliest)) : json(nullptr);
    j["latest"] = t.interval ? json(format_day(t.interval->latest)) : json(nullptr);
    return j;
}

json document_json(const DocumentInfo& d) {
    return json{{"id", d.id},
                {"path", d.path},
                {"title", d.title},
                {"dct", nullable_day(d.dct)},
                {"dct_source", to_string(d.dct_source)},
                {"format", to_string(d.format)},
                {"bytes", d.bytes},
                {"sentences", d.sentences}};
}

json event_json(const Event& ev) {
    json mentions = json::array();
    for (const EvidenceRef& m : ev.mentions) {
        json jm = {{"doc", m.doc},
                   {"sentence", m.sentence},
                   {"start", m.start},
                   {"end", m.end},
                   {"trigger", {{"start", m.trigger_start}, {"end", m.trigger_end}}},
                   {"timex", m.timex ? json(*m.timex) : json(nullptr)}};
        if (m.timex) jm["timex_span"] = {{"start", m.timex_start}, {"end", m.timex_end}};
        jm["time"] = time_json(m.time);
        jm["status"] = to_string(m.status);
        jm["caption"] = m.caption;
        mentions.push_back(std::move(jm));
    }
    return json{{"id", ev.id},
                {"label", ev.label},
                {"type", ev.type},
                {"status", to_string(ev.status)},
                {"time", time_json(ev.time)},
                {"time_source", ev.time_source.empty() ? json(nullptr) : json(ev.time_source)},
                {"actors", ev.actors},
                {"places", ev.places},
                {"sources", ev.sources},
                {"mentions", std::move(mentions)}};
}

json entity_json(const Entity& e) {
    json mentions = json::array();
    for (const EntityMentionRef& m : e.mentions) mentions.push_back({{"doc", m.doc}, {"start", m.start}, {"end", m.end}});
    return json{{"id", e.id},
                {"name", e.name},
                {"kind", to_string(e.kind)},
                {"aliases", e.aliases},
                {"role", e.role.empty() ? json(nullptr) : json(e.role)},
                {"affiliation", e.affiliation ? json(*e.affiliation) : json(nullptr)},
                {"mentions", std::move(mentions)}};
}

// dump() escapes control characters; invalid UTF-8 never reaches here (ingest rejects
// it), but replace rather than throw if it ever does.
void dump(const json& j, std::ostream& out) { out << j.dump(2, ' ', false, json::error_handler_t::replace) << '\n'; }

}  // namespace

void write_events_json(const Story& story, std::ostream& out) {
    json root;
    json& docs = root["documents"] = json::array();
    for (const DocumentInfo& d : story.documents) docs.push_back(document_json(d));
    json& ents = root["entities"] = json::array();
    for (const Entity& e : story.entities) ents.push_back(entity_json(e));
    json& evs = root["events"] = json::array();
    for (const Event& ev : story.events) evs.push_back(event_json(ev));
    json& conf = root["conflicts"] = json::array();
    for (const Conflict& c : story.conflicts) {
        json claims = json::array();
        for (const ClaimRef& cl : c.claims)
            claims.push_back({{"value", cl.value}, {"doc", cl.doc}, {"sentence", cl.sentence}, {"text", cl.text}});
        conf.push_back({{"about", c.about}, {"event", c.event ? json(*c.event) : json(nullptr)}, {"claims", std::move(claims)}});
    }
    json& diags = root["diagnostics"] = json::array();
    for (const Diagnostic& d : story.diagnostics)
        diags.push_back({{"severity", d.severity == Diagnostic::Severity::Error ? "error" : "warning"},
                         {"path", d.path},
                         {"message", d.message}});
    dump(root, out);
}

void write_entity_timeline(const Story& story, const std::vector<const Entity*>& entities, std::ostream& out, bool as_json) {
    const std::vector<const Event*> events = events_involving(story, entities);
    if (as_json) {
        json root;
        json& docs = root["documents"] = json::array();
        for (const DocumentInfo& d : story.documents) docs.push_back(document_json(d));
        json& ents = root["entities"] = json::array();
        for (const Entity* e : entities) ents.push_back(entity_json(*e));
        json& evs = root["events"] = json::array();
        for (const Event* ev : events) evs.push_back(event_json(*ev));
        dump(root, out);
        return;
    }
    for (const Event* ev : events) {
        std::string when = ev->time.value.empty() || !ev->time.interval ? "undated" : ev->time.value;
        if (!ev->time.mod.empty()) when += " " + ev->time.mod;
        std::set<DocId> ids;
        for (const EvidenceRef& m : ev->mentions) ids.insert(m.doc);
        std::string docs;
        for (const DocId& id : ids) docs += (docs.empty() ? "" : ",") + id;
        out << when << '\t' << ev->type << '\t' << to_string(ev->status) << '\t' << ev->label << '\t' << docs << '\n';
    }
}

}  // namespace chronograph
