#include "events/claims.hpp"

#include "events/sentence_view.hpp"

#include <cmath>
#include <cstdio>
#include <string>

namespace chronograph::events {
namespace {

double parse_number(std::string_view s) {
    std::string digits;
    for (char c : s)
        if (c != ',') digits.push_back(c);
    return std::atof(digits.c_str());
}

/// Head noun of the noun phrase around a measured length: "the proposed bridge will span"
/// -> "bridge"; "the kilometre-long X Road bridge" -> "bridge".
std::string measured_thing(const SentenceView& v, const Lexicon& lex, std::size_t number, std::size_t unit_end) {
    auto np_head = [&](std::size_t from) {
        std::string head;
        for (std::size_t j = from; j < v.size(); ++j) {
            const std::string& w = v.words[j];
            if (!v.is_word(j) || lex.in_class("auxiliary", w) || lex.in_class("be", w) || w == "which" || w == "that" ||
                lex.in_class("label-stop", w) || lex.trigger_at(v.words, j))
                break;
            head = w;
        }
        return head;
    };
    // "... kilometre-long bridge": the thing follows.
    if (v.is(unit_end, "-") && v.is(unit_end + 1, "long")) return np_head(unit_end + 2);
    for (std::size_t j = number; j-- > 0 && number - j < 14;) {
        const std::string& w = v.words[j];
        if (w == "the" || w == "a" || w == "an" || w == "this" || w == "its" || w == "their") {
            const std::string head = np_head(j + 1);
            if (!head.empty()) return head;
        }
    }
    return {};
}

std::string event_verb_name(const std::string& type) {
    if (type == "deployment") return "deployed";
    if (type == "casualties") return "killed or wounded";
    if (type == "death") return "killed";
    if (type == "capture") return "captured";
    return {};
}

}  // namespace

void extract_claims(DocumentAnalysis& a, const Lexicon& lex) {
    for (std::size_t s = 0; s < a.sentences.size(); ++s) {
        const SentenceView v(a, s);
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (!v.token(i).is(kNumber) || v.timex[i] >= 0) continue;
            // Conversions in parentheses restate the number before them.
            if (v.clauses[v.clause[i]].embedded && i > 0 && (v.words[i - 1] == "(" || v.words[i - 1] == "[")) continue;
            double value = parse_number(v.text(i));
            std::size_t j = i + 1;
            if (j < v.size()) {
                if (const Measure* scale = lex.measure(v.words[j], "scale")) {
                    value *= scale->factor;
                    ++j;
                }
            }
            std::size_t start = i;
            if (i > 0 && lex.measure(v.words[i - 1], "approx")) start = i - 1;
            else if (i > 2 && v.words[i - 3] == "as" && v.words[i - 2] == "many" && v.words[i - 1] == "as") start = i - 3;
            else if (i > 1 && (v.words[i - 2] == "more" || v.words[i - 2] == "fewer" || v.words[i - 2] == "less") && v.words[i - 1] == "than") start = i - 2;

            Claim claim;
            claim.sentence = s;
            // The measured unit or counted noun, allowing a few words between: "600 North Korean soldiers".
            bool additional = false;
            std::size_t unit = j;
            for (; unit < v.size() && unit < j + 4; ++unit) {
                if (!v.is_word(unit)) break;
                if (lex.measure(v.words[unit], "length") || lex.measure(v.words[unit], "people")) break;
                if (v.words[unit] == "additional" || v.words[unit] == "more" || v.words[unit] == "extra") additional = true;
            }
            const Measure* m = unit < v.size() ? lex.measure(v.words[unit], "length") : nullptr;
            if (m && unit == j) {
                claim.unit = m->unit;
                claim.value = value * m->factor;
                const std::string thing = measured_thing(v, lex, start, unit + 1);
                if (thing.empty()) continue;
                claim.about = "length of " + thing;
            } else {
                const Measure* p = unit < v.size() ? lex.measure(v.words[unit], "people") : nullptr;
                // "4,700 of them have been killed", "approximately 4,000 have been killed"
                std::string measure_name = p ? p->name : "people";
                const bool of_them = v.is(j, "of") && v.is(j + 1, "them");
                const bool bare_subject = j < v.size() && lex.in_class("have", v.words[j]);
                if (!p && !of_them && !bare_subject) continue;
                // The event of the clause says what happened to them.
                std::string type;
                for (const EventMention& ev : a.events)
                    if (ev.sentence == s && ev.clause.overlaps(v.token(i).span)) type = ev.type;
                if (type.empty())
                    for (const EventMention& ev : a.events)
                        if (ev.sentence == s && ev.trigger.start > v.token(i).span.start) { type = ev.type; break; }
                const std::string verb = event_verb_name(type);
                if (measure_name == "casualties" || measure_name == "deaths") {
                    // already says what happened
                } else if (!verb.empty()) {
                    measure_name += " " + verb;
                } else {
                    continue;  // a count with no event: too vague to compare
                }
                if (type == "casualties" || type == "death") measure_name = "casualties";
                if (additional) measure_name = "additional " + measure_name;
                // Whose: a country inside the phrase, else the nearest actor before, else the sentence's first country.
                std::string whose;
                for (std::size_t k = i; k <= unit && k < v.size(); ++k)
                    if (v.entity[k] >= 0 && a.entities[v.entity[k]].kind == EntityKind::Country) { whose = a.entities[v.entity[k]].name; break; }
                for (std::size_t k = i; whose.empty() && k-- > 0;) {
                    if (v.clause[k] != v.clause[i]) break;
                    if (v.entity[k] >= 0 && a.entities[v.entity[k]].kind != EntityKind::Place) whose = a.entities[v.entity[k]].name;
                }
                for (std::size_t k = 0; whose.empty() && k < v.size(); ++k)
                    if (v.entity[k] >= 0 && a.entities[v.entity[k]].kind == EntityKind::Country) whose = a.entities[v.entity[k]].name;
                if (whose.empty()) continue;
                claim.unit = "person";
                claim.value = value;
                claim.about = measure_name + " (" + whose + ")";
                m = p;
            }
            const std::size_t end = std::min(v.size() - 1, m ? unit : i);
            claim.span = Span{v.token(start).span.start, v.token(end).span.end};
            claim.text = std::string(a.text(claim.span));
            for (std::size_t e = 0; e < a.events.size(); ++e)
                if (a.events[e].sentence == s && a.events[e].clause.overlaps(claim.span)) claim.event = e;
            a.claims.push_back(std::move(claim));
            i = std::max(i, end);
        }
    }
}

}  // namespace chronograph::events
