// The document pass: the short forms of the names found (surname, acronym, "X" for
// "X Inc.") and every other place the document writes one of them; then the final,
// non-overlapping mention list.
#include "chronograph/text.hpp"
#include "entities/scanner.hpp"

#include <algorithm>
#include <map>
#include <unordered_set>

namespace chronograph::entities {

namespace {
bool is_digit_start(std::string_view s) { return !s.empty() && s[0] >= '0' && s[0] <= '9'; }
}  // namespace

std::string DocScanner::phrase_key(std::size_t first, std::size_t last) const {
    std::string k;
    for (std::size_t i = first; i < last; ++i) {
        if (i > first) k += ' ';
        k += keys_[i];
    }
    return k;
}

int DocScanner::rank(const Alias& a, const Found& f) {
    const int sure = f.weak ? 0 : 10;  // a guess from one cue yields to any name the document is sure of
    if (a.via == "name") return sure + (f.last - f.first >= 2 ? 3 : 1);
    return sure + 2;
}

void DocScanner::add_alias(std::unordered_map<std::string, Alias>& map, std::string k, std::size_t target, const char* via) const {
    const Alias fresh{target, via, false};
    auto [it, inserted] = map.emplace(std::move(k), fresh);
    if (inserted || found_[it->second.target].key == found_[target].key) return;
    const int old_rank = rank(it->second, found_[it->second.target]), new_rank = rank(fresh, found_[target]);
    if (new_rank > old_rank) it->second = fresh;
    else if (new_rank == old_rank) it->second.ambiguous = true;  // two people called "Kim"
}

void DocScanner::resolve_aliases() {
    company_back_references();
    drop_common_words();
    settle_weak_kinds();
    model_before_product();
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
            if (n >= 3 && (word_flags(f.first) & kGivenName)) add_alias(aliases, std::string(keys_[f.first]), m, "surname");
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
            // "Acme Systems Inc." is also "Acme".
            const std::size_t short_end = short_name_end(f.first, f.last);
            if (short_end < f.last) add_alias(aliases, phrase_key(f.first, short_end), m, "short name");
        }
    }
    // "Acme Widget Kit (AWK)": the acronym the text defined.
    for (std::size_t m = 0; m < found_.size(); ++m)
        if (found_[m].via == "acronym" && found_[m].kind != EntityKind::Country)
            add_alias(aliases, phrase_key(found_[m].first, found_[m].last), best[found_[m].key], "acronym");
    // Short forms found in the first pass take their full name's identity.
    for (Found& f : found_) {
        const std::size_t n = f.last - f.first;
        if (n > 2 || f.hidden) continue;
        auto it = aliases.find(phrase_key(f.first, f.last));
        if (it == aliases.end() || it->second.ambiguous) continue;
        const Found& full = found_[best[found_[it->second.target].key]];
        if (full.key == f.key && full.kind == f.kind && f.kind != EntityKind::Country && f.kind != EntityKind::Place) {
            f.name = full.name;  // "Acme" of "Acme Systems Inc." (same key): the full name
            continue;
        }
        if (full.key == f.key || (full.kind != f.kind && !f.weak)) continue;
        f.kind = full.kind;
        if (f.kind == EntityKind::Country || f.kind == EntityKind::Place) continue;
        f.name = full.name;
        f.key = full.key;
        f.via = it->second.via;
        if (f.affiliation.empty()) f.affiliation = full.affiliation;
    }
    // Then every other place the document writes one of those names. (Token keys hold no
    // space, so a phrase can only match an alias whose first word is the token's key.)
    std::unordered_set<std::string_view> first_words;
    for (const auto& [k, alias] : aliases)
        if (!alias.ambiguous) first_words.insert(std::string_view(k).substr(0, k.find(' ')));
    std::vector<char> covered(tok_.size(), 0);
    for (const Found& f : found_)
        for (std::size_t i = f.first; i < f.last && !f.hidden; ++i) covered[i] = 1;
    for (std::size_t s = 0; s < a_.sentences.size(); ++s) {
        set_sentence(s);
        for (std::size_t i = begin_; i < end_; ++i) {
            // A name starts where its capitalized run does ("The Macbook" starts at "Macbook").
            if (covered[i] || !is_cap_word(tok_[i]) ||
                (i > begin_ && is_cap_word(tok_[i - 1]) && !covered[i - 1] && !(flags(i - 1) & kNotName)) ||
                !first_words.count(key(i)))
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

void DocScanner::company_back_references() {
    // "... based in San Jose - Acme. The company claims ...": the last name of the
    // sentence before that no rule typed is the company.
    for (std::size_t s = 1; s < a_.sentences.size(); ++s) {
        set_sentence(s);
        if (end_ - begin_ < 2 || key(begin_) != "the" || !(flags(begin_ + 1) & kOrgAnaphor)) continue;
        const Found* last = nullptr;
        for (const Found& u : untyped_)
            if (u.sentence == s - 1) last = &u;
        if (!last) continue;
        const Found u = *last;
        set_sentence(s - 1);
        // The name ends its noun phrase ("... - Acme."), and is no "<City>, <State>." part.
        if (u.last < end_ && !tok_[u.last].is(kPunct)) continue;
        if (u.first >= begin_ + 2 && key(u.first - 1) == "," && is_cap_word(tok_[u.first - 2])) continue;
        // Not when a body is named after it ("Five years after ..., NPD Group, a firm.
        // The firm said"), nor a sentence's first word, capitalized as such, nor a person.
        const bool body_after = std::any_of(found_.begin(), found_.end(), [&](const Found& f) {
            return f.sentence == s - 1 && f.first >= u.last && f.kind == EntityKind::Organization;
        });
        if (body_after || (u.last - u.first == 1 && sentence_initial(u.first)) || (flags(u.first) & kGivenName))
            continue;
        emit_surface(u.first, u.last, EntityKind::Organization, "name");
    }
}

void DocScanner::drop_common_words() {
    // The one-word weak guesses are few: only their words are looked for in lower case
    // (and only tokens of a length one of them has are hashed), not every word kept.
    auto common_candidate = [](const Found& f) { return !f.plural && f.weak && f.last - f.first == 1; };
    std::unordered_set<std::string_view> candidates, lower, surnames;
    std::uint64_t lengths = 0;  // bit n: a candidate of n bytes (n < 64)
    for (const Found& f : found_)
        if (common_candidate(f)) {
            candidates.insert(keys_[f.first]);
            lengths |= std::uint64_t{1} << std::min<std::size_t>(keys_[f.first].size(), 63);
        }
    for (std::size_t i = 0; i < tok_.size() && !candidates.empty(); ++i)
        if (is_lower_word(tok_[i]) && (lengths >> std::min<std::size_t>(keys_[i].size(), 63) & 1) && candidates.count(keys_[i]))
            lower.insert(keys_[i]);
    for (const Found& f : found_)
        if (f.kind == EntityKind::Person) surnames.insert(keys_[f.last - 1]);
    std::erase_if(found_, [&](const Found& f) {
        if (f.plural) {
            const std::string_view w = keys_[f.last - 1];
            return f.last - f.first == 1 && (surnames.count(w.substr(0, w.size() - 1)) || surnames.count(w.substr(0, w.size() - 2)));
        }
        if (!f.weak || f.last - f.first != 1 || !lower.count(keys_[f.first])) return false;
        const Sentence& s = a_.sentences[f.sentence];
        for (std::size_t k = s.first_token; k < f.first; ++k)
            if (tok_[k].is(kWord) || tok_[k].is(kNumber)) return false;
        return true;
    });
}

void DocScanner::settle_weak_kinds() {
    std::map<std::string, std::string> products;  // phrase -> product key
    for (const Found& f : found_)
        if (f.kind == EntityKind::Product && !f.hidden) products.emplace(phrase_key(f.first, f.last), f.key);
    for (Found& f : found_) {
        if (!f.shape_guess) continue;
        auto it = products.find(phrase_key(f.first, f.last));
        if (it == products.end()) continue;
        f.kind = EntityKind::Product;
        f.key = it->second;
        f.shape_guess = false;
    }
    std::map<std::string, std::pair<int, int>> votes;  // phrase -> (people, bodies)
    const auto speaker = [](const Found& f) {
        return f.weak && (f.kind == EntityKind::Person || f.kind == EntityKind::Organization);
    };
    for (const Found& f : found_) {
        if (!speaker(f)) continue;
        auto& [people, bodies] = votes[phrase_key(f.first, f.last)];
        (f.kind == EntityKind::Person ? people : bodies) += 1;
    }
    for (Found& f : found_) {
        if (!speaker(f)) continue;
        // A tie goes to the person: "Castro announced" once, "Castro said" once.
        const auto [people, bodies] = votes[phrase_key(f.first, f.last)];
        const EntityKind kind = bodies > people ? EntityKind::Organization : EntityKind::Person;
        if (kind == f.kind) continue;
        f.kind = kind;
        f.key = make_key(kind, f.name);
    }
}

void DocScanner::model_before_product() {
    // "the 3G iPhone" where the document also writes "iPhone 3G": the same product.
    std::map<std::string, std::size_t> products;  // key -> found_ index
    for (std::size_t m = 0; m < found_.size(); ++m)
        if (found_[m].kind == EntityKind::Product && !found_[m].hidden) products.emplace(found_[m].key, m);
    for (Found& f : found_) {
        if (f.kind != EntityKind::Product || f.hidden || f.first == a_.sentences[f.sentence].first_token) continue;
        const std::size_t model = f.first - 1;
        if (!tok_[model].is(kWord) || !is_digit_start(text(model))) continue;
        auto it = products.find(make_key(EntityKind::Product, f.name + " " + std::string(text(model))));
        if (it == products.end()) continue;
        f.first = model;
        f.name = found_[it->second].name;
        f.key = found_[it->second].key;
    }
}

void DocScanner::write_mentions() {
    std::sort(found_.begin(), found_.end(), [](const Found& x, const Found& y) {
        return x.first != y.first ? x.first < y.first : x.last > y.last;
    });
    a_.entities.clear();
    std::size_t covered_to = 0;
    for (Found& f : found_) {
        if (f.first < covered_to || f.last <= f.first || f.hidden) continue;  // never overlapping
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

}  // namespace chronograph::entities
