// Products and groups. A product needs a shape ("iPhone", "PlayStation"), a model number
// ("Galaxy S24", "F-16"), a product head ("<X> Store"), a strong variant ("<X> Pro") or a
// cue ("unveiled <X>", "the new <X>", "<X> smartphone"); never just a capital letter.
// Names found by a cue alone are weak: the document pass gives them the kind another
// mention of the same name has ("Acme operating system" when "Acme said" elsewhere).
// Groups: "the" and a capitalized plural ("the Beatles", "the Rolling Stones").
#include "chronograph/text.hpp"
#include "entities/scanner.hpp"

namespace chronograph::entities {

namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Length of the run of characters at `from` for which `pred` holds.
template <class Pred>
std::size_t run_of(std::string_view s, std::size_t from, Pred pred) {
    std::size_t n = 0;
    while (from + n < s.size() && pred(s[from + n])) ++n;
    return n;
}

bool is_determiner(std::string_view k) {
    return k == "the" || k == "a" || k == "an" || k == "its" || k == "their" || k == "his" || k == "her" || k == "our";
}

}  // namespace

bool DocScanner::product_shaped(std::size_t i) const {
    if (i >= end_ || !tok_[i].is(kWord) || tok_[i].is(kAllCaps)) return false;
    const std::string_view s = text(i);
    // "iPhone", "eBay", "iTunes": small letters, a capital, then at least two more letters
    // with a small one among them ("kWh", "mAh", "mRNA" are units and molecules).
    const std::size_t lead = run_of(s, 0, is_lower);
    if (lead > 0) {  // one small letter: "ofAqaba" is a typo
        if (lead > 1 || lead >= s.size() || !is_upper(s[lead])) return false;
        const std::size_t rest = run_of(s, lead + 1, [](char c) { return is_lower(c) || is_upper(c); });
        return rest >= 2 && lead + 1 + rest == s.size() && run_of(s, lead + 1, is_lower) >= 1;
    }
    // "PlayStation", "MacBook" style: Capital, small letters, Capital, small letters; not
    // a surname's prefix ("McCain", "DeSantis", "LaGuardia").
    if (s.empty() || !is_upper(s[0])) return false;
    const std::size_t first = 1 + run_of(s, 1, is_lower);
    if (first < 3 || first >= s.size() || !is_upper(s[first])) return false;
    if (g_.flags(key(i).substr(0, first)) & kSurnamePrefix) return false;
    if (g_.knows_pair(key(i).substr(0, first), key(i).substr(first))) return false;  // "UnitedStates"
    const std::size_t second = run_of(s, first + 1, is_lower);
    return second >= 2 && first + 1 + second == s.size();
}

bool DocScanner::model_token(std::size_t j, bool numeric_only) const {
    if (j >= end_) return false;
    const Token& t = tok_[j];
    const std::string_view s = text(j);
    if (t.is(kNumber)) {
        if (s.find(',') != std::string_view::npos || s.find(':') != std::string_view::npos || s.size() > 7) return false;
        if (s.size() == 4 && run_of(s, 0, is_digit) == 4 && (s[0] == '1' ? s[1] >= '8' : s[0] == '2' && s[1] == '0'))
            return false;  // a year
    } else if (!t.is(kWord) || numeric_only) {
        return false;
    } else if (is_digit(s[0])) {
        // "3G", "3GS", "4S": digits and one to three capitals that are no unit ("30GB").
        const std::size_t digits = run_of(s, 0, is_digit);
        const std::size_t letters = run_of(s, digits, is_upper);
        if (letters == 0 || letters > 3 || digits + letters != s.size()) return false;
        if (g_.flags(key(j).substr(digits)) & kUnit) return false;
    } else {
        // "S24", "A380", "X5", "A320neo": one to three capitals, digits, maybe letters;
        // not a quarter, a fiscal year or a group of countries ("Q3", "FY2024", "G20").
        const std::size_t letters = run_of(s, 0, is_upper);
        const std::size_t digits = run_of(s, letters, is_digit);
        if (letters == 0 || letters > 3 || digits == 0) return false;
        if (run_of(s, letters + digits, [](char c) { return is_lower(c) || is_upper(c); }) + letters + digits != s.size())
            return false;
        if (g_.flags(key(j).substr(0, letters)) & kNotModel) return false;
    }
    // "<Name> 5 percent", "<Name> 3 to 5": a quantity.
    const std::size_t n = j + 1;
    return !(n < end_ && (key(n) == "%" || (is_lower_word(tok_[n]) && (flags(n) & kQuantity))));
}

PhraseTrie::Match DocScanner::product_phrase(std::size_t i, std::uint32_t role) const {
    if (i >= end_ || !tok_[i].is(kWord)) return {};
    return g_.product_phrases.longest(keys_, i, end_, [&](std::uint32_t v, std::uint32_t) {
        return (g_.product_entries[v].roles & role) != 0;
    });
}

std::size_t DocScanner::model_end(std::size_t j, bool lower_variants, bool numeric_only) const {
    std::size_t k = j;
    const bool numbered = model_token(k, numeric_only);
    if (numbered) ++k;
    // "F-16", "737-800": a number glued to the name by a hyphen (not a score: "6-4").
    if (!(numbered && tok_[k - 1].is(kNumber) && text(k - 1).size() <= 2) && k + 1 < end_ && key(k) == "-" && glued(k) && glued(k + 1) && tok_[k + 1].is(kNumber) && model_token(k + 1, true))
        k += 2;
    // Variants: "Pro", "MAX", "nano" (small letters only after a shaped name).
    for (int n = 0; n < 2 && k < end_; ++n) {
        const auto v = product_phrase(k, kProductVariant);
        if (v.length == 0 || !(is_cap_word(tok_[k]) || lower_variants)) break;
        if (k + v.length < end_ && key(k + v.length) == "-" && glued(k + v.length)) break;  // "touch-screen"
        k += v.length;
    }
    return k;
}

bool DocScanner::product_cue_before(std::size_t i) const {
    std::size_t k = i;
    bool adjective = false;
    for (bool more = true; more;) {  // "the new", "its long-awaited", "the latest redesigned"
        more = false;
        for (std::size_t len = 1; len <= 3 && k >= begin_ + len; ++len) {
            if (is_lower_word(tok_[k - len]) && product_phrase(k - len, kProductAdjective).length == len) {
                k -= len;
                adjective = more = true;
                break;
            }
        }
    }
    if (k > begin_ && is_determiner(key(k - 1))) {
        if (adjective) return true;  // "the new <X>"
        --k;
    }
    for (std::size_t len = 1; len <= 3 && k >= begin_ + len; ++len)
        if (is_lower_word(tok_[k - len]) && product_phrase(k - len, kProductBefore).length == len) return true;
    return false;
}

bool DocScanner::noun_ending_at(std::size_t i) const {
    for (std::size_t len = 1; len <= 3 && i >= begin_ + len; ++len)
        if (is_lower_word(tok_[i - len]) && product_phrase(i - len, kProductNoun).length == len) return true;
    return false;
}

bool DocScanner::version_apposition(std::size_t j) const {
    // "<X>, the newest version of ...", "<X>, Acme's video calling application".
    if (j + 2 >= end_ || key(j) != ",") return false;
    std::size_t k = j + 1;
    if (is_determiner(key(k))) {
        ++k;
    } else {
        while (k < end_ && is_cap_word(tok_[k]) && k < j + 4) ++k;
        if (k == j + 1 || k >= end_ || key(k) != "'s") return false;
        ++k;
    }
    for (std::size_t words = 0; words < 4 && k < end_ && tok_[k].is(kWord); ++words, ++k) {
        if (!is_lower_word(tok_[k])) continue;  // "Acme's iOS video calling application"
        if (product_phrase(k, kProductVersion).length > 0) return true;
        const auto noun = product_phrase(k, kProductNoun);
        if (noun.length > 0 && !(k + noun.length < end_ && is_lower_word(tok_[k + noun.length]))) return true;
    }
    return false;
}

bool DocScanner::product_cued(std::size_t i, std::size_t stop, bool shaped) const {
    const bool lower_after = stop < end_ && is_lower_word(tok_[stop]);
    if (lower_after && product_phrase(stop, kProductNoun).length > 0) return true;  // "<X> smartphone"
    // <X> ends its noun phrase, and no list of names goes on ("the new Financial
    // Institutions Reform, Recovery and Enforcement Act").
    const bool listed = stop + 1 < end_ && key(stop) == "," && is_cap_word(tok_[stop + 1]);
    const bool ends_phrase = (!lower_after || product_phrase(stop, kProductFollow).length > 0) && !listed;
    // "web browser <X>", "unveiled <X>", "the new <X>".
    if (ends_phrase && (noun_ending_at(i) || product_cue_before(i))) return true;
    // "Acme's PlayStation"; "replacing the PowerBook." ("the BellSouth offer" is the company's).
    if (shaped && i > begin_ && (key(i - 1) == "'s" || key(i - 1) == "'" || (key(i - 1) == "the" && !lower_after)))
        return true;
    return version_apposition(stop);  // "<X>, the newest version of ..."
}

std::size_t DocScanner::product_run(std::size_t i, std::size_t r) {
    const bool shaped = product_shaped(i);
    // Model and variant words inside the capitalized run ("Galaxy S24 Ultra", "MacBook Pro")
    // and after it ("iPhone 4", "iPod nano").
    std::size_t base = r;
    while (base > i + 1 && (model_token(base - 1, false) || product_phrase(base - 1, kProductVariant).length == 1)) --base;
    const std::size_t end = model_end(r, shaped, false);
    bool model = false, strong = false;
    for (std::size_t k = base; k < end; ++k) {
        model |= model_token(k, false) || tok_[k].is(kNumber);
        strong |= (product_phrase(k, kProductVariantStrong).length > 0) && is_cap_word(tok_[k]);
    }
    // A head: "Flash Player", "iTunes Music Store" inside the run; "iTunes store" after it.
    std::string head;
    std::size_t name_end = base, stop = end;
    for (std::size_t k = i + 1; k < base && head.empty(); ++k) {
        const auto h = product_phrase(k, kProductHead);
        if (h.length > 0 && k + h.length == base) {
            head = g_.product_entries[h.value].canonical;
            name_end = k;
        }
    }
    if (head.empty() && shaped && end == r && r < end_ && is_lower_word(tok_[r])) {
        if (const auto h = product_phrase(r, kProductHead); h.length > 0) {
            head = g_.product_entries[h.value].canonical;
            stop = r + h.length;
        }
    }
    const bool shape_only = shaped && !model && !strong && head.empty();
    const bool cue_only = !shaped && !model && !strong && head.empty();
    const bool cued = (shape_only || cue_only) && product_cued(i, stop, shape_only);
    const std::uint32_t first = flags(i), last = flags(name_end - 1);
    if (cue_only) {
        if (!cued || (first & (kGivenName | kNotModel)) || (last & (kOrgLast | kPlaceLast | kEventLast | kNotModel)))
            return i;  // no person, body or place: "introduced John Smith", "the new Congress"
    } else if (!shaped && ((last & kNotModel) || (name_end == i + 1 && model_token(i, false)))) {
        return i;  // "Article 5", "Flight 17", "an MP3 Player"
    } else if (!shaped && model && name_end == i + 1 && sentence_initial(i)) {
        return i;  // "Nearly 300 ...", "Some 40 ..."
    }
    // Products do not speak: "eBay said" is the company.
    if (stop < end_ && is_lower_word(tok_[stop]) && (flags(stop) & (kSpeechVerb | kOrgSpeech)))
        return acronym_after(end_of(emit_surface(i, stop, EntityKind::Organization, "name")));
    // "BellSouth", "PaineWebber": a capitalized shape that nothing calls a product is more
    // often a company's name; a guess the rest of the document may overrule.
    if (shape_only && !cued && is_upper(text(i)[0])) {
        Found& f = emit_surface(i, stop, EntityKind::Organization, "name");
        f.weak = f.shape_guess = true;
        return acronym_after(end_of(f));
    }
    const std::string owner = owner_before(i);
    // "iPhone" of "iPhone 4", "MacBook" of "MacBook Pro": a product of its own, which the
    // document may name alone later (not "F" of "F-16").
    if (name_end < stop && !cue_only && run_of(key(name_end - 1), 0, is_lower) >= 2)
        emit_surface(i, name_end, EntityKind::Product, "name").hidden = true;
    std::string name = head.empty() ? surface(i, stop) : surface(i, name_end) + " " + head;
    std::string product_key = make_key(EntityKind::Product, name);
    Found& f = emit(i, stop, EntityKind::Product, std::move(name), std::move(product_key), "name");
    // A shape or a cue alone is a weak sign: "eBay" is the company where the document
    // says so ("eBay said").
    f.weak = shape_only || cue_only;
    f.affiliation = owner;
    return acronym_after(stop);
}

std::size_t DocScanner::shaped_product(std::size_t i) {
    // "iTunes Music Store", "iPhone Developer Program", "iPod Classic": capitalized words
    // after the shaped one belong to the name, unless a known name or a title starts there.
    std::size_t r = i + 1;
    if (r < end_ && is_cap_word(tok_[r]) && name_at(r).length == 0 && title_at(r).length == 0 && !(flags(r) & kNotName))
        r = cap_run_end(r, false);
    return product_run(i, r);
}

std::size_t DocScanner::product_of_org(std::size_t i, std::size_t j, const NamedEntry& e) {
    if (!e.company) return i;  // "Financial Times 100" is an index, "NATO 2030" a plan
    if (!model_token(j, true) && !(j < end_ && tok_[j].is(kWord) && is_upper(text(j)[0]) && model_token(j, false)))
        return i;
    const std::size_t end = model_end(j, false, false);
    Found& f = emit_surface(i, end, EntityKind::Product, "name");
    f.affiliation = e.key;
    return end;
}

std::string DocScanner::owner_before(std::size_t i) {
    // "Acme's [new] <product>": the owner is an organization, also when no rule typed it.
    std::size_t k = i;
    while (k > begin_ && i - k < 2 && is_lower_word(tok_[k - 1]) && key(k - 1) != "'s") --k;
    if (k < begin_ + 2 || !(key(k - 1) == "'s" || key(k - 1) == "'")) return {};
    if (!untyped_.empty() && untyped_.back().last == k - 1 && untyped_.back().sentence == sentence_) {
        const Found owner = untyped_.back();
        untyped_.pop_back();
        return emit_surface(owner.first, owner.last, EntityKind::Organization, "name").key;
    }
    if (!found_.empty() && found_.back().last == k - 1 && found_.back().sentence == sentence_ &&
        found_.back().kind == EntityKind::Organization)
        return found_.back().key;
    return {};
}

std::size_t DocScanner::group_after_the(std::size_t i, std::size_t r) {
    if (i == begin_ || key(i - 1) != "the" || r - i > 4) return i;
    for (std::size_t k = i; k < r; ++k)
        if (!is_cap_word(tok_[k])) return i;  // "Societe de Bourses Francaises"
    // The group heads its noun phrase: "the Beatles' label", "the Beatles released";
    // not "the Dow Jones industrial average".
    if (r < end_ && is_lower_word(tok_[r]) && !(flags(r) & (kSpeechVerb | kOrgSpeech)) &&
        product_phrase(r, kProductFollow).length == 0)
        return i;
    const std::string_view w = key(r - 1);
    if (w.size() < 4 || w.back() != 's' || w.ends_with("ss") || w.ends_with("us") || w.ends_with("is")) return i;
    if (flags(r - 1) & (kNotGroup | kNotName | kOrgLast | kPlaceLast | kEventLast)) return i;
    if (r - i == 1) {
        // "the Americans": a demonym in the plural names its country.
        const NamedEntry* e = g_.word_entry(w.substr(0, w.size() - 1));
        if (e && e->kind == EntityKind::Country) {
            emit(i, r, EntityKind::Country, e->name, e->key, "demonym");
            return r;
        }
        if (e) return i;
    }
    std::string name = "The " + surface(i, r);
    std::string group_key = make_key(EntityKind::Organization, name);
    emit(i, r, EntityKind::Organization, std::move(name), std::move(group_key), "name").plural = true;
    return r;
}

}  // namespace chronograph::entities
