// The document pass: the short forms of the names found (surname, acronym, "X" for
// "X Inc.") and every other place the document writes one of them; then the final,
// non-overlapping mention list.
#include "chronograph/text.hpp"
#include "entities/scanner.hpp"

#include <algorithm>
#include <map>

namespace chronograph::entities {

std::string DocScanner::phrase_key(std::size_t first, std::size_t last) const {
    std::string k;
    for (std::size_t i = first; i < last; ++i) {
        if (i > first) k += ' ';
        k += keys_[i];
    }
    return k;
}

int DocScanner::rank(const Alias& a, const Found& f) {
    if (a.via == "name") return f.last - f.first >= 2 ? 3 : 1;
    return 2;
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
        set_sentence(s);
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

void DocScanner::write_mentions() {
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

}  // namespace chronograph::entities
