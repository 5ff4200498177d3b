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
};

inline bool is_cap_word(const Token& t) { return t.is(kWord) && (t.is(kCapitalized) || t.is(kAllCaps)); }
inline bool is_lower_word(const Token& t) { return t.is(kWord) && !t.is(kCapitalized) && !t.is(kAllCaps); }

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
    Found& emit_surface(std::size_t first, std::size_t last, EntityKind kind, std::string via);
    /// End of the capitalized name starting at i: capitalized words, joined by
    /// connectors; cut before a title or a known name that starts inside it.
    std::size_t cap_run_end(std::size_t i, bool person) const;
    /// The country or organization a title belongs to: a mention just before it,
    /// separated by at most three lower-case words or a possessive ("Russian Prime
    /// Minister", "Ukraine's military intelligence chief").
    std::string affiliation_before(std::size_t i) const;
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
    std::size_t at(std::size_t i);
    void scan_sentence(std::size_t s);

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
    void write_mentions();
};

}  // namespace chronograph::entities
