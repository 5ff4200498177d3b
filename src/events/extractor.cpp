// Sentences to events: per clause, the trigger that names what happened (chosen by
// sentence_rules.hpp), its status, participants and time; its label is made in label.cpp.
#include "chronograph/events.hpp"
#include "chronograph/text.hpp"

#include "events/candidate.hpp"
#include "events/claims.hpp"
#include "events/extractor_impl.hpp"
#include "events/lexicon.hpp"
#include "events/sentence_rules.hpp"
#include "events/sentence_view.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace chronograph {
namespace {

using events::Candidate;
using events::ing_form;
using events::Lexicon;
using events::Role;
using events::SentenceRules;
using events::SentenceView;
using events::Senses;

/// A word that ranks: "strongest", "first", "deadliest" (the superlative class, or -iest).
bool superlative_at(const SentenceView& v, const Lexicon& lex, std::size_t i) {
    const std::string_view w = v.words[i];
    if (v.in(i, lex.grammar().superlative) || (w.size() > 5 && w.compare(w.size() - 4, 4, "iest") == 0)) return true;
    // "Congo's 16th Ebola outbreak since 1976": an ordinal in digits counts the same way
    const bool digits = !w.empty() && std::isdigit(static_cast<unsigned char>(w[0]));
    return digits && w.size() >= 3 &&
           (w.ends_with("th") || w.ends_with("st") || w.ends_with("nd") || w.ends_with("rd"));
}

int strength(EventStatus s) {
    switch (s) {
        case EventStatus::Negated: return 6;
        case EventStatus::Hypothetical: return 5;
        case EventStatus::Expected: return 4;
        case EventStatus::Planned: return 3;
        case EventStatus::Reported: return 2;
        case EventStatus::Ongoing: return 1;
        case EventStatus::Happened: return 0;
    }
    return 0;
}


bool participle_after_comma(const SentenceView& v, const Candidate& c);

/// "The factory shut down in 1994 and reopened in 1996": a verb after "and" whose label
/// starts with itself shares the subject of the event before it ("The factory reopened");
/// so does a participle clause ("The leaders spoke by phone, agreeing to a pause").
void share_subject(const SentenceView& v, const Candidate& c, const EventMention& before, EventMention& ev) {
    if (c.nominal || c.head == 0 || (v.words[c.head - 1] != "and" && !participle_after_comma(v, c))) return;
    const std::string_view trigger = v.a.text(ev.trigger), previous = v.a.text(before.trigger);
    if (ev.label.size() < trigger.size() || lower_ascii(ev.label.substr(0, trigger.size())) != lower_ascii(trigger)) return;
    const std::size_t at = before.label.find(previous);
    if (at == std::string::npos || at == 0) return;
    std::string label = ev.label;
    label[0] = v.a.text(v.token(c.head))[0];  // the verb's own case again
    ev.label = before.label.substr(0, at) + label;
}

/// The last single-day date sentence v names, else `before` (the last one the article
/// named before it): kept up sentence by sentence, so finding the day a story tells of
/// costs no look back over the document.
const Timex* last_day_named(const SentenceView& v, const Lexicon& lex, const Timex* before) {
    // Token by token from the end; a day a source spoke ("the ministry said on Saturday")
    // is not the day the story tells of.
    for (std::size_t i = v.size(); i > 0; --i) {
        const int tx = v.timex[i - 1];
        if (tx < 0 || (i >= 2 && v.timex[i - 2] == tx)) continue;  // the expression's first token
        const Timex& t = v.a.timexes[tx];
        if (t.type != TimexType::Date || !t.time.interval || t.time.interval->days() != 1) continue;
        std::size_t k = i - 1;
        if (k > 0 && v.is(k - 1, "on")) --k;
        if (k > 0 && v.in(k - 1, lex.grammar().speech)) continue;
        return &t;
    }
    return before;
}



/// The last date or time expression of the sentence before token `end`, or -1.
int last_date_before(const SentenceView& v, std::size_t end) {
    for (std::size_t i = end; i > 0; --i) {
        const int tx = v.timex[i - 1];
        if (tx >= 0 && (v.a.timexes[tx].type == TimexType::Date || v.a.timexes[tx].type == TimexType::Time)) return tx;
    }
    return -1;
}

/// ", killing ...": the trigger is an -ing form right after a comma.
bool participle_after_comma(const SentenceView& v, const Candidate& c) {
    return c.head > 0 && v.words[c.head - 1] == "," && ing_form(v.words[c.head]);
}


}  // namespace


EventExtractor::EventExtractor(const Resources& res) : impl_(std::make_unique<Impl>(res)) {}
EventExtractor::~EventExtractor() = default;

void EventExtractor::extract(DocumentAnalysis& a) const {
    a.events.clear();
    a.claims.clear();
    std::vector<std::size_t> recent_countries;  // entity indices, most recent last
    const Timex* last_day = nullptr;
    Senses senses;
    SentenceView v(a, impl_->lex);
    for (std::size_t s = 0; s < a.sentences.size(); ++s) {
        v.read(s);
        impl_->sentence(a, v, recent_countries, last_day, senses);
    }
}

namespace {

/// Entities in the attribution clauses of a sentence, and after "according to": the
/// sources of what the sentence reports.
std::set<std::size_t> sources_of(const SentenceView& v) {
    std::set<std::size_t> out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const int e = v.entity[i];
        if (e < 0 || !v.clauses[v.clause[i]].attribution) continue;
        const EntityKind k = v.a.entities[e].kind;
        if (k == EntityKind::Person || k == EntityKind::Organization || k == EntityKind::Country) out.insert(e);
    }
    return out;
}

/// The countries named before token `upto` of this sentence, after those of the
/// sentences before it, one entry per country, most recent last.
std::vector<std::size_t> countries_before(const SentenceView& v, std::size_t upto, std::vector<std::size_t> recent) {
    for (std::size_t i = 0; i < upto && i < v.size(); ++i) {
        const int e = v.entity[i];
        if (e >= 0 && v.a.entities[e].kind == EntityKind::Country && (i == 0 || v.entity[i - 1] != e)) {
            const std::string& key = v.a.entities[e].key;
            recent.erase(std::remove_if(recent.begin(), recent.end(),
                                        [&](std::size_t x) { return v.a.entities[x].key == key; }),
                         recent.end());
            recent.push_back(static_cast<std::size_t>(e));
        }
    }
    return recent;
}

/// What "the two countries" points back to: of the countries named so far, the two named
/// most often (the story's protagonists), the more recent first on ties; most salient last.
std::vector<std::size_t> salient_countries(const SentenceView& v, std::size_t upto, const std::vector<std::size_t>& recent) {
    std::vector<std::size_t> list = countries_before(v, upto, recent);
    const std::size_t until = upto < v.size() ? v.token(upto).span.start : v.a.sentences[v.index].span.end;
    std::map<std::string, int> count;
    for (const EntityMention& m : v.a.entities) {
        if (m.span.start >= until) break;
        if (m.kind == EntityKind::Country) ++count[m.key];
    }
    std::stable_sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
        return count[v.a.entities[a].key] < count[v.a.entities[b].key];
    });
    return list;
}

}  // namespace

void EventExtractor::Impl::sentence(DocumentAnalysis& a, const SentenceView& v, std::vector<std::size_t>& recent_countries,
                                    const Timex*& last_day, Senses& senses) const {
    const std::size_t s = v.index;
    const SentenceRules rules(lex, v, senses);
    const std::set<std::size_t> sources = sources_of(v);
    // Someone else's account: a source, or an attribution ("..., officials said"). The
    // subject's own saying after what it did ("signed the bill and said ...") makes only
    // what it says reported (its content clauses).
    bool attributed = !sources.empty(), second_saying = false;
    for (const auto& c : v.clauses) {
        attributed = attributed || (c.attribution && !c.second_saying);
        second_saying = second_saying || c.second_saying;
    }

    // Clauses in order of their first token.
    std::vector<int> order;
    for (std::size_t i = 0; i < v.size(); ++i)
        if (std::find(order.begin(), order.end(), v.clause[i]) == order.end()) order.push_back(v.clause[i]);

    const std::size_t first_event = a.events.size();
    for (int c : order) {
        if (v.clauses[c].attribution) continue;
        // Only what follows "that" or a verb of saying is reported content; an "according
        // to" aside leaves its clause an assertion of the article.
        const bool content = v.clauses[c].content;
        const std::vector<Candidate> cands = rules.choose_all(c);
        for (const Candidate& cand : cands) {
            EventMention ev;
            ev.sentence = s;
            ev.trigger = Span{v.token(cand.head).span.start, v.token(cand.head_end - 1).span.end};
            ev.lemma = cand.lemma;
            ev.type = cand.type;
            ev.nominal = cand.nominal;
            ev.status = status(v, cand, c, attributed || (content && second_saying));
            participants(v, cand, c, sources, recent_countries, ev);
            const std::vector<std::size_t> local_agents = ev.agents;
            // A clause without its own subject shares the sentence's previous one.
            if (ev.agents.empty() && a.events.size() > first_event) ev.agents = a.events.back().agents;
            for (std::size_t src : sources) ev.sources.push_back(src);  // (the label may name them)
            label(v, cand, c, local_agents, ev);
            if (a.events.size() > first_event) share_subject(v, cand, a.events.back(), ev);
            // "hit a market in Kharkiv on Sunday, killing 31 people": where, too.
            if (ev.places.empty() && a.events.size() > first_event && participle_after_comma(v, cand))
                ev.places = a.events.back().places;
            time(v, cand, cands, c, content, last_day, ev);
            // "An earthquake struck on Sunday, killing 12 people": a participle clause after
            // a comma tells what came with the event before it, at the same time.
            if (!ev.time.dated() && ev.duration.empty() && participle_after_comma(v, cand)) {
                if (a.events.size() > first_event && a.events.back().time_source == "timex") {
                    ev.timex = a.events.back().timex;
                    ev.time = a.events.back().time;
                    ev.time_source = "timex";
                } else if (const int tx = last_date_before(v, cand.head); tx >= 0) {
                    ev.timex = static_cast<std::size_t>(tx);
                    ev.time = a.timexes[tx].time;
                    ev.time_source = "timex";
                }
            }
            // "The judge set the sentencing for March 3": what is dated after the
            // publication date has not happened yet, whatever the tense said.
            if ((ev.status == EventStatus::Happened || ev.status == EventStatus::Reported) && ev.time.interval &&
                a.doc.dct && ev.time.interval->earliest > *a.doc.dct)
                ev.status = EventStatus::Planned;
            const events::TypeInfo* info = lex.type(ev.type);
            // Minor types only count when a time expression dates them; an event named by
            // a noun needs a date, an actor or a plan to count.
            const bool keep = !ev.type.empty() && info && (info->core || ev.time_source == "timex") &&
                              (!cand.nominal || ev.time_source == "timex" || !local_agents.empty() ||
                               ev.status == EventStatus::Planned || ev.status == EventStatus::Expected ||
                               !ev.duration.empty());
            if (keep) a.events.push_back(std::move(ev));
        }
    }
    recent_countries = countries_before(v, v.size(), std::move(recent_countries));
    last_day = last_day_named(v, lex, last_day);
    events::extract_claims(a, v, lex);
}

EventStatus EventExtractor::Impl::status(const SentenceView& v, const Candidate& c, int clause, bool attributed) const {
    EventStatus best = EventStatus::Happened;
    auto consider = [&](EventStatus s) {
        if (strength(s) > strength(best)) best = s;
    };
    // A negating verb reaches an event noun it governs over the noun's modifiers, further
    // than its reach over other words ("blocked Kroger's planned $24.6 billion acquisition").
    constexpr int kNounPhraseReach = 8;
    auto matches = [&](const events::Cue& cue, std::size_t i, int reach) {
        if (i + cue.words.size() > c.head) return false;
        for (std::size_t k = 1; k < cue.words.size(); ++k)
            if (v.words[i + k] != cue.words[k]) return false;
        return static_cast<int>(c.head - (i + cue.words.size())) <= reach;
    };
    const auto* negations = lex.cues_starting("n't");
    // Before an event noun, a negation particle that belongs to another verb says nothing
    // of the event ("did not block the deal"); only "no deal", "not a deal" negate it. A
    // negating verb negates the noun it governs, over its modifiers ("cancelled the visit",
    // "terminated the merger agreement", "blocked Kroger's planned $24.6 billion
    // acquisition"), but not one behind a preposition or a conjunction ("blocked the road
    // to the summit").
    auto negates_noun = [&](const events::Cue& cue, std::size_t cue_end) {
        const bool particle = lex.in_class(lex.grammar().negator, cue.words.front());
        for (std::size_t k = cue_end; k < c.head; ++k) {
            if (v.in(k, lex.grammar().determiner)) continue;
            if (particle) return false;
            const std::string_view w = v.words[k];
            const unsigned char first = w.empty() ? ' ' : static_cast<unsigned char>(w[0]);
            const bool modifier = w == "'s" || w == "$" || (std::isalnum(first) && !v.in(k, lex.grammar().preposition) &&
                                                            w != "and" && w != "or" && w != "but");
            if (!modifier) return false;
        }
        return true;
    };
    for (std::size_t i = 0; i < c.head; ++i) {
        if (v.clause[i] != clause) continue;
        const std::string_view w = v.words[i];
        // "announced that it would hold elections", "said on Tuesday he would travel": "would"
        // reports a plan, not a condition.
        bool reported_plan = w == "would" && v.clauses[clause].content;
        for (std::size_t k = 0; w == "would" && !reported_plan && k < i; ++k)
            reported_plan = v.clause[k] == clause && v.in(k, lex.grammar().speech);
        // "rose more than expected to 2.3%", "as planned": a comparison, no status.
        const bool compared = i > 0 && v.in(i - 1, lex.grammar().cue_comparison);
        if (const auto* list = compared ? nullptr : lex.cues_starting(v.entries[i]))
            for (std::size_t k : *list) {
                const events::Cue& cue = lex.cues()[k];
                if (cue.status == EventStatus::Negated && c.nominal) {
                    if (!matches(cue, i, std::max(cue.reach, kNounPhraseReach)) || !negates_noun(cue, i + cue.words.size()))
                        continue;
                } else if (!matches(cue, i, cue.reach)) {
                    continue;
                }
                consider(reported_plan ? EventStatus::Planned : cue.status);
            }
        // "didn't", "won't": a negation glued to its verb.
        if (negations && w.size() > 3 && w.compare(w.size() - 3, 3, "n't") == 0)
            for (std::size_t k : *negations)
                if (matches(lex.cues()[k], i, lex.cues()[k].reach)) consider(lex.cues()[k].status);
    }
    // "reached no agreement", "held no talks", "killed no civilians": a "no" right after
    // the verb denies what it names.
    if (!c.nominal && v.is(c.head_end, "no") && v.clause[c.head_end] == clause) consider(EventStatus::Negated);
    // "before the treaty is signed", "until the deal is ratified", "once it is completed": a
    // present passive after such a conjunction tells of what has not happened yet.
    if (!c.nominal && c.head >= 2 && (v.is(c.head - 1, "is") || v.is(c.head - 1, "are")))
        for (std::size_t k = c.head - 1; k-- > 0 && c.head - k <= 7 && v.clause[k] == clause;)
            if (v.in(k, lex.grammar().future_subordinator)) {
                consider(EventStatus::Planned);
                break;
            }
    // "a mission to liberate", "troops to help reclaim": an infinitive of purpose is
    // something intended, not done (control verbs are handled as one event with it).
    if (!c.nominal && c.head > 0) {
        std::size_t k = c.head - 1;
        if (k > 0 && (v.words[k] == "\"" || v.words[k] == "'" || v.words[k] == "\xE2\x80\x9C" || v.words[k] == "\xE2\x80\x98")) --k;
        // (A vote's tally stands between: "voted 4-1 to convict".)
        std::size_t word_before = k;
        if (word_before >= 3 && v.token(word_before - 1).is(kNumber) && v.is(word_before - 2, "-") &&
            v.token(word_before - 3).is(kNumber))
            word_before -= 3;
        // "the strongest quake to hit", "the first female leader to visit", "the only country
        // to sign": after "the", a superlative and its noun the infinitive tells what was
        // done ("most lawmakers seem to agree", "permits the bank to acquire" are not so).
        auto ranked_at = [&](std::size_t b) {
            return (superlative_at(v, lex, b) || v.is(b, "only")) &&
                   (v.is(b - 1, "the") || v.is(b - 1, "its") || v.is(b - 1, "their") || v.is(b - 1, "his") || v.is(b - 1, "her"));
        };
        if (v.words[k] == "to" && v.clause[k] == clause && !(word_before > 0 && v.in(word_before - 1, lex.grammar().pre_trigger)) &&
            !((k >= 3 && ranked_at(k - 2)) || (k >= 4 && ranked_at(k - 3))))
            consider(EventStatus::Planned);
    }
    // "The summit is scheduled for June 5": the cue follows an event noun.
    if (c.nominal)
        for (std::size_t k = c.last; k + 1 < v.size() && k < c.last + 6 && v.clause[k] == clause; ++k) {
            if (!v.in(k, lex.grammar().be)) continue;
            for (const events::Cue& cue : lex.cues())
                if (cue.words.size() == 1 && cue.words[0] == v.words[k + 1]) consider(cue.status);
            const std::string_view next = v.words[k + 1];
            if (next == "planned" || next == "set" || next == "due") consider(EventStatus::Planned);
            break;
        }
    // Progressive: "is building", "are strengthening".
    if (c.head > 0 && !c.nominal) {
        const std::string_view form = v.words[c.head];
        const bool ing = ing_form(form);
        // "have been negotiating since 2021" goes on too; "had been fighting" is over.
        const bool perfect_past = v.words[c.head - 1] == "been" && c.head > 1 && v.words[c.head - 2] == "had";
        if (ing && v.in(c.head - 1, lex.grammar().be) && !perfect_past) consider(EventStatus::Ongoing);
    }
    if (attributed) consider(EventStatus::Reported);
    return best;
}

bool EventExtractor::Impl::passive(const SentenceView& v, const Candidate& c) const {
    // "had been seized by Ukrainian forces", "was established between the two nations"
    if (c.nominal || c.head == 0) return false;
    const std::string_view form = v.words[c.head];
    const bool participle = (form.size() > 3 && form.compare(form.size() - 2, 2, "ed") == 0) ||
                            (form != c.lemma && form.compare(form.size() - std::min<std::size_t>(3, form.size()), 3, "ing") != 0 &&
                             form.back() != 's');
    if (!participle) return false;
    std::size_t k = c.head;
    while (k > 0 && v.words[k - 1].size() > 3 && v.words[k - 1].compare(v.words[k - 1].size() - 2, 2, "ly") == 0) --k;
    return k > 0 && v.in(k - 1, lex.grammar().be) && v.words[k - 1] != "'s";
}

void EventExtractor::Impl::participants(const SentenceView& v, const Candidate& c, int clause,
                                        const std::set<std::size_t>& sources,
                                        const std::vector<std::size_t>& recent_countries, EventMention& ev) const {
    const std::vector<EntityMention>& ents = v.a.entities;
    // One entry per entity, whichever of its mentions was seen.
    auto add = [&](std::vector<std::size_t>& list, std::size_t e) {
        if (std::none_of(list.begin(), list.end(), [&](std::size_t x) { return ents[x].key == ents[e].key; })) list.push_back(e);
    };
    const bool is_passive = passive(v, c);
    bool last_in_pp = false, last_of_members = false;
    std::string_view last_prep;  // a view into v.words
    for (std::size_t i = 0; i < v.size(); ++i) {
        const int e = v.entity[i];
        if (e < 0 || v.clause[i] != clause || (i > 0 && v.entity[i - 1] == e)) continue;
        if (sources.count(static_cast<std::size_t>(e))) continue;
        const EntityMention& m = ents[e];
        std::size_t end = i;
        while (end + 1 < v.size() && v.entity[end + 1] == e) ++end;
        // "Russian President Putin", "North Korea's leader Kim", "Russia's Tass": the first
        // names whom the second belongs to; it is not a participant of its own.
        const bool possessive = v.possessive(end + 1);
        const bool adjectival = m.via == "demonym";
        bool modifier = false;
        for (std::size_t j = end + 1 + (possessive ? 1 : 0); j < v.size() && j <= end + 5; ++j) {
            if (v.entity[j] >= 0) {
                const EntityKind k = ents[v.entity[j]].kind;
                modifier = k == EntityKind::Person || k == EntityKind::Organization;
                break;
            }
            if (!v.is_word(j)) break;
            if (!v.token(j).is(kCapitalized) && !possessive && !adjectival) break;
        }
        if (modifier && (m.kind == EntityKind::Country || m.kind == EntityKind::Organization)) continue;
        if (m.kind == EntityKind::Place) {
            add(ev.places, e);
            continue;
        }
        // The word before the entity's noun phrase: a preposition makes it the object of
        // that preposition ("the onset of the Ukraine war"), not the subject.
        std::size_t np = i;
        while (np > 0 && v.clause[np - 1] == clause && i - np < 3 &&
               (v.in(np - 1, lex.grammar().determiner) || v.token(np - 1).is(kCapitalized)) &&
               v.entity[np - 1] < 0)
            --np;
        std::string_view prep = np > 0 && v.clause[np - 1] == clause ? v.words[np - 1] : std::string_view();
        bool in_pp = !prep.empty() && lex.in_class(lex.grammar().preposition, prep);
        // "Negotiators from Armenia and Azerbaijan", "the foreign ministers of France and
        // Germany": the countries or bodies of the people who act act through them.
        bool of_members = in_pp && np >= 2 && v.clause[np - 2] == clause && v.in(np - 2, lex.grammar().member_noun) &&
                          (prep == "from" || prep == "of");
        // "between Russia and North Korea": a second conjunct shares the first one's preposition.
        if ((prep == "and" || prep == "or" || prep == ",") && np >= 2 && v.entity[np - 2] >= 0) {
            in_pp = last_in_pp;
            prep = last_prep;
            of_members = last_of_members;
        }
        last_in_pp = in_pp;
        last_prep = prep;
        last_of_members = of_members;
        const bool locative = lex.in_class(lex.grammar().locative, prep);
        // "days after Pyongyang confirmed": a name right before its verb (auxiliaries and
        // adverbs between) is its subject, whatever word comes before it.
        bool right_before = i < c.head && !c.nominal;
        for (std::size_t k = end + 1; right_before && k < c.head; ++k)
            right_before = v.in(k, lex.grammar().pre_trigger);
        if (i < c.head) {
            // "Putin's visit": the possessor of an event noun is its agent.
            if (c.nominal && possessive && c.head - end <= 3) {
                add(ev.agents, e);
            } else if (in_pp && locative && !of_members) {
                // "A volcano in Iceland erupted": where, even right before the verb.
                if (m.kind == EntityKind::Country) add(ev.places, e);
            } else if (right_before || of_members || !in_pp) {
                add(is_passive ? ev.patients : ev.agents, e);
            }
        } else if (locative && m.kind == EntityKind::Country) {
            add(ev.places, e);
        } else if (in_pp && lex.in_class(lex.grammar().circumstance, prep)) {
            // "during Putin's visit", "since the Korean War": a circumstance, not a participant.
        } else if ((is_passive && prep == "by") || (c.nominal && lex.in_class(lex.grammar().agentive, prep))) {
            add(ev.agents, e);
        } else {
            add(ev.patients, e);
        }
    }
    // "Poland ordered the closure ... and expelled three diplomats": a second predicate
    // shares the subject of the first.
    if (ev.agents.empty() && !is_passive) {
        const std::size_t first = v.clause_start(clause);
        if (first > 0 && first < c.head && v.is(first, "and") && !v.clauses[v.clause[first - 1]].embedded) {
            const int before = v.clause[first - 1];
            std::size_t from = first - 1;
            while (from > 0 && v.clause[from - 1] == before) --from;
            for (std::size_t k = from; k < first && k < from + 4; ++k) {
                const int e = v.entity[k];
                if (e < 0 || sources.count(static_cast<std::size_t>(e))) continue;
                const EntityKind kind = ents[e].kind;
                if (kind == EntityKind::Person || kind == EntityKind::Organization || kind == EntityKind::Country)
                    add(ev.agents, static_cast<std::size_t>(e));
                break;
            }
        }
    }
    // "Interior Minister Bruno Retailleau, who visited the command post, said ...": a
    // relative clause's subject is the name it hangs on, even when that name is the source
    // of the sentence.
    if (ev.agents.empty() && v.clauses[clause].embedded && !is_passive) {
        const std::size_t first = v.clause_start(clause);  // the comma that opens it
        if (first >= 1 && first + 1 < c.head && v.is(first, ",") && (v.is(first + 1, "who") || v.is(first + 1, "which")) &&
            v.entity[first - 1] >= 0 && ents[v.entity[first - 1]].kind != EntityKind::Place)
            add(ev.agents, static_cast<std::size_t>(v.entity[first - 1]));
    }
    // "Beljaarts said on Sunday that he would meet both sides", "the ministry said it had
    // sent aid": the pronoun that is the subject of what is reported is its source, when one
    // source fits it (he/she a person; it/they a body or a country; "Dutch Economy Minister
    // Dirk Beljaarts": the person, not the Netherlands).
    if (ev.agents.empty() && !is_passive && v.clauses[clause].content && !sources.empty()) {
        const std::size_t first = v.clause_start(clause);
        for (std::size_t k = c.head; k > first && c.head - k < 5; --k) {
            const std::size_t p = k - 1;
            const bool personal = v.is(p, "he") || v.is(p, "she");
            if (personal || v.is(p, "it") || v.is(p, "they")) {
                std::optional<std::size_t> fits;
                int fitting = 0;
                for (std::size_t src : sources) {
                    const EntityKind kind = ents[src].kind;
                    if (personal ? kind == EntityKind::Person : kind == EntityKind::Organization || kind == EntityKind::Country) {
                        fits = src;
                        ++fitting;
                    }
                }
                if (fitting == 1) add(ev.agents, *fits);
                break;
            }
            if (!v.in(p, lex.grammar().auxiliary) && !v.in(p, lex.grammar().pre_trigger)) break;
        }
    }
    // "the two countries", "both nations": the two countries the story is about.
    if (ev.agents.empty()) {
        for (std::size_t i = 0; i + 1 < v.size() && i < c.head + 6; ++i) {
            if (v.clause[i] != clause) continue;
            const bool two = (v.words[i] == "two" && i > 0 && v.words[i - 1] == "the") || v.words[i] == "both";
            if (two && v.in(i + 1, lex.grammar().plural_anaphor)) {
                const std::vector<std::size_t> salient = salient_countries(v, i, recent_countries);
                if (salient.size() >= 2) {
                    add(ev.agents, salient[salient.size() - 2]);
                    add(ev.agents, salient.back());
                }
                break;
            }
        }
    }
}

/// The time of timex `tx`, or the stretch it makes with the date next to it: "met from 11
/// to 22 November" lasted from the first day to the last (value "2024-11-11/2024-11-22", as
/// ISO 8601 writes an interval), "between 1990 and 1995" likewise.
TimeValue range_from(const SentenceView& v, const Lexicon& lex, int tx) {
    const Lexicon::Grammar& g = lex.grammar();
    std::size_t first = v.size(), last = 0;
    for (std::size_t i = 0; i < v.size(); ++i)
        if (v.timex[i] == tx) first = std::min(first, i), last = i;
    if (first >= v.size()) return v.a.timexes[tx].time;
    // the date before ("from 11 to 22 November": the event took "22 November") or after
    auto joined = [&](std::size_t a_last, std::size_t b_first, std::size_t a_first) {
        if (b_first != a_last + 2 || !v.in(a_last + 1, g.range_joiner)) return false;
        return !v.is(a_last + 1, "and") || (a_first > 0 && v.in(a_first - 1, g.range_and_opener));
    };
    int a = -1, b = -1;
    if (last + 2 < v.size() && v.timex[last + 2] >= 0 && v.timex[last + 2] != tx && joined(last, last + 2, first)) {
        a = tx;
        b = v.timex[last + 2];
    } else if (first >= 2 && v.timex[first - 2] >= 0 && v.timex[first - 2] != tx) {
        std::size_t a_first = first - 2;
        while (a_first > 0 && v.timex[a_first - 1] == v.timex[first - 2]) --a_first;
        if (joined(first - 2, first, a_first)) {
            a = v.timex[first - 2];
            b = tx;
        }
    }
    const TimeValue& own = v.a.timexes[tx].time;
    if (a < 0) return own;
    const Timex &ta = v.a.timexes[a], &tb = v.a.timexes[b];
    const bool dates = (ta.type == TimexType::Date || ta.type == TimexType::Time) &&
                       (tb.type == TimexType::Date || tb.type == TimexType::Time);
    if (!dates || !ta.time.interval || !tb.time.interval || ta.time.interval->earliest > tb.time.interval->latest) return own;
    TimeValue range;
    range.value = ta.time.value + "/" + tb.time.value;
    range.interval = TimeInterval{ta.time.interval->earliest, tb.time.interval->latest};
    return range;
}

/// "down_from": two words as comparison-pair entries of grammar.tsv write them.
std::string joined_pair(std::string_view first, std::string_view second) {
    std::string out;
    out.reserve(first.size() + 1 + second.size());
    out += first;
    out += '_';
    out += second;
    return out;
}

/// The date starting at token `first` is the one something is compared with: "down from 303
/// in 2019", "higher than in 2020", "compared with a year earlier".
bool compared_date(const SentenceView& v, const Lexicon& lex, std::size_t first) {
    const Lexicon::Grammar& g = lex.grammar();
    for (std::size_t k = first; k > 0 && first - k < 6 && v.clause[k - 1] == v.clause[first]; --k) {
        if (v.words[k - 1] == "," || v.timex[k - 1] >= 0) return false;
        // "more than expected to 2.3% in October": what "than" compares is the participle.
        const std::string_view w = v.words[k - 1];
        if (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0) return false;
        if (v.in(k - 1, g.comparison)) return true;
        // "rose to 2.3% in October from 1.7% in September": the value a change starts from.
        // "fell 56% from a year earlier": the change's size right before its "from".
        if (v.words[k - 1] == "from") {
            for (std::size_t j = k; j < first; ++j)
                if (v.token(j).is(kNumber)) return true;
            if (k >= 2 && (v.token(k - 2).is(kNumber) || v.words[k - 2] == "%")) return true;
        }
        // a pair ends with a preposition: only then is "down_from" worth spelling out
        if (k >= 2 && v.in(k - 1, g.preposition) && lex.in_class(g.comparison_pair, joined_pair(v.words[k - 2], v.words[k - 1])))
            return true;
    }
    return false;
}

/// Whether the date or time expression with a token at i can date event `c`: not the date
/// of a thing ("this year's conference"), nor one compared with ("down from 303 in 2019",
/// "the deadliest earthquake since 1960").
bool date_of_event(const SentenceView& v, const Lexicon& lex, const Candidate& c, std::size_t i) {
    const int tx = v.timex[i];
    std::size_t before = i, after = i;
    while (before > 0 && v.timex[before - 1] == tx) --before;
    while (after < v.size() && v.timex[after] == tx) ++after;
    // "Friday's edition": a thing's date; "Monday's federal election": the event's own.
    if (v.possessive(after)) {
        bool owns_trigger = c.head > after && c.head - after <= 4;
        for (std::size_t k = after + 1; owns_trigger && k < c.head; ++k)
            owns_trigger = v.is_word(k) && !v.in(k, lex.grammar().preposition);
        // "lost its majority in Sunday's parliamentary election": the event it happened in
        // dates it ("follows Tuesday's declaration" does not).
        bool in_dated_event = false;
        if (!owns_trigger && before > 0 && (v.is(before - 1, "in") || v.is(before - 1, "at") || v.is(before - 1, "during")))
            for (std::size_t k = after + 1; !in_dated_event && k < v.size() && k <= after + 4 && v.is_word(k) &&
                                            !v.in(k, lex.grammar().preposition); ++k)
                if (const auto m = lex.trigger_at(v, k)) in_dated_event = !m->trigger->type.empty() && m->trigger->type != "-";
        if (!owns_trigger && !in_dated_event) return false;
    }
    if (compared_date(v, lex, before)) return false;
    // "cut its growth forecast for 2026", "the budget for 2025-26": the year a figure is
    // for, not when the event happened
    if (before >= 2 && v.is(before - 1, "for") && v.in(before - 2, lex.grammar().figure_for)) return false;
    // A "since" after a superlative and its noun compares, before the verb or after it
    // ("earthquake since 1960 struck", "cut rates for the first time since 2020"); a verb
    // keeps a "since" right after it or fronted ("has risen since 2020", "Since 1985 _
    // when ... _ 200 soldiers have been killed"), and a count runs from it ("14 killings
    // since 1993"). So does a since-clause ("Congo's 16th Ebola outbreak since the disease
    // was identified in 1976"), unless the event is the clause's own.
    std::size_t since = 0;  // the token after "since", if one opens the date or its clause
    for (std::size_t k = before; k > 0 && before - k < 8 && v.words[k - 1] != "," && v.clause[k - 1] == v.clause[before]; --k)
        if (v.is(k - 1, "since")) {
            since = k;
            break;
        }
    if (since > 0 && !(c.head >= since && c.head < before)) {
        bool superlative = false;
        const std::size_t noun = c.nominal ? c.head : since - 1;
        for (std::size_t k = noun; k > 0 && noun - k < 4; --k) superlative = superlative || superlative_at(v, lex, k - 1);
        // "The meeting, the first at ministerial level since June": the superlative after
        // the noun, in its apposition
        for (std::size_t k = c.last; c.nominal && k + 1 < since && k < c.last + 8; ++k)
            superlative = superlative || superlative_at(v, lex, k);
        const bool in_phrase = since >= 2 && v.is_word(since - 2) && !v.in(since - 2, lex.grammar().clause_opener);
        if (superlative && (c.nominal || in_phrase)) return false;
        // "the strongest quake to hit the region since 2011", "the first leader to visit
        // since 1999": a superlative, its noun and an infinitive before the "since"
        bool to_seen = false;
        for (std::size_t k = since - 1; k > 0 && since - k < 9; --k) {
            if (!v.is_word(k - 1) || v.in(k - 1, lex.grammar().clause_opener)) break;
            if (v.is(k - 1, "to")) to_seen = true;
            else if (to_seen && superlative_at(v, lex, k - 1)) return false;
        }
    }
    return true;
}

/// The date or time expression of the clause closest to the trigger of `c`, unless it is
/// nearer to another event of the clause; -1 if none.
int nearest_timex(const SentenceView& v, const Lexicon& lex, const Candidate& c, const std::vector<Candidate>& all, int clause,
                  bool leave_noun_dates = true) {
    int best = -1;
    std::size_t best_distance = 0;
    int checked = -1;        // the expression whose tokens are being gone through ...
    bool not_its = false;    // ... and whether it is no date of this event
    std::size_t tx_start = 0;  // ... and where it starts
    for (std::size_t i = 0; i < v.size(); ++i) {
        const int tx = v.timex[i];
        if (tx < 0 || tx == c.duration_timex || v.clause[i] != clause) continue;
        const Timex& t = v.a.timexes[tx];
        if (t.type != TimexType::Date && t.type != TimexType::Time) continue;
        if (tx != checked) {
            checked = tx;
            tx_start = i;
            not_its = !date_of_event(v, lex, c, i);
        }
        if (not_its) continue;
        auto distance = [&](const Candidate& x) { return i < x.head ? x.head - i : (i >= x.last ? i - x.last + 1 : 0); };
        const std::size_t d = distance(c);
        // "signed in 1994 and ratified in 1996": a date as near to two events belongs to
        // the one it follows.
        // "The attack on 29 July sparked riots ... the following week": a date right after an
        // event noun and its preposition is that noun's, while the event has another.
        auto noun_date = [&](const Candidate& x) {
            return leave_noun_dates && x.nominal && tx_start >= x.last && tx_start <= x.last + 1 &&
                   (tx_start == x.last || v.in(x.last, lex.grammar().preposition));
        };
        bool other = false;
        for (const Candidate& x : all)
            if (&x != &c && (distance(x) < d || (distance(x) == d && i >= x.last && i < c.head) || noun_date(x))) other = true;
        if (other) continue;
        if (best < 0 || d < best_distance || (d == best_distance && i >= c.last)) {
            best = tx;
            best_distance = d;
        }
    }
    return best;
}

void EventExtractor::Impl::time(const SentenceView& v, const Candidate& c, const std::vector<Candidate>& all,
                                int clause, bool content_clause, const Timex* last_day, EventMention& ev) const {
    if (c.duration_timex >= 0) {
        ev.duration = v.a.timexes[c.duration_timex].time.value;
        ev.anchor_type = c.anchor_type;
    }
    int best = nearest_timex(v, lex, c, all, clause);
    if (best < 0) best = nearest_timex(v, lex, c, all, clause, false);  // "The bombings on Aug. 7 killed 259 people"
    // "signed during Putin's visit last year": an event dated by the event it happened during.
    for (std::size_t k = 0; best < 0 && k < all.size(); ++k) {
        const Candidate& x = all[k];
        if (&x == &c || x.head < c.last || x.head > c.last + 6) continue;
        for (std::size_t i = c.last; i < x.head; ++i)
            if (v.words[i] == "during") {
                best = nearest_timex(v, lex, x, all, clause);
                break;
            }
    }
    // "exploded about eight minutes after lifting off from Texas on Thursday": minutes or
    // hours after (or before) an event dated to the day is that day too (not days after:
    // that would be another day).
    for (std::size_t k = 0; best < 0 && k < all.size(); ++k) {
        const Candidate& x = all[k];
        if (&x == &c || x.head < c.last || x.head > c.last + 10) continue;
        bool linked = false, within_day = true;
        for (std::size_t i = c.last; i < x.head && within_day; ++i) {
            if (v.words[i] == "," || v.clause[i] != clause) within_day = false;
            linked = linked || v.words[i] == "after" || v.words[i] == "before";
            if (v.timex[i] >= 0) {
                const Timex& d = v.a.timexes[v.timex[i]];
                within_day = within_day && d.type == TimexType::Duration && d.time.value.rfind("PT", 0) == 0;
            }
        }
        if (!linked || !within_day) continue;
        const int theirs = nearest_timex(v, lex, x, all, clause);
        if (theirs < 0) continue;
        const Timex& t = v.a.timexes[theirs];
        if ((t.type == TimexType::Date || t.type == TimexType::Time) && t.time.interval && t.time.interval->days() == 1)
            best = theirs;
    }
    // "Feb. 24, 2022 - Russian forces invade Ukraine": a date heading a sentence before a
    // dash or a colon, as in a timeline, dates what the sentence tells.
    std::size_t lead = 0;  // over a list's bullet: "• Feb. 24, 2022: ..."
    while (lead + 1 < v.size() && !v.is_word(lead) && !v.token(lead).is(kNumber) && v.timex[lead] < 0) ++lead;
    if (best < 0 && v.timex[lead] >= 0) {
        std::size_t k = lead;
        while (k < v.size() && v.timex[k] == v.timex[lead]) ++k;
        const Timex& t = v.a.timexes[v.timex[lead]];
        const bool dash = k < v.size() && (v.is(k, "-") || v.is(k, "\xE2\x80\x94") || v.is(k, "\xE2\x80\x93") || v.is(k, ":"));
        if (dash && (t.type == TimexType::Date || t.type == TimexType::Time)) best = v.timex[lead];
    }
    // "Since February 2022, when Moscow launched its invasion": a "when" clause after a
    // date is dated by it.
    if (best < 0) {
        std::size_t first = v.clause_start(clause);
        if (first < v.size() && v.words[first] == ",") ++first;
        std::size_t before = first;
        if (before > 0 && v.words[before - 1] == ",") --before;
        if (v.is(first, "when") && before > 0 && v.timex[before - 1] >= 0) best = v.timex[before - 1];
        // "resigned in January 1996 and was succeeded by ...": a second predicate without a
        // date of its own shares the first one's, the date right before its "and".
        if (best < 0 && v.is(first, "and") && first > 0 && v.timex[first - 1] >= 0 &&
            !v.clauses[v.clause[first - 1]].embedded && !v.clauses[v.clause[first - 1]].attribution) {
            const Timex& t = v.a.timexes[v.timex[first - 1]];
            if (t.type == TimexType::Date || t.type == TimexType::Time) best = v.timex[first - 1];
        }
    }
    if (best >= 0) {
        ev.timex = static_cast<std::size_t>(best);
        ev.time = range_from(v, lex, best);
        ev.time_source = "timex";
        return;
    }
    if (!ev.duration.empty()) return;  // dated later, from the start it follows
    // A past-tense report with nothing else to go by happened by the publication date.
    const Document& doc = v.a.doc;
    // ...but not words in quotation marks: what someone said, not what the article reports.
    if (!doc.dct || content_clause || c.nominal || v.quoted[c.head]) return;
    if (ev.status != EventStatus::Happened && ev.status != EventStatus::Reported) return;
    const std::string_view form = v.words[c.head];
    const bool ing = ing_form(form);
    // "While introducing the phone, Jobs joked ...": at the time of the clause it opens.
    const bool while_ing = ing && c.head > 0 && (v.words[c.head - 1] == "while" || v.words[c.head - 1] == "when");
    // "launches" is no past tense, except in a headline ("SpaceX launches Starship").
    const bool present = form == ev.lemma + "s" || form == ev.lemma + "es";
    const bool headline = v.a.sentences[v.index].heading;
    const bool past = while_ing || (!ing && form.size() > 2 && (!present || headline) &&
                                    (form.compare(form.size() - 2, 2, "ed") == 0 || form != ev.lemma));
    const bool pluperfect = c.head > 0 && (v.words[c.head - 1] == "had" || v.words[c.head - 1] == "'d");
    if (!past || pluperfect) return;
    // "Yesterday, Apple unveiled the iPhone 4. ... Jobs demoed its gyroscope": the story's
    // day, the last single day the article named, if in the week up to the publication
    // date. "have lost" runs up to now: the publication date, not the story's day.
    std::size_t aux = c.head;
    while (aux > 0 && v.in(aux - 1, lex.grammar().auxiliary) && !v.in(aux - 1, lex.grammar().have)) --aux;
    const bool perfect = aux > 0 && v.in(aux - 1, lex.grammar().have);
    const bool recent = last_day && last_day->time.interval->earliest <= *doc.dct &&
                        last_day->time.interval->earliest + date::days{7} > *doc.dct;
    if (!perfect && recent) {
        ev.time = last_day->time;
        ev.time_source = "narrative";
        return;
    }
    ev.time.value = format_day(*doc.dct);
    ev.time.interval = TimeInterval{*doc.dct, *doc.dct};
    ev.time_source = "dct";
}

}  // namespace chronograph
