// The label of an event: who did what, in the article's words, short enough for a
// timeline ("North Korea and Russia held a ground-breaking ceremony for the bridge").
#include "events/extractor_impl.hpp"

#include <algorithm>
#include <string>

namespace chronograph {
namespace {

using events::Candidate;
using events::ing_form;
using events::SentenceView;

bool is_quote(std::string_view w) {
    return w == "\"" || w == "\xE2\x80\x9C" || w == "\xE2\x80\x9D";  // " “ ”
}

/// A label without double quotation marks: a summary quotes nobody, and a label cut
/// inside a quotation would leave one unbalanced.
std::string without_quotes(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '"') continue;
        if (text[i] == '\xE2' && (text.compare(i, 3, "\xE2\x80\x9C") == 0 || text.compare(i, 3, "\xE2\x80\x9D") == 0)) {
            i += 2;
            continue;
        }
        // One space where a mark stood between two.
        if (text[i] == ' ' && (out.empty() || out.back() == ' ')) continue;
        out += text[i];
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace

std::string EventExtractor::Impl::relative_antecedent(const SentenceView& v, std::size_t start) const {
    // "the collapse of a railway station canopy that killed 15 people": a relative clause
    // without a comma; its subject is the noun phrase before "that" / "which" / "who".
    if (start < 2 || !(v.is(start - 1, "that") || v.is(start - 1, "which") || v.is(start - 1, "who"))) return {};
    const std::size_t rel = start - 1;
    if (v.in(rel - 1, lex.grammar().reporting) || v.in(rel - 1, lex.grammar().speech) || !v.is_word(rel - 1) ||
        v.in(rel - 1, lex.grammar().preposition) || v.entity[rel - 1] >= 0 || v.timex[rel - 1] >= 0)
        return {};
    std::size_t from = rel;
    while (from > 0 && rel - from < 6 && (v.is_word(from - 1) || v.words[from - 1] == "-") &&
           !v.in(from - 1, lex.grammar().preposition) && !v.in(from - 1, lex.grammar().auxiliary) &&
           !v.in(from - 1, lex.grammar().label_stop) && !lex.trigger_at(v, from - 1) && v.timex[from - 1] < 0)
        --from;
    // Only a phrase that starts with a determiner is a noun phrase for sure ("a ... canopy").
    return from < rel && v.in(from, lex.grammar().determiner) ? v.surface(from, rel) : std::string();
}

std::string EventExtractor::Impl::sentence_subject(const SentenceView& v, std::size_t before) const {
    // "The ferry was carrying 65 people when it sank": "it" is the noun phrase the sentence
    // opens with (a determiner first, so no name: "Elian was ... when it capsized"), when a
    // verb follows that phrase.
    if (before == 0 || !v.in(0, lex.grammar().determiner) || v.in(0, lex.grammar().pronoun)) return {};
    std::size_t to = 0;
    while (to < before && to < 7 && (v.is_word(to) || v.words[to] == "-") && !v.in(to, lex.grammar().auxiliary) &&
           !v.in(to, lex.grammar().be) && !v.in(to, lex.grammar().have) && !v.in(to, lex.grammar().preposition) &&
           !v.in(to, lex.grammar().label_stop) && !lex.trigger_at(v, to) && v.timex[to] < 0)
        ++to;
    const bool verb_follows = to < before && (v.in(to, lex.grammar().auxiliary) || v.in(to, lex.grammar().be) ||
                                              v.in(to, lex.grammar().have));
    // "it" is no person ("Elian was ... on a powerboat when it capsized").
    for (std::size_t k = 0; k < to; ++k)
        if (v.entity[k] >= 0 && v.a.entities[v.entity[k]].kind == EntityKind::Person) return {};
    return to > 0 && verb_follows ? v.surface(0, to) : std::string();
}

std::string EventExtractor::Impl::antecedent(const SentenceView& v, int clause) const {
    std::size_t first = v.clause_start(clause);
    if (first < v.size() && v.words[first] == ",") ++first;  // the comma that opened the clause
    if (first < 2 || first >= v.size()) return {};
    if (v.words[first] == "and" || v.words[first] == "but") {
        // "..., the bridge will stretch 1 km and is projected to ...": the subject of the
        // clause before.
        std::size_t back = first - 1;
        while (back > 0 && v.clauses[v.clause[back]].embedded) --back;
        const int prev = v.clause[back];
        std::size_t from = 0;
        while (from < first && v.clause[from] != prev) ++from;
        std::size_t to = from;
        while (to < first && to - from < 6 && (v.is_word(to) || v.words[to] == "-") && !v.in(to, lex.grammar().auxiliary) &&
               !v.in(to, lex.grammar().preposition) && !lex.trigger_at(v, to))
            ++to;
        return to > from ? v.surface(from, to) : std::string();
    }
    if (!v.in(first, lex.grammar().pronoun) || v.words[first - 1] != ",") return {};
    // "Germany released Vadim Krasikov, who was convicted ...": a name right before the comma
    // is what the clause hangs on, not the clause before it.
    if (const int e = v.entity[first - 2]; e >= 0 && v.a.entities[e].kind == EntityKind::Person) {
        std::size_t start = first - 2;
        while (start > 0 && v.entity[start - 1] == e) --start;
        return v.surface(start, first - 1);
    }
    std::size_t from = first - 1;
    // "Construction of the dam, which began ...": "of" after an event noun stays in the
    // phrase (but "parts of the region, which had been seized": the region).
    auto of_phrase = [&](std::size_t k) {
        return v.words[k] == "of" && k > 0 && k + 1 < first - 1 && lex.trigger_at(v, k - 1).has_value();
    };
    while (from > 0 && first - 1 - from < 7 && (v.is_word(from - 1) || v.words[from - 1] == "-") &&
           (!v.in(from - 1, lex.grammar().preposition) || of_phrase(from - 1)) && !v.in(from - 1, lex.grammar().auxiliary))
        --from;
    return from < first - 1 ? v.surface(from, first - 1) : std::string();
}

void EventExtractor::Impl::label(const SentenceView& v, const Candidate& c, int clause,
                                 const std::vector<std::size_t>& local_agents, EventMention& ev) const {
    auto same = [&](std::size_t k) { return v.clause[k] == clause && v.timex[k] < 0; };
    auto embedded = [&](std::size_t k) { return k < v.size() && v.clause[k] != clause && v.clauses[v.clause[k]].embedded; };
    // Subject: an actor named shortly before the trigger, else the noun phrase before the
    // auxiliaries ("the bridge | is expected to | take"), stepping over a relative clause.
    std::size_t start = c.head;
    bool subject = false;
    for (std::size_t i = 0; i < c.head; ++i) {
        const int e = v.entity[i];
        if (e >= 0 && v.clause[i] == clause && c.head - i <= 10 &&
            std::find(local_agents.begin(), local_agents.end(), static_cast<std::size_t>(e)) != local_agents.end()) {
            std::size_t end = i;
            while (end + 1 < c.head && v.entity[end + 1] == e) ++end;
            // "accusing Moscow of orchestrating an arson attack": the name is the object of
            // another verb; the label is the event's own noun phrase.
            if (c.nominal && v.is(end + 1, "of") && end + 2 < c.head && ing_form(v.words[end + 2])) break;
            start = i;
            while (start > 0 && v.entity[start - 1] == e) --start;
            subject = true;
            break;
        }
    }
    if (!subject && c.nominal && c.head >= 2) {
        // The event noun's own phrase: "an arson attack", "the deadly assault".
        std::size_t k = c.head;
        while (k > 0 && c.head - k < 4 && same(k - 1) && v.is_word(k - 1) && !v.in(k - 1, lex.grammar().preposition) &&
               !v.in(k - 1, lex.grammar().label_stop) && !ing_form(v.words[k - 1]) && v.entity[k - 1] < 0)
            --k;
        if (k < c.head && v.in(k, lex.grammar().determiner) && k > 0 && ing_form(v.words[k - 1])) {
            start = k;
            subject = true;
        }
    }
    if (!subject) {
        while (start > 0 && same(start - 1) && c.head - start < 6 && v.in(start - 1, lex.grammar().pre_trigger)) --start;
        std::size_t np = start, words = 0;
        while (np > 0) {
            const std::size_t k = np - 1;
            if (embedded(k) || (v.words[k] == "," && ((k > 0 && embedded(k - 1)) || embedded(k + 1)))) {
                np = k;
                continue;
            }
            // "An earthquake of magnitude 6.2": "of" between two nouns stays in the phrase;
            // so does a number's "at least" ("At least 70 people were killed").
            const bool of_phrase = (v.words[k] == "of" && words > 0 && k > 0 && v.is_word(k - 1) && same(k - 1) &&
                                    !v.in(k - 1, lex.grammar().preposition) && !v.in(k - 1, lex.grammar().auxiliary)) ||
                                   (v.words[k] == "at" && (v.is(k + 1, "least") || v.is(k + 1, "most")));
            // A hyphen inside a word ("ground-breaking") stays; a dash between spaces, as after
            // a dateline ("MARSEILLE (AFP) - More than ..."), ends the phrase.
            const bool hyphen = v.words[k] == "-" && !v.token(k).is(kSpaceBefore);
            if (!same(k) || words >= 6 || !(v.is_word(k) || v.token(k).is(kNumber) || hyphen) ||
                (v.in(k, lex.grammar().preposition) && !of_phrase) ||
                (v.in(k, lex.grammar().label_stop) && !of_phrase) || v.in(k, lex.grammar().auxiliary) || v.words[k] == "and" ||
                v.words[k] == "or" || v.words[k] == "but")
                break;
            np = k;
            words += v.is_word(k) || v.token(k).is(kNumber);
        }
        // Cut short by the length at an "of": the head noun it hangs on, and its determiner
        // ("A panel | of five justices voted 4-1 to convict", not "Of five justices ...").
        if (np < start && v.words[np] == "of" && np > 0 && same(np - 1) && v.is_word(np - 1) &&
            !v.in(np - 1, lex.grammar().preposition) && !v.in(np - 1, lex.grammar().label_stop)) {
            --np;
            if (np > 0 && same(np - 1) && v.in(np - 1, lex.grammar().determiner)) --np;
        }
        while (np < start && (embedded(np) || v.words[np] == ",")) ++np;
        // "A missile strike on a crowded market in Kharkiv | killed": a subject that opens its
        // clause goes on over its prepositional phrases, each back to a determiner.
        if (words > 0 && np > 0 && v.in(np - 1, lex.grammar().preposition) && !v.in(np - 1, lex.grammar().circumstance)) {
            std::size_t ext = np;
            while (ext >= 2 && same(ext - 1) && v.in(ext - 1, lex.grammar().preposition) &&
                   !v.in(ext - 1, lex.grammar().circumstance) && np - ext < 12) {
                std::size_t k = ext - 1, run = 0;
                while (k > 0 && same(k - 1) && run < 5 && (v.is_word(k - 1) || v.words[k - 1] == "-") &&
                       !v.in(k - 1, lex.grammar().preposition) && !v.in(k - 1, lex.grammar().auxiliary) &&
                       !v.in(k - 1, lex.grammar().label_stop))
                    --k, ++run;
                // not across a dateline's dash ("(Reuters) - Thousands of ...")
                if (run > 0 && v.words[k] == "-" && (k == 0 || !v.is_word(k - 1))) ++k, --run;
                // A chunk opens with a determiner or a quantifier ("Thousands | of dockworkers"),
                // or is the bare noun of an "of" ("of | dockworkers | at the port").
                const bool of_object = k > 0 && same(k - 1) && v.is(k - 1, "of");
                if (run == 0 || !(v.in(k, lex.grammar().determiner) || v.in(k, lex.grammar().quantifier) || of_object)) break;
                ext = k;
            }
            // A dateline's dash ("ROTTERDAM, March 3 (Reuters) - Thousands of ...") opens it too.
            const bool opens_clause = ext == 0 || !same(ext - 1) || v.words[ext - 1] == "," || v.words[ext - 1] == "-";
            if (ext < np && opens_clause) np = ext;
        }
        // A noun phrase right before the trigger ("a railway bridge built in 1959") is its
        // subject even after a preposition; further back, only outside one, or after a word
        // that opens a clause as well ("before | the treaty | is signed").
        if (words > 0 && (np == 0 || !v.in(np - 1, lex.grammar().preposition) || start == c.head ||
                          v.in(np - 1, lex.grammar().clause_opener))) {
            start = np;
            subject = !v.in(np, lex.grammar().pronoun);
            // "who have | led the | protests": after a relative pronoun and an auxiliary the
            // words are the verb and its object, not a subject; the auxiliary stays and the
            // subject is the noun the clause hangs on.
            if (np > 1 && same(np - 1) && v.in(np - 1, lex.grammar().auxiliary) && c.nominal &&
                (v.is(np - 2, "who") || v.is(np - 2, "which") || v.is(np - 2, "that"))) {
                start = np - 1;
                subject = false;
            }
        }
    }
    // End: the object, up to a stop word, a time expression or the clause's end.
    std::size_t end = c.last;
    while (end < v.size() && end < c.last + 8) {
        if (v.clause[end] != clause) {
            if (embedded(end)) {
                ++end;  // skip an embedded clause; the label resumes after it
                continue;
            }
            break;
        }
        if (v.timex[end] >= 0) {
            // "a 30-day pause", "a three-year deal": a length that qualifies a noun of the
            // object is part of it, not the event's time
            const int tx = v.timex[end];
            std::size_t after = end;
            while (after < v.size() && v.timex[after] == tx) ++after;
            const bool attributive = v.a.timexes[tx].type == TimexType::Duration && after < v.size() &&
                                     v.clause[after] == clause && v.is_word(after) &&
                                     !v.in(after, lex.grammar().label_stop) && !v.in(after, lex.grammar().preposition) &&
                                     !v.is(after, "and") && !v.is(after, "or") && !v.is(after, "but");
            if (!attributive || after >= c.last + 8) break;  // not "... of a 10-year" cut short
            end = after;
            continue;
        }
        // "the assault on the capital", "sanctions on Iran": right after a noun trigger,
        // "on" brings what the event acts on, not a place or a time.
        // So does "on" right after "agree" ("agree on prisoner swap"), unless a date follows.
        const bool object_on = end == c.last && v.words[end] == "on" &&
                               (c.nominal || (end + 1 < v.size() && v.timex[end + 1] < 0 && c.type == "agreement"));
        // "killing at least 12 people": a number's "at least" does not end the object.
        const bool at_least = v.words[end] == "at" && (v.is(end + 1, "least") || v.is(end + 1, "most"));
        // 'to "liberate" territories': the quote that closes a quoted trigger ends nothing.
        const bool closing_quote = end == c.last && c.head > 0 && is_quote(v.words[end]) && is_quote(v.words[c.head - 1]);
        if (v.in(end, lex.grammar().label_stop) && !object_on && !at_least && !closing_quote) break;
        ++end;
    }
    while (end > c.last && v.in(end - 1, lex.grammar().label_trim)) --end;
    // "The machinists extended their six-week strike": a bare event noun as the object of
    // its clause's verb is told by the whole clause, not by "Strike" alone.
    if (c.object_noun && !subject && end <= c.last + 1) {
        std::size_t first = c.head;
        while (first > 0 && v.clause[first - 1] == clause && v.words[first - 1] != "," && c.head - first < 10) --first;
        if (!v.in(first, lex.grammar().preposition) && !v.in(first, lex.grammar().pronoun)) {
            start = first;
            subject = true;
        }
    }
    // "Monday's federal election": the date is the event's time, not part of its label.
    if (start < c.head && v.possessive(start) && start > 0 && v.timex[start - 1] >= 0) start += v.is(start, "'s") ? 1 : 2;
    // "President Joe Biden, who said he would sign it": a subject that is only the verb of
    // saying has its speaker named below, as "he" is.
    const bool said_first = start < c.head && v.in(start, lex.grammar().speech);
    if (said_first) {
        ++start;
        subject = false;
    }
    const std::size_t with_pronoun = start;
    // "it had sent": named below (but "WHO declares" names the World Health Organization).
    if (start < c.head && v.in(start, lex.grammar().pronoun) && v.entity[start] < 0) ++start;
    std::string text = v.surface(start, end, clause);
    // "A Brazilian court on Tuesday sentenced ...": a date between the subject and the
    // trigger is the event's time, told apart; the label goes without it.
    for (std::size_t k = start + 1; k < c.head; ++k) {
        const int tx = v.timex[k];
        if (tx < 0 || v.clause[k] != clause) continue;
        const TimexType type = v.a.timexes[tx].type;
        std::size_t after = k;
        while (after < c.head && v.timex[after] == tx) ++after;
        if ((type != TimexType::Date && type != TimexType::Time) || v.possessive(after)) break;
        const std::size_t from = v.in(k - 1, lex.grammar().preposition) && k - 1 > start ? k - 1 : k;
        text = v.surface(start, from, clause) + " " + v.surface(after, end, clause);
        break;
    }
    // "Ukraine's air force said it had shot down 112 drones": the speaker is the subject;
    // the verb of saying and its pronoun go ("Ukraine's air force had shot down 112 drones").
    for (std::size_t k = start + 1; subject && k + 1 < c.head; ++k) {
        if (!v.in(k, lex.grammar().speech)) continue;
        std::size_t p = k + 1;
        while (p < c.head && (v.timex[p] >= 0 || v.is(p, "on"))) ++p;  // "said on Saturday it had ..."
        if (v.is(p, "that")) ++p;
        std::size_t speaker_end = k;  // "the Council has said it will": "the Council will"
        while (speaker_end > start + 1 && v.in(speaker_end - 1, lex.grammar().auxiliary)) --speaker_end;
        const bool contracted = p + 1 < v.size() && !v.words[p + 1].empty() && v.words[p + 1][0] == '\'';  // "it's"
        if (p < c.head && v.in(p, lex.grammar().pronoun) && !v.is(p, "that") && !v.is(p, "which") && !v.is(p, "who") &&
            !contracted)
            text = v.surface(start, speaker_end, clause) + " " + v.surface(p + 1, end, clause);
        break;
    }
    if (!subject) {
        // A clause without a subject of its own: the actors' names, or the noun a relative
        // clause hangs on ("The kilometre-long ... bridge, which is expected to take ...").
        // In the passive the subject is what was acted on, not the agent after "by".
        const bool is_passive = passive(v, c);
        std::string prefix = is_passive ? antecedent(v, clause) : std::string();
        const std::vector<std::size_t>& names = is_passive ? ev.patients : ev.agents;
        if (prefix.empty())
            for (std::size_t k = 0; k < names.size() && k < 3; ++k) {
                if (k) prefix += k + 1 == std::min<std::size_t>(names.size(), 3) ? " and " : ", ";
                prefix += v.a.entities[names[k]].name;
            }
        if (prefix.empty() && !is_passive) prefix = antecedent(v, clause);
        // "First of America Bank Corp. said it completed ...": the speaker it stands for.
        if (prefix.empty() && said_first && with_pronoun < start && !ev.sources.empty())
            prefix = v.a.entities[ev.sources.front()].name;
        if (prefix.empty() && with_pronoun < start && v.is(with_pronoun, "it")) prefix = sentence_subject(v, with_pronoun);
        if (prefix.empty()) prefix = relative_antecedent(v, start);
        if (!prefix.empty()) text = prefix + " " + text;
        // Nobody to name: "They provided assistance" still says more than "Provided assistance".
        else if (with_pronoun < start) text = v.surface(with_pronoun, end, clause);
    }
    text = without_quotes(text);
    // "Russia's defence ministry said its forces had captured ...": the possessive stands
    // for the one source ("Russia's forces had captured ...").
    for (const char* own : {"its ", "Its ", "their ", "Their "})
        if (text.starts_with(own) && ev.sources.size() == 1) {
            text = v.a.entities[ev.sources.front()].name + "'s " + text.substr(std::string_view(own).size());
            break;
        }
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
    ev.label = text;
    ev.clause = Span{v.token(start).span.start, v.token(std::max(end, c.last) - 1).span.end};

    // Theme: the head noun of what the event acts on ("a bridge for automobiles" -> bridge).
    std::size_t i = c.last;
    while (i < v.size() && v.clause[i] == clause && (v.in(i, lex.grammar().light_noun) || v.words[i] == "for" ||
                                                     v.words[i] == "of" || v.words[i] == "on"))
        ++i;
    std::string theme;
    for (; i < v.size() && i < c.last + 8 && v.clause[i] == clause; ++i) {
        const std::string_view w = v.words[i];
        if (v.timex[i] >= 0 || v.in(i, lex.grammar().label_stop) || v.in(i, lex.grammar().preposition) || w == "'s") break;
        if (v.is_word(i) && !v.in(i, lex.grammar().determiner) && !v.in(i, lex.grammar().label_trim) &&
            !v.in(i, lex.grammar().compass) && v.entity[i] < 0)
            theme = w;
    }
    if (theme.size() > 3 && theme.back() == 's' && theme[theme.size() - 2] != 's') theme.pop_back();
    ev.theme = theme;
}

}  // namespace chronograph
