// events.json: the contract documented in README.md ("events.json").
#include "chronograph/exporters.hpp"

#include <nlohmann/json.hpp>

#include <ostream>

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

}  // namespace

void write_events_json(const Story& story, std::ostream& out) {
    json root;
    json& docs = root["documents"] = json::array();
    for (const DocumentInfo& d : story.documents) {
        docs.push_back({{"id", d.id},
                        {"path", d.path},
                        {"title", d.title},
                        {"dct", nullable_day(d.dct)},
                        {"dct_source", to_string(d.dct_source)},
                        {"format", to_string(d.format)},
                        {"bytes", d.bytes},
                        {"sentences", d.sentences}});
    }
    json& ents = root["entities"] = json::array();
    for (const Entity& e : story.entities) {
        json mentions = json::array();
        for (const EntityMentionRef& m : e.mentions) mentions.push_back({{"doc", m.doc}, {"start", m.start}, {"end", m.end}});
        ents.push_back({{"id", e.id}, {"name", e.name}, {"kind", to_string(e.kind)}, {"aliases", e.aliases}, {"role", e.role.empty() ? json(nullptr) : json(e.role)},
                        {"affiliation", e.affiliation ? json(*e.affiliation) : json(nullptr)},
                        {"mentions", std::move(mentions)}});
    }
    json& evs = root["events"] = json::array();
    for (const Event& ev : story.events) {
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
        evs.push_back({{"id", ev.id},
                       {"label", ev.label},
                       {"type", ev.type},
                       {"status", to_string(ev.status)},
                       {"time", time_json(ev.time)},
                       {"time_source", ev.time_source.empty() ? json(nullptr) : json(ev.time_source)},
                       {"actors", ev.actors},
                       {"places", ev.places},
                       {"sources", ev.sources},
                       {"mentions", std::move(mentions)}});
    }
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
    // dump() escapes control characters; invalid UTF-8 never reaches here (ingest rejects it),
    // but replace rather than throw if it ever does.
    out << root.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace chronograph
