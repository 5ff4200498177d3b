// `chronograph inspect FILE`: one document's analysis, sentence by sentence, for people
// writing rules (what was found where, and why an event has its date).
#include "chronograph/exporters.hpp"

#include <ostream>

namespace chronograph {

void write_analysis_text(const DocumentAnalysis& a, std::ostream& out) {
    out << "document " << a.doc.path << "  dct " << (a.doc.dct ? format_day(*a.doc.dct) : "-") << " ("
        << to_string(a.doc.dct_source) << ")  title: " << a.doc.title << '\n';
    for (std::size_t s = 0; s < a.sentences.size(); ++s) {
        const Sentence& sent = a.sentences[s];
        out << "\n[" << s << "]" << (sent.caption ? " (caption)" : "") << (sent.heading ? " (heading)" : "") << ' '
            << a.text(sent.span) << '\n';
        for (const Timex& t : a.timexes)
            if (t.sentence == s)
                out << "   timex  " << a.text(t.span) << "  = " << to_string(t.type) << ' ' << t.time.value
                    << (t.time.mod.empty() ? "" : " " + t.time.mod)
                    << (t.time.interval ? "  [" + format_day(t.time.interval->earliest) + ".." +
                                              format_day(t.time.interval->latest) + "]"
                                        : "")
                    << (t.relative ? "  relative" : "") << "  (" << t.rule << ")\n";
        for (const EntityMention& e : a.entities)
            if (e.sentence == s)
                out << "   entity " << a.text(e.span) << "  = " << to_string(e.kind) << ' ' << e.name << " <" << e.key
                    << "> via " << e.via << (e.role.empty() ? "" : " role " + e.role) << '\n';
        for (const EventMention& ev : a.events) {
            if (ev.sentence != s) continue;
            out << "   event  " << ev.type << " (" << to_string(ev.status) << ") trigger '" << a.text(ev.trigger)
                << "'  time " << (ev.time.value.empty() ? "-" : ev.time.value) << (ev.time.mod.empty() ? "" : " " + ev.time.mod)
                << " from " << (ev.time_source.empty() ? "-" : ev.time_source);
            if (!ev.duration.empty()) out << "  duration " << ev.duration << " after " << ev.anchor_type;
            out << "\n          label: " << ev.label << "  theme: " << ev.theme << '\n';
            auto names = [&](const char* what, const std::vector<std::size_t>& ids) {
                if (ids.empty()) return;
                out << "          " << what << ':';
                for (std::size_t i : ids) out << ' ' << a.entities[i].name << ';';
                out << '\n';
            };
            names("agents", ev.agents);
            names("patients", ev.patients);
            names("places", ev.places);
            names("sources", ev.sources);
        }
        for (const Claim& c : a.claims)
            if (c.sentence == s)
                out << "   claim  " << c.about << " = " << c.value << ' ' << c.unit << "  '" << c.text << "'\n";
    }
}

}  // namespace chronograph
