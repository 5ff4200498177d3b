// Stage 7, graph: the Story as a Boost.Graph of events, actors, places and documents.
// Boost types stay inside src/graph; callers see plain nodes and edges.
#pragma once

#include "chronograph/story.hpp"

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace chronograph {

enum class NodeKind { Event, Person, Organization, Country, Place, Product, Document };
enum class EdgeKind { Actor, Place, ReportedBy, Source, Before };

struct GraphNode {
    std::string id;     // the Story id (event, entity or document id)
    std::string label;
    NodeKind kind = NodeKind::Event;
    std::string detail; // date for events, path for documents
};

struct GraphEdge {
    std::size_t source = 0, target = 0;  // indices into nodes()
    EdgeKind kind = EdgeKind::Actor;
};

class StoryGraph {
public:
    explicit StoryGraph(const Story& story);
    ~StoryGraph();
    StoryGraph(StoryGraph&&) noexcept;

    const std::vector<GraphNode>& nodes() const;
    const std::vector<GraphEdge>& edges() const;
    /// GraphML, written with Boost's write_graphml.
    void write_graphml(std::ostream& out) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

const char* to_string(NodeKind k);
const char* to_string(EdgeKind k);

}  // namespace chronograph
