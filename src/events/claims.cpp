#include "events/claims.hpp"

#include "events/sentence_view.hpp"

#include <optional>
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
            const std::string_view w = v.words[j];
            if (!v.is_word(j) || v.in(j, lex.grammar().auxiliary) || v.in(j, lex.grammar().be) || w == "which" || w == "that" ||
                v.in(j, lex.grammar().label_stop) || lex.trigger_at(v, j))
                break;
            head = w;
        }
        return head;
    };
    // "... kilometre-long bridge": the thing follows.
    if (v.is(unit_end, "-") && v.is(unit_end + 1, "long")) return np_head(unit_end + 2);
    for (std::size_t j = number; j-- > 0 && number - j < 14;) {
        const std::string_view w = v.words[j];
        if (w == "the" || w == "a" || w == "an" || w == "this" || w == "its" || w == "their") {
            const std::string head = np_head(j + 1);
            if (!head.empty()) return head;
        }
    }
    return {};
}

/// The event of the sentence that a number at token `at` speaks of: one of the same
/// clause first, then the nearest trigger (one before the number preferred).
std::optional<std::size_t> event_of(const DocumentAnalysis& a, const SentenceView& v, std::size_t at) {
    std::optional<std::size_t> best;
    std::size_t best_score = 0;
    const Span where = v.token(at).span;
    for (auto [e, end] = items_of_sentence(a.events, v.index); e < end; ++e) {
        const EventMention& ev = a.events[e];
        std::size_t d = ev.trigger.end <= where.start ? where.start - ev.trigger.end
                                                      : (ev.trigger.start - std::min(ev.trigger.start, where.end)) * 2;
        for (std::size_t k = 0; k < v.size(); ++k)
            if (v.token(k).span.start == ev.trigger.start && v.clause[k] != v.clause[at]) d += 1000;
        if (!best || d < best_score) {
            best = e;
            best_score = d;
        }
    }
    return best;
}

/// What the people counted at [from, to] suffered, from a harm word of measures.tsv
/// right before the count ("killed 23 people", "injured more than 5,500 people") or, when
/// none is there, right after it ("23 people were killed"); "killed or wounded" are
/// casualties. Empty when no harm word is near.
std::string harm_near(const SentenceView& v, const Lexicon& lex, std::size_t from, std::size_t to) {
    auto harm = [&](std::size_t k) -> const Measure* { return k < v.size() ? lex.measure(v.entries[k], "harm") : nullptr; };
    auto named = [&](std::size_t k) {
        const Measure* h = harm(k);
        // "killed or wounded", "wounded and killed"
        if ((v.is(k + 1, "or") || v.is(k + 1, "and")) && harm(k + 2) && harm(k + 2)->name != h->name) return std::string("casualties");
        if (k >= 2 && (v.is(k - 1, "or") || v.is(k - 1, "and")) && harm(k - 2) && harm(k - 2)->name != h->name)
            return std::string("casualties");
        return h->name;
    };
    for (std::size_t k = from; k-- > 0 && from - k <= 3;) {
        // "killed 100 people and more than 1,000 others wounded": a conjunction starts another count.
        if (!v.is_word(k) || v.is(k, "and") || v.is(k, "or") || v.is(k, "while")) break;
        if (harm(k)) return named(k);
    }
    for (std::size_t k = to + 1; k < v.size() && k <= to + 4; ++k) {
        if (!v.is_word(k)) break;
        if (harm(k)) return named(k);
    }
    return {};
}

/// What happened to the people counted at [from, to], as a measure name ("troops
/// deployed"). A harm word next to the count says it whatever the clause's event is
/// ("air strikes killed 30 people": the strikes are the event).
std::string people_measure(const SentenceView& v, const Lexicon& lex, std::size_t from, std::size_t to, std::string counted,
                           const std::string& type) {
    if (counted == "casualties" || counted == "deaths") return counted;
    if (type != "deployment" && type != "capture")
        if (std::string near = harm_near(v, lex, from, to); !near.empty()) return near;
    // Else the event's type says, for people in general ("killing about 1,200 people and
    // taking 251 hostages": the hostages are no deaths).
    if ((type == "casualties" || type == "death") && (counted == "people" || counted == "civilians")) {
        // The sentence says whether the wounded count too: "killed or wounded", "casualties,
        // including deaths and injuries".
        for (const std::string_view w : v.words)
            if (w == "wounded" || w == "injured" || w == "injuries" || w == "injury" || w == "wounding" || w == "casualties")
                return "casualties";
        return "deaths";
    }
    if (type == "deployment") return counted + " deployed";
    if (type == "capture") return counted + " captured";
    return {};
}

/// Whose people: a country named inside the phrase ("600 North Korean soldiers"), else the
/// nearest actor before it in its clause, else the actors of its event, else the
/// sentence's first country.
std::string whose(const DocumentAnalysis& a, const SentenceView& v, std::size_t from, std::size_t to,
                  const std::optional<std::size_t>& event) {
    auto country = [&](int e) { return e >= 0 && a.entities[e].kind == EntityKind::Country; };
    for (std::size_t k = from; k <= to && k < v.size(); ++k)
        if (country(v.entity[k])) return a.entities[v.entity[k]].name;
    for (std::size_t k = from; k-- > 0;) {
        if (v.clause[k] != v.clause[from]) break;
        if (v.entity[k] >= 0 && a.entities[v.entity[k]].kind != EntityKind::Place) return a.entities[v.entity[k]].name;
    }
    if (event)
        for (std::size_t e : a.events[*event].agents)
            if (a.entities[e].kind != EntityKind::Place) return a.entities[e].name;
    for (std::size_t k = 0; k < v.size(); ++k)
        if (country(v.entity[k])) return a.entities[v.entity[k]].name;
    return {};
}

/// Where the number's qualifier starts: "about 15,000", "as many as 14,000", "more than 600".
std::size_t qualifier_start(const SentenceView& v, const Lexicon& lex, std::size_t i) {
    if (i > 0 && lex.measure(v.entries[i - 1], "approx")) return i - 1;
    if (i > 2 && v.words[i - 3] == "as" && v.words[i - 2] == "many" && v.words[i - 1] == "as") return i - 3;
    if (i > 1 && (v.words[i - 2] == "more" || v.words[i - 2] == "fewer" || v.words[i - 2] == "less") && v.words[i - 1] == "than")
        return i - 2;
    return i;
}

void add_claim(DocumentAnalysis& a, const SentenceView& v, Claim claim, std::size_t from, std::size_t to,
               const std::optional<std::size_t>& event) {
    claim.sentence = v.index;
    claim.span = Span{v.token(from).span.start, v.token(to).span.end};
    claim.text = std::string(a.text(claim.span));
    claim.event = event;
    a.claims.push_back(std::move(claim));
}

}  // namespace

void extract_claims(DocumentAnalysis& a, const SentenceView& v, const Lexicon& lex) {
    {
        for (std::size_t i = 0; i < v.size(); ++i) {
            // "the kilometre-long bridge": one unit, no number.
            if (const Measure* unit = lex.measure(v.entries[i], "length");
                unit && v.is(i + 1, "-") && v.is(i + 2, "long") && (i == 0 || !v.token(i - 1).is(kNumber))) {
                const std::string thing = measured_thing(v, lex, i, i + 1);
                if (thing.empty()) continue;
                Claim claim;
                claim.unit = unit->unit;
                claim.value = unit->factor;
                claim.about = "length of " + thing;
                add_claim(a, v, std::move(claim), i, i + 2, event_of(a, v, i));
                continue;
            }
            if (!v.token(i).is(kNumber) || v.timex[i] >= 0) continue;
            // Conversions in parentheses restate the number before them.
            if (v.clauses[v.clause[i]].embedded && i > 0 && (v.words[i - 1] == "(" || v.words[i - 1] == "[")) continue;
            double value = parse_number(v.text(i));
            std::size_t j = i + 1;
            if (j < v.size())
                if (const Measure* scale = lex.measure(v.entries[j], "scale")) {
                    value *= scale->factor;
                    ++j;
                }
            const std::size_t start = qualifier_start(v, lex, i);
            // The unit or counted noun, a few words on at most: "600 North Korean soldiers".
            bool additional = false;
            std::size_t unit = j;
            for (; unit < v.size() && unit < j + 4 && v.is_word(unit); ++unit) {
                if (lex.measure(v.entries[unit], "length") || lex.measure(v.entries[unit], "people")) break;
                additional = additional || v.words[unit] == "additional" || v.words[unit] == "more" || v.words[unit] == "extra";
            }
            const bool has_unit = unit < v.size() && v.is_word(unit);
            const std::optional<std::size_t> event = event_of(a, v, i);
            Claim claim;
            if (const Measure* len = has_unit && unit == j ? lex.measure(v.entries[unit], "length") : nullptr) {
                // "winds of up to 149 km per hour", "60 miles an hour": a speed, not a length.
                const bool rate = v.is(unit + 1, "per") || v.is(unit + 1, "/") ||
                                  ((v.is(unit + 1, "an") || v.is(unit + 1, "a")) && unit + 2 < v.size() &&
                                   (v.is(unit + 2, "hour") || v.is(unit + 2, "day") || v.is(unit + 2, "year")));
                if (rate) continue;
                const std::string thing = measured_thing(v, lex, start, unit + 1);
                if (thing.empty()) continue;
                claim.unit = len->unit;
                claim.value = value * len->factor;
                claim.about = "length of " + thing;
                add_claim(a, v, std::move(claim), start, unit, event);
                i = unit;
                continue;
            }
            const Measure* people = has_unit ? lex.measure(v.entries[unit], "people") : nullptr;
            // "4,700 of them have been killed", "approximately 4,000 have been killed"
            const bool of_them = v.is(j, "of") && v.is(j + 1, "them");
            const bool bare_subject = j < v.size() && v.in(j, lex.grammar().have);
            if (!people && !of_them && !bare_subject) continue;
            const std::size_t end = people ? unit : i;
            std::string measure_name =
                people_measure(v, lex, start, end, people ? people->name : "people", event ? a.events[*event].type : "");
            if (measure_name.empty()) continue;  // a count with no event: too vague to compare
            if (additional) measure_name = "additional " + measure_name;
            const std::string owner = whose(a, v, i, end, event);
            if (owner.empty()) continue;
            claim.unit = "person";
            claim.value = value;
            claim.about = measure_name + " (" + owner + ")";
            add_claim(a, v, std::move(claim), start, end, event);
            i = end;
        }
    }
}

}  // namespace chronograph::events
