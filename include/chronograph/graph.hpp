// Stage 7, graph: the Story as a Boost.Graph of events, actors, places and documents.
// Boost types stay inside src/graph; callers see plain nodes and edges.
#pragma once

#include "chronograph/story.hpp"

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace chronograph {

enum class NodeKind { Event, Person, Organization, Country, Place, Product, Document };
enum class EdgeKind { Actor, Place, ReportedBy, Source, Before };

/// A vertex. Its texts are views of the Story's (see StoryGraph), or of texts the graph
/// composes once for all the nodes that have the same (dates and days): a big corpus's
/// graph has close to a million nodes.
struct GraphNode {
    std::string_view id;     // the Story id (event, entity or document id)
    std::string_view label;
    NodeKind kind = NodeKind::Event;
    std::string_view detail; // date for events ("mid-2026"), role for people, path for documents
    std::string_view status; // events: "happened", "planned"...; empty otherwise
    std::string_view day;    // events: earliest possible day, documents: publication day ("YYYY-MM-DD" or empty)
    std::size_t weight = 0;  // events: evidence mentions; others: events linked to it
};

struct GraphEdge {
    std::uint32_t source = 0, target = 0;  // indices into nodes()
    EdgeKind kind = EdgeKind::Actor;
};

/// Vertices: the events (Story order), then every entity linked to an event (Story order),
/// then the documents. Edges: per event actor, place, source and reported-by edges, then
/// the before edges: dated events grouped by time interval and ordered by (earliest,
/// latest) day; every event of a group points to every event of the next group (the
/// transitive reduction of that order). When two neighbouring groups are both large, a
/// linear chain of edges replaces the complete bipartite link. Same Story, same graph.
/// The nodes refer to the Story's texts instead of copying them (a big corpus's graph
/// would hold its sentences twice): the Story must outlive the graph.
class StoryGraph {
public:
    explicit StoryGraph(const Story& story);
    StoryGraph(Story&&) = delete;  // the graph refers to the Story: it must outlive it
    ~StoryGraph();
    StoryGraph(StoryGraph&&) noexcept;

    const std::vector<GraphNode>& nodes() const;
    const std::vector<GraphEdge>& edges() const;
    /// Index of the (first) node with Story id `id` in nodes(), or nodes().size() if none.
    /// A linear search: the graph keeps no index of its ids (see story_graph.cpp).
    std::size_t find(std::string_view id) const;
    /// Events: the first evidence sentence (for tooltips), read from the Story; "" for
    /// the other nodes.
    std::string note(std::size_t node) const;
    /// GraphML, written with Boost's write_graphml (of a Boost graph made for it).
    void write_graphml(std::ostream& out) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// The documents an event's evidence comes from, each once, in the order of first mention
/// (linear in the mentions: an event of a big corpus may have tens of thousands).
std::vector<std::string> reporting_documents(const Story& story, const Event& ev);

/// Human form of a time value for captions: "30 Apr 2025", "Jun 2024", "mid-2026",
/// "c. Oct 2026", "early 20th century", "undated".
std::string describe_time(const TimeValue& t);

const char* to_string(NodeKind k);
const char* to_string(EdgeKind k);

}  // namespace chronograph
