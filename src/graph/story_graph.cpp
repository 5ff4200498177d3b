// The Story as a graph: events, the entities they involve and the documents that report
// them as vertices; typed edges between them. The plain nodes()/edges() vectors hold it;
// GraphML is written from a Boost.Graph that mirrors them vertex for vertex, edge for
// edge, with the index into them as its only property, made while it is written (a big
// corpus's graph is not held twice). That one is a compressed sparse row graph: 8 bytes an
// edge, where an adjacency list took some 60 (100,000 articles: about 250 MB more while
// graph.graphml was written).
#include "chronograph/graph.hpp"
#include "model/memory.hpp"

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <boost/iterator/transform_iterator.hpp>
#include <boost/make_shared.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <numeric>
#include <ostream>
#include <unordered_map>
#include <unordered_set>

namespace chronograph {

/// Its edge property: the edge's index into StoryGraph::edges().
using BoostGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, std::uint32_t, boost::no_property,
                                                      std::uint32_t, std::uint32_t>;

struct StoryGraph::Impl {
    const Story* story = nullptr;
    std::vector<GraphNode> nodes;
    std::vector<GraphEdge> edges;
    // Keys: the Story's ids. Only while the graph is made: 100,000 articles make 884k
    // nodes, some 50 MB of index held beside the story while every file is written.
    std::unordered_map<std::string_view, std::size_t> index;
    std::unordered_set<std::string> composed;  // the nodes' dates and days, once each

    std::string_view compose(std::string text) { return *composed.insert(std::move(text)).first; }

    std::size_t add_node(GraphNode n) {
        const std::size_t i = nodes.size();
        index.emplace(n.id, i);
        nodes.push_back(std::move(n));
        return i;
    }
    void add_edge(std::size_t from, std::size_t to, EdgeKind kind) {
        edges.push_back({static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(to), kind});
    }
};

namespace {

NodeKind node_kind(EntityKind k) {
    switch (k) {
        case EntityKind::Person: return NodeKind::Person;
        case EntityKind::Organization: return NodeKind::Organization;
        case EntityKind::Country: return NodeKind::Country;
        case EntityKind::Place: return NodeKind::Place;
        case EntityKind::Product: return NodeKind::Product;
    }
    return NodeKind::Person;
}

/// `s` with the characters XML 1.0 forbids even as references (controls other than tab and
/// line breaks, U+FFFE, U+FFFF) as spaces: boost::write_graphml escapes markup only, and
/// an article's text may hold them ("\x02" in a name made the whole file unreadable).
std::string xml_chars(std::string s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
            s[i] = ' ';
        } else if (b == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
                   (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xBE) {
            s.replace(i, 3, " ");
        }
    }
    return s;
}

/// A read-only GraphML property whose text comes straight from a function (Boost's own
/// adaptor formats every value through a new std::ostringstream: most of the time of a
/// big graph's GraphML).
template <class Key>
class TextProperty : public boost::dynamic_property_map {
public:
    explicit TextProperty(std::function<std::string(Key)> text) : text_(std::move(text)) {}
    boost::any get(const boost::any& key) override { return text_(boost::any_cast<Key>(key)); }
    std::string get_string(const boost::any& key) override { return xml_chars(text_(boost::any_cast<Key>(key))); }
    void put(const boost::any&, const boost::any&) override { BOOST_THROW_EXCEPTION(boost::dynamic_const_put_error()); }
    const std::type_info& key() const override { return typeid(Key); }
    const std::type_info& value() const override { return typeid(std::string); }

private:
    std::function<std::string(Key)> text_;
};

/// Events whose intervals are equal form one group; groups in (earliest, latest) order.
std::vector<std::vector<std::size_t>> time_groups(const std::vector<Event>& events) {
    std::map<std::pair<Day, Day>, std::vector<std::size_t>> by_interval;
    for (std::size_t i = 0; i < events.size(); ++i)
        if (const auto& iv = events[i].time.interval) by_interval[{iv->earliest, iv->latest}].push_back(i);
    std::vector<std::vector<std::size_t>> groups;
    groups.reserve(by_interval.size());
    for (auto& [key, members] : by_interval) groups.push_back(std::move(members));
    return groups;
}

}  // namespace

StoryGraph::StoryGraph(const Story& story) : impl_(std::make_unique<Impl>()) {
    Impl& im = *impl_;
    im.story = &story;
    // Which entities and documents take part, and how many events each has. The
    // documents of each event are kept as indices into story.documents, one list for all
    // (a list of ids per event was some 80 MB at 100,000 articles).
    std::unordered_map<std::string_view, std::size_t> entity_events;
    std::unordered_map<std::string_view, std::uint32_t> doc_index;  // keys: the Story's document ids
    for (std::size_t d = 0; d < story.documents.size(); ++d) doc_index.emplace(story.documents[d].id, static_cast<std::uint32_t>(d));
    std::vector<std::string> unknown_docs;  // ids the evidence names that no document has
    constexpr std::uint32_t kUnknown = std::uint32_t{1} << 31;  // in event_docs: an index into unknown_docs
    std::vector<std::size_t> doc_events(story.documents.size(), 0);
    std::vector<std::uint32_t> event_docs;  // the documents of event i: [first_doc[i], first_doc[i + 1])
    std::vector<std::size_t> first_doc(story.events.size() + 1, 0);
    for (std::size_t i = 0; i < story.events.size(); ++i) {
        const Event& ev = story.events[i];
        for (const auto* ids : {&ev.actors, &ev.places, &ev.sources})
            for (const EntityId& id : *ids) ++entity_events[id];
        for (std::string& d : reporting_documents(story, ev)) {
            if (const auto it = doc_index.find(d); it != doc_index.end()) {
                event_docs.push_back(it->second);
                ++doc_events[it->second];
            } else {
                event_docs.push_back(kUnknown | static_cast<std::uint32_t>(unknown_docs.size()));
                unknown_docs.push_back(std::move(d));
            }
        }
        first_doc[i + 1] = event_docs.size();
    }
    im.nodes.reserve(story.events.size() + story.entities.size() + story.documents.size());
    im.index.reserve(im.nodes.capacity());

    for (const Event& ev : story.events) {
        GraphNode n;
        n.id = ev.id;
        n.label = ev.label;
        n.kind = NodeKind::Event;
        n.detail = im.compose(describe_time(ev.time));
        n.status = to_string(ev.status);
        if (ev.time.interval) n.day = im.compose(format_day(ev.time.interval->earliest));
        n.weight = story.evidence_count(ev);
        im.add_node(std::move(n));
    }
    for (const Entity& e : story.entities) {
        auto it = entity_events.find(e.id);
        if (it == entity_events.end() || im.index.count(e.id)) continue;
        GraphNode n;
        n.id = e.id;
        n.label = e.name;
        n.kind = node_kind(e.kind);
        n.detail = e.role;
        n.weight = it->second;
        im.add_node(std::move(n));
    }
    for (const DocumentInfo& d : story.documents) {
        if (im.index.count(d.id)) continue;
        GraphNode n;
        n.id = d.id;
        n.label = d.title.empty() ? d.path : d.title;
        n.kind = NodeKind::Document;
        n.detail = d.path;
        if (d.dct) n.day = im.compose(format_day(*d.dct));
        n.weight = doc_events[static_cast<std::size_t>(&d - story.documents.data())];
        im.add_node(std::move(n));
    }

    auto link = [&](std::size_t from, std::string_view to, EdgeKind kind) {
        auto it = im.index.find(to);
        if (it != im.index.end() && it->second != from) im.add_edge(from, it->second, kind);
    };
    for (std::size_t i = 0; i < story.events.size(); ++i) {
        const Event& ev = story.events[i];
        const std::size_t v = im.index.at(ev.id);
        if (v != i) continue;  // a repeated event id: the first one stands
        for (const EntityId& id : ev.actors) link(v, id, EdgeKind::Actor);
        for (const EntityId& id : ev.places) link(v, id, EdgeKind::Place);
        for (const EntityId& id : ev.sources) link(v, id, EdgeKind::Source);
        for (std::size_t k = first_doc[i]; k < first_doc[i + 1]; ++k) {
            const std::uint32_t d = event_docs[k];
            link(v, d & kUnknown ? std::string_view(unknown_docs[d & ~kUnknown]) : story.documents[d].id, EdgeKind::ReportedBy);
        }
    }

    // Before edges between consecutive time groups. A complete bipartite link between two
    // large groups would be quadratic: past a small product, chain them instead (every
    // earlier event to the first later one, the last earlier one to every later one).
    const auto groups = time_groups(story.events);
    for (std::size_t k = 0; k + 1 < groups.size(); ++k) {
        const auto& a = groups[k];
        const auto& b = groups[k + 1];
        if (a.size() * b.size() <= std::max<std::size_t>(64, a.size() + b.size())) {
            for (std::size_t x : a)
                for (std::size_t y : b) im.add_edge(x, y, EdgeKind::Before);
        } else {
            for (std::size_t x : a) im.add_edge(x, b.front(), EdgeKind::Before);
            for (std::size_t j = 1; j < b.size(); ++j) im.add_edge(a.back(), b[j], EdgeKind::Before);
        }
    }
    release(im.index);
}

StoryGraph::~StoryGraph() = default;
StoryGraph::StoryGraph(StoryGraph&&) noexcept = default;

const std::vector<GraphNode>& StoryGraph::nodes() const { return impl_->nodes; }
const std::vector<GraphEdge>& StoryGraph::edges() const { return impl_->edges; }

std::size_t StoryGraph::find(std::string_view id) const {
    const auto& nodes = impl_->nodes;
    return static_cast<std::size_t>(
        std::find_if(nodes.begin(), nodes.end(), [&](const GraphNode& n) { return n.id == id; }) - nodes.begin());
}

void StoryGraph::write_graphml(std::ostream& out) const {
    const auto& nodes = impl_->nodes;
    const auto& edges = impl_->edges;
    // The edges by source, in their order within a source: the order in which an adjacency
    // list made by adding them one by one lists them (and GraphML writers so far wrote).
    std::vector<std::uint32_t> by_source(edges.size());
    std::iota(by_source.begin(), by_source.end(), std::uint32_t{0});
    std::stable_sort(by_source.begin(), by_source.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return edges[a].source < edges[b].source; });
    const auto ends = [&edges](std::uint32_t i) { return std::pair<std::uint32_t, std::uint32_t>(edges[i].source, edges[i].target); };
    const BoostGraph g(boost::edges_are_sorted, boost::make_transform_iterator(by_source.begin(), ends),
                       boost::make_transform_iterator(by_source.end(), ends), by_source.begin(),
                       static_cast<std::uint32_t>(nodes.size()), static_cast<std::uint32_t>(edges.size()));
    std::vector<std::uint32_t>().swap(by_source);
    using V = BoostGraph::vertex_descriptor;
    using E = BoostGraph::edge_descriptor;
    boost::dynamic_properties dp(boost::ignore_other_properties);
    auto vprop = [&](const char* name, auto get) {
        dp.insert(name, boost::make_shared<TextProperty<V>>([&nodes, get](V v) { return get(nodes[v]); }));
    };
    vprop("id", [](const GraphNode& n) { return std::string(n.id); });
    vprop("label", [](const GraphNode& n) { return std::string(n.label); });
    vprop("kind", [](const GraphNode& n) { return std::string(to_string(n.kind)); });
    vprop("detail", [](const GraphNode& n) { return std::string(n.detail); });
    vprop("status", [](const GraphNode& n) { return std::string(n.status); });
    vprop("day", [](const GraphNode& n) { return std::string(n.day); });
    vprop("weight", [](const GraphNode& n) { return std::to_string(n.weight); });
    dp.insert("kind", boost::make_shared<TextProperty<E>>([&g, &edges](E e) { return std::string(to_string(edges[g[e]].kind)); }));
    // Vertices are named by their index (n0, n1...), as in nodes().
    boost::write_graphml(out, g, dp, true);
}

std::string StoryGraph::note(std::size_t node) const {
    const Impl& im = *impl_;
    if (node >= im.story->events.size() || im.nodes[node].kind != NodeKind::Event) return {};
    const EvidenceList first = im.story->evidence(im.story->events[node], 1);
    return first.empty() ? std::string() : first.front().sentence.str();
}

std::vector<std::string> reporting_documents(const Story& story, const Event& ev) {
    std::vector<std::string> docs;
    std::vector<DocId> ms = story.evidence_documents(ev);
    if (ms.size() <= 16) {
        for (DocId& d : ms)
            if (std::find(docs.begin(), docs.end(), d) == docs.end()) docs.push_back(std::move(d));
        return docs;
    }
    // Many mentions: sort them by document, keep each document's first, back in mention order.
    std::vector<std::size_t> order(ms.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return ms[a] < ms[b]; });
    std::vector<std::size_t> firsts;
    for (std::size_t k = 0; k < order.size(); ++k)
        if (k == 0 || ms[order[k]] != ms[order[k - 1]]) firsts.push_back(order[k]);
    std::sort(firsts.begin(), firsts.end());
    docs.reserve(firsts.size());
    for (std::size_t i : firsts) docs.push_back(std::move(ms[i]));
    return docs;
}

const char* to_string(NodeKind k) {
    switch (k) {
        case NodeKind::Event: return "event";
        case NodeKind::Person: return "person";
        case NodeKind::Organization: return "organization";
        case NodeKind::Country: return "country";
        case NodeKind::Place: return "place";
        case NodeKind::Product: return "product";
        case NodeKind::Document: return "document";
    }
    return "event";
}

const char* to_string(EdgeKind k) {
    switch (k) {
        case EdgeKind::Actor: return "actor";
        case EdgeKind::Place: return "place";
        case EdgeKind::ReportedBy: return "reported-by";
        case EdgeKind::Source: return "source";
        case EdgeKind::Before: return "before";
    }
    return "actor";
}

}  // namespace chronograph
