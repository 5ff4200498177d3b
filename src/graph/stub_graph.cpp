// Placeholder until the graph stage lands.
#include "chronograph/graph.hpp"

#include <ostream>

namespace chronograph {
struct StoryGraph::Impl {
    std::vector<GraphNode> nodes;
    std::vector<GraphEdge> edges;
};
StoryGraph::StoryGraph(const Story&) : impl_(std::make_unique<Impl>()) {}
StoryGraph::~StoryGraph() = default;
StoryGraph::StoryGraph(StoryGraph&&) noexcept = default;
const std::vector<GraphNode>& StoryGraph::nodes() const { return impl_->nodes; }
const std::vector<GraphEdge>& StoryGraph::edges() const { return impl_->edges; }
void StoryGraph::write_graphml(std::ostream&) const {}
const char* to_string(NodeKind) { return "event"; }
const char* to_string(EdgeKind) { return "actor"; }
}  // namespace chronograph
