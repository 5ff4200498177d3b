// EntityRecognizer: gazetteer matches, titles before names, capitalized runs classified
// by head words and context cues (products and groups: products.cpp), then a document
// pass (document_pass.cpp) that finds the short forms of the names already found.
#include "chronograph/entities.hpp"

#include "chronograph/text.hpp"
#include "entities/scanner.hpp"

#include <algorithm>
#include <optional>

namespace chronograph::entities {

namespace {

/// Name particles that may sit inside a capitalized name ("Ministry of Defence",
/// "Charles de Gaulle", "Osama bin Laden").
bool is_connector(std::string_view k) {
    return k == "of" || k == "de" || k == "da" || k == "del" || k == "della" || k == "van" || k == "von" ||
           k == "der" || k == "den" || k == "al" || k == "bin" || k == "ibn" || k == "la" || k == "le" ||
           k == "du" || k == "dos" || k == "das" || k == "&" || k == "-" || k == "and" || k == "for" || k == "on";
}
/// A capital letter inside a word written with a small first letter ("iOS", "eBay").
bool has_inner_capital(std::string_view w) {
    return std::any_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}
/// Connectors that may also join words of a person's name.
bool is_name_particle(std::string_view k) {
    return k == "de" || k == "da" || k == "del" || k == "van" || k == "von" || k == "der" || k == "den" ||
           k == "al" || k == "bin" || k == "ibn" || k == "le" || k == "la" || k == "-" || k == "du" || k == "dos";
}

}  // namespace

std::string DocScanner::surface(std::size_t first, std::size_t last) const {
    return squash_space(a_.doc.text.substr(tok_[first].span.start, tok_[last - 1].span.end - tok_[first].span.start));
}

PhraseTrie::Match DocScanner::name_at(std::size_t i) const {
    if (i >= end_ || !is_cap_word(tok_[i]) || !(word_flags(i) & kStartsName)) return {};
    return g_.names.longest(keys_, i, end_, [&](std::uint32_t v, std::uint32_t len) {
        const NamedEntry& e = g_.entries[v];
        if (e.all_caps && !tok_[i].is(kAllCaps)) return false;
        // The last word of the phrase must be capitalized too ("New York", not "New
        // York-based" cut short is fine; "North korea" is not a name).
        const Token& last = tok_[i + len - 1];
        return !last.is(kWord) || is_cap_word(last) || !e.capitalized;
    });
}

PhraseTrie::Match DocScanner::title_at(std::size_t i) const {
    if (i >= end_ || !tok_[i].is(kWord) || !(word_flags(i) & kStartsTitle)) return {};
    return g_.titles.longest(keys_, i, end_, [&](std::uint32_t v, std::uint32_t) {
        const TitleEntry& t = g_.title_entries[v];
        return is_cap_word(tok_[i]) || t.lower_ok;
    });
}

void DocScanner::set_sentence(std::size_t s) {
    const Sentence& sent = a_.sentences[s];
    sentence_ = s;
    begin_ = sent.first_token;
    end_ = begin_ + sent.token_count;
    heading_ = sent.heading;
}

std::size_t DocScanner::short_name_end(std::size_t first, std::size_t last) const {
    std::size_t end = last;
    while (end > first + 1 && (key(end - 1) == "." || (word_flags(end - 1) & kLegalForm))) --end;
    if (end > first + 1 && (word_flags(end - 1) & kCompanyWord)) --end;
    return end;
}

bool DocScanner::sentence_initial(std::size_t i) const {
    for (std::size_t k = begin_; k < i; ++k)
        if (tok_[k].is(kWord) || tok_[k].is(kNumber)) return false;
    return true;
}

Found& DocScanner::emit(std::size_t first, std::size_t last, EntityKind kind, std::string name, std::string key, std::string via) {
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

Found& DocScanner::emit_surface(std::size_t first, std::size_t last, EntityKind kind, std::string via) {
    std::string name = surface(first, last);
    // "Acme Systems Inc." and "Acme Computer" are the company "Acme".
    std::string k = kind == EntityKind::Organization ? make_key(kind, surface(first, short_name_end(first, last)))
                                                     : make_key(kind, name);
    return emit(first, last, kind, std::move(name), std::move(k), std::move(via));
}

bool DocScanner::syllable_after(std::size_t j) const {
    if (j + 1 >= end_ || key(j) != "-" || !glued(j) || !glued(j + 1) || !is_lower_word(tok_[j + 1])) return false;
    const std::string_view w = key(j + 1);
    // Not "Russia-backed", "Jerusalem-born", "Soviet-era": a short syllable, no word.
    return w.size() <= 5 && !w.ends_with("ed") && w != "born" && w != "era" && w != "like" && w != "free" && w != "wide" &&
           w != "style" && w != "old" && w != "led" && w != "run";
}

std::size_t DocScanner::cap_run_end(std::size_t i, bool person) const {
    std::size_t j = i;
    while (j < end_) {
        const Token& t = tok_[j];
        if (is_cap_word(t) && !(flags(j) & kNotName)) {
            if (j > i && !person) {
                // "Apple CEO Steve Jobs", "Acme CEO and founder ...": the run ends before a
                // title followed by a name, or held in a company.
                const auto tm = title_at(j);
                if (tm.length > 0 && ((j + tm.length < end_ && is_cap_word(tok_[j + tm.length])) ||
                                      g_.title_entries[tm.value].in_org))
                    break;
                // "... Agency KCNA": a known name starts a new run, unless joined by "of".
                if (key(j - 1) != "of" && !glued(j) && name_at(j).length > 0) break;
            }
            if (person && j >= i + 2 && !glued(j)) {
                // "Steve Jobs Apple Computer CEO": after a full name, a known body followed
                // by more capitals, or a company's title, starts something else (but
                // "Gerald Ford" is a name).
                const auto gm = name_at(j);
                if (gm.length > 0 && g_.entries[gm.value].kind != EntityKind::Person && j + gm.length < end_ &&
                    is_cap_word(tok_[j + gm.length]))
                    break;
                if (const auto tm = title_at(j); tm.length > 0 && g_.title_entries[tm.value].in_org) break;
            }
            ++j;
            continue;
        }
        // "Kim Jong-un", "Lai Ching-te": a given name's second syllable after a hyphen.
        if (person && j > i && syllable_after(j)) {
            j += 2;
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

std::string DocScanner::affiliation_before(std::size_t i) const {
    if (found_.empty()) return {};
    const Found& m = found_.back();
    if (m.sentence != sentence_ || m.last > i || i - m.last > 3) return {};
    if (m.kind != EntityKind::Country && m.kind != EntityKind::Organization) return {};
    for (std::size_t k = m.last; k < i; ++k)
        if (!(is_lower_word(tok_[k]) || key(k) == "'s")) return {};
    return m.key;
}

std::string DocScanner::owner_of(std::size_t i) const {
    if (found_.empty()) return {};
    const Found& m = found_.back();
    if (m.sentence != sentence_ || m.last >= i || m.kind == EntityKind::Place || m.kind == EntityKind::Product) return {};
    std::size_t k = m.last;
    if (key(k) != "'s" && key(k) != "'") return {};
    std::size_t words = 0;
    for (++k; k < i && words < 3 && is_lower_word(tok_[k]); ++k) ++words;
    if (words > 0 && !(flags(k - 1) & kOrgCue)) return {};  // "the Beatles' record company"
    if (words > 0 && k < i && key(k) == ",") ++k;
    return k == i ? m.key : std::string();
}

std::size_t DocScanner::person_after_title(std::size_t i, PhraseTrie::Match tm) {
    const TitleEntry& title = g_.title_entries[tm.value];
    std::size_t j = i + tm.length;
    if (title.honorific && j < end_ && key(j) == "." && glued(j)) ++j;  // "Mr . Kim"
    std::string role = title.role;
    // "Mr Justice <Name>": an office after the honorific is the role; "spokesman Capt.
    // <Name>": a rank after a job is part of the title.
    if (const auto office = title_at(j); office.length > 0 && is_cap_word(tok_[j]) &&
                                         !g_.title_entries[office.value].honorific &&
                                         (title.honorific || (j + office.length < end_ && is_cap_word(tok_[j + office.length])))) {
        if (title.honorific) role = g_.title_entries[office.value].role;
        j += office.length;
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

std::size_t DocScanner::acronym_after(std::size_t j) {
    if (found_.empty() || j + 2 >= end_ || key(j) != "(" || key(j + 2) != ")" || !tok_[j + 1].is(kAllCaps))
        return j;
    const Found org = found_.back();
    if (org.kind == EntityKind::Person || org.kind == EntityKind::Place) return j;
    // "CANBERRA, Australia (AP)": a known name of something else is no acronym of this,
    // nor letters that do not start as the name does; its initials always are.
    if (initials(org.first, org.last) != text(j + 1)) {
        if (const auto gm = name_at(j + 1); gm.length > 0) {
            if (g_.entries[gm.value].key != org.key) return j;
        } else if (text(j + 1)[0] != a_.doc.text[tok_[org.first].span.start]) {
            return j;
        }
    }
    emit(j + 1, j + 2, org.kind, org.name, org.key, "acronym").affiliation = org.affiliation;
    return j + 3;
}

std::size_t DocScanner::gazetteer_mention(std::size_t i, PhraseTrie::Match gm) {
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
        if ((flags(r - 1) & kOrgLast) && !(flags(r - 1) & kLegalForm)) {
            std::string owner = owner_of(i);
            Found& f = emit_surface(i, r, EntityKind::Organization, "name");
            f.affiliation = std::move(owner);
            return acronym_after(end_of(f));
        }
    }
    if (e.kind == EntityKind::Organization)
        if (const std::size_t p = product_of_org(i, j, e); p > i) return p;
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

std::size_t DocScanner::capital_mention(std::size_t i, std::size_t j, const NamedEntry& e) {
    std::size_t p = i;
    while (p > begin_ && (key(p - 1) == "the" || (is_lower_word(tok_[p - 1]) && (flags(p - 1) & kPlaceModifier)))) --p;
    const bool after_locative = p > begin_ && is_lower_word(tok_[p - 1]) && (flags(p - 1) & kLocative);
    const bool before_country = j + 1 < end_ && key(j) == "," && name_at(j + 1).length > 0 &&
                                g_.entries[name_at(j + 1).value].kind == EntityKind::Country;
    const bool before_head = j < end_ && is_lower_word(tok_[j]) && (flags(j) & kPlaceAfter);
    // A dateline ("BRUSSELS (Reuters) -", "MOSCOW, March 3 -") says where the story was
    // filed, not what a government did.
    const bool dateline = i == begin_ && j < end_ &&
                          (key(j) == "(" || key(j) == "-" || key(j) == "\xE2\x80\x94" || key(j) == "\xE2\x80\x93" ||
                           (key(j) == "," && tok_[i].is(kAllCaps)));
    if (before_head) {
        emit_surface(i, j + 1, EntityKind::Place, "name").affiliation = e.capital_of;
        return j + 1;
    }
    if (after_locative || before_country || heading_ || dateline) {
        emit(i, j, EntityKind::Place, e.name, e.key, "name").affiliation = e.capital_of;
    } else {
        emit(i, j, EntityKind::Country, e.country_name, e.capital_of, "capital");
    }
    return j;
}

std::size_t DocScanner::place_of(std::size_t i) {
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

void DocScanner::apposition_role(std::size_t r) {
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

std::size_t DocScanner::capitalized_run(std::size_t i) {
    if (flags(i) & kNotName) return i + 1;
    // "Shares of <Name> fell": a common noun capitalized at the start of a sentence.
    if ((flags(i) & kOrgBeforeOf) && sentence_initial(i) && i + 1 < end_ && key(i + 1) == "of") return i + 1;
    // "the Apple Chief Executive Officer, ...": a title with no name after it.
    if (const auto tm = title_at(i); tm.length > 0 && (i + tm.length >= end_ || !is_cap_word(tok_[i + tm.length])))
        return i + tm.length;
    std::size_t r = cap_run_end(i, false);
    // "Acme Inc.": the abbreviation's period belongs to the name.
    if ((flags(r - 1) & kLegalForm) && r < end_ && key(r) == "." && glued(r)) ++r;
    // Headlines capitalize every word: only known names and product shapes count there
    // (the document pass still finds the names the body text established).
    if (heading_) return product_shaped(i) ? std::max(product_run(i, r), r) : r;
    const std::size_t n = r - i;
    const std::uint32_t first = flags(i), last = flags(key(r - 1) == "." ? r - 2 : r - 1);
    const auto org = [&] {
        std::string owner = owner_of(i);
        Found& f = emit_surface(i, r, EntityKind::Organization, "name");
        f.affiliation = std::move(owner);
        // "Pretax profit fell": a sentence's first word may be a common noun; the document
        // pass drops it if the document writes it in lower case elsewhere.
        f.weak = n == 1 && sentence_initial(i);
        return acronym_after(end_of(f));
    };
    if (n >= 3 && (first & kOrgFirst) && key(i + 1) == "of") return org();
    if (n >= 3 && (first & kPlaceFirst) && key(i + 1) == "of") return end_of(emit_surface(i, r, EntityKind::Place, "name"));
    if (n >= 2 && (first & kPlaceBefore)) return end_of(emit_surface(i, r, EntityKind::Place, "name"));
    if (n >= 2 && (last & kOrgLast) && !(n == 2 && (first & kNotName))) return org();
    if (r < end_ && is_lower_word(tok_[r]) && (flags(r) & kPlaceAfter))
        return end_of(emit_surface(i, r + 1, EntityKind::Place, "name"));
    if (n >= 2 && (last & kPlaceLast)) return end_of(emit_surface(i, r, EntityKind::Place, "name"));
    if (n >= 2 && (last & kEventLast)) return r;  // "Worldwide Developers Conference": no entity
    // "Royal Courts of Justice": a body's head word and "of" inside the name.
    for (std::size_t k = i + 1; k + 2 < r; ++k)
        if ((flags(k) & kOrgFirst) && key(k + 1) == "of") return org();
    if (i > begin_ && is_lower_word(tok_[i - 1]) && (flags(i - 1) & kOrgCue)) return org();
    // "shares of <Name>", "a subsidiary of <Name>".
    if (i >= begin_ + 2 && (key(i - 1) == "of" || key(i - 1) == "for") && (flags(i - 2) & kOrgBeforeOf) &&
        (is_lower_word(tok_[i - 2]) || sentence_initial(i - 2)))
        return org();
    if (org_context_after(r)) return org();
    if (const std::size_t p = product_run(i, r); p > i) return p;
    if (const std::size_t p = group_after_the(i, r); p > i) return p;
    if (n >= 2 && defines_acronym(i, r)) return org();
    // "<given name> <Surname>", "Jean-Pierre Raffarin"; a given name hyphenated to another
    // word names a company ("Kimberly-Clark", "Mercedes-Benz").
    const bool hyphen_company = n >= 3 && key(i + 1) == "-" && !(flags(i + 2) & kGivenName);
    if (n >= 2 && (first & kGivenName) && !hyphen_company) {
        if (syllable_after(r)) r += 2;  // "Kim Jong-un"
        emit_surface(i, r, EntityKind::Person, "name");
        apposition_role(r);
        return r;
    }
    // "<Name> said", "<Name> announced": a speaker; "The Prime Minister said" names an office.
    if (const auto kind = speaker_kind(i, r)) {
        emit_surface(i, r, *kind, "name").weak = true;
        return r;
    }
    Found& unknown = untyped_.emplace_back();
    unknown.first = i;
    unknown.last = r;
    unknown.sentence = sentence_;
    return r;
}

bool DocScanner::defines_acronym(std::size_t i, std::size_t r) const {
    return r + 2 < end_ && key(r) == "(" && key(r + 2) == ")" && tok_[r + 1].is(kAllCaps) && initials(i, r) == text(r + 1);
}

std::string DocScanner::initials(std::size_t first, std::size_t last) const {
    std::string out;
    for (std::size_t k = first; k < last; ++k)
        if (is_cap_word(tok_[k])) out += text(k)[0];
    return out;
}

std::optional<EntityKind> DocScanner::speaker_kind(std::size_t i, std::size_t r) const {
    const std::size_t n = r - i;
    if (n > 3 || (flags(i) & kNotName) || title_at(i).length >= n) return std::nullopt;
    std::size_t v = r;
    if (v < end_ && (key(v) == "has" || key(v) == "had" || key(v) == "have" || key(v) == "also")) ++v;
    if (v >= end_ || !is_lower_word(tok_[v]) || !(flags(v) & (kSpeechVerb | kOrgSpeech))) return std::nullopt;
    // A body's name: no given name, no lone head word ("Police announced"), not a plural
    // common noun at the start of a sentence ("Prosecutors announced"; an acronym is none).
    const bool lone_head = n == 1 && (flags(i) & (kOrgLast | kPlaceLast));
    const bool plural_start = sentence_initial(i) && key(r - 1).ends_with("s") && !tok_[i].is(kAllCaps);
    const bool body = !(flags(i) & kGivenName) && !lone_head && !plural_start;
    // The pronoun that takes the name up: "Acme said its profits ...", "Smith said he ..."
    // ("it" is too often no one: "said it was a mistake"; but "Acme said on Wednesday that
    // it had ..." takes a single name up).
    for (std::size_t k = v + 1; k < end_ && k <= v + 8; ++k) {
        const std::string_view w = key(k);
        if (w == "he" || w == "she" || w == "his" || w == "her" || w == "him") return EntityKind::Person;
        if (w == "its" || (w == "it" && n == 1 && key(k - 1) == "that" && k + 1 < end_ &&
                           (key(k + 1) == "had" || key(k + 1) == "has" || key(k + 1) == "would" || key(k + 1) == "will"))) {
            if (body) return EntityKind::Organization;
            break;
        }
    }
    // "<Name> announced", "<Name> said in a statement": a company's or a body's way of
    // speaking; so is an acronym's ("UNOS said").
    const bool statement = v + 3 < end_ && key(v + 1) == "in" && key(v + 2) == "a" && key(v + 3) == "statement";
    if (n == 1 && body && ((flags(v) & kOrgSpeech) || statement || tok_[i].is(kAllCaps))) return EntityKind::Organization;
    // "Prosecutors said", "Police said": a plural at the start of a sentence is most likely a
    // common noun, and a lone head word of a body's or a place's name names no one (a
    // "Williams said" named in full before is found by the name it was given then).
    if (n == 1 && ((plural_start && !(flags(i) & kGivenName)) || (lone_head && !tok_[i].is(kAllCaps)))) return std::nullopt;
    if (flags(v) & kSpeechVerb) return EntityKind::Person;
    return std::nullopt;
}

bool DocScanner::org_context_after(std::size_t r) const {
    if (r < end_ && key(r) == "'s") ++r;
    if (r >= end_) return false;
    if (is_lower_word(tok_[r]) && (flags(r) & kOrgAfter)) return true;
    const auto tm = title_at(r);
    return tm.length > 0 && g_.title_entries[tm.value].in_org;
}

std::size_t DocScanner::at(std::size_t i) {
    const auto gm = name_at(i);
    const auto tm = title_at(i);
    if (tm.length > 0 && tm.length >= gm.length) {
        const std::size_t r = person_after_title(i, tm);
        if (r > i) return r;
    }
    if (gm.length > 0) return gazetteer_mention(i, gm);
    // "iPhone", "iOS 4": a small letter, then capitals (a product's shape, or its start).
    if (is_lower_word(tok_[i]) && tok_[i].is(kWord) && has_inner_capital(text(i))) return shaped_product(i);
    if (is_lower_word(tok_[i])) return (flags(i) & kPlaceOf) ? place_of(i) : i + 1;
    if (is_cap_word(tok_[i])) return capitalized_run(i);
    return i + 1;
}

void DocScanner::scan_sentence(std::size_t s) {
    set_sentence(s);
    for (std::size_t i = begin_; i < end_;) {
        const std::size_t next = at(i);
        i = next > i ? next : i + 1;
    }
}

}  // namespace chronograph::entities

namespace chronograph {

using entities::DocScanner;
using entities::Gazetteer;

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
