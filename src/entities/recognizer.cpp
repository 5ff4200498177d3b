// EntityRecognizer: gazetteer matches, titles before names, capitalized runs classified
// by head words and context cues, then a document pass that finds the short forms
// (surnames, acronyms, "X" for "X Inc.") of the names already found.
#include "chronograph/entities.hpp"

#include "chronograph/text.hpp"
#include "entities/gazetteer.hpp"
#include "entities/phrase_trie.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace chronograph {

using namespace entities;

namespace {

/// A mention under construction, in token indices [first, last).
struct Found {
    std::size_t first = 0, last = 0;
    std::size_t sentence = 0;
    EntityKind kind = EntityKind::Person;
    std::string name, key, via, role, affiliation;
    bool weak = false;  // a guess from a speech verb alone ("<Name> said"): may be re-typed
};

bool is_cap_word(const Token& t) { return t.is(kWord) && (t.is(kCapitalized) || t.is(kAllCaps)); }
bool is_lower_word(const Token& t) { return t.is(kWord) && !t.is(kCapitalized) && !t.is(kAllCaps); }

/// Name particles that may sit inside a capitalized name ("Ministry of Defence",
/// "Charles de Gaulle", "Osama bin Laden").
bool is_connector(std::string_view k) {
    return k == "of" || k == "de" || k == "da" || k == "del" || k == "della" || k == "van" || k == "von" ||
           k == "der" || k == "den" || k == "al" || k == "bin" || k == "ibn" || k == "la" || k == "le" ||
           k == "du" || k == "dos" || k == "das" || k == "&" || k == "-" || k == "and" || k == "for" || k == "on";
}
/// Connectors that may also join words of a person's name.
bool is_name_particle(std::string_view k) {
    return k == "de" || k == "da" || k == "del" || k == "van" || k == "von" || k == "der" || k == "den" ||
           k == "al" || k == "bin" || k == "ibn" || k == "le" || k == "la" || k == "-" || k == "du" || k == "dos";
}

/// Everything one recognize() call works on.
class DocScanner {
public:
    DocScanner(const Gazetteer& g, DocumentAnalysis& a) : g_(g), a_(a), keys_(a), tok_(a.tokens) {}

    void run() {
        for (std::size_t s = 0; s < a_.sentences.size(); ++s) scan_sentence(s);
        resolve_aliases();
        write_mentions();
    }

private:
    const Gazetteer& g_;
    DocumentAnalysis& a_;
    NormalizedTokens keys_;
    const std::vector<Token>& tok_;
    std::vector<Found> found_;
    // Per sentence.
    std::size_t sentence_ = 0, begin_ = 0, end_ = 0;
    bool heading_ = false;

    std::string_view text(std::size_t i) const { return a_.text(tok_[i]); }
    std::string_view key(std::size_t i) const { return keys_[i]; }
    std::uint32_t flags(std::size_t i) const { return i < end_ ? g_.flags(keys_[i]) : 0; }
    std::string surface(std::size_t first, std::size_t last) const {
        return squash_space(a_.doc.text.substr(tok_[first].span.start, tok_[last - 1].span.end - tok_[first].span.start));
    }
    /// No white space between tokens i-1 and i (a hyphen inside "Rostov-on-Don").
    bool glued(std::size_t i) const { return !tok_[i].is(kSpaceBefore); }

    PhraseTrie::Match name_at(std::size_t i) const {
        if (i >= end_ || !is_cap_word(tok_[i])) return {};
        return g_.names.longest(keys_, i, end_, [&](std::uint32_t v, std::uint32_t len) {
            const NamedEntry& e = g_.entries[v];
            if (e.all_caps && !tok_[i].is(kAllCaps)) return false;
            // The last word of the phrase must be capitalized too ("New York", not "New
            // York-based" cut short is fine; "North korea" is not a name).
            const Token& last = tok_[i + len - 1];
            return !last.is(kWord) || is_cap_word(last) || !e.capitalized;
        });
    }
    PhraseTrie::Match title_at(std::size_t i) const {
        if (i >= end_ || !tok_[i].is(kWord)) return {};
        return g_.titles.longest(keys_, i, end_, [&](std::uint32_t v, std::uint32_t) {
            const TitleEntry& t = g_.title_entries[v];
            return is_cap_word(tok_[i]) || t.lower_ok;
        });
    }
    bool sentence_initial(std::size_t i) const {
        for (std::size_t k = begin_; k < i; ++k)
            if (tok_[k].is(kWord) || tok_[k].is(kNumber)) return false;
        return true;
    }

    Found& emit(std::size_t first, std::size_t last, EntityKind kind, std::string name, std::string key, std::string via) {
        Found f;
        f.first = first;
        f.last = last;
        f.sentence = sentence_;
        f.kind = kind;
        f.name = std::move(name);
        f.key = std::move(key);
        f.via = std::move(via);
        found_.push_back(std::move(f));
        return found_.back();
    }
    Found& emit_surface(std::size_t first, std::size_t last, EntityKind kind, std::string via) {
        std::string name = surface(first, last);
        std::string k = make_key(kind, name);
        return emit(first, last, kind, std::move(name), std::move(k), std::move(via));
    }

    /// End of the capitalized name starting at i: capitalized words, joined by
    /// connectors; cut before a title or a known name that starts inside it.
    std::size_t cap_run_end(std::size_t i, bool person) const {
        std::size_t j = i;
        while (j < end_) {
            const Token& t = tok_[j];
            if (is_cap_word(t) && !(flags(j) & kNotName)) {
                if (j > i && !person) {
                    // "Apple CEO Steve Jobs": the run ends before a title followed by a name.
                    const auto tm = title_at(j);
                    if (tm.length > 0 && j + tm.length < end_ && is_cap_word(tok_[j + tm.length])) break;
                    // "... Agency KCNA": a known name starts a new run, unless joined by "of".
                    if (key(j - 1) != "of" && !glued(j) && name_at(j).length > 0) break;
                }
                ++j;
                continue;
            }
            // "John F. Kennedy": an initial and its period.
            if (person && j > i && key(j) == "." && glued(j) && tok_[j - 1].span.size() == 1 && j + 1 < end_ &&
                is_cap_word(tok_[j + 1])) {
                ++j;
                continue;
            }
            const bool joins = person ? is_name_particle(key(j)) : is_connector(key(j));
            if (j > i && joins && j + 1 < end_ && is_cap_word(tok_[j + 1]) && !(flags(j + 1) & kNotName)) {
                // A hyphen joins only without spaces: "Mercedes-Benz", not "Russia - Ukraine".
                if (key(j) == "-" && (!glued(j) || !glued(j + 1))) break;
                if (key(j) == "and" || key(j) == "for" || key(j) == "on") {
                    // "Ministry for Foreign Affairs": only inside an organization's name, so
                    // only when an org head word follows later in the run.
                    std::size_t k = j + 1;
                    while (k < end_ && is_cap_word(tok_[k])) ++k;
                    if (!(flags(k - 1) & kOrgLast)) break;
                }
                j += 1;
                continue;
            }
            break;
        }
        return j;
    }

    /// The country or organization a title belongs to: a mention just before it,
    /// separated by at most three lower-case words or a possessive ("Russian Prime
    /// Minister", "Ukraine's military intelligence chief").
    std::string affiliation_before(std::size_t i) const {
        if (found_.empty()) return {};
        const Found& m = found_.back();
        if (m.sentence != sentence_ || m.last > i || i - m.last > 3) return {};
        if (m.kind != EntityKind::Country && m.kind != EntityKind::Organization) return {};
        for (std::size_t k = m.last; k < i; ++k)
            if (!(is_lower_word(tok_[k]) || key(k) == "'s")) return {};
        return m.key;
    }

    // ---- rule families ------------------------------------------------------------------

    /// "<title> <Name>": a person with a role. Returns the end, or i if no name follows.
    std::size_t person_after_title(std::size_t i, PhraseTrie::Match tm) {
        const TitleEntry& title = g_.title_entries[tm.value];
        std::size_t j = i + tm.length;
        if (title.honorific && j < end_ && key(j) == "." && glued(j)) ++j;  // "Mr . Kim"
        std::string role = title.role;
        if (title.honorific) {
            // "Mr Justice <Name>": an office after the honorific is the role.
            const auto office = title_at(j);
            if (office.length > 0 && is_cap_word(tok_[j]) && !g_.title_entries[office.value].honorific) {
                role = g_.title_entries[office.value].role;
                j += office.length;
            }
        }
        std::string affiliation = affiliation_before(i);
        if (!title.honorific && j + 1 < end_ && key(j) == "of") {
            // "Minister of Foreign Affairs <Name>", "President of Russia <Name>".
            std::size_t k = j + 1;
            if (key(k) == "the") ++k;
            const auto gm = name_at(k);
            std::size_t name_start = 0;
            if (gm.length > 0) {
                name_start = k + gm.length;
            } else {
                const std::size_t r = cap_run_end(k, false);
                for (std::size_t p = k + 1; p < r; ++p)
                    if (flags(p) & kGivenName) { name_start = p; break; }
            }
            if (name_start == 0 || name_start >= end_ || !is_cap_word(tok_[name_start])) return i;
            role += " of " + surface(k, name_start);
            if (gm.length > 0) {
                const NamedEntry& e = g_.entries[gm.value];
                emit(k, k + gm.length, e.kind, e.name, e.key, e.via);
                if (e.kind == EntityKind::Country || e.kind == EntityKind::Organization) affiliation = e.key;
            }
            j = name_start;
        }
        if (j >= end_ || !is_cap_word(tok_[j]) || (flags(j) & kNotName)) return i;
        // A known place or organization after a title is not a name ("General Motors"
        // is caught earlier; "Chairman Mao" is a name, "President Russia" is nonsense).
        const auto gm = name_at(j);
        if (gm.length > 0 && g_.entries[gm.value].kind != EntityKind::Person &&
            !(flags(j) & kGivenName))
            return i;
        const std::size_t r = cap_run_end(j, true);
        if (flags(r - 1) & (kOrgLast | kPlaceLast)) return i;  // "Justice Department"
        Found& f = emit_surface(j, r, EntityKind::Person, "title");
        f.role = std::move(role);
        f.affiliation = std::move(affiliation);
        return r;
    }

    /// "Name (ACR)" right after an organization: the acronym is a mention of it too.
    std::size_t acronym_after(std::size_t j) {
        if (found_.empty() || j + 2 >= end_ || key(j) != "(" || key(j + 2) != ")" || !tok_[j + 1].is(kAllCaps))
            return j;
        const Found org = found_.back();
        if (org.kind != EntityKind::Organization && org.kind != EntityKind::Country) return j;
        emit(j + 1, j + 2, org.kind, org.name, org.key, "acronym").affiliation = org.affiliation;
        return j + 3;
    }

    /// A known name at i (country, demonym, capital, city, place, organization).
    std::size_t gazetteer_mention(std::size_t i, PhraseTrie::Match gm) {
        const NamedEntry& e = g_.entries[gm.value];
        const std::size_t j = i + gm.length;
        // A country or city naming a body or a place: "Russian Defence Ministry",
        // "Moscow State University", "South Korean Joint Chiefs of Staff".
        if (e.kind == EntityKind::Country || e.kind == EntityKind::Place) {
            const auto inner = name_at(j);
            const bool inner_ok = inner.length == 0 || g_.entries[inner.value].kind == EntityKind::Organization;
            if (j < end_ && is_cap_word(tok_[j]) && title_at(j).length == 0 && inner_ok) {
                const std::size_t r = cap_run_end(j, false);
                const std::uint32_t head = flags(r - 1);
                if (head & (kOrgLast | kPlaceLast)) {
                    const EntityKind kind = (head & kOrgLast) ? EntityKind::Organization : EntityKind::Place;
                    emit_surface(i, r, kind, "name").affiliation = e.country;
                    return kind == EntityKind::Organization ? acronym_after(r) : r;
                }
            }
        }
        if (!e.capital_of.empty()) return capital_mention(i, j, e);
        if (e.kind == EntityKind::Place && j < end_ && is_lower_word(tok_[j]) && (flags(j) & kPlaceAfter)) {
            // "the Donetsk region": the region named after the city.
            emit_surface(i, j + 1, EntityKind::Place, "name").affiliation = e.country;
            return j + 1;
        }
        if (e.kind == EntityKind::Organization && j < end_ && is_cap_word(tok_[j]) && title_at(j).length == 0 &&
            name_at(j).length == 0) {
            // "<Company> Corps", "<Company> Music Group": another body named after it.
            const std::size_t r = cap_run_end(j, false);
            if ((flags(r - 1) & kOrgLast) && !(flags(r - 1) & kLegalForm))
                return acronym_after(end_of(emit_surface(i, r, EntityKind::Organization, "name")));
        }
        std::size_t r = j;
        if (e.kind == EntityKind::Organization) {
            // "Cisco Systems Inc.": a company name with its legal form.
            while (r < end_ && is_cap_word(tok_[r]) && (flags(r) & kLegalForm)) {
                ++r;
                if (r < end_ && key(r) == "." && glued(r)) ++r;
            }
        }
        Found& f = emit(i, r, e.kind, e.name, e.key, e.via);
        if (e.kind != EntityKind::Country) f.affiliation = e.country;
        return acronym_after(r);
    }

    /// A capital is the city after "in/to/at..." or before ", <country>"; otherwise,
    /// as an actor, it stands for its country's government ("Moscow said").
    std::size_t capital_mention(std::size_t i, std::size_t j, const NamedEntry& e) {
        std::size_t p = i;
        while (p > begin_ && (key(p - 1) == "the" || (is_lower_word(tok_[p - 1]) && (flags(p - 1) & kPlaceModifier)))) --p;
        const bool after_locative = p > begin_ && is_lower_word(tok_[p - 1]) && (flags(p - 1) & kLocative);
        const bool before_country = j + 1 < end_ && key(j) == "," && name_at(j + 1).length > 0 &&
                                    g_.entries[name_at(j + 1).value].kind == EntityKind::Country;
        const bool before_head = j < end_ && is_lower_word(tok_[j]) && (flags(j) & kPlaceAfter);
        if (before_head) {
            emit_surface(i, j + 1, EntityKind::Place, "name").affiliation = e.capital_of;
            return j + 1;
        }
        if (after_locative || before_country || heading_) {
            emit(i, j, EntityKind::Place, e.name, e.key, "name").affiliation = e.capital_of;
        } else {
            emit(i, j, EntityKind::Country, e.country_name, e.capital_of, "capital");
        }
        return j;
    }

    /// "the city of X", "the port of X": X is a place.
    std::size_t place_of(std::size_t i) {
        if (i + 2 >= end_ || key(i + 1) != "of" || !is_cap_word(tok_[i + 2])) return i;
        const std::size_t k = i + 2;
        const auto gm = name_at(k);
        if (gm.length > 0) {
            const NamedEntry& e = g_.entries[gm.value];
            if (e.kind != EntityKind::Place) return i;
            emit(k, k + gm.length, EntityKind::Place, e.name, e.key, e.via).affiliation = e.country.empty() ? e.capital_of : e.country;
            return k + gm.length;
        }
        const std::size_t r = cap_run_end(k, false);
        emit_surface(k, r, EntityKind::Place, "name");
        return r;
    }

    /// The person just found is followed by ", the [Russian] <title> ...": its role.
    void apposition_role(std::size_t r) {
        Found& person = found_.back();
        if (person.kind != EntityKind::Person || !person.role.empty()) return;
        std::size_t k = r;
        if (k >= end_ || key(k) != ",") return;
        ++k;
        if (k < end_ && (key(k) == "the" || key(k) == "a" || key(k) == "an")) ++k;
        std::string affiliation;
        if (const auto gm = name_at(k); gm.length > 0) {
            const NamedEntry& e = g_.entries[gm.value];
            if (e.kind == EntityKind::Country || e.kind == EntityKind::Organization) affiliation = e.key;
            k += gm.length;
            if (k < end_ && key(k) == "'s") ++k;
        }
        const auto tm = title_at(k);
        if (tm.length == 0 || g_.title_entries[tm.value].honorific) return;
        person.role = g_.title_entries[tm.value].role;
        person.affiliation = affiliation;
    }

    /// A run of capitalized words that no gazetteer knows: its head word or context
    /// says what it is, or nothing is found.
    std::size_t capitalized_run(std::size_t i) {
        if (flags(i) & kNotName) return i + 1;
        std::size_t r = cap_run_end(i, false);
        // "Acme Inc.": the abbreviation's period belongs to the name.
        if ((flags(r - 1) & kLegalForm) && r < end_ && key(r) == "." && glued(r)) ++r;
        // Headlines capitalize every word: only known names count there (the document
        // pass still finds the names the body text established).
        if (heading_) return r;
        const std::size_t n = r - i;
        const std::uint32_t first = flags(i), last = flags(key(r - 1) == "." ? r - 2 : r - 1);
        if (n >= 3 && (first & kOrgFirst) && key(i + 1) == "of") return acronym_after(end_of(emit_surface(i, r, EntityKind::Organization, "name")));
        if (n >= 3 && (first & kPlaceFirst) && key(i + 1) == "of") return end_of(emit_surface(i, r, EntityKind::Place, "name"));
        if (n >= 2 && (first & kPlaceBefore)) return end_of(emit_surface(i, r, EntityKind::Place, "name"));
        if (n >= 2 && (last & kOrgLast) && !(n == 2 && (first & kNotName)))
            return acronym_after(end_of(emit_surface(i, r, EntityKind::Organization, "name")));
        if (r < end_ && is_lower_word(tok_[r]) && (flags(r) & kPlaceAfter))
            return end_of(emit_surface(i, r + 1, EntityKind::Place, "name"));
        if (n >= 2 && (last & kPlaceLast)) return end_of(emit_surface(i, r, EntityKind::Place, "name"));
        if (i > begin_ && is_lower_word(tok_[i - 1]) && (flags(i - 1) & kOrgCue))
            return acronym_after(end_of(emit_surface(i, r, EntityKind::Organization, "name")));
        if (org_context_after(r)) return acronym_after(end_of(emit_surface(i, r, EntityKind::Organization, "name")));
        if (n >= 2 && (first & kGivenName)) {
            emit_surface(i, r, EntityKind::Person, "name");
            apposition_role(r);
            return r;
        }
        // "<Name> said"; but "The Prime Minister said" names an office, not a person.
        if (n <= 3 && r < end_ && (flags(r) & kSpeechVerb) && is_lower_word(tok_[r]) && !(first & kNotName) &&
            title_at(i).length < n) {
            emit_surface(i, r, EntityKind::Person, "name").weak = true;
            return r;
        }
        return r;
    }
    std::size_t end_of(const Found& f) const { return f.last; }

    /// After an unknown name: "<Name> CEO <Name>", "<Name>'s founder", "<Name> shares"
    /// say it is an organization.
    bool org_context_after(std::size_t r) const {
        if (r < end_ && key(r) == "'s") ++r;
        if (r >= end_) return false;
        if (is_lower_word(tok_[r]) && (flags(r) & kOrgAfter)) return true;
        const auto tm = title_at(r);
        return tm.length > 0 && g_.title_entries[tm.value].in_org && r + tm.length < end_ &&
               is_cap_word(tok_[r + tm.length]);
    }

    std::size_t at(std::size_t i) {
        const auto gm = name_at(i);
        const auto tm = title_at(i);
        if (tm.length > 0 && tm.length >= gm.length) {
            const std::size_t r = person_after_title(i, tm);
            if (r > i) return r;
        }
        if (gm.length > 0) return gazetteer_mention(i, gm);
        if (is_lower_word(tok_[i])) return (flags(i) & kPlaceOf) ? place_of(i) : i + 1;
        if (is_cap_word(tok_[i])) return capitalized_run(i);
        return i + 1;
    }

    void scan_sentence(std::size_t s) {
        const Sentence& sent = a_.sentences[s];
        sentence_ = s;
        begin_ = sent.first_token;
        end_ = begin_ + sent.token_count;
        heading_ = sent.heading;
        for (std::size_t i = begin_; i < end_;) {
            const std::size_t next = at(i);
            i = next > i ? next : i + 1;
        }
    }

    // ---- document pass --------------------------------------------------------------------

    struct Alias {
        std::size_t target = 0;  // index into found_ of the mention it stands for
        std::string via;
        bool ambiguous = false;
    };

    std::string phrase_key(std::size_t first, std::size_t last) const {
        std::string k;
        for (std::size_t i = first; i < last; ++i) {
            if (i > first) k += ' ';
            k += keys_[i];
        }
        return k;
    }

    /// How strongly a phrase points to a mention: a full name of several words, then a
    /// short form derived from one (surname, acronym), then a one-word name.
    static int rank(const Alias& a, const Found& f) {
        if (a.via == "name") return f.last - f.first >= 2 ? 3 : 1;
        return 2;
    }
    void add_alias(std::unordered_map<std::string, Alias>& map, std::string k, std::size_t target, const char* via) const {
        const Alias fresh{target, via, false};
        auto [it, inserted] = map.emplace(std::move(k), fresh);
        if (inserted || found_[it->second.target].key == found_[target].key) return;
        const int old_rank = rank(it->second, found_[it->second.target]), new_rank = rank(fresh, found_[target]);
        if (new_rank > old_rank) it->second = fresh;
        else if (new_rank == old_rank) it->second.ambiguous = true;  // two people called "Kim"
    }

    void resolve_aliases() {
        // Canonical form per key: the longest name seen (persons: "Vladimir Putin" over "Putin").
        std::map<std::string, std::size_t> best;  // ordered: the alias table must not depend on hashing
        for (std::size_t m = 0; m < found_.size(); ++m) {
            auto [it, inserted] = best.emplace(found_[m].key, m);
            if (!inserted && found_[m].name.size() > found_[it->second].name.size()) it->second = m;
        }
        std::unordered_map<std::string, Alias> aliases;
        for (const auto& [k, m] : best) {
            const Found& f = found_[m];
            const std::size_t n = f.last - f.first;
            if (f.via == "name" || f.via == "title") add_alias(aliases, phrase_key(f.first, f.last), m, "name");
            if (f.kind == EntityKind::Person && n >= 2) {
                add_alias(aliases, std::string(keys_[f.last - 1]), m, "surname");
                // Names written family name first ("Kim ..."): the family name alone.
                if (n >= 3 && (g_.flags(keys_[f.first]) & kGivenName)) add_alias(aliases, std::string(keys_[f.first]), m, "surname");
            }
            if (f.kind == EntityKind::Organization && n >= 2) {
                std::string initials;
                std::size_t words = 0;
                for (std::size_t i = f.first; i < f.last; ++i) {
                    if (!is_cap_word(tok_[i])) continue;
                    initials += static_cast<char>(keys_[i][0]);
                    ++words;
                }
                if (words >= 2) add_alias(aliases, initials, m, "acronym");
                std::size_t short_end = f.last;
                while (short_end > f.first + 1 && (key(short_end - 1) == "." || (g_.flags(keys_[short_end - 1]) & kLegalForm))) --short_end;
                // "Acme Systems Inc." is also "Acme".
                while (short_end < f.last && short_end > f.first + 1 && (g_.flags(keys_[short_end - 1]) & kOrgLast)) --short_end;
                if (short_end < f.last) add_alias(aliases, phrase_key(f.first, short_end), m, "short name");
            }
        }
        // Short forms found in the first pass take their full name's identity.
        for (Found& f : found_) {
            const std::size_t n = f.last - f.first;
            if (n > 2) continue;
            auto it = aliases.find(phrase_key(f.first, f.last));
            if (it == aliases.end() || it->second.ambiguous) continue;
            const Found& full = found_[best[found_[it->second.target].key]];
            if (full.key == f.key || (full.kind != f.kind && !f.weak)) continue;
            f.kind = full.kind;
            if (f.kind != EntityKind::Person && f.kind != EntityKind::Organization) continue;
            f.name = full.name;
            f.key = full.key;
            f.via = it->second.via;
            if (f.affiliation.empty()) f.affiliation = full.affiliation;
        }
        // Then every other place the document writes one of those names.
        std::vector<char> covered(tok_.size(), 0);
        for (const Found& f : found_)
            for (std::size_t i = f.first; i < f.last; ++i) covered[i] = 1;
        for (std::size_t s = 0; s < a_.sentences.size(); ++s) {
            const Sentence& sent = a_.sentences[s];
            sentence_ = s;
            begin_ = sent.first_token;
            end_ = begin_ + sent.token_count;
            for (std::size_t i = begin_; i < end_; ++i) {
                if (covered[i] || !is_cap_word(tok_[i]) || (i > begin_ && is_cap_word(tok_[i - 1]) && !covered[i - 1]))
                    continue;
                std::string k;
                std::size_t match_end = 0;
                const Alias* match = nullptr;
                for (std::size_t j = i; j < end_ && j < i + 6 && !covered[j]; ++j) {
                    if (j > i) k += ' ';
                    k += keys_[j];
                    auto it = aliases.find(k);
                    if (it != aliases.end() && !it->second.ambiguous) { match = &it->second; match_end = j + 1; }
                }
                // The name must end where the capitalized run ends ("Jobs", not "Jobs Act").
                if (!match || (match_end < end_ && is_cap_word(tok_[match_end]) && !covered[match_end])) continue;
                const Found full = found_[best[found_[match->target].key]];  // a copy: emit() grows found_
                emit(i, match_end, full.kind, full.name, full.key, match->via).affiliation = full.affiliation;
                for (std::size_t p = i; p < match_end; ++p) covered[p] = 1;
                i = match_end - 1;
            }
        }
    }

    void write_mentions() {
        std::sort(found_.begin(), found_.end(), [](const Found& x, const Found& y) {
            return x.first != y.first ? x.first < y.first : x.last > y.last;
        });
        a_.entities.clear();
        std::size_t covered_to = 0;
        for (Found& f : found_) {
            if (f.first < covered_to || f.last <= f.first) continue;  // never overlapping
            covered_to = f.last;
            EntityMention m;
            m.span = Span{tok_[f.first].span.start, tok_[f.last - 1].span.end};
            m.sentence = f.sentence;
            m.kind = f.kind;
            m.name = std::move(f.name);
            m.key = std::move(f.key);
            m.via = std::move(f.via);
            m.role = std::move(f.role);
            m.affiliation = std::move(f.affiliation);
            a_.entities.push_back(std::move(m));
        }
    }
};

}  // namespace

struct EntityRecognizer::Impl {
    Gazetteer gazetteer;
    explicit Impl(const Resources& res) : gazetteer(res) {}
};

EntityRecognizer::EntityRecognizer(const Resources& res) : impl_(std::make_unique<Impl>(res)) {}
EntityRecognizer::~EntityRecognizer() = default;

void EntityRecognizer::recognize(DocumentAnalysis& a) const {
    if (a.tokens.empty()) {
        a.entities.clear();
        return;
    }
    DocScanner(impl_->gazetteer, a).run();
}

}  // namespace chronograph
