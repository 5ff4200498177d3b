// The entity stage's language data (data/en/entities/), loaded once: named entries
// (countries, cities, places, organizations, media, companies) in a phrase trie,
// titles in another, and per-word facts (given names, head words, cues).
#pragma once

#include "chronograph/analysis.hpp"
#include "chronograph/resources.hpp"
#include "entities/phrase_trie.hpp"

#include <cstdint>
#include <initializer_list>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace chronograph::entities {

/// What a gazetteer phrase names.
struct NamedEntry {
    EntityKind kind = EntityKind::Place;
    std::string name;         // canonical name
    std::string key;          // "country:RUS", "org:nato", "city:new york"
    std::string via;          // "name", "alias", "acronym", "demonym", "capital"
    std::string country;      // key of the country it belongs to (cities, media...), or ""
    std::string capital_of;   // capitals: the country's key (the city may stand for it)
    std::string country_name; // capitals: the country's canonical name
    bool all_caps = false;    // an acronym: matched only when the text writes it in capitals
    bool capitalized = true;  // the text must capitalize the first word
    bool company = false;     // from companies.tsv: "<Company> 737" may name its product
};

struct TitleEntry {
    std::string role;         // canonical role ("Prime Minister"); empty for honorifics
    bool honorific = false;   // Mr, Dr...: must be capitalized
    bool lower_ok = true;     // may be written in lower case ("spokesman", "president")
    bool in_org = false;      // held in an organization: "<Name> CEO" makes <Name> one
};

enum WordFlag : std::uint32_t {
    kGivenName = 1u << 0,
    kNotName = 1u << 1,
    kSpeechVerb = 1u << 2,
    kOrgCue = 1u << 3,
    kLocative = 1u << 4,
    kOrgLast = 1u << 5,
    kOrgFirst = 1u << 6,
    kPlaceLast = 1u << 7,
    kPlaceFirst = 1u << 8,
    kPlaceBefore = 1u << 9,
    kPlaceAfter = 1u << 10,
    kPlaceOf = 1u << 11,
    kLegalForm = 1u << 12,  // Inc, Corp, Ltd...: "X Inc." is also called "X"
    kOrgAfter = 1u << 13,   // "<Name> shares", "<Name>'s headquarters"
    kPlaceModifier = 1u << 14,  // "in central <city>"
    kCompanyWord = 1u << 15,    // Systems, Computer...: "X Systems" is also called "X"
    kEventLast = 1u << 16,      // Conference, Cup...: the name of an event, no entity
    kSurnamePrefix = 1u << 17,  // Mc, De...: "McCain" is a surname, not a product's shape
    kOrgBeforeOf = 1u << 18,    // "shares of <Name>", "a subsidiary of <Name>"
    kOrgSpeech = 1u << 19,      // "<Name> announced": a one-word name is an organization
    kUnit = 1u << 20,           // GB, K...: "30GB" is a quantity, not a model
    kNotModel = 1u << 21,       // Article, Flight, Q...: "Article 5" is no product
    kQuantity = 1u << 22,       // percent, million...: "<Name> 5 percent" is no model
    kNotGroup = 1u << 23,       // Alps, Olympics...: "the Alps" is no band or team
    kOrgAnaphor = 1u << 24,     // "<Name>. The company said": the name is a company's
    // The first word of a name or a title of the tries: a word without it starts none, so
    // the rules' look-ups at every token skip the trie there (its flags are cached per token).
    kStartsName = 1u << 25,
    kStartsTitle = 1u << 26,
};

/// What a phrase of products.tsv may be around a product's name (bit set).
enum ProductRole : std::uint32_t {
    kProductHead = 1u << 0,           // "<X> Store", "<X> Player"
    kProductNoun = 1u << 1,           // "<X> smartphone"
    kProductBefore = 1u << 2,         // "unveiled <X>", "a version of <X>"
    kProductAdjective = 1u << 3,      // "the new <X>"
    kProductVariant = 1u << 4,        // "iPod nano", "MacBook Air"
    kProductVariantStrong = 1u << 5,  // "<X> Pro"
    kProductFollow = 1u << 6,         // "launched <X> in ..."
    kProductVersion = 1u << 7,        // "<X>, the latest version of ..."
};

struct ProductPhrase {
    std::uint32_t roles = 0;
    std::string canonical;  // heads: the form variants merge into ("Music Store" -> "Store")
};

class Gazetteer {
public:
    explicit Gazetteer(const Resources& res);

    PhraseTrie names;
    std::vector<NamedEntry> entries;
    PhraseTrie titles;
    std::vector<TitleEntry> title_entries;
    PhraseTrie product_phrases;
    std::vector<ProductPhrase> product_entries;

    /// Flags of a normalized (lower-case) word; 0 if unknown.
    std::uint32_t flags(std::string_view key) const {
        auto it = words_.find(key);
        return it == words_.end() ? 0 : it->second;
    }
    /// The place type of a place head word ("river", "region"); "" if none.
    std::string_view place_type(std::string_view key) const {
        auto it = place_types_.find(key);
        return it == place_types_.end() ? std::string_view{} : std::string_view(it->second);
    }
    /// The entry of a one-word gazetteer name, by its normalized form; null if none.
    const NamedEntry* word_entry(std::string_view key) const {
        auto it = single_words_.find(key);
        return it == single_words_.end() ? nullptr : &entries[it->second];
    }
    /// True if "first second" is a two-word gazetteer name ("united states"): the shape
    /// "UnitedStates" is a missing space, not a brand.
    bool knows_pair(std::string_view first, std::string_view second) const {
        return pairs_.count(std::string(first) + " " + std::string(second)) > 0;
    }
    /// The canonical name of the country with this key ("country:RUS" -> "Russia").
    std::string_view country_name(std::string_view key) const {
        auto it = country_names_.find(key);
        return it == country_names_.end() ? std::string_view{} : std::string_view(it->second);
    }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> words_;
    std::unordered_map<std::string, std::string, Hash, std::equal_to<>> place_types_;
    std::unordered_map<std::string, std::string, Hash, std::equal_to<>> country_names_;
    std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> single_words_;
    std::unordered_set<std::string> pairs_;

    void add_name(std::string_view phrase, NamedEntry e);
    void add_word(std::string_view word, std::uint32_t flag);
    /// A file of "word <TAB> role" lines: each word gets the flag of its role.
    void load_word_roles(std::string_view name, std::string_view text,
                         std::initializer_list<std::pair<std::string_view, std::uint32_t>> roles);
    void load_products(const std::vector<Record>& rows);
};

/// "organization" keys: lower-case name with single spaces ("org:korean central news agency").
std::string make_key(EntityKind kind, std::string_view name);

/// True if the text is two or more letters, all upper case ("KCNA", "U.S.").
bool is_all_caps(std::string_view s);

}  // namespace chronograph::entities
