// Which trigger names each clause's event: the triggers of a sentence (triggers.tsv) read
// with the verbs that shape them (light, aspect, control, duration), with the subjects and
// objects that type them, and without the words that only look like them ("a worrisome
// sign", "meet demand"); one main event per clause, plus those with a date of their own.
#pragma once

#include "events/candidate.hpp"
#include "events/lexicon.hpp"
#include "events/sentence_view.hpp"

#include <optional>
#include <string>
#include <vector>

namespace chronograph::events {

class SentenceRules {
public:
    SentenceRules(const Lexicon& lex, const SentenceView& v, Senses& senses) : lex_(lex), v_(v), senses_(&senses) {
        matches_.resize(v.size());
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (!v.is_word(i) || v.entity[i] >= 0) continue;
            // Words inside a time expression are not triggers ("the past three years").
            if (v.timex[i] >= 0) continue;
            if (in_name(i)) continue;
            matches_[i] = lex.trigger_at(v, i);
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
        const std::string_view w = v_.words[i];
        if (i < 2 || v_.words[i - 1] != "-" || v_.token(i - 1).is(kSpaceBefore) || v_.token(i).is(kSpaceBefore) ||
            !ing_form(w) || matches_[i]->length != 1)
            return false;
        return noun_after(i) && !matches_[i + 1];
    }

    /// Token i + 1 may be a common noun the word at i modifies: a lower-case word that is no
    /// preposition, determiner, auxiliary, pronoun, stop word or conjunction.
    bool noun_after(std::size_t i) const {
        if (i + 1 >= v_.size() || !v_.is_word(i + 1) || v_.token(i + 1).is(kCapitalized)) return false;
        const events::ClassMask not_a_noun = lex_.grammar().preposition | lex_.grammar().determiner | lex_.grammar().auxiliary |
                                             lex_.grammar().be | lex_.grammar().label_stop | lex_.grammar().pronoun;
        return !v_.in(i + 1, not_a_noun) && !v_.is(i + 1, "to") && !v_.is(i + 1, "and") && !v_.is(i + 1, "or");
    }

    /// A past participle used as an adjective: "elected officials", "the newly acquired
    /// stake", "privately negotiated transactions", "Jerusalem-born".
    bool adjectival(std::size_t i) const {
        const std::string_view w = v_.words[i];
        const bool participle = (w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0) || w == "born";
        if (!participle) return false;
        if (i > 0 && v_.words[i - 1] == "-") return true;
        if (!noun_after(i)) return false;
        auto adverb = [&](std::size_t k) { const std::string_view a = v_.words[k]; return a.size() > 3 && a.compare(a.size() - 2, 2, "ly") == 0; };
        // After a determiner, unless that is an adverb after a subject ("Jobs first introduced",
        // "the agency last declared"): a name, a pronoun or a noun, no determiner or preposition.
        auto subject_before = [&](std::size_t k) {
            return k > 0 && (v_.token(k - 1).is(kCapitalized) || v_.in(k - 1, lex_.grammar().pronoun) ||
                             (v_.is_word(k - 1) && !v_.in(k - 1, lex_.grammar().determiner) &&
                              !v_.in(k - 1, lex_.grammar().preposition) && !v_.in(k - 1, lex_.grammar().auxiliary) &&
                              !v_.in(k - 1, lex_.grammar().be)));
        };
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
        const std::string_view prev = v_.words[i - 1];
        if (v_.in(i - 1, lex_.grammar().determiner)) return !ends("ed");
        // "of sending troops": a gerund after a preposition names an action, not a clause's verb.
        if (ends("ing") && v_.in(i - 1, lex_.grammar().preposition)) return true;
        if (ends("ed") || ends("ing") || m.form != v_.words[i]) return false;
        // Only a bare form can head a compound: "sent", "built" are verbs.
        const std::string& lemma = m.trigger->lemma;
        if (m.form != lemma && m.form != lemma + "s" && m.form != lemma + "es") return false;
        // A bare form after a common noun is the head of a compound ("missile launch",
        // "cross-border travel"); after a plural noun it is the verb ("the countries agree").
        if (prev == "-") return true;
        // "80 ships", "40 billion pounds": a plural after a number is a noun.
        if ((v_.token(i - 1).is(kNumber) || v_.in(i - 1, lex_.grammar().quantifier)) && m.form != lemma) return true;
        // An -s form that is no noun's plural is the verb: "author dies at 89".
        if (m.form != lemma && !lex_.noun_form(v_.entries[i])) return false;
        if (!v_.is_word(i - 1) || v_.token(i - 1).is(kCapitalized) || v_.entity[i - 1] >= 0) return false;
        // After a preposition other than "to" a bare form is no verb: "for open dialogue".
        if (prev != "to" && v_.in(i - 1, lex_.grammar().preposition)) return true;
        if (v_.in(i - 1, lex_.grammar().auxiliary) || v_.in(i - 1, lex_.grammar().pronoun) || prev == "to" || prev == "and" ||
            prev == "or" || (prev.size() > 2 && prev.substr(prev.size() - 2) == "ly"))
            return false;
        // What follows tells a verb with its object ("an earthquake hits | eastern Turkey",
        // "the storm hit | the coast") from a compound's head ("missile launch | sites"):
        // an object opens with a determiner, a name, a number or a compass adjective.
        if (i + 1 < v_.size() && (v_.in(i + 1, lex_.grammar().determiner) || v_.token(i + 1).is(kCapitalized) ||
                                  v_.token(i + 1).is(kNumber) || v_.in(i + 1, lex_.grammar().compass)))
            return false;
        // Not a plural, though it ends in "s": "the previous strike", "a serious attack", "the
        // bus crash".
        auto ends_prev = [&](std::string_view suffix) { return prev.size() > suffix.size() && prev.substr(prev.size() - suffix.size()) == suffix; };
        const bool plural = prev.back() == 's' && !ends_prev("ss") && !ends_prev("us") && !ends_prev("is");
        return !(plural && !ends("s"));
    }

    /// "this announcement", "their strategic partnership": an event noun that points back to
    /// one told before, or to a standing state of affairs, unless a date of its own follows.
    bool refers_back(std::size_t i) const {
        for (std::size_t k = i; k > 0 && i - k < 3; --k) {
            const std::string_view w = v_.words[k - 1];
            if (w == "this" || w == "that" || w == "these" || w == "those" || w == "such") return true;
            if (w == "their" || w == "its" || w == "our" || w == "his" || w == "her") {
                for (std::size_t j = i + 1; j < v_.size() && j < i + 4 && v_.clause[j] == v_.clause[i]; ++j)
                    if (v_.timex[j] >= 0) return false;
                return true;
            }
            if (!v_.is_word(k - 1) || v_.in(k - 1, lex_.grammar().determiner) || v_.in(k - 1, lex_.grammar().preposition)) break;
        }
        return false;
    }

    /// The type the noun right before the verb at i (over a form of "be" and its "to": "weapons
    /// were supplied", "the hostages to be released", "the speech delivered") gives a trigger
    /// of `type` as its object; null if it gives none.
    const std::string* object_type_before(std::size_t i, int c, const std::string& type) const {
        if (i == 0 || v_.clause[i - 1] != c) return nullptr;
        std::size_t k = i - 1;
        if (k > 0 && v_.in(k, lex_.grammar().be)) {
            --k;
            if (k > 0 && v_.is(k, "to")) --k;
        }
        return lex_.object_type(object_word(k), type);
    }

    /// Token k as objects.tsv knows it: "@person" for a word of a person's name, else the word.
    std::string_view object_word(std::size_t k) const {
        const int e = v_.entity[k];
        return e >= 0 && v_.a.entities[e].kind == EntityKind::Person ? std::string_view("@person") : std::string_view(v_.words[k]);
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
            if (const std::string* ty = by_subject_type(i, c); ty && *ty != "-") return *ty;
        return t.type;
    }

    /// A by-subject trigger's type from its sentence: a verb's subject; a noun's modifier
    /// ("a teachers' strike"), or as an object ("workers extended their strike") its clause's
    /// subject. A noun's is remembered for the document; where the sentence says nothing of
    /// a noun, what the document said before ("The strike began on Sept. 13").
    const std::string* by_subject_type(std::size_t i, int c, bool* from_clause_subject = nullptr) const {
        const events::Trigger& t = *matches_[i]->trigger;
        // Remembered for nouns only: "shares rallied" says nothing of "held a rally".
        if (!nominal_use(i)) {
            const std::string* ty = subject_class(i, c);
            return ty ? ty : sentence_context_type(t.type);
        }
        const std::string* ty = modifier_class(i, c);
        if (!ty && object_position(i, c)) {
            ty = subject_class(i, c);
            if (from_clause_subject) *from_clause_subject = ty != nullptr;
        }
        if (ty) {
            if (*ty != "-") (*senses_)[t.lemma] = *ty;
            return ty;
        }
        if (const auto it = senses_->find(t.lemma); it != senses_->end()) return &it->second;
        return sentence_context_type(t.type);
    }

    /// What the sentence's words say of a by-subject trigger of type `own` that nothing
    /// closer types ("The strike ... ended after the union and employers agreed a wage
    /// deal"): the one type its context words agree on, none if they disagree ("a strike
    /// killed five workers").
    const std::string* sentence_context_type(const std::string& own) const {
        const std::string* found = nullptr;
        for (std::size_t j = 0; j < v_.size(); ++j)
            if (const std::string* ty = lex_.context_type(v_.words[j], own)) {
                if (found && *found != *ty) return nullptr;
                found = ty;
            }
        return found;
    }

    /// The noun at i is a verb's object, not a preposition's ("extending a six-week strike",
    /// not "killed in a missile strike"): no preposition in the few words before it.
    bool object_position(std::size_t i, int c) const {
        for (std::size_t k = i; k > 0 && i - k < 5 && v_.clause[k - 1] == c; --k) {
            // The verb it is the object of comes first: "voted to end a seven-week strike".
            if (matches_[k - 1] && matches_[k - 1]->trigger->pos == events::Pos::Verb && !nominal_use(k - 1)) return true;
            // "to" before a bare word is an infinitive's ("vote to end seven-week strike").
            const bool infinitive = v_.is(k - 1, "to") && k < i && v_.is_word(k) && !v_.token(k).is(kCapitalized) &&
                                    !v_.in(k, lex_.grammar().determiner);
            if (v_.in(k - 1, lex_.grammar().preposition) && !infinitive) return false;
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
        // A passive's agent does it: "communities hit by wildfires", "a town struck by a storm".
        if (i + 1 < v_.words.size() && v_.is(i + 1, "by"))
            for (std::size_t j = i + 2; j < v_.words.size() && j < i + 5 && v_.clause[j] == c; ++j) {
                if (const std::string* ty = lex_.subject_type(v_.words[j], own)) return ty;
                if (v_.in(j, lex_.grammar().preposition)) break;
            }
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
            if (const std::string* ty = lex_.subject_type(v_.words[j], own)) {
                // "No event" only from the subject right before its verb ("He collapsed"),
                // not a pronoun inside the subject ("the boat he was in capsized").
                if (*ty == "-" && !adjacent_subject(j, i)) continue;
                return ty;
            }
        return nullptr;
    }

    /// Only auxiliaries and adverbs of time stand between the word at j and the verb at i.
    bool adjacent_subject(std::size_t j, std::size_t i) const {
        for (std::size_t k = j + 1; k < i; ++k)
            if (!v_.in(k, lex_.grammar().auxiliary) && !v_.in(k, lex_.grammar().pre_trigger)) return false;
        return true;
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
                                (matches_[k - 1]->trigger->role == Role::Event || matches_[k - 1]->trigger->role == Role::BySubject) &&
                                !matches_[k - 1]->trigger->type.empty() && nominal_use(k - 1)) {
                                cand.type = aspect_type(type_at(k - 1, c), t.role);
                                cand.lemma = matches_[k - 1]->trigger->lemma;
                                return cand;
                            }
                    if (t.type.empty()) continue;
                    cand.nominal = nominal_use(i);
                    break;
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
                    // Its object is an event noun ("reached an agreement"), not the verb of a
                    // clause after a comma ("Before reaching Vietnam, Yagi killed ...").
                    auto j = next_event(i + m.length, c, 6);
                    for (std::size_t k = i + m.length; j && k < *j; ++k)
                        if (v_.is(k, ",")) j.reset();
                    if (j) {
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
                    if (const std::string* ty = by_subject_type(i, c, &cand.object_noun)) {
                        if (*ty == "-") continue;  // "he collapsed during a speech": no event of the kind
                        cand.type = *ty;
                    }
                    break;
                }
                case Role::ByObject: {
                    bool typed = false;
                    // "the speech delivered", "weapons were supplied", "the motorway was
                    // closed": in the passive or a reduced relative the object stands before
                    // the verb; looked at first in the passive.
                    auto object_before = [&] {
                        const std::string* ty = object_type_before(i, c, t.type);
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
                        if (const std::string* ty = lex_.object_type(object_word(j), t.type)) {
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
                    break;
                }
                case Role::Event: {
                    cand.nominal = nominal_use(i);
                    // "this announcement", "such attacks" point back to an event told before.
                    if (cand.nominal && refers_back(i)) continue;
                    // What a verb acts on may say more about the event than the verb: "signed
                    // the bill" is legislation, "signed the treaty" an agreement. Only the
                    // object's own words, up to a preposition ("signed an agreement on the
                    // law of the sea" stays an agreement).
                    if (!cand.nominal && i > 0 && v_.in(i - 1, lex_.grammar().be)) {
                        // In the passive it stands before: "the hostages to be released".
                        if (const std::string* ty = object_type_before(i, c, t.type)) cand.type = *ty;
                    } else if (!cand.nominal)
                        for (std::size_t j = i + m.length; j < v_.size() && j < i + m.length + 5; ++j) {
                            if (v_.clause[j] != c || !v_.is_word(j) || v_.in(j, lex_.grammar().preposition)) break;
                            if (const std::string* ty = lex_.object_type(object_word(j), t.type)) {
                                cand.type = *ty;
                                break;
                            }
                        }
                    break;
                }
            }
            // A verb names the clause's event at once; an event noun only when no verb does.
            if (!cand.nominal) return cand;
            if (!noun_fallback) noun_fallback = cand;
        }
        return noun_fallback;
    }

private:
    const Lexicon& lex_;
    const SentenceView& v_;
    Senses* senses_;  // the document's, updated as sentences say
    std::vector<std::optional<TriggerMatch>> matches_;
};

}  // namespace chronograph::events
