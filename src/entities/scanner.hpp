// DocScanner: the working state of one EntityRecognizer::recognize() call. Its rule
// families live in several files:
//   recognizer.cpp      people, places, organizations: gazetteers, titles, head words, cues
//   products.cpp        products (shapes, models, heads, cues) and groups ("the Beatles")
//   document_pass.cpp   short forms and names repeated in the document, kinds agreed per
//                       name, and the final mention list
#pragma once

#include "chronograph/analysis.hpp"
#include "entities/gazetteer.hpp"
#include "entities/phrase_trie.hpp"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace chronograph::entities {

/// A mention under construction, in token indices [first, last).
struct Found {
    std::size_t first = 0, last = 0;
    std::size_t sentence = 0;
    EntityKind kind = EntityKind::Person;
    std::string name, key, via, role, affiliation;
    /// A guess from one weak cue ("<Name> said", "<Name> smartphone"): may be re-typed by
    /// what the rest of the document says about the same name.
    bool weak = false;
    /// Not a mention: a name the document may use alone later ("iPhone" of "iPhone 4").
    bool hidden = false;
    /// "the Beatles": a group named by a plural; "the Howes" is a family if the document
    /// names a person Howe.
    bool plural = false;
    /// "BellSouth" taken for a company by its shape alone: a product wherever the same
    /// document calls it one ("Acme's BellSouth phone").
    bool shape_guess = false;
};

inline bool is_cap_word(const Token& t) { return t.is(kWord) && (t.is(kCapitalized) || t.is(kAllCaps)); }
inline bool is_lower_word(const Token& t) { return t.is(kWord) && !t.is(kCapitalized) && !t.is(kAllCaps); }

class DocScanner {
public:
    DocScanner(const Gazetteer& g, DocumentAnalysis& a)
        : g_(g), a_(a), keys_(a), tok_(a.tokens), word_flags_(a.tokens.size(), kFlagsUnknown) {}

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
    /// Capitalized runs no rule could type, in text order: a later cue may ("Acme's
    /// <product>"; "... Acme. The company said ...").
    std::vector<Found> untyped_;
    static constexpr std::uint32_t kFlagsUnknown = 0xFFFFFFFF;  // no WordFlag combination
    mutable std::vector<std::uint32_t> word_flags_;             // per token, see word_flags()
    // Per sentence.
    std::size_t sentence_ = 0, begin_ = 0, end_ = 0;
    bool heading_ = false;

    std::string_view text(std::size_t i) const { return a_.text(tok_[i]); }
    std::string_view key(std::size_t i) const { return keys_[i]; }
    std::uint32_t flags(std::size_t i) const { return i < end_ ? word_flags(i) : 0; }
    /// The gazetteer's flags of token i's word, looked up once per token (the rules ask
    /// about the same tokens many times).
    std::uint32_t word_flags(std::size_t i) const {
        if (word_flags_[i] == kFlagsUnknown) word_flags_[i] = g_.flags(keys_[i]);
        return word_flags_[i];
    }
    /// No white space between tokens i-1 and i (a hyphen inside "Rostov-on-Don").
    bool glued(std::size_t i) const { return !tok_[i].is(kSpaceBefore); }
    std::size_t end_of(const Found& f) const { return f.last; }
    std::string surface(std::size_t first, std::size_t last) const;
    std::string phrase_key(std::size_t first, std::size_t last) const;
    void set_sentence(std::size_t s);

    // ---- recognizer.cpp ------------------------------------------------------------------
    PhraseTrie::Match name_at(std::size_t i) const;
    PhraseTrie::Match title_at(std::size_t i) const;
    bool sentence_initial(std::size_t i) const;
    Found& emit(std::size_t first, std::size_t last, EntityKind kind, std::string name, std::string key, std::string via);
    /// End of an organization's short name: without its legal form and one company word
    /// ("Acme" of "Acme Systems Inc.", of "Acme Computer"; "Acme Corps" stays whole).
    std::size_t short_name_end(std::size_t first, std::size_t last) const;
    Found& emit_surface(std::size_t first, std::size_t last, EntityKind kind, std::string via);
    /// End of the capitalized name starting at i: capitalized words, joined by
    /// connectors; cut before a title or a known name that starts inside it.
    std::size_t cap_run_end(std::size_t i, bool person) const;
    /// A hyphen at j and a short lower-case syllable glued to it: "Jong-un", "Ching-te".
    bool syllable_after(std::size_t j) const;
    /// The country or organization a title belongs to: a mention just before it,
    /// separated by at most three lower-case words or a possessive ("Russian Prime
    /// Minister", "Ukraine's military intelligence chief").
    std::string affiliation_before(std::size_t i) const;
    /// The owner of a body named at i: "The Beatles' Apple Corps", "the Beatles' record
    /// company, Apple Corps" (the key of the organization or person), or "".
    std::string owner_of(std::size_t i) const;
    /// "<title> <Name>": a person with a role. Returns the end, or i if no name follows.
    std::size_t person_after_title(std::size_t i, PhraseTrie::Match tm);
    /// "Name (ACR)" right after an organization: the acronym is a mention of it too.
    std::size_t acronym_after(std::size_t j);
    /// A known name at i (country, demonym, capital, city, place, organization).
    std::size_t gazetteer_mention(std::size_t i, PhraseTrie::Match gm);
    /// A capital is the city after "in/to/at..." or before ", <country>"; otherwise,
    /// as an actor, it stands for its country's government ("Moscow said").
    std::size_t capital_mention(std::size_t i, std::size_t j, const NamedEntry& e);
    /// "the city of X", "the port of X": X is a place.
    std::size_t place_of(std::size_t i);
    /// The person just found is followed by ", the [Russian] <title> ...": its role.
    void apposition_role(std::size_t r);
    /// A run of capitalized words that no gazetteer knows: its head word or context
    /// says what it is, or nothing is found.
    std::size_t capitalized_run(std::size_t i);
    /// After an unknown name: "<Name> CEO <Name>", "<Name>'s founder", "<Name> shares"
    /// say it is an organization.
    bool org_context_after(std::size_t r) const;
    /// "Acme Widget Corporation (AWC)": the capitalized run [i, r) is followed by its
    /// initials in parentheses.
    bool defines_acronym(std::size_t i, std::size_t r) const;
    /// First letters of the capitalized words in [first, last): "NSA".
    std::string initials(std::size_t first, std::size_t last) const;
    /// The name at [i, r) speaks ("<Name> said", "<Name> announced", "<Name> has claimed"):
    /// a person, or an organization by the verb ("announced", "said in a statement", one
    /// word) or the pronoun after it ("its"/"he"); nothing if no speech verb follows.
    std::optional<EntityKind> speaker_kind(std::size_t i, std::size_t r) const;
    std::size_t at(std::size_t i);
    void scan_sentence(std::size_t s);

    // ---- products.cpp ----------------------------------------------------------------------
    /// A word shaped like a product's or brand's name: small letters then a capital
    /// ("iPhone", "eBay"), or two capitalized parts ("PlayStation") that are not a
    /// surname's ("McCain", "DeSantis").
    bool product_shaped(std::size_t i) const;
    /// A model number or code at j ("4", "3G", "S24", "737", "10.4"; only numbers if
    /// `numeric_only`); not a year, a quantity, a unit or a code such as "Q3" or "G20".
    bool model_token(std::size_t j, bool numeric_only) const;
    /// End of the model part starting at j: a model token, "-16", variants ("Pro",
    /// "nano" when `lower_variants`); j if there is none.
    std::size_t model_end(std::size_t j, bool lower_variants, bool numeric_only) const;
    /// The longest products.tsv phrase at i with one of the `role` bits (length 0 if none).
    PhraseTrie::Match product_phrase(std::size_t i, std::uint32_t role) const;
    /// A product noun just before i: "web browser <X>", "the app <X>".
    bool noun_ending_at(std::size_t i) const;
    /// An apposition at j that calls a name a product: ", the newest version of ...",
    /// ", Acme's video calling application".
    bool version_apposition(std::size_t j) const;
    /// A cue before i that introduces a product: "unveiled [the] [new] <X>", "the new <X>".
    bool product_cue_before(std::size_t i) const;
    /// A cue that the name at [i, stop) is a product's: a product noun after or before it,
    /// a cue before it ("unveiled", "the new"), an apposition; for a shape (`shaped`) also
    /// an owner ("Acme's") or "the" before it.
    bool product_cued(std::size_t i, std::size_t stop, bool shaped) const;
    /// A product's name at [i, r) (r: end of its capitalized run) with its model, variants
    /// and head; returns the end, or i if nothing says it is a product.
    std::size_t product_run(std::size_t i, std::size_t r);
    /// A shaped word at i ("iTunes") and the capitalized words after it.
    std::size_t shaped_product(std::size_t i);
    /// "Boeing 737 MAX": a known organization at [i, j) followed by a model number.
    std::size_t product_of_org(std::size_t i, std::size_t j, const NamedEntry& e);
    /// The owner of a product at i: "Acme's [new] <product>" (Acme, untyped so far,
    /// becomes an organization); its key or "".
    std::string owner_before(std::size_t i);
    /// "the Beatles", "The Rolling Stones": a band, team or party at [i, r); i if not.
    std::size_t group_after_the(std::size_t i, std::size_t r);

    // ---- document_pass.cpp -----------------------------------------------------------------
    struct Alias {
        std::size_t target = 0;  // index into found_ of the mention it stands for
        std::string via;
        bool ambiguous = false;
    };
    /// How strongly a phrase points to a mention: a full name of several words, then a
    /// short form derived from one (surname, acronym), then a one-word name.
    static int rank(const Alias& a, const Found& f);
    void add_alias(std::unordered_map<std::string, Alias>& map, std::string k, std::size_t target, const char* via) const;
    void resolve_aliases();
    /// "<Name>. The company ...": the last untyped name of the sentence before.
    void company_back_references();
    /// Weak guesses that are a sentence's first word and a common word elsewhere in the
    /// document ("Pretax profit fell" when "pretax" appears too); families ("the Howes").
    void drop_common_words();
    /// Weak guesses that a name is a person or an organization agree on the kind most of
    /// them have ("Acme announced" twice, "Acme said" once: an organization).
    void settle_weak_kinds();
    /// "the 3G iPhone" next to "iPhone 3G" in the same document: one product.
    void model_before_product();
    void write_mentions();
};

}  // namespace chronograph::entities
