// Sentences to events: per clause, the trigger that names what happened (shaped by light,
// aspect, control and duration verbs), its status, participants, time and label.
#include "chronograph/events.hpp"

#include "events/claims.hpp"
#include "events/lexicon.hpp"
#include "events/sentence_view.hpp"

#include <algorithm>
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

class SentenceRules {
public:
    SentenceRules(const Lexicon& lex, const SentenceView& v) : lex_(lex), v_(v) {
        matches_.resize(v.size());
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (!v.is_word(i) || v.entity[i] >= 0) continue;
            // Words inside a time expression are not triggers ("the past three years").
            if (v.timex[i] >= 0) continue;
            matches_[i] = lex.trigger_at(v.words, i);
        }
    }

    const std::optional<TriggerMatch>& match(std::size_t i) const { return matches_[i]; }

    /// "the visit", "Putin's visit", "border travel": the trigger is used as a noun.
    bool nominal_use(std::size_t i) const {
        const TriggerMatch& m = *matches_[i];
        if (m.trigger->pos == events::Pos::Noun) return true;
        if (m.trigger->pos == events::Pos::Phrase) return v_.words[i].find("ground") != std::string::npos;
        if (i == 0) return false;
        const std::string_view f = m.form;
        auto ends = [&](std::string_view suffix) { return f.size() > suffix.size() && f.substr(f.size() - suffix.size()) == suffix; };
        const std::string& prev = v_.words[i - 1];
        if (lex_.in_class("determiner", prev)) return !ends("ed");
        // "of sending troops": a gerund after a preposition names an action, not a clause's verb.
        if (ends("ing") && lex_.in_class("preposition", prev)) return true;
        if (ends("ed") || ends("ing") || m.form != v_.words[i]) return false;
        // Only a bare form can head a compound: "sent", "built" are verbs.
        const std::string& lemma = m.trigger->lemma;
        if (m.form != lemma && m.form != lemma + "s" && m.form != lemma + "es") return false;
        // A bare form after a common noun is the head of a compound ("missile launch",
        // "cross-border travel"); after a plural noun it is the verb ("the countries agree").
        if (prev == "-") return true;
        if (!v_.is_word(i - 1) || v_.token(i - 1).is(kCapitalized) || v_.entity[i - 1] >= 0) return false;
        if (lex_.in_class("auxiliary", prev) || lex_.in_class("pronoun", prev) || lex_.in_class("preposition", prev) ||
            prev == "to" || prev == "and" || prev == "or" || (prev.size() > 2 && prev.substr(prev.size() - 2) == "ly"))
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
            if (!v_.is_word(k - 1) || lex_.in_class("determiner", w) || lex_.in_class("preposition", w)) break;
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
                    // "agreed to build ...": the complement is part of the event's words.
                    std::size_t j = i + m.length;
                    if (v_.is(j, "to") && j + 1 < v_.size() && matches_[j + 1] && v_.clause[j + 1] == c)
                        cand.last = j + 1 + matches_[j + 1]->length;
                    return cand;
                }
                case Role::Start:
                case Role::End: {
                    if (auto j = next_event(i + m.length, c, 6)) {
                        cand.type = aspect_type(matches_[*j]->trigger->type, t.role);
                        cand.last = *j + matches_[*j]->length;
                        cand.nominal = nominal_use(i);
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
                    if (i > 0 && lex_.in_class("be", v_.words[i - 1]))
                        for (std::size_t k = i - 1; k > 0 && i - k < 5; --k)
                            if (matches_[k - 1] && v_.clause[k - 1] == c && !matches_[k - 1]->trigger->type.empty() &&
                                matches_[k - 1]->trigger->role == Role::Event) {
                                cand.type = matches_[k - 1]->trigger->type;
                                cand.lemma = matches_[k - 1]->trigger->lemma;
                                return cand;
                            }
                    if (auto j = next_event(i + m.length, c, 6)) {
                        const events::Trigger& obj = *matches_[*j]->trigger;
                        cand.type = obj.role == Role::Start || obj.role == Role::End ? aspect_type(obj.type, obj.role) : obj.type;
                        cand.lemma = obj.lemma;
                        cand.last = *j + matches_[*j]->length;
                        return cand;
                    }
                    if (t.type.empty() || nominal_use(i)) continue;
                    return cand;
                }
                case Role::ByObject: {
                    for (std::size_t j = i + m.length; j < v_.size() && j < i + m.length + 8; ++j) {
                        if (v_.clause[j] != c) break;
                        if (const std::string* ty = lex_.object_type(v_.words[j])) {
                            cand.type = *ty;
                            cand.last = j + 1;
                            break;
                        }
                    }
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
    std::vector<std::optional<TriggerMatch>> matches_;
};

}  // namespace

struct EventExtractor::Impl {
    Lexicon lex;
    explicit Impl(const Resources& res) : lex(res) {}

    void sentence(DocumentAnalysis& a, std::size_t s, std::vector<std::size_t>& recent_countries) const;
    EventStatus status(const SentenceView& v, const Candidate& c, int clause, bool attributed) const;
    void participants(const SentenceView& v, const Candidate& c, int clause, const std::set<std::size_t>& sources,
                      const std::vector<std::size_t>& recent_countries, EventMention& ev) const;
    void time(const SentenceView& v, const Candidate& c, const std::vector<Candidate>& all, int clause,
              bool content_clause, EventMention& ev) const;
    bool passive(const SentenceView& v, const Candidate& c) const;
    void label(const SentenceView& v, const Candidate& c, int clause, EventMention& ev) const;
};

EventExtractor::EventExtractor(const Resources& res) : impl_(std::make_unique<Impl>(res)) {}
EventExtractor::~EventExtractor() = default;

void EventExtractor::extract(DocumentAnalysis& a) const {
    a.events.clear();
    a.claims.clear();
    std::vector<std::size_t> recent_countries;  // entity indices, most recent last
    for (std::size_t s = 0; s < a.sentences.size(); ++s) impl_->sentence(a, s, recent_countries);
    events::extract_claims(a, impl_->lex);
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

}  // namespace

void EventExtractor::Impl::sentence(DocumentAnalysis& a, std::size_t s, std::vector<std::size_t>& recent_countries) const {
    const SentenceView v(a, s);
    const SentenceRules rules(lex, v);
    const std::set<std::size_t> sources = sources_of(v);
    bool attributed = !sources.empty();
    for (const auto& c : v.clauses) attributed = attributed || c.attribution;

    // Clauses in order of their first token.
    std::vector<int> order;
    for (std::size_t i = 0; i < v.size(); ++i)
        if (std::find(order.begin(), order.end(), v.clause[i]) == order.end()) order.push_back(v.clause[i]);

    bool after_report = false;
    const std::size_t first_event = a.events.size();
    for (int c : order) {
        if (v.clauses[c].attribution) {
            after_report = true;
            continue;
        }
        const bool content = after_report || v.clauses[c].content;
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
            if (ev.agents.empty() && a.events.size() > first_event) ev.agents = a.events.back().agents;
            for (std::size_t src : sources) ev.sources.push_back(src);
            time(v, cand, cands, c, content, ev);
            label(v, cand, c, ev);
            const events::TypeInfo* info = lex.type(ev.type);
            // Minor types only count when a time expression dates them; an event named by
            // a noun needs a date, an actor or a plan to count.
            const bool keep = !ev.type.empty() && info && (info->core || ev.time_source == "timex") &&
                              (!cand.nominal || ev.time_source == "timex" || !ev.agents.empty() ||
                               ev.status == EventStatus::Planned || ev.status == EventStatus::Expected ||
                               !ev.duration.empty());
            if (keep) a.events.push_back(std::move(ev));
        }
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
        const int e = v.entity[i];
        if (e >= 0 && a.entities[e].kind == EntityKind::Country &&
            (recent_countries.empty() || recent_countries.back() != static_cast<std::size_t>(e)) &&
            (i == 0 || v.entity[i - 1] != e))
            recent_countries.push_back(static_cast<std::size_t>(e));
    }
}

EventStatus EventExtractor::Impl::status(const SentenceView& v, const Candidate& c, int clause, bool attributed) const {
    EventStatus best = EventStatus::Happened;
    auto consider = [&](EventStatus s) {
        if (strength(s) > strength(best)) best = s;
    };
    for (const events::Cue& cue : lex.cues()) {
        const std::size_t len = cue.words.size();
        for (std::size_t i = 0; i + len <= c.head; ++i) {
            bool hit = true;
            for (std::size_t k = 0; k < len && hit; ++k) {
                const std::string& w = v.words[i + k];
                // "didn't", "won't": a negation glued to its verb.
                hit = w == cue.words[k] || (cue.words[k] == "n't" && w.size() > 3 && w.compare(w.size() - 3, 3, "n't") == 0);
            }
            if (!hit || v.clause[i] != clause) continue;
            if (static_cast<int>(c.head - (i + len)) <= cue.reach) consider(cue.status);
        }
    }
    // Progressive: "is building", "are strengthening".
    if (c.head > 0 && !c.nominal) {
        const std::string& form = v.words[c.head];
        const bool ing = form.size() > 4 && form.compare(form.size() - 3, 3, "ing") == 0;
        if (ing && lex.in_class("be", v.words[c.head - 1]) && v.words[c.head - 1] != "been") consider(EventStatus::Ongoing);
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
    return k > 0 && lex.in_class("be", v.words[k - 1]) && v.words[k - 1] != "'s";
}

void EventExtractor::Impl::participants(const SentenceView& v, const Candidate& c, int clause,
                                        const std::set<std::size_t>& sources,
                                        const std::vector<std::size_t>& recent_countries, EventMention& ev) const {
    auto add = [](std::vector<std::size_t>& list, std::size_t e) {
        if (std::find(list.begin(), list.end(), e) == list.end()) list.push_back(e);
    };
    const std::vector<EntityMention>& ents = v.a.entities;
    const bool is_passive = passive(v, c);
    for (std::size_t i = 0; i < v.size(); ++i) {
        const int e = v.entity[i];
        if (e < 0 || v.clause[i] != clause || (i > 0 && v.entity[i - 1] == e)) continue;
        if (sources.count(static_cast<std::size_t>(e))) continue;
        const EntityMention& m = ents[e];
        std::size_t end = i;
        while (end + 1 < v.size() && v.entity[end + 1] == e) ++end;
        // "Russian President Putin", "North Korea's leader Kim", "Russia's Tass": the first
        // names whom the second belongs to; it is not a participant of its own.
        const bool possessive = v.is(end + 1, "'s");
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
               (lex.in_class("determiner", v.words[np - 1]) || v.token(np - 1).is(kCapitalized)) &&
               v.entity[np - 1] < 0)
            --np;
        const std::string prep = np > 0 && v.clause[np - 1] == clause ? v.words[np - 1] : std::string();
        const bool in_pp = !prep.empty() && lex.in_class("preposition", prep);
        const bool locative = lex.in_class("locative", prep);
        if (i < c.head) {
            // "Putin's visit": the possessor of an event noun is its agent.
            if (c.nominal && possessive && c.head - end <= 3) {
                add(ev.agents, e);
            } else if (in_pp) {
                if (locative && m.kind == EntityKind::Country) add(ev.places, e);
            } else {
                add(is_passive ? ev.patients : ev.agents, e);
            }
        } else if (locative && m.kind == EntityKind::Country) {
            add(ev.places, e);
        } else if ((is_passive && prep == "by") || (c.nominal && lex.in_class("agentive", prep))) {
            add(ev.agents, e);
        } else {
            add(ev.patients, e);
        }
    }
    // "the two countries", "both nations": the two countries named last.
    if (ev.agents.empty() && recent_countries.size() >= 2) {
        for (std::size_t i = 0; i + 1 < v.size() && i < c.head + 6; ++i) {
            if (v.clause[i] != clause) continue;
            const bool two = (v.words[i] == "two" && i > 0 && v.words[i - 1] == "the") || v.words[i] == "both";
            if (two && lex.in_class("plural-anaphor", v.words[i + 1])) {
                add(ev.agents, recent_countries[recent_countries.size() - 2]);
                add(ev.agents, recent_countries.back());
                break;
            }
        }
    }
}

void EventExtractor::Impl::time(const SentenceView& v, const Candidate& c, const std::vector<Candidate>& all,
                                int clause, bool content_clause, EventMention& ev) const {
    if (c.duration_timex >= 0) {
        ev.duration = v.a.timexes[c.duration_timex].time.value;
        ev.anchor_type = c.anchor_type;
    }
    // The date or time expression of the clause closest to the trigger.
    int best = -1;
    std::size_t best_distance = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const int tx = v.timex[i];
        if (tx < 0 || tx == c.duration_timex || v.clause[i] != clause) continue;
        const Timex& t = v.a.timexes[tx];
        if (t.type != TimexType::Date && t.type != TimexType::Time) continue;
        auto distance = [&](const Candidate& x) { return i < x.head ? x.head - i : (i >= x.last ? i - x.last + 1 : 0); };
        const std::size_t d = distance(c);
        // A date nearer to another event of the clause is that event's.
        bool other = false;
        for (const Candidate& x : all)
            if (&x != &c && distance(x) < d) other = true;
        if (other) continue;
        if (best < 0 || d < best_distance) {
            best = tx;
            best_distance = d;
        }
    }
    if (best >= 0) {
        ev.timex = static_cast<std::size_t>(best);
        ev.time = v.a.timexes[best].time;
        ev.time_source = "timex";
        return;
    }
    if (!ev.duration.empty()) return;  // dated later, from the start it follows
    // A past-tense report with nothing else to go by happened by the publication date.
    const Document& doc = v.a.doc;
    if (!doc.dct || content_clause || c.nominal) return;
    if (ev.status != EventStatus::Happened && ev.status != EventStatus::Reported) return;
    const std::string& form = v.words[c.head];
    const bool past = form.size() > 2 && (form.compare(form.size() - 2, 2, "ed") == 0 || form != ev.lemma);
    const bool pluperfect = c.head > 0 && (v.words[c.head - 1] == "had" || v.words[c.head - 1] == "'d");
    if (!past || pluperfect) return;
    ev.time.value = format_day(*doc.dct);
    ev.time.interval = TimeInterval{*doc.dct, *doc.dct};
    ev.time_source = "dct";
}

void EventExtractor::Impl::label(const SentenceView& v, const Candidate& c, int clause, EventMention& ev) const {
    // Start: the first agent named before the trigger (if close), else a few words before it.
    std::size_t start = c.head;
    for (std::size_t i = 0; i < c.head; ++i) {
        const int e = v.entity[i];
        if (e >= 0 && v.clause[i] == clause && std::find(ev.agents.begin(), ev.agents.end(), static_cast<std::size_t>(e)) != ev.agents.end() &&
            c.head - i <= 10) {
            start = i;
            while (start > 0 && v.entity[start - 1] == e) --start;
            break;
        }
    }
    if (start == c.head) {
        // Keep auxiliaries right before the trigger ("is expected to take"), then the
        // subject noun phrase before them ("the bridge"), never a preposition's object.
        std::size_t i = c.head;
        auto same = [&](std::size_t k) { return v.clause[k] == clause && v.timex[k] < 0; };
        while (i > 0 && same(i - 1) && c.head - i < 5 &&
               (lex.in_class("auxiliary", v.words[i - 1]) || v.words[i - 1] == "to" ||
                (v.words[i - 1].size() > 3 && v.words[i - 1].substr(v.words[i - 1].size() - 2) == "ly") ||
                v.words[i - 1] == "expected" || v.words[i - 1] == "projected" || v.words[i - 1] == "set" ||
                v.words[i - 1] == "scheduled" || v.words[i - 1] == "poised"))
            --i;
        std::size_t np = i;
        while (np > 0 && same(np - 1) && i - np < 4 && v.is_word(np - 1) && !lex.in_class("preposition", v.words[np - 1]) &&
               !lex.in_class("label-stop", v.words[np - 1]) && !lex.in_class("auxiliary", v.words[np - 1]))
            --np;
        if (np < i && (np == 0 || !lex.in_class("preposition", v.words[np - 1]) || lex.in_class("determiner", v.words[np])))
            i = np;
        start = i;
    }
    // End: the object, up to a stop word, a time expression or the clause's end.
    std::size_t end = c.last;
    while (end < v.size() && end < c.last + 8) {
        if (v.clause[end] != clause) {
            if (v.clause[end] > clause && v.clauses[v.clause[end]].embedded) {
                ++end;  // skip an embedded clause; the label resumes after it
                continue;
            }
            break;
        }
        if (v.timex[end] >= 0 || lex.in_class("label-stop", v.words[end])) break;
        ++end;
    }
    while (end > c.last && lex.in_class("label-trim", v.words[end - 1])) --end;
    // "it had sent combat troops": the agents' names instead of the pronoun.
    const bool pronoun_subject = start < c.head && lex.in_class("pronoun", v.words[start]) && !ev.agents.empty();
    if (pronoun_subject) ++start;
    std::string text = v.surface(start, end, clause);
    if ((start == c.head || pronoun_subject) && !ev.agents.empty()) {
        std::string names;
        for (std::size_t k = 0; k < ev.agents.size() && k < 3; ++k) {
            if (k) names += k + 1 == std::min<std::size_t>(ev.agents.size(), 3) ? " and " : ", ";
            names += v.a.entities[ev.agents[k]].name;
        }
        text = names + " " + text;
    }
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
    ev.label = text;
    ev.clause = Span{v.token(start).span.start, v.token(std::max(end, c.last) - 1).span.end};

    // Theme: the head noun of what the event acts on ("a bridge for automobiles" -> bridge).
    std::size_t i = c.last;
    while (i < v.size() && v.clause[i] == clause && (lex.in_class("light-noun", v.words[i]) || v.words[i] == "for" ||
                                                     v.words[i] == "of" || v.words[i] == "on"))
        ++i;
    std::string theme;
    for (; i < v.size() && i < c.last + 8 && v.clause[i] == clause; ++i) {
        const std::string& w = v.words[i];
        if (v.timex[i] >= 0 || lex.in_class("label-stop", w) || w == "'s" || w == "for" || w == "of" || w == "to" ||
            w == "over" || w == "between")
            break;
        if (v.is_word(i) && !lex.in_class("determiner", w) && v.entity[i] < 0) theme = w;
    }
    if (theme.size() > 3 && theme.back() == 's' && theme[theme.size() - 2] != 's') theme.pop_back();
    ev.theme = theme;
}

}  // namespace chronograph
