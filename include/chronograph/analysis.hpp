// What the per-document stages (segment, timex, entities, events) find in one document.
// Each stage reads what the earlier ones filled in and adds its own part.
#pragma once

#include "chronograph/document.hpp"
#include "chronograph/types.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace chronograph {

// ---- segment ---------------------------------------------------------------------------

enum TokenFlag : std::uint16_t {
    kWord = 1 << 0,         // letters (maybe with digits): "Korea", "1990s", "U.S."
    kNumber = 1 << 1,       // digits, maybe with , . : inside: "15,000", "1.5", "9:30"
    kPunct = 1 << 2,        // any other single character: "," "(" "’" "—"
    kCapitalized = 1 << 3,  // first letter upper case: "Korea", "KCNA"
    kAllCaps = 1 << 4,      // two or more letters, all upper case: "KCNA", "U.S."
    kSpaceBefore = 1 << 5,  // white space right before the token
    kNewlineBefore = 1 << 6 // a line break between the previous token and this one
};

struct Token {
    Span span;
    std::uint16_t flags = 0;
    bool is(TokenFlag f) const { return (flags & f) != 0; }
};

struct Sentence {
    Span span;
    std::size_t paragraph = 0;      // index into Document::paragraphs
    std::uint32_t first_token = 0;  // index into DocumentAnalysis::tokens
    std::uint32_t token_count = 0;
    bool caption = false;           // copied from its paragraph
    bool heading = false;           // copied from its paragraph
};

// ---- timex -----------------------------------------------------------------------------

enum class TimexType { Date, Time, Duration, Set };

/// A temporal expression, normalized in TIMEX3 terms.
struct Timex {
    Span span;
    std::size_t sentence = 0;
    TimexType type = TimexType::Date;
    /// value/mod/interval. A relative expression in a document without a DCT keeps an
    /// underspecified value ("XXXX-WXX-3") and no interval. Durations and sets have no
    /// interval either (value "P18M", "XXXX-XX-XX" with type Set).
    TimeValue time;
    bool relative = false;   // depends on the anchor (DCT): "Wednesday", "last year"
    std::string rule;        // name of the rule that matched (for debugging and tests)
};

// ---- entities --------------------------------------------------------------------------

enum class EntityKind { Person, Organization, Country, Place, Product };

struct EntityMention {
    Span span;
    std::size_t sentence = 0;
    EntityKind kind = EntityKind::Person;
    /// Canonical name: the gazetteer's name ("North Korea" for "North Korean",
    /// "Pyongyang"), else the longest form seen in the document ("Vladimir Putin" for
    /// "Putin"), else the surface text.
    std::string name;
    /// Stable identity key used to merge mentions within and across documents:
    /// "country:PRK", "org:kcna", else the kind and the normalized canonical name.
    std::string key;
    /// How the mention refers: the name itself, a demonym/adjective ("North Korean"),
    /// an acronym, a capital standing for its government, a surname alone...
    std::string via;
    /// People: the title or role the text gives ("Prime Minister", "spokesperson").
    std::string role;
    /// The key of the country or organization the entity belongs to, when the text says
    /// ("Russian Prime Minister ..." -> "country:RUS"); empty if unknown.
    std::string affiliation;
};

// ---- events ----------------------------------------------------------------------------

enum class EventStatus : std::uint8_t { Happened, Ongoing, Planned, Expected, Reported, Negated, Hypothetical };

/// One sentence's (or clause's) report of something happening.
struct EventMention {
    std::size_t sentence = 0;
    Span trigger;              // the verb or noun that names the event
    std::string lemma;         // trigger lemma: "build", "groundbreaking"
    std::string type;          // ontology type (data/en/events/types.tsv)
    bool nominal = false;      // named by a noun ("the visit") rather than a verb
    EventStatus status = EventStatus::Happened;
    std::optional<std::size_t> timex;  // index into DocumentAnalysis::timexes
    TimeValue time;            // resolved time of this mention (may be undated)
    std::string time_source;   // "timex", "derived", "dct", "" (undated)
    std::vector<std::size_t> agents;     // indices into DocumentAnalysis::entities
    std::vector<std::size_t> patients;
    std::vector<std::size_t> places;
    std::vector<std::size_t> sources;    // who reports it ("KCNA reported")
    std::string label;         // short text: "North Korea and Russia agreed to build a bridge"
    std::string theme;         // head noun of what the event acts on ("bridge"), lower case
    Span clause;               // the clause the event was read from
    /// "expected to take 18 months to complete": the event comes `duration` (a TIMEX3
    /// duration value, "P18M") after the start of the same undertaking, an event of type
    /// `anchor_type`; consolidate dates it once that start is known.
    std::string duration;
    std::string anchor_type;
};

/// A number stated about something ("850 meters long", "15,000 soldiers"): the material
/// of conflicting claims between sources.
struct Claim {
    std::size_t sentence = 0;
    Span span;               // the number and its unit
    std::string about;       // what it measures: "bridge length", "troops sent"
    std::string unit;        // canonical unit: "m", "person", "USD", "day"
    double value = 0;        // in the canonical unit
    std::string text;        // surface text
    std::optional<std::size_t> event;  // index into DocumentAnalysis::events, if tied to one
};

// ---- diagnostics -----------------------------------------------------------------------

struct Diagnostic {
    enum class Severity { Warning, Error } severity = Severity::Warning;
    std::string path;
    std::string message;
};
/// "chronograph: error: PATH: message", as the command line prints it (no newline).
std::string diagnostic_line(const Diagnostic& d);

/// Everything found in one document. Self-contained, so documents can be analysed in
/// parallel and the results merged later.
struct DocumentAnalysis {
    Document doc;
    std::vector<Sentence> sentences;
    std::vector<Token> tokens;
    std::vector<Timex> timexes;
    std::vector<EntityMention> entities;
    std::vector<EventMention> events;
    std::vector<Claim> claims;

    std::string_view text(Span s) const { return std::string_view(doc.text).substr(s.start, s.size()); }
    std::string_view text(const Token& t) const { return text(t.span); }
};

const char* to_string(TimexType t);
const char* to_string(EntityKind k);
const char* to_string(EventStatus s);

}  // namespace chronograph
