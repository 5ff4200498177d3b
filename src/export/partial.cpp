// The JSON Lines form of per-document results (see partial.hpp). Field names are short:
// part files of large corpora are big.
#include "chronograph/partial.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace chronograph {
namespace {

using json = nlohmann::json;

constexpr int kVersion = 1;

json span_json(Span s) { return json::array({s.start, s.end}); }
/// An offset or an index: a whole number >= 0. Converting any other number (a float, a
/// negative one) to std::size_t would be undefined behaviour or wrap around.
std::size_t index_of(const json& j) {
    if (!j.is_number_unsigned()) throw std::runtime_error("an offset or index that is not a whole number >= 0: " + j.dump());
    return j.get<std::size_t>();
}
std::vector<std::size_t> indices_of(const json& j) {
    if (!j.is_array()) throw std::runtime_error("a list of indices that is not a list: " + j.dump());
    std::vector<std::size_t> out;
    for (const json& x : j) out.push_back(index_of(x));
    return out;
}
Span span_of(const json& j) { return Span{index_of(j.at(0)), index_of(j.at(1))}; }

json time_json(const TimeValue& t) {
    json j = {{"v", t.value}, {"m", t.mod}};
    if (t.interval) j["i"] = {format_day(t.interval->earliest), format_day(t.interval->latest)};
    return j;
}

TimeValue time_of(const json& j) {
    TimeValue t;
    t.value = j.at("v").get<std::string>();
    t.mod = j.at("m").get<std::string>();
    if (j.contains("i")) {
        const auto a = parse_day(j["i"].at(0).get<std::string>()), b = parse_day(j["i"].at(1).get<std::string>());
        if (!a || !b) throw std::runtime_error("bad date in a time value");
        t.interval = TimeInterval{*a, *b};
    }
    return t;
}

template <class E>
E enum_of(const json& j, std::initializer_list<E> values) {
    const std::string s = j.get<std::string>();
    for (E v : values)
        if (s == to_string(v)) return v;
    throw std::runtime_error("unknown value " + s);
}

json diagnostics_json(const std::vector<Diagnostic>& ds) {
    json out = json::array();
    for (const Diagnostic& d : ds)
        out.push_back({d.severity == Diagnostic::Severity::Error ? "error" : "warning", d.path, d.message});
    return out;
}

json indices(const std::vector<std::size_t>& v) { return json(v); }

/// Every offset and index of a record read back must point inside what it refers to: a
/// damaged part file must not crash the merge.
void check_indices(const DocumentAnalysis& a) {
    const std::size_t n = a.doc.text.size();
    auto span_ok = [&](Span s) { return s.start <= s.end && s.end <= n; };
    auto fail = [](const char* what) { throw std::runtime_error(std::string("inconsistent record: ") + what); };
    for (const Paragraph& p : a.doc.paragraphs)
        if (!span_ok(p.span)) fail("a paragraph outside the text");
    for (const Sentence& s : a.sentences)
        if (!span_ok(s.span) || s.paragraph >= a.doc.paragraphs.size()) fail("a sentence outside the text");
    for (const Timex& t : a.timexes)
        if (!span_ok(t.span) || t.sentence >= a.sentences.size()) fail("a time expression outside the text");
    for (const EntityMention& e : a.entities)
        if (!span_ok(e.span) || e.sentence >= a.sentences.size()) fail("an entity outside the text");
    for (const EventMention& e : a.events) {
        if (!span_ok(e.trigger) || !span_ok(e.clause) || e.sentence >= a.sentences.size()) fail("an event outside the text");
        if (e.timex && *e.timex >= a.timexes.size()) fail("an event's time expression");
        for (const auto* list : {&e.agents, &e.patients, &e.places, &e.sources})
            for (std::size_t x : *list)
                if (x >= a.entities.size()) fail("an event's participant");
    }
    for (const Claim& c : a.claims)
        if (!span_ok(c.span) || c.sentence >= a.sentences.size() || (c.event && *c.event >= a.events.size()))
            fail("a claim outside the text");
}

}  // namespace

std::string to_json_line(const PartRecord& r) {
    json j;
    j["version"] = kVersion;
    j["diagnostics"] = diagnostics_json(r.diagnostics);
    if (r.analysis) {
        const DocumentAnalysis& a = *r.analysis;
        const Document& d = a.doc;
        json paragraphs = json::array();
        for (const Paragraph& p : d.paragraphs)
            paragraphs.push_back({p.span.start, p.span.end, p.caption, p.boilerplate, p.duplicate, p.heading});
        j["doc"] = {{"path", d.path},
                    {"title", d.title},
                    {"format", to_string(d.format)},
                    {"text", d.text},
                    {"dct", d.dct ? json(format_day(*d.dct)) : json(nullptr)},
                    {"dct_source", to_string(d.dct_source)},
                    {"dct_month_day", d.dct_month_day ? json::array({d.dct_month_day->month, d.dct_month_day->day}) : json(nullptr)},
                    {"paragraphs", std::move(paragraphs)}};
        json sentences = json::array();
        for (const Sentence& s : a.sentences) sentences.push_back({s.span.start, s.span.end, s.paragraph, s.caption, s.heading});
        j["sentences"] = std::move(sentences);
        json timexes = json::array();
        for (const Timex& t : a.timexes)
            timexes.push_back({{"s", span_json(t.span)}, {"n", t.sentence}, {"type", to_string(t.type)},
                               {"t", time_json(t.time)}, {"rel", t.relative}, {"rule", t.rule}});
        j["timexes"] = std::move(timexes);
        json entities = json::array();
        for (const EntityMention& e : a.entities)
            entities.push_back({{"s", span_json(e.span)}, {"n", e.sentence}, {"kind", to_string(e.kind)}, {"name", e.name},
                                {"key", e.key}, {"via", e.via}, {"role", e.role}, {"aff", e.affiliation}});
        j["entities"] = std::move(entities);
        json events = json::array();
        for (const EventMention& e : a.events) {
            json ev = {{"n", e.sentence},       {"trigger", span_json(e.trigger)}, {"lemma", e.lemma},
                       {"type", e.type},        {"nominal", e.nominal},           {"status", to_string(e.status)},
                       {"t", time_json(e.time)}, {"ts", e.time_source},           {"agents", indices(e.agents)},
                       {"patients", indices(e.patients)}, {"places", indices(e.places)}, {"sources", indices(e.sources)},
                       {"label", e.label},      {"theme", e.theme},               {"clause", span_json(e.clause)},
                       {"duration", e.duration}, {"anchor", e.anchor_type}};
            if (e.timex) ev["timex"] = *e.timex;
            events.push_back(std::move(ev));
        }
        j["events"] = std::move(events);
        json claims = json::array();
        for (const Claim& c : a.claims) {
            json cl = {{"n", c.sentence}, {"s", span_json(c.span)}, {"about", c.about},
                       {"unit", c.unit},  {"value", c.value},       {"text", c.text}};
            if (c.event) cl["event"] = *c.event;
            claims.push_back(std::move(cl));
        }
        j["claims"] = std::move(claims);
    }
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

PartRecord from_json_line(std::string_view line) {
    PartRecord r;
    json j;
    try {
        j = json::parse(line);
    } catch (const json::exception& e) {
        throw std::runtime_error(std::string("not JSON: ") + e.what());
    }
    try {
        // Compared as JSON: reading it as an int first is undefined for a number like 4e84.
        const json version = j.is_object() && j.contains("version") ? j["version"] : json();
        if (version != kVersion)
            throw std::runtime_error("written by another version of chronograph (part format " + version.dump() + ")");
        for (const json& d : j.at("diagnostics"))
            r.diagnostics.push_back({d.at(0) == "error" ? Diagnostic::Severity::Error : Diagnostic::Severity::Warning,
                                     d.at(1).get<std::string>(), d.at(2).get<std::string>()});
        if (!j.contains("doc")) return r;
        DocumentAnalysis a;
        const json& d = j["doc"];
        a.doc.path = d.at("path").get<std::string>();
        a.doc.title = d.at("title").get<std::string>();
        a.doc.format = enum_of<DocFormat>(d.at("format"), {DocFormat::Text, DocFormat::Html, DocFormat::TimeML});
        a.doc.text = d.at("text").get<std::string>();
        if (!d.at("dct").is_null()) a.doc.dct = parse_day(d["dct"].get<std::string>());
        a.doc.dct_source = enum_of<DctSource>(d.at("dct_source"), {DctSource::Flag, DctSource::Text, DctSource::Metadata,
                                                                   DctSource::Inferred, DctSource::None});
        if (d.contains("dct_month_day") && !d["dct_month_day"].is_null()) {
            const std::size_t month = index_of(d["dct_month_day"].at(0)), day = index_of(d["dct_month_day"].at(1));
            if (month < 1 || month > 12 || day < 1 || day > 31) throw std::runtime_error("dct_month_day out of range");
            a.doc.dct_month_day = MonthDay{static_cast<unsigned>(month), static_cast<unsigned>(day)};
        }
        for (const json& p : d.at("paragraphs"))
            a.doc.paragraphs.push_back({span_of(p), p.at(2), p.at(3), p.at(4), p.at(5)});
        for (const json& s : j.at("sentences")) {
            Sentence sent;
            sent.span = span_of(s);
            sent.paragraph = index_of(s.at(2));
            sent.caption = s.at(3);
            sent.heading = s.at(4);
            a.sentences.push_back(sent);
        }
        for (const json& t : j.at("timexes")) {
            Timex x;
            x.span = span_of(t.at("s"));
            x.sentence = index_of(t.at("n"));
            x.type = enum_of<TimexType>(t.at("type"), {TimexType::Date, TimexType::Time, TimexType::Duration, TimexType::Set});
            x.time = time_of(t.at("t"));
            x.relative = t.at("rel");
            x.rule = t.at("rule").get<std::string>();
            a.timexes.push_back(std::move(x));
        }
        for (const json& e : j.at("entities")) {
            EntityMention m;
            m.span = span_of(e.at("s"));
            m.sentence = index_of(e.at("n"));
            m.kind = enum_of<EntityKind>(e.at("kind"), {EntityKind::Person, EntityKind::Organization, EntityKind::Country,
                                                        EntityKind::Place, EntityKind::Product});
            m.name = e.at("name").get<std::string>();
            m.key = e.at("key").get<std::string>();
            m.via = e.at("via").get<std::string>();
            m.role = e.at("role").get<std::string>();
            m.affiliation = e.at("aff").get<std::string>();
            a.entities.push_back(std::move(m));
        }
        for (const json& e : j.at("events")) {
            EventMention m;
            m.sentence = index_of(e.at("n"));
            m.trigger = span_of(e.at("trigger"));
            m.lemma = e.at("lemma").get<std::string>();
            m.type = e.at("type").get<std::string>();
            m.nominal = e.at("nominal");
            m.status = enum_of<EventStatus>(e.at("status"), {EventStatus::Happened, EventStatus::Ongoing, EventStatus::Planned,
                                                             EventStatus::Expected, EventStatus::Reported, EventStatus::Negated,
                                                             EventStatus::Hypothetical});
            if (e.contains("timex")) m.timex = index_of(e["timex"]);
            m.time = time_of(e.at("t"));
            m.time_source = e.at("ts").get<std::string>();
            m.agents = indices_of(e.at("agents"));
            m.patients = indices_of(e.at("patients"));
            m.places = indices_of(e.at("places"));
            m.sources = indices_of(e.at("sources"));
            m.label = e.at("label").get<std::string>();
            m.theme = e.at("theme").get<std::string>();
            m.clause = span_of(e.at("clause"));
            m.duration = e.at("duration").get<std::string>();
            m.anchor_type = e.at("anchor").get<std::string>();
            a.events.push_back(std::move(m));
        }
        for (const json& c : j.at("claims")) {
            Claim cl;
            cl.sentence = index_of(c.at("n"));
            cl.span = span_of(c.at("s"));
            cl.about = c.at("about").get<std::string>();
            cl.unit = c.at("unit").get<std::string>();
            cl.value = c.at("value");
            cl.text = c.at("text").get<std::string>();
            if (c.contains("event")) cl.event = index_of(c["event"]);
            a.claims.push_back(std::move(cl));
        }
        check_indices(a);
        r.analysis = std::move(a);
    } catch (const json::exception& e) {
        throw std::runtime_error(std::string("not a chronograph part record: ") + e.what());
    }
    return r;
}

}  // namespace chronograph
