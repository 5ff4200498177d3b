// The event lexicon (data/en/events/): triggers with their generated inflections, event
// types, object classes and status cues, indexed for lookup by lower-case token text.
#pragma once

#include "chronograph/analysis.hpp"
#include "chronograph/resources.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace chronograph::events {

enum class Pos { Verb, Noun, Phrase };
enum class Role { Event, Light, Start, End, Control, Report, Duration, ByObject, BySubject };

struct Trigger {
    std::string lemma;
    Pos pos = Pos::Verb;
    std::string type;  // "" for "-"
    Role role = Role::Event;
};

struct TypeInfo {
    std::string name;
    std::string cameo;
    bool once = false;  // merge rule "once"
    bool core = false;  // weight "core"
};

struct Cue {
    std::vector<std::string> words;
    EventStatus status = EventStatus::Happened;
    int reach = 3;
};

/// A unit or counted noun of measures.tsv.
struct Measure {
    std::string kind;  // length, people, scale, approx
    std::string unit;  // canonical unit
    std::string name;  // measure name
    double factor = 1;
};

struct TriggerMatch {
    const Trigger* trigger = nullptr;
    std::size_t length = 0;  // tokens
    std::string_view form;   // the form matched (first token for phrases)
};

/// A set of the closed word classes of grammar.tsv, one bit each (at most 64).
using ClassMask = std::uint64_t;

/// A trigger of several words, listed under its first word.
struct PhraseForm {
    std::vector<std::string> words;
    std::size_t trigger;
};

/// All the lexicon knows of one word (a lookup form), found with one hash lookup: a
/// sentence looks each token up once (SentenceView::entries), and the rules then ask
/// about triggers, classes, cues and measures without hashing the word again.
struct WordEntry {
    ClassMask classes = 0;                            // grammar.tsv classes
    const std::vector<std::size_t>* triggers = nullptr;  // single-word triggers it is a form of
    const std::vector<PhraseForm>* phrases = nullptr;    // triggers of several words it starts
    const std::vector<std::size_t>* cues = nullptr;      // status cues it starts (indices into cues())
    const Measure* measure = nullptr;                 // the unit or counted noun it names
};

struct SentenceView;

class Lexicon {
public:
    explicit Lexicon(const Resources& res);
    // entries_ points into the other tables: a copy would point into the original's.
    Lexicon(const Lexicon&) = delete;
    Lexicon& operator=(const Lexicon&) = delete;
    Lexicon(Lexicon&&) = default;  // the tables' nodes move with them
    Lexicon& operator=(Lexicon&&) = default;

    /// A class of subject or object nouns: the type it gives, to triggers of which own types.
    struct NounClass {
        std::string type;
        std::vector<std::string> triggers;  // own types of the triggers it applies to
    };

    /// What the lexicon knows of `word` (a lookup form); null if nothing.
    const WordEntry* entry(std::string_view word) const {
        auto it = entries_.find(word);
        return it == entries_.end() ? nullptr : &it->second;
    }
    /// Whether the word is a form of a noun trigger ("launches", "strikes"; not "dies").
    bool noun_form(const WordEntry* e) const {
        if (!e || !e->triggers) return false;
        for (std::size_t t : *e->triggers)
            if (triggers_[t].pos == Pos::Noun) return true;
        return false;
    }
    /// The longest trigger starting at token i of a sentence.
    std::optional<TriggerMatch> trigger_at(const SentenceView& v, std::size_t i) const;
    const TypeInfo* type(std::string_view name) const;
    /// The event type an object noun gives to a by-object trigger whose own type is
    /// `trigger_type` ("troops" with "sent" -> deployment; "consulate" with "closed" -> closure).
    const std::string* object_type(std::string_view noun, std::string_view trigger_type) const;
    /// The event type a subject noun gives to a by-subject trigger whose own type is
    /// `trigger_type` ("earthquake" with "struck" -> disaster; "toll" with "rose" -> casualties).
    const std::string* subject_type(std::string_view noun, std::string_view trigger_type) const;
    /// The event type a word anywhere in the sentence points a by-subject trigger of
    /// `trigger_type` to, when nothing closer says ("union" -> a labour strike; "killed" ->
    /// an attack).
    const std::string* context_type(std::string_view word, std::string_view trigger_type) const;
    const std::vector<Cue>& cues() const { return cues_; }
    /// Indices into cues() of the cues whose first word is `word`.
    const std::vector<std::size_t>* cues_starting(const WordEntry* word) const { return word ? word->cues : nullptr; }
    const std::vector<std::size_t>* cues_starting(std::string_view word) const { return cues_starting(entry(word)); }
    /// The measure `word` names, if it is of `kind` ("length", "people", "scale", "approx").
    const Measure* measure(const WordEntry* word, std::string_view kind) const {
        return word && word->measure && word->measure->kind == kind ? word->measure : nullptr;
    }
    /// The closed word classes of grammar.tsv, as bits of a mask.
    struct Grammar {
        ClassMask determiner, auxiliary, be, have, label_stop, label_trim, locative, agentive, plural_anaphor,
            light_noun, preposition, pronoun, pre_trigger, relative, relative_preposition, clause_opener, reporting,
            self_reporting, speech, finite_auxiliary, not_content_start, circumstance, thing_ing, range_joiner,
            range_and_opener, comparison, comparison_pair, superlative, negator, member_noun, future_subordinator, verb_marker, no_event_noun, no_event_object,
            cue_comparison, quantifier, compass, figure_for;
    };
    const Grammar& grammar() const { return grammar_; }
    /// The classes `word` (a lookup form) belongs to, as a mask of Grammar bits.
    ClassMask classes_of(std::string_view word) const {
        const WordEntry* e = entry(word);
        return e ? e->classes : 0;
    }
    bool in_class(ClassMask bit, std::string_view word) const { return (classes_of(word) & bit) != 0; }
    /// Regular inflections of a verb lemma (for tests and the engine).
    static std::vector<std::string> verb_forms(const std::string& lemma);
    static std::vector<std::string> noun_forms(const std::string& lemma);

private:
    void add_form(const std::string& form, std::size_t trigger);

    /// Hashes std::string and std::string_view alike, so lookups need no temporary string.
    struct StringHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    /// A map from words, looked up by std::string_view without a temporary string.
    template <class Value>
    using WordMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

    std::vector<Trigger> triggers_;
    WordMap<std::vector<std::size_t>> single_;  // form -> triggers
    WordMap<std::vector<PhraseForm>> phrases_;  // first word -> forms
    WordMap<TypeInfo> types_;
    WordMap<std::vector<NounClass>> subjects_, objects_, contexts_;
    std::vector<Cue> cues_;
    WordMap<Measure> measures_;
    WordMap<std::vector<std::size_t>> cues_by_first_;
    WordMap<WordEntry> entries_;  // every word of the tables above, pointing into them
    Grammar grammar_{};
};

/// Lower-case form of a token for lexicon lookups: ASCII lower case, curly apostrophes
/// straightened ("Russia’s" -> "russia's").
std::string lookup_form(std::string_view token);
/// lookup_form(token) appended to `out` (never longer than the token).
void append_lookup_form(std::string_view token, std::string& out);

}  // namespace chronograph::events
