// The consolidated account of a whole corpus: what events.json, the graph, the timeline
// and the viewer show. Built by consolidate from the per-document analyses.
#pragma once

#include "chronograph/analysis.hpp"
#include "chronograph/shared.hpp"
#include "chronograph/types.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace chronograph {

class AsideFile;

using DocId = std::string;     // "d1", "d2"... in path order
using EntityId = std::string;  // "e1", ...
using EventId = std::string;   // "ev1", ...

struct DocumentInfo {
    DocId id;
    std::string path;
    std::string title;
    std::optional<Day> dct;
    DctSource dct_source = DctSource::None;
    DocFormat format = DocFormat::Text;
    std::size_t bytes = 0;
    std::size_t sentences = 0;
};

/// A big corpus has millions: 16 bytes (48 with a DocId and offsets of 64 bits).
struct EntityMentionRef {
    SharedText doc;  // the document's id, one copy for all its mentions
    std::uint32_t start = 0, end = 0;
};

/// Where a list of the story's (an event's evidence, a conflict's claims, an entity's
/// mentions) is when the story keeps it in a file (see Story::evidence).
struct Aside {
    std::uint64_t offset = 0;
    std::uint32_t bytes = 0, count = 0;
};

/// A list of the story's as Story::evidence, claims and mentions give it: the record's
/// own list, or a list read back from the story's file.
template <class T>
class AsideList {
public:
    explicit AsideList(const std::vector<T>& held) : held_(&held) {}
    explicit AsideList(std::vector<T>&& read) : read_(std::move(read)) {}

    const std::vector<T>& list() const { return held_ ? *held_ : read_; }
    auto begin() const { return list().begin(); }
    auto end() const { return list().end(); }
    std::size_t size() const { return list().size(); }
    bool empty() const { return list().empty(); }
    const T& front() const { return list().front(); }
    const T& operator[](std::size_t i) const { return list()[i]; }

private:
    const std::vector<T>* held_ = nullptr;
    std::vector<T> read_;
};

struct Entity {
    EntityId id;
    std::string name;
    EntityKind kind = EntityKind::Person;
    std::vector<std::string> aliases;  // other names it goes by, sorted
    std::string role;                  // people: "Prime Minister"
    std::optional<EntityId> affiliation;  // the country or organization it belongs to
    /// Where it is named, when held in memory; empty when the story keeps them in a file
    /// (`aside`). Read them through Story::each_mention, which gives them either way.
    std::vector<EntityMentionRef> mentions;
    Aside aside;
};

/// One piece of evidence for an event: a sentence of one document. A big corpus has
/// millions: kept small (offsets of 32 bits, the sentence and the date shared by the
/// mentions that have the same).
struct EvidenceRef {
    DocId doc;
    SharedText sentence;      // the sentence text
    std::uint32_t start = 0, end = 0;  // the sentence's byte offsets in the document text
    std::uint32_t trigger_start = 0, trigger_end = 0;
    std::optional<std::string> timex;  // the time expression's text
    std::uint32_t timex_start = 0, timex_end = 0;  // its offsets (when timex is set)
    Shared<TimeValue> time;   // the date this mention gives (may differ between sources)
    EventStatus status = EventStatus::Happened;
    bool caption = false;
    std::vector<EntityId> actors;  // who this mention says took part (agents and patients)
};

struct Event {
    EventId id;
    std::string label;   // short: "North Korea, Russia begin construction of bridge"
    std::string type;
    EventStatus status = EventStatus::Happened;
    TimeValue time;
    std::string time_source;  // "timex", "derived", "dct", ""
    std::vector<EntityId> actors;
    std::vector<EntityId> places;
    std::vector<EntityId> sources;  // reporting entities
    /// Its evidence, when held in memory; empty when the story keeps it in a file
    /// (`aside`). Read it through Story::evidence, which gives it either way.
    std::vector<EvidenceRef> mentions;
    Aside aside;
};

using EvidenceList = AsideList<EvidenceRef>;

struct ClaimRef {
    std::string value;    // as normalized: "850 m", "1000 m", "2026 (MID)"
    DocId doc;
    SharedText sentence;  // (shared with the claims and evidence from the same sentence)
    std::string text;     // the surface text of the claim
};

struct Conflict {
    std::string about;    // "bridge length", "date of ground-breaking ceremony"
    std::optional<EventId> event;
    /// Its claims, when held in memory; empty when the story keeps them in a file
    /// (`aside`). Read them through Story::claims, which gives them either way.
    std::vector<ClaimRef> claims;
    Aside aside;
};

struct Story {
    std::vector<DocumentInfo> documents;
    std::vector<Entity> entities;
    std::vector<Event> events;       // in time order, undated last
    std::vector<Conflict> conflicts;
    std::vector<Diagnostic> diagnostics;

    /// The lists kept out of memory (a large corpus's events' evidence is most of the
    /// story, its conflicts' claims and its entities' mentions a good part of the rest):
    /// made by consolidate, shared by the stories copied from this one.
    std::shared_ptr<const AsideFile> aside_file;

    const DocumentInfo* document(const DocId& id) const;
    const Entity* entity(const EntityId& id) const;
    /// An event's evidence, from memory or read back from the evidence file (`limit`: at
    /// most that many, the first ones). A writer reads it event by event.
    EvidenceList evidence(const Event& ev, std::size_t limit = static_cast<std::size_t>(-1)) const;
    /// Each piece of an event's evidence, in order, from memory or from the evidence file
    /// a run at a time: what a writer of every piece uses (the biggest events of a large
    /// corpus have hundreds of thousands).
    void each_evidence(const Event& ev, const std::function<void(const EvidenceRef&)>& visit) const;
    /// The document of each piece of an event's evidence, in order (read without the rest
    /// of the evidence).
    std::vector<DocId> evidence_documents(const Event& ev) const;
    std::size_t evidence_count(const Event& ev) const { return ev.mentions.empty() ? ev.aside.count : ev.mentions.size(); }
    /// A conflict's claims, from memory or read back from the file.
    AsideList<ClaimRef> claims(const Conflict& c) const;
    /// Where an entity is named, in order, from memory or from the file a run at a time
    /// (the most named entities of a large corpus are named hundreds of thousands of times).
    void each_mention(const Entity& e, const std::function<void(const EntityMentionRef&)>& visit) const;
};

}  // namespace chronograph
