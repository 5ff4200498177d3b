// Sentences to events: per clause, the trigger that names what happened (shaped by light,
// aspect, control and duration verbs), its status, participants, time and label.
#include "chronograph/events.hpp"
#include "chronograph/text.hpp"

#include "events/claims.hpp"
#include "events/lexicon.hpp"
#include "events/sentence_view.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace chronograph {
namespace {

using events::Lexicon;
using events::Role;
using events::SentenceView;
using events::TriggerMatch;

/// A trigger as chosen for a clause, before participants and time.
struct Candidate {
    std::size_t head = 0;       // token where the event's words start (the verb, "took")
    std::size_t head_end = 0;   // end of the trigger words (exclusive)
    std::size_t last = 0;       // end of everything the event's words cover (complement)
    std::string lemma;
    std::string type;
    bool nominal = false;       // named by a noun ("the visit") rather than a verb
    bool object_noun = false;   // a noun that is its clause verb's object and took its type from the subject
    int duration_timex = -1;    // "take 18 months": the duration
    std::string anchor_type;
};

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

/// "killing", "agreeing": a word of five letters or more ending in -ing.
bool ing_form(const std::string& w) { return w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0; }

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

bool is_quote(const std::string& w) {
    return w == "\"" || w == "\xE2\x80\x9C" || w == "\xE2\x80\x9D";  // " “ ”
}

/// A label without double quotation marks: a summary quotes nobody, and a label cut
/// inside a quotation would leave one unbalanced.
std::string without_quotes(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '"') continue;
        if (text.compare(i, 3, "\xE2\x80\x9C") == 0 || text.compare(i, 3, "\xE2\x80\x9D") == 0) {
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

/// What a by-subject trigger meant where the text said (lemma -> type): "workers extended
/// their strike" makes every bare "the strike" of that article a labour strike, one sense
/// per discourse.
using Senses = std::map<std::string, std::string>;

class SentenceRules {
public:
    SentenceRules(const Lexicon& lex, const SentenceView& v, Senses& senses) : lex_(lex), v_(v), senses_(&senses) {
        matches_.resize(v.size());
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (!v.is_word(i) || v.entity[i] >= 0) continue;
            // Words inside a time expression are not triggers ("the past three years").
            if (v.timex[i] >= 0) continue;
            if (in_name(i)) continue;
            matches_[i] = lex.trigger_at(v.words, i);
        }
        // "a worrisome sign": a verb whose noun names no event (grammar.tsv "no-event-noun").
        for (std::size_t i = 0; i < v.size(); ++i)
            if (matches_[i] && matches_[i]->trigger->pos == events::Pos::Verb && v.in(i, lex.grammar().no_event_noun) &&
                nominal_use(i))
                matches_[i].reset();
        // "meet demand", "meet new capital standards": an object that makes the verb name no
        // event (grammar.tsv "no-event-object"), within the object's noun phrase.
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (!matches_[i] || matches_[i]->trigger->pos != events::Pos::Verb) continue;
            for (std::size_t k = i + matches_[i]->length; k < v.size() && k < i + matches_[i]->length + 5; ++k) {
                if (v.clause[k] != v.clause[i] || !v.is_word(k) || v.in(k, lex.grammar().preposition)) break;
                if (v.in(k, lex.grammar().no_event_object)) {
                    matches_[i].reset();
                    break;
                }
            }
        }
        // A noun trigger after a modal is a verb of the same spelling: "must deal with",
        // "will strike" (but "a deal with Iran").
        for (std::size_t i = 1; i < v.size(); ++i)
            if (matches_[i] && matches_[i]->trigger->pos == events::Pos::Noun && matches_[i]->length == 1 &&
                v.in(i - 1, lex.grammar().verb_marker))
                matches_[i].reset();
        // A word inside a longer trigger starts none of its own: "news conference" is a
        // statement, not also a conference.
        for (std::size_t i = 0; i < v.size(); ++i)
            if (matches_[i])
                for (std::size_t k = i + 1; k < i + matches_[i]->length && k < v.size(); ++k) matches_[k].reset();
        for (std::size_t i = 0; i < v.size(); ++i)
            if (matches_[i] && ((matches_[i]->trigger->pos == events::Pos::Verb && (adjectival(i) || thing(i))) ||
                                compound_modifier(i)))
                matches_[i].reset();
    }

    const std::optional<TriggerMatch>& match(std::size_t i) const { return matches_[i]; }

    /// An -ing word glued by a hyphen to the word before it and followed by a noun names a
    /// kind of thing, not an event: "water-bombing planes", "fire-fighting aircraft" (but
    /// "the car-bombing was").
    bool compound_modifier(std::size_t i) const {
        const std::string& w = v_.words[i];
        if (i < 2 || v_.words[i - 1] != "-" || v_.token(i - 1).is(kSpaceBefore) || v_.token(i).is(kSpaceBefore) ||
            !ing_form(w) || matches_[i]->length != 1 || i + 1 >= v_.size() || !v_.is_word(i + 1) ||
            v_.token(i + 1).is(kCapitalized))
            return false;
        const events::ClassMask not_a_noun = lex_.grammar().preposition | lex_.grammar().determiner | lex_.grammar().auxiliary |
                                         lex_.grammar().be | lex_.grammar().label_stop | lex_.grammar().pronoun;
        return !v_.in(i + 1, not_a_noun) && !v_.is(i + 1, "and") && !v_.is(i + 1, "or") && !matches_[i + 1];
    }

    /// A past participle used as an adjective: "elected officials", "the newly acquired
    /// stake", "privately negotiated transactions", "Jerusalem-born".
    bool adjectival(std::size_t i) const {
        const std::string& w = v_.words[i];
        const bool participle = (w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0) || w == "born";
        if (!participle) return false;
        if (i > 0 && v_.words[i - 1] == "-") return true;
        if (i + 1 >= v_.size() || !v_.is_word(i + 1) || v_.token(i + 1).is(kCapitalized)) return false;
        const events::ClassMask not_a_noun = lex_.grammar().preposition | lex_.grammar().determiner | lex_.grammar().auxiliary |
                                         lex_.grammar().be | lex_.grammar().label_stop | lex_.grammar().pronoun;
        if (v_.in(i + 1, not_a_noun) || v_.is(i + 1, "to") || v_.is(i + 1, "and") || v_.is(i + 1, "or")) return false;
        auto adverb = [&](std::size_t k) { const std::string& a = v_.words[k]; return a.size() > 3 && a.compare(a.size() - 2, 2, "ly") == 0; };
        // After a determiner, unless that is an adverb after a subject ("Jobs first introduced").
        auto subject_before = [&](std::size_t k) { return k > 0 && (v_.token(k - 1).is(kCapitalized) || v_.in(k - 1, lex_.grammar().pronoun)); };
        if (i == 0 || (v_.in(i - 1, lex_.grammar().determiner) && !subject_before(i - 1))) return true;
        return adverb(i - 1) && (i == 1 || v_.in(i - 2, lex_.grammar().determiner));
    }

    /// "an apartment building": an -ing form that names a thing, unless it is a verb ("are
    /// building a bridge", "building new homes") or names the act ("the building of the dam").
    bool thing(std::size_t i) const {
        if (!v_.in(i, lex_.grammar().thing_ing)) return false;
        if (i > 0 && (v_.in(i - 1, lex_.grammar().be) || v_.in(i - 1, lex_.grammar().auxiliary))) return false;
        if (i + 1 < v_.size() && (v_.is(i + 1, "of") || v_.in(i + 1, lex_.grammar().determiner) || v_.token(i + 1).is(kNumber)))
            return false;
        return true;
    }

    /// A capitalized word after another one inside a sentence ("Activision Blizzard",
    /// "Tropical Storm Debby") is part of a name the entity stage did not know, not an
    /// event. Headings are often in title case, so there capitals say nothing.
    bool in_name(std::size_t i) const {
        if (i == 0 || v_.a.sentences[v_.index].heading) return false;
        if (!v_.token(i).is(kCapitalized) || v_.token(i).is(kAllCaps)) return false;
        // "Activision Blizzard"; a capitalized word with a possessive mid-sentence is a name
        // too ("shares of Rally's rose"; but "Hurricane Hugo" names its event)
        const bool after_name = v_.is_word(i - 1) && v_.token(i - 1).is(kCapitalized);
        return after_name || v_.possessive(i + 1);
    }

    /// "the visit", "Putin's visit", "border travel": the trigger is used as a noun.
    bool nominal_use(std::size_t i) const {
        const TriggerMatch& m = *matches_[i];
        if (m.trigger->pos == events::Pos::Noun) return true;
        if (m.trigger->pos == events::Pos::Phrase) return v_.words[i].find("ground") != std::string::npos;
        if (i == 0) return false;
        // "Putin's 2024 visit", "the June election": a date between a determiner and the word.
        if (v_.timex[i - 1] >= 0) {
            std::size_t k = i - 1;
            while (k > 0 && v_.timex[k - 1] == v_.timex[i - 1]) --k;
            if (k > 0 && v_.in(k - 1, lex_.grammar().determiner)) return true;
        }
        const std::string_view f = m.form;
        auto ends = [&](std::string_view suffix) { return f.size() > suffix.size() && f.substr(f.size() - suffix.size()) == suffix; };
        const std::string& prev = v_.words[i - 1];
        if (lex_.in_class(lex_.grammar().determiner, prev)) return !ends("ed");
        // "of sending troops": a gerund after a preposition names an action, not a clause's verb.
        if (ends("ing") && lex_.in_class(lex_.grammar().preposition, prev)) return true;
        if (ends("ed") || ends("ing") || m.form != v_.words[i]) return false;
        // Only a bare form can head a compound: "sent", "built" are verbs.
        const std::string& lemma = m.trigger->lemma;
        if (m.form != lemma && m.form != lemma + "s" && m.form != lemma + "es") return false;
        // A bare form after a common noun is the head of a compound ("missile launch",
        // "cross-border travel"); after a plural noun it is the verb ("the countries agree").
        if (prev == "-") return true;
        if (!v_.is_word(i - 1) || v_.token(i - 1).is(kCapitalized) || v_.entity[i - 1] >= 0) return false;
        // After a preposition other than "to" a bare form is no verb: "for open dialogue".
        if (prev != "to" && lex_.in_class(lex_.grammar().preposition, prev)) return true;
        if (lex_.in_class(lex_.grammar().auxiliary, prev) || lex_.in_class(lex_.grammar().pronoun, prev) || prev == "to" || prev == "and" ||
            prev == "or" || (prev.size() > 2 && prev.substr(prev.size() - 2) == "ly"))
            return false;
        return !(prev.back() == 's' && !ends("s"));
    }

    /// "this announcement", "their strategic partnership": an event noun that points back to
    /// one told before, or to a standing state of affairs, unless a date of its own follows.
    bool refers_back(std::size_t i) const {
        for (std::size_t k = i; k > 0 && i - k < 3; --k) {
            const std::string& w = v_.words[k - 1];
            if (w == "this" || w == "that" || w == "these" || w == "those" || w == "such") return true;
            if (w == "their" || w == "its" || w == "our" || w == "his" || w == "her") {
                for (std::size_t j = i + 1; j < v_.size() && j < i + 4 && v_.clause[j] == v_.clause[i]; ++j)
                    if (v_.timex[j] >= 0) return false;
                return true;
            }
            if (!v_.is_word(k - 1) || lex_.in_class(lex_.grammar().determiner, w) || lex_.in_class(lex_.grammar().preposition, w)) break;
        }
        return false;
    }

    /// The next event-naming trigger after `from` in clause `c`, within `reach` tokens.
    std::optional<std::size_t> next_event(std::size_t from, int c, std::size_t reach) const {
        for (std::size_t j = from; j < v_.size() && j < from + reach; ++j) {
            if (v_.clause[j] != c) continue;
            if (!matches_[j]) continue;
            const Role r = matches_[j]->trigger->role;
            if (r == Role::Report || r == Role::Duration) return std::nullopt;
            // A verb typed by its object names no event as a noun ("to hold the post").
            if (r == Role::ByObject && matches_[j]->trigger->pos == events::Pos::Verb) continue;
            if (!matches_[j]->trigger->type.empty() && r != Role::Light && r != Role::Control) return j;
        }
        return std::nullopt;
    }

    std::string aspect_type(const std::string& base, Role aspect) const {
        std::string root = base.substr(0, base.find('.'));
        const std::string want = root + (aspect == Role::Start ? ".start" : ".complete");
        return lex_.type(want) ? want : base;
    }

    /// The events of clause c: its main event, and other triggers that carry a date of
    /// their own right after them ("a railway bridge built in 1959").
    std::vector<Candidate> choose_all(int c) const {
        std::vector<Candidate> out;
        const std::optional<Candidate> main = choose(c);
        if (!main) return out;
        out.push_back(*main);
        for (std::size_t i = 0; i < v_.size(); ++i) {
            if (v_.clause[i] != c || !matches_[i] || (i >= main->head && i < main->last)) continue;
            const events::Trigger& t = *matches_[i]->trigger;
            if ((t.role != Role::Event && t.role != Role::Start && t.role != Role::End) || t.type.empty()) continue;
            if (object_of_main(*main, t, i, c) || theme_of_main(*main, i, c)) continue;
            const std::size_t after = i + matches_[i]->length;
            std::size_t j = after;
            while (j < v_.size() && j < after + 6 && v_.clause[j] == c && v_.timex[j] < 0 && !matches_[j] &&
                   v_.words[j] != ",")
                ++j;
            if (j >= v_.size() || v_.timex[j] < 0 || v_.clause[j] != c) continue;
            const Timex& tx = v_.a.timexes[v_.timex[j]];
            if (tx.type != TimexType::Date && tx.type != TimexType::Time) continue;
            // The date must be nearer to this trigger than to the main one.
            const std::size_t to_main = j >= main->last ? j - main->last : main->head - j;
            if (j - after >= to_main) continue;
            Candidate cand;
            cand.head = i;
            cand.head_end = cand.last = after;
            cand.lemma = t.lemma;
            cand.type = t.type;
            cand.nominal = nominal_use(i);
            out.push_back(cand);
        }
        return out;
    }

    /// The type of the trigger at i: its own, or for a by-subject one what its subject says
    /// ("workers ended their strike" is a labour strike, a protest; "an air strike" an attack).
    std::string type_at(std::size_t i, int c) const {
        const events::Trigger& t = *matches_[i]->trigger;
        if (t.role == Role::BySubject)
            if (const std::string* ty = by_subject_type(i, c)) return *ty;
        return t.type;
    }

    /// A by-subject trigger's type from its sentence: a verb's subject; a noun's modifier
    /// ("a teachers' strike"), or as an object ("workers extended their strike") its clause's
    /// subject. A noun's is remembered for the document; where the sentence says nothing of
    /// a noun, what the document said before ("The strike began on Sept. 13").
    const std::string* by_subject_type(std::size_t i, int c, bool* from_clause_subject = nullptr) const {
        const events::Trigger& t = *matches_[i]->trigger;
        // Remembered for nouns only: "shares rallied" says nothing of "held a rally".
        if (!nominal_use(i)) return subject_class(i, c);
        const std::string* ty = modifier_class(i, c);
        if (!ty && object_position(i, c)) {
            ty = subject_class(i, c);
            if (from_clause_subject) *from_clause_subject = ty != nullptr;
        }
        if (ty) {
            (*senses_)[t.lemma] = *ty;
            return ty;
        }
        const auto it = senses_->find(t.lemma);
        return it != senses_->end() ? &it->second : nullptr;
    }

    /// The noun at i is a verb's object, not a preposition's ("extending a six-week strike",
    /// not "killed in a missile strike"): no preposition in the few words before it.
    bool object_position(std::size_t i, int c) const {
        for (std::size_t k = i; k > 0 && i - k < 5 && v_.clause[k - 1] == c; --k) {
            if (v_.in(k - 1, lex_.grammar().preposition)) return false;
            if (v_.words[k - 1] == ",") return true;
        }
        return true;
    }

    /// A by-subject noun's type comes from the words right before it ("a teachers' strike",
    /// "the rail workers strike"), not from the clause: in "five workers were killed in a
    /// missile strike" the strike is an attack.
    const std::string* modifier_class(std::size_t i, int c) const {
        const std::string& own = matches_[i]->trigger->type;
        for (std::size_t j = i; j > 0 && i - j < 3 && v_.clause[j - 1] == c; --j)
            if (const std::string* ty = lex_.subject_type(v_.words[j - 1], own)) return ty;
        return nullptr;
    }

    /// The event type the subject of the verb at i gives it ("an earthquake struck"), if any:
    /// the first subject-class word of the clause before the verb, so the head of "the death
    /// toll from the earthquake rose" counts, not the earthquake; in a relative clause ("the
    /// quake, which struck on ..."), the nearest before it, the noun the clause hangs on.
    const std::string* subject_class(std::size_t i, int c) const {
        const std::string& own = matches_[i]->trigger->type;
        if (v_.clauses[c].embedded) {
            for (std::size_t j = i; j > 0 && i - j < 7; --j)
                if (const std::string* ty = lex_.subject_type(v_.words[j - 1], own)) return ty;
            return nullptr;
        }
        // Back to the clause's start, over a relative clause in between ("The deal, which
        // will involve $20 million, was struck").
        std::size_t from = i;
        while (from > 0 && i - from < 24 &&
               (v_.clause[from - 1] == c || (v_.clauses[v_.clause[from - 1]].embedded && !v_.clauses[c].embedded)))
            --from;
        while (from < i && v_.clause[from] != c) ++from;
        // "Workers voted to accept the offer and end their strike", "Workers rejected the
        // offer, extending their strike": the subject of the clause before.
        const std::size_t opener = v_.is(from, ",") ? from + 1 : from;
        const bool participle = from > 0 && opener < i && (opener > from || v_.is(from - 1, ",")) && ing_form(v_.words[opener]);
        if (from > 0 && (v_.is(from, "and") || v_.is(from, "or") || participle) && !v_.clauses[v_.clause[from - 1]].embedded) {
            const int before = v_.clause[from - 1];
            while (from > 0 && i - from < 16 && v_.clause[from - 1] == before) --from;
        }
        for (std::size_t j = from; j < i; ++j)
            if (const std::string* ty = lex_.subject_type(v_.words[j], own)) return ty;
        return nullptr;
    }

    /// "signed an agreement on Tuesday", "negotiating a trade agreement since 2021": an event
    /// noun right after the main event's verb, as its object, is part of what the main
    /// event is (and its date is the main event's), not a second event.
    bool object_of_main(const Candidate& main, const events::Trigger& t, std::size_t i, int c) const {
        if ((t.type != main.type && main.nominal) || i < main.last || i > main.last + 3) return false;
        for (std::size_t k = main.last; k < i; ++k)
            if (v_.clause[k] != c || v_.timex[k] >= 0 || matches_[k] || !(v_.is_word(k) || v_.token(k).is(kNumber)) ||
                v_.in(k, lex_.grammar().preposition))  // numbers may stand between: "announced 17,000 job cuts"
                return false;
        return true;
    }

    /// "granted an injunction against the merger on Tuesday", "protested against the war on
    /// Monday": an event noun in a phrase that hangs on the main event (a preposition that
    /// is no circumstance or place, then its noun phrase) is what the main event is about;
    /// the date after it is the main event's. "talks after the attack on Monday" and "no
    /// agreement at the talks last month" keep two events.
    bool theme_of_main(const Candidate& main, std::size_t i, int c) const {
        if (i <= main.last || i > main.last + 6 || !v_.in(main.last, lex_.grammar().preposition) ||
            v_.in(main.last, lex_.grammar().circumstance) || v_.in(main.last, lex_.grammar().locative))
            return false;
        // "agreed on the text of the treaty": an "of" inside the phrase keeps it one phrase.
        for (std::size_t k = main.last + 1; k < i; ++k)
            if (v_.clause[k] != c || v_.timex[k] >= 0 || matches_[k] ||
                (v_.in(k, lex_.grammar().preposition) && !v_.is(k, "of")) ||
                !(v_.is_word(k) || v_.token(k).is(kNumber) || v_.is(k, "'s") || v_.is(k, "$")))
                return false;
        return true;
    }

    /// Picks the main event of clause c, if there is one: the first of a core type, else
    /// the first ("This photo provided by ... shows a ground-breaking ceremony").
    std::optional<Candidate> choose(int c) const {
        std::optional<Candidate> first;
        for (std::size_t from = 0; from < v_.size();) {
            std::optional<Candidate> cand = choose_from(c, from);
            if (!cand) break;
            const events::TypeInfo* info = lex_.type(cand->type);
            if (info && info->core) return cand;
            if (!first) first = cand;
            from = cand->head + 1;
        }
        return first;
    }

    /// The first event of clause c starting at token `from` or later.
    std::optional<Candidate> choose_from(int c, std::size_t from) const {
        std::optional<Candidate> noun_fallback;
        for (std::size_t i = from; i < v_.size(); ++i) {
            if (v_.clause[i] != c || !matches_[i]) continue;
            const TriggerMatch& m = *matches_[i];
            const events::Trigger& t = *m.trigger;
            Candidate cand;
            cand.head = i;
            cand.head_end = cand.last = i + m.length;
            cand.lemma = t.lemma;
            cand.type = t.type;
            switch (t.role) {
                case Role::Report:
                    continue;
                case Role::Control: {
                    // "agreed (in 2022) to build ...": the complement is part of the event's words.
                    for (std::size_t j = i + m.length; j + 1 < v_.size() && j < i + m.length + 6 && v_.clause[j] == c; ++j) {
                        if (!v_.is(j, "to")) continue;
                        if (matches_[j + 1] && v_.clause[j + 1] == c) cand.last = j + 1 + matches_[j + 1]->length;
                        break;
                    }
                    return cand;
                }
                case Role::Start:
                case Role::End: {
                    if (auto j = next_event(i + m.length, c, 6)) {
                        cand.type = aspect_type(type_at(*j, c), t.role);
                        cand.last = *j + matches_[*j]->length;
                        cand.nominal = nominal_use(i);
                        return cand;
                    }
                    // "Construction of the dam began": the event noun is the subject; in a
                    // relative clause ("Construction of the dam, which began in 2019, ...")
                    // the noun it hangs on.
                    if (!nominal_use(i))
                        for (std::size_t k = i; k > 0 && i - k < 7; --k)
                            if (matches_[k - 1] && (v_.clause[k - 1] == c || v_.clauses[c].embedded) &&
                                matches_[k - 1]->trigger->role == Role::Event &&
                                !matches_[k - 1]->trigger->type.empty() && nominal_use(k - 1)) {
                                cand.type = aspect_type(type_at(k - 1, c), t.role);
                                cand.lemma = matches_[k - 1]->trigger->lemma;
                                return cand;
                            }
                    if (t.type.empty()) continue;
                    cand.nominal = nominal_use(i);
                    if (cand.nominal) {
                        if (!noun_fallback) noun_fallback = cand;
                        continue;
                    }
                    return cand;
                }
                case Role::Duration: {
                    // "take (approximately) 18 months to complete/construct".
                    std::size_t j = i + m.length;
                    int dur = -1;
                    while (j < v_.size() && j < i + m.length + 5) {
                        const int tx = v_.timex[j];
                        if (tx >= 0 && v_.a.timexes[tx].type == TimexType::Duration) {
                            dur = tx;
                            while (j < v_.size() && v_.timex[j] == tx) ++j;
                            break;
                        }
                        ++j;
                    }
                    if (dur < 0 || !v_.is(j, "to") || j + 1 >= v_.size() || !matches_[j + 1]) continue;
                    const events::Trigger& comp = *matches_[j + 1]->trigger;
                    std::string base = comp.type;
                    if (base.empty()) continue;
                    cand.type = aspect_type(base, Role::End);
                    cand.lemma = comp.lemma;
                    cand.last = j + 1 + matches_[j + 1]->length;
                    cand.duration_timex = dur;
                    cand.anchor_type = aspect_type(base, Role::Start);
                    if (cand.anchor_type == cand.type) cand.anchor_type.clear();
                    return cand;
                }
                case Role::Light: {
                    // "a partnership agreement was established": in the passive the event
                    // noun comes before the light verb.
                    const bool reduced_relative = i > 0 && matches_[i - 1] && matches_[i - 1]->trigger->pos == events::Pos::Noun;
                    if (i > 0 && (v_.in(i - 1, lex_.grammar().be) || reduced_relative))
                        for (std::size_t k = reduced_relative ? i : i - 1; k > 0 && i - k < 5; --k)
                            if (matches_[k - 1] && v_.clause[k - 1] == c && !matches_[k - 1]->trigger->type.empty() &&
                                matches_[k - 1]->trigger->role == Role::Event) {
                                cand.type = type_at(k - 1, c);
                                cand.lemma = matches_[k - 1]->trigger->lemma;
                                return cand;
                            }
                    if (auto j = next_event(i + m.length, c, 6)) {
                        const events::Trigger& obj = *matches_[*j]->trigger;
                        cand.type = obj.role == Role::Start || obj.role == Role::End ? aspect_type(obj.type, obj.role) : type_at(*j, c);
                        cand.lemma = obj.lemma;
                        cand.last = *j + matches_[*j]->length;
                        return cand;
                    }
                    if (t.type.empty() || nominal_use(i)) continue;
                    return cand;
                }
                case Role::BySubject: {
                    // "A magnitude 7.8 earthquake struck": the subject says what kind of event.
                    cand.nominal = nominal_use(i);
                    if (const std::string* ty = by_subject_type(i, c, &cand.object_noun)) cand.type = *ty;
                    if (cand.nominal) {
                        if (!noun_fallback) noun_fallback = cand;
                        continue;
                    }
                    return cand;
                }
                case Role::ByObject: {
                    bool typed = false;
                    // "the speech delivered", "weapons were supplied", "the motorway was
                    // closed": in the passive or a reduced relative the object stands before
                    // the verb; looked at first in the passive.
                    auto object_before = [&] {
                        if (i == 0 || v_.clause[i - 1] != c) return false;
                        std::size_t k = i - 1;
                        if (k > 0 && v_.in(k, lex_.grammar().be)) --k;
                        const std::string* ty = lex_.object_type(v_.words[k], t.type);
                        if (ty) cand.type = *ty;
                        return ty != nullptr;
                    };
                    const bool passive_verb = i > 0 && v_.in(i - 1, lex_.grammar().be);
                    if (passive_verb) typed = object_before();
                    // After the verb, up to a time adverbial ("was closed for several hours and
                    // train services ...": the hours end the object; "posted a third-quarter
                    // loss" does not).
                    for (std::size_t j = i + m.length; !typed && j < v_.size() && j < i + m.length + 8; ++j) {
                        if (v_.clause[j] != c || (v_.timex[j] >= 0 && v_.in(j - 1, lex_.grammar().preposition))) break;
                        if (const std::string* ty = lex_.object_type(v_.words[j], t.type)) {
                            cand.type = *ty;
                            cand.last = j + 1;
                            typed = true;
                        }
                    }
                    if (!typed && !passive_verb) typed = object_before();
                    // Giving, sending, providing something that is no aid, troops or weapons
                    // ("provides information", "sent a fax", "gave no reason") is no event.
                    if (!typed) continue;
                    cand.nominal = nominal_use(i);
                    if (cand.nominal) {
                        if (!noun_fallback) noun_fallback = cand;
                        continue;
                    }
                    return cand;
                }
                case Role::Event: {
                    cand.nominal = nominal_use(i);
                    // "this announcement", "such attacks" point back to an event told before.
                    if (cand.nominal && refers_back(i)) continue;
                    if (cand.nominal) {
                        if (!noun_fallback) noun_fallback = cand;
                        continue;
                    }
                    return cand;
                }
            }
        }
        return noun_fallback;
    }

private:
    const Lexicon& lex_;
    const SentenceView& v_;
    Senses* senses_;  // the document's, updated as sentences say
    std::vector<std::optional<TriggerMatch>> matches_;
};

}  // namespace

struct EventExtractor::Impl {
    Lexicon lex;
    explicit Impl(const Resources& res) : lex(res) {}

    /// `last_day`: the last single-day date named before sentence s (updated to s's).
    void sentence(DocumentAnalysis& a, std::size_t s, std::vector<std::size_t>& recent_countries,
                  const Timex*& last_day, Senses& senses) const;
    EventStatus status(const SentenceView& v, const Candidate& c, int clause, bool attributed) const;
    void participants(const SentenceView& v, const Candidate& c, int clause, const std::set<std::size_t>& sources,
                      const std::vector<std::size_t>& recent_countries, EventMention& ev) const;
    void time(const SentenceView& v, const Candidate& c, const std::vector<Candidate>& all, int clause,
              bool content_clause, const Timex* last_day, EventMention& ev) const;
    bool passive(const SentenceView& v, const Candidate& c) const;
    void label(const SentenceView& v, const Candidate& c, int clause, const std::vector<std::size_t>& local_agents,
               EventMention& ev) const;
    std::string antecedent(const SentenceView& v, int clause) const;
    std::string sentence_subject(const SentenceView& v, std::size_t before) const;
    std::string relative_antecedent(const SentenceView& v, std::size_t start) const;
};

EventExtractor::EventExtractor(const Resources& res) : impl_(std::make_unique<Impl>(res)) {}
EventExtractor::~EventExtractor() = default;

void EventExtractor::extract(DocumentAnalysis& a) const {
    a.events.clear();
    a.claims.clear();
    std::vector<std::size_t> recent_countries;  // entity indices, most recent last
    const Timex* last_day = nullptr;
    Senses senses;
    for (std::size_t s = 0; s < a.sentences.size(); ++s) impl_->sentence(a, s, recent_countries, last_day, senses);
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

void EventExtractor::Impl::sentence(DocumentAnalysis& a, std::size_t s, std::vector<std::size_t>& recent_countries,
                                    const Timex*& last_day, Senses& senses) const {
    const SentenceView v(a, s, lex);
    const SentenceRules rules(lex, v, senses);
    const std::set<std::size_t> sources = sources_of(v);
    bool attributed = !sources.empty();
    for (const auto& c : v.clauses) attributed = attributed || c.attribution;

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
            ev.status = status(v, cand, c, attributed);
            participants(v, cand, c, sources, recent_countries, ev);
            const std::vector<std::size_t> local_agents = ev.agents;
            // A clause without its own subject shares the sentence's previous one.
            if (ev.agents.empty() && a.events.size() > first_event) ev.agents = a.events.back().agents;
            label(v, cand, c, local_agents, ev);
            if (a.events.size() > first_event) share_subject(v, cand, a.events.back(), ev);
            for (std::size_t src : sources) ev.sources.push_back(src);
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
            const std::string& w = v.words[k];
            const unsigned char first = w.empty() ? ' ' : static_cast<unsigned char>(w[0]);
            const bool modifier = w == "'s" || w == "$" || (std::isalnum(first) && !v.in(k, lex.grammar().preposition) &&
                                                            w != "and" && w != "or" && w != "but");
            if (!modifier) return false;
        }
        return true;
    };
    for (std::size_t i = 0; i < c.head; ++i) {
        if (v.clause[i] != clause) continue;
        const std::string& w = v.words[i];
        // "announced that it would hold elections", "said on Tuesday he would travel": "would"
        // reports a plan, not a condition.
        bool reported_plan = w == "would" && v.clauses[clause].content;
        for (std::size_t k = 0; w == "would" && !reported_plan && k < i; ++k)
            reported_plan = v.clause[k] == clause && v.in(k, lex.grammar().speech);
        if (const auto* list = lex.cues_starting(w))
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
        if (v.words[k] == "to" && v.clause[k] == clause && !(k > 0 && v.in(k - 1, lex.grammar().pre_trigger)))
            consider(EventStatus::Planned);
    }
    // "The summit is scheduled for June 5": the cue follows an event noun.
    if (c.nominal)
        for (std::size_t k = c.last; k + 1 < v.size() && k < c.last + 6 && v.clause[k] == clause; ++k) {
            if (!v.in(k, lex.grammar().be)) continue;
            for (const events::Cue& cue : lex.cues())
                if (cue.words.size() == 1 && cue.words[0] == v.words[k + 1]) consider(cue.status);
            const std::string& next = v.words[k + 1];
            if (next == "planned" || next == "set" || next == "due") consider(EventStatus::Planned);
            break;
        }
    // Progressive: "is building", "are strengthening".
    if (c.head > 0 && !c.nominal) {
        const std::string& form = v.words[c.head];
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
    const std::string& form = v.words[c.head];
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
    std::string last_prep;
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
        std::string prep = np > 0 && v.clause[np - 1] == clause ? v.words[np - 1] : std::string();
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
            } else if (right_before || of_members) {
                add(is_passive ? ev.patients : ev.agents, e);
            } else if (in_pp) {
                if (locative && m.kind == EntityKind::Country) add(ev.places, e);
            } else {
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
        std::size_t first = 0;
        while (first < v.size() && v.clause[first] != clause) ++first;
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
        std::size_t first = 0;
        while (first < v.size() && v.clause[first] != clause) ++first;  // the comma opens it
        if (first >= 1 && first + 1 < c.head && v.is(first, ",") && (v.is(first + 1, "who") || v.is(first + 1, "which")) &&
            v.entity[first - 1] >= 0 && ents[v.entity[first - 1]].kind != EntityKind::Place)
            add(ev.agents, static_cast<std::size_t>(v.entity[first - 1]));
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

/// The date starting at token `first` is the one something is compared with: "down from 303
/// in 2019", "higher than in 2020", "compared with a year earlier".
bool compared_date(const SentenceView& v, const Lexicon& lex, std::size_t first) {
    const Lexicon::Grammar& g = lex.grammar();
    for (std::size_t k = first; k > 0 && first - k < 6 && v.clause[k - 1] == v.clause[first]; --k) {
        if (v.words[k - 1] == "," || v.timex[k - 1] >= 0) return false;
        if (v.in(k - 1, g.comparison)) return true;
        // a pair ends with a preposition: only then is "down_from" worth spelling out
        if (k >= 2 && v.in(k - 1, g.preposition) && lex.in_class(g.comparison_pair, v.words[k - 2] + "_" + v.words[k - 1]))
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
        if (!owns_trigger) return false;
    }
    if (compared_date(v, lex, before)) return false;
    // A "since" after a superlative and its noun compares ("earthquake since 1960 struck");
    // a verb keeps a "since" after it or fronted ("has risen since 2020", "Since 1985 _
    // when ... _ 200 soldiers have been killed"), and a count runs from it ("14 killings
    // since 1993").
    if (before > 0 && v.is(before - 1, "since")) {
        bool superlative = false;
        const std::size_t noun = c.nominal ? c.head : before - 1;
        for (std::size_t k = noun; k > 0 && noun - k < 4; --k) {
            const std::string& w = v.words[k - 1];
            superlative = superlative || v.in(k - 1, lex.grammar().superlative) ||
                          (w.size() > 5 && w.compare(w.size() - 4, 4, "iest") == 0);
        }
        const bool in_phrase = before >= 2 && v.is_word(before - 2) && !v.in(before - 2, lex.grammar().clause_opener);
        if (superlative && (c.nominal || (after <= c.head && in_phrase))) return false;
    }
    return true;
}

/// The date or time expression of the clause closest to the trigger of `c`, unless it is
/// nearer to another event of the clause; -1 if none.
int nearest_timex(const SentenceView& v, const Lexicon& lex, const Candidate& c, const std::vector<Candidate>& all, int clause) {
    int best = -1;
    std::size_t best_distance = 0;
    int checked = -1;        // the expression whose tokens are being gone through ...
    bool not_its = false;    // ... and whether it is no date of this event
    for (std::size_t i = 0; i < v.size(); ++i) {
        const int tx = v.timex[i];
        if (tx < 0 || tx == c.duration_timex || v.clause[i] != clause) continue;
        const Timex& t = v.a.timexes[tx];
        if (t.type != TimexType::Date && t.type != TimexType::Time) continue;
        if (tx != checked) {
            checked = tx;
            not_its = !date_of_event(v, lex, c, i);
        }
        if (not_its) continue;
        auto distance = [&](const Candidate& x) { return i < x.head ? x.head - i : (i >= x.last ? i - x.last + 1 : 0); };
        const std::size_t d = distance(c);
        // "signed in 1994 and ratified in 1996": a date as near to two events belongs to
        // the one it follows.
        bool other = false;
        for (const Candidate& x : all)
            if (&x != &c && (distance(x) < d || (distance(x) == d && i >= x.last && i < c.head))) other = true;
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
    // "Since February 2022, when Moscow launched its invasion": a "when" clause after a
    // date is dated by it.
    if (best < 0) {
        std::size_t first = 0;
        while (first < v.size() && v.clause[first] != clause) ++first;
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
    const std::string& form = v.words[c.head];
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
           !v.in(from - 1, lex.grammar().label_stop) && !lex.trigger_at(v.words, from - 1) && v.timex[from - 1] < 0)
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
           !v.in(to, lex.grammar().label_stop) && !lex.trigger_at(v.words, to) && v.timex[to] < 0)
        ++to;
    const bool verb_follows = to < before && (v.in(to, lex.grammar().auxiliary) || v.in(to, lex.grammar().be) ||
                                              v.in(to, lex.grammar().have));
    // "it" is no person ("Elian was ... on a powerboat when it capsized").
    for (std::size_t k = 0; k < to; ++k)
        if (v.entity[k] >= 0 && v.a.entities[v.entity[k]].kind == EntityKind::Person) return {};
    return to > 0 && verb_follows ? v.surface(0, to) : std::string();
}

std::string EventExtractor::Impl::antecedent(const SentenceView& v, int clause) const {
    std::size_t first = 0;
    while (first < v.size() && v.clause[first] != clause) ++first;
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
               !v.in(to, lex.grammar().preposition) && !lex.trigger_at(v.words, to))
            ++to;
        return to > from ? v.surface(from, to) : std::string();
    }
    if (!v.in(first, lex.grammar().pronoun) || v.words[first - 1] != ",") return {};
    std::size_t from = first - 1;
    // "Construction of the dam, which began ...": "of" after an event noun stays in the
    // phrase (but "parts of the region, which had been seized": the region).
    auto of_phrase = [&](std::size_t k) {
        return v.words[k] == "of" && k > 0 && k + 1 < first - 1 && lex.trigger_at(v.words, k - 1).has_value();
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
        while (np < start && (embedded(np) || v.words[np] == ",")) ++np;
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
    const std::size_t with_pronoun = start;
    if (start < c.head && v.in(start, lex.grammar().pronoun)) ++start;  // "it had sent": named below
    std::string text = v.surface(start, end, clause);
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
        if (prefix.empty() && with_pronoun < start && v.is(with_pronoun, "it")) prefix = sentence_subject(v, with_pronoun);
        if (prefix.empty()) prefix = relative_antecedent(v, start);
        if (!prefix.empty()) text = prefix + " " + text;
        // Nobody to name: "They provided assistance" still says more than "Provided assistance".
        else if (with_pronoun < start) text = v.surface(with_pronoun, end, clause);
    }
    text = without_quotes(text);
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
        const std::string& w = v.words[i];
        if (v.timex[i] >= 0 || lex.in_class(lex.grammar().label_stop, w) || lex.in_class(lex.grammar().preposition, w) || w == "'s") break;
        if (v.is_word(i) && !lex.in_class(lex.grammar().determiner, w) && !v.in(i, lex.grammar().label_trim) &&
            v.entity[i] < 0)
            theme = w;
    }
    if (theme.size() > 3 && theme.back() == 's' && theme[theme.size() - 2] != 's') theme.pop_back();
    ev.theme = theme;
}

}  // namespace chronograph
