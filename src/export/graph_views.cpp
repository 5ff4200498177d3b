// graph.dot (cgraph) and graph.svg (gvc, in-process): the actor-event-place graph as a
// picture. Events stand in time columns (a date header per column, rank=same), the actors,
// places and documents linked to them around; shapes and colours per kind, edges coloured
// and labelled by role, a legend in the graph label. `dot` takes seconds past ~150 nodes
// and hours past a few thousand: bigger graphs are pictured as a summary (graph.svg) and
// written whole with layout=sfdp (graph.dot).
#include "chronograph/exporters.hpp"

#include "escape.hpp"
#include "graphviz_disc.hpp"
#include "graphviz_session.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <numeric>
#include <stdexcept>

namespace chronograph {
namespace {

using views::set_attr;
using views::thousands;

constexpr std::size_t kFullLayoutLimit = 150;   // graph.dot: nodes `dot` lays out in about a second
constexpr std::size_t kPictureNodeLimit = 80;   // graph.svg: past this many nodes or edges the
constexpr std::size_t kPictureEdgeLimit = 240;  // whole graph is a hairball: draw a summary
constexpr std::size_t kSummaryEvents = 30;
constexpr std::size_t kSummaryEntities = 22;
constexpr std::size_t kMaxColumns = 18;
constexpr std::size_t kCurvedEdgeLimit = 200;  // time columns before days are merged into months, years...
constexpr const char* kFont = "DejaVu Sans,Arial,Helvetica,sans-serif";

struct KindStyle {
    const char* shape;
    const char* fill;
    const char* line;
    const char* name;
};

KindStyle kind_style(NodeKind k) {
    switch (k) {
        case NodeKind::Event: return {"box", "#FFF1CC", "#B7791F", "event"};
        case NodeKind::Person: return {"ellipse", "#DBEAFE", "#1D4ED8", "person"};
        case NodeKind::Organization: return {"hexagon", "#E0F2E9", "#15803D", "organization"};
        case NodeKind::Country: return {"octagon", "#FCE7F3", "#BE185D", "country"};
        case NodeKind::Place: return {"cds", "#EDE9FE", "#6D28D9", "place"};
        case NodeKind::Product: return {"component", "#F1F5F9", "#475569", "thing"};
        case NodeKind::Document: return {"note", "#FFFFFF", "#6B7280", "document"};
    }
    return {"box", "#FFFFFF", "#000000", "?"};
}

struct EdgeStyle {
    const char* color;
    const char* style;
    const char* label;
};

EdgeStyle edge_style(EdgeKind k) {
    switch (k) {
        case EdgeKind::Actor: return {"#1D4ED8", "solid", "actor"};
        case EdgeKind::Place: return {"#6D28D9", "solid", "place"};
        case EdgeKind::Source: return {"#15803D", "dashed", "source"};
        case EdgeKind::ReportedBy: return {"#9CA3AF", "dotted", "reported by"};
        case EdgeKind::Before: return {"#B7791F", "bold", "before"};
    }
    return {"#000000", "solid", ""};
}

/// The nodes to draw: all of them, or for a big graph the most-reported events and the
/// entities most linked to them (documents left out).
struct Selection {
    std::vector<bool> keep;
    bool summary = false;
    std::size_t events = 0, entities = 0, documents = 0;          // shown
    std::size_t all_events = 0, all_entities = 0, all_documents = 0;  // in the graph
};

Selection select_nodes(const StoryGraph& graph, bool summarize) {
    const auto& nodes = graph.nodes();
    Selection sel;
    sel.keep.assign(nodes.size(), !summarize);
    for (const GraphNode& n : nodes) {
        if (n.kind == NodeKind::Event) ++sel.all_events;
        else if (n.kind == NodeKind::Document) ++sel.all_documents;
        else ++sel.all_entities;
    }
    sel.summary = summarize;
    if (summarize) {
        std::vector<std::size_t> degree(nodes.size(), 0);
        for (const GraphEdge& e : graph.edges())
            if (e.kind != EdgeKind::Before) ++degree[e.source];
        // The most reported first; among equals the most connected, then the most recent.
        auto top = [&](std::vector<std::size_t> pool, std::size_t n) {
            std::stable_sort(pool.begin(), pool.end(), [&](std::size_t a, std::size_t b) {
                if (nodes[a].weight != nodes[b].weight) return nodes[a].weight > nodes[b].weight;
                if (degree[a] != degree[b]) return degree[a] > degree[b];
                return nodes[a].day > nodes[b].day;
            });
            if (pool.size() > n) pool.resize(n);
            for (std::size_t i : pool) sel.keep[i] = true;
        };
        std::vector<std::size_t> events;
        for (std::size_t i = 0; i < nodes.size(); ++i)
            if (nodes[i].kind == NodeKind::Event) events.push_back(i);
        top(events, kSummaryEvents);
        // Entities ranked by how many of the kept events they are linked to.
        std::vector<std::size_t> links(nodes.size(), 0);
        for (const GraphEdge& e : graph.edges())
            if (sel.keep[e.source] && e.kind != EdgeKind::Before && e.kind != EdgeKind::ReportedBy) ++links[e.target];
        std::vector<std::size_t> entities;
        for (std::size_t i = 0; i < nodes.size(); ++i)
            if (links[i] > 0 && nodes[i].kind != NodeKind::Event && nodes[i].kind != NodeKind::Document) entities.push_back(i);
        std::stable_sort(entities.begin(), entities.end(), [&](std::size_t a, std::size_t b) { return links[a] > links[b]; });
        if (entities.size() > kSummaryEntities) entities.resize(kSummaryEntities);
        for (std::size_t i : entities) sel.keep[i] = true;
    }
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (!sel.keep[i]) continue;
        if (nodes[i].kind == NodeKind::Event) ++sel.events;
        else if (nodes[i].kind == NodeKind::Document) ++sel.documents;
        else ++sel.entities;
    }
    return sel;
}

/// The graph label: title, what is shown, and the legend (an HTML-like table; only our
/// own words and numbers go in it, never article text).
std::string legend_label(const Selection& sel, bool big) {
    std::string caption;
    if (sel.summary) {
        caption = "Summary: the " + thousands(sel.events) + " most-reported of " + thousands(sel.all_events) + " events and the " +
                  thousands(sel.entities) + " actors and places most linked to them (of " + thousands(sel.all_entities) +
                  "); documents left out. The whole graph is in graph.dot and graph.graphml.";
    } else {
        caption = thousands(sel.events) + " events, " + thousands(sel.entities) + " actors, places and things, " +
                  thousands(sel.documents) + " documents. Events stand in time order, left to right.";
        if (big) caption += " (laid out with sfdp)";
    }
    std::string t = "<table border=\"0\" cellborder=\"0\" cellspacing=\"2\" cellpadding=\"2\">";
    t += "<tr><td align=\"left\"><font point-size=\"18\"><b>Who, what, where and who said so</b></font></td></tr>";
    t += "<tr><td align=\"left\"><font point-size=\"11\" color=\"#374151\">" + caption + "</font></td></tr>";
    t += "<tr><td align=\"left\"><table border=\"0\" cellborder=\"1\" cellspacing=\"4\" cellpadding=\"3\"><tr>";
    for (NodeKind k : {NodeKind::Event, NodeKind::Person, NodeKind::Organization, NodeKind::Country, NodeKind::Place, NodeKind::Product, NodeKind::Document}) {
        const KindStyle s = kind_style(k);
        t += std::string("<td bgcolor=\"") + s.fill + "\" color=\"" + s.line + "\"><font point-size=\"10\">" + s.name + "</font></td>";
    }
    t += "<td border=\"0\"> </td>";
    for (EdgeKind k : {EdgeKind::Actor, EdgeKind::Place, EdgeKind::Source, EdgeKind::ReportedBy, EdgeKind::Before}) {
        const EdgeStyle s = edge_style(k);
        t += std::string("<td border=\"0\"><font point-size=\"10\" color=\"") + s.color + "\">\xE2\x94\x80\xE2\x94\x80\xE2\x96\xB6 " + s.label + "</font></td>";
    }
    t += "<td border=\"0\"><font point-size=\"10\" color=\"#6B7280\">dashed box: planned or expected</font></td>";
    t += "</tr></table></td></tr></table>";
    return t;
}

std::string sanitized_id(std::string_view id) {
    std::string out;
    for (char c : id)
        out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
    return out;
}

std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& l : lines) {
        if (!out.empty()) out += "\\n";
        out += views::dot_label(l);
    }
    return out;
}

/// Closes a cgraph graph when it goes out of scope.
using GraphHandle = std::unique_ptr<Agraph_t, int (*)(Agraph_t*)>;

/// A new graph with the settings every view shares: layout hints, title and legend, the
/// node and edge defaults. Call with the Graphviz mutex held.
GraphHandle open_agraph(const Selection& sel, bool sfdp, std::size_t drawn_edges, bool arena = false) {
    GraphHandle handle(agopen(const_cast<char*>("chronograph"), Agdirected, views::deterministic_disc(arena)), agclose);
    Agraph_t* g = handle.get();
    if (!g) throw std::runtime_error("Graphviz: cannot create a graph");
    // The first layout in a process declares the node label default on cgraph's global
    // prototype; declaring it on every graph makes the DOT the same before and after.
    agattr(g, AGNODE, const_cast<char*>("label"), const_cast<char*>("\\N"));
    auto gset = [&](const char* name, const std::string& value) { set_attr(g, name, value); };
    gset("rankdir", "LR");
    gset("fontname", kFont);
    gset("labelloc", "t");
    gset("labeljust", "l");
    gset("nodesep", "0.18");
    gset("ranksep", "0.45");
    gset("newrank", "true");
    // Curved edges read best (obstacle-avoiding splines loop around hubs) but their routing
    // grows steeply with the edge count (328 edges: 1 s; 560: minutes): straight lines past that.
    gset("splines", drawn_edges <= kCurvedEdgeLimit ? "curved" : "line");
    gset("outputorder", "edgesfirst");
    gset("bgcolor", "white");
    gset("pad", "0.3");
    if (sfdp) {
        gset("layout", "sfdp");
        gset("overlap", "false");
    }
    {
        char* html = agstrdup_html(g, const_cast<char*>(legend_label(sel, sfdp).c_str()));
        agsafeset(g, const_cast<char*>("label"), html, const_cast<char*>(""));
        agstrfree(g, html);
    }
    agattr(g, AGNODE, const_cast<char*>("fontname"), const_cast<char*>(kFont));
    agattr(g, AGNODE, const_cast<char*>("fontsize"), const_cast<char*>("10"));
    agattr(g, AGNODE, const_cast<char*>("penwidth"), const_cast<char*>("1.2"));
    agattr(g, AGEDGE, const_cast<char*>("fontname"), const_cast<char*>(kFont));
    agattr(g, AGEDGE, const_cast<char*>("fontsize"), const_cast<char*>("7"));
    agattr(g, AGEDGE, const_cast<char*>("arrowsize"), const_cast<char*>("0.6"));
    return handle;
}

std::size_t drawn_edge_count(const StoryGraph& graph, const Selection& sel) {
    std::size_t drawn = 0;
    for (const GraphEdge& e : graph.edges()) drawn += sel.keep[e.source] && sel.keep[e.target];
    return drawn;
}

/// How nodes look: shape and colours by kind, the label wrapped, the evidence as tooltip.
class NodeStyler {
public:
    NodeStyler(Agraph_t* g, const StoryGraph& graph)
        : graph_(graph), id_(g, AGNODE, "id"), shape_(g, AGNODE, "shape"), fill_(g, AGNODE, "fillcolor"), color_(g, AGNODE, "color"), style_(g, AGNODE, "style"),
          label_(g, AGNODE, "label"), tooltip_(g, AGNODE, "tooltip"), margin_(g, AGNODE, "margin"), fontsize_(g, AGNODE, "fontsize"),
          penwidth_(g, AGNODE, "penwidth"), fontcolor_(g, AGNODE, "fontcolor") {}

    /// Node `i` of the graph, drawn as `v`.
    void style(Agnode_t* v, std::size_t i) {
        const GraphNode& n = graph_.nodes()[i];
        const KindStyle ks = kind_style(n.kind);
        id_.set(v, "node_" + sanitized_id(n.id));
        shape_.set(v, ks.shape);
        fill_.set(v, ks.fill);
        color_.set(v, ks.line);
        const bool planned = n.status == "planned" || n.status == "expected" || n.status == "hypothetical";
        style_.set(v, n.kind != NodeKind::Event ? "filled" : planned ? "filled,rounded,dashed" : "filled,rounded");
        if (n.kind == NodeKind::Event) {
            text_ = join_lines(views::wrap_text(n.label, 10, 150, 3));
            text_ += "\\n";
            text_ += views::dot_label(planned ? std::string(n.detail) + " (" + std::string(n.status) + ")" : std::string(n.detail));
            label_.set(v, text_);
            const std::string note = graph_.note(i);
            tooltip_.set(v, views::dot_tooltip(note.empty() ? n.label : note));
            margin_.set(v, "0.08,0.04");
        } else if (n.kind == NodeKind::Document) {
            label_.set(v, join_lines(views::wrap_text(n.label, 9, 130, 2)));
            fontsize_.set(v, "9");
            tooltip_.set(v, views::dot_tooltip(n.detail));
        } else {
            label_.set(v, join_lines(views::wrap_text(n.label, 10, 130, 2)));
            tooltip_.set(v, views::dot_tooltip(n.detail.empty() ? std::string(n.label) : std::string(n.detail) + " " + std::string(n.label)));
            if (n.weight >= 4) penwidth_.set(v, "2.2");
        }
    }

    /// A time column's date header.
    void style_column_head(Agnode_t* v, const std::string& caption) {
        label_.set(v, views::dot_label(caption));
        shape_.set(v, "plaintext");
        fontsize_.set(v, "11");
        fontcolor_.set(v, "#92400E");
        style_.set(v, "");
    }

private:
    const StoryGraph& graph_;
    views::Attr id_, shape_, fill_, color_, style_, label_, tooltip_, margin_, fontsize_, penwidth_, fontcolor_;
    std::string text_;
};

/// How edges look: colour, line style and label by kind.
class EdgeStyler {
public:
    explicit EdgeStyler(Agraph_t* g)
        : color_(g, AGEDGE, "color"), fontcolor_(g, AGEDGE, "fontcolor"), style_(g, AGEDGE, "style"), dir_(g, AGEDGE, "dir"),
          penwidth_(g, AGEDGE, "penwidth"), xlabel_(g, AGEDGE, "xlabel"), constraint_(g, AGEDGE, "constraint"), weight_(g, AGEDGE, "weight") {}

    /// `pinned`: both ends stand in time columns; `backwards`: the edge was made head to tail.
    void style(Agedge_t* ae, EdgeKind kind, bool pinned = false, bool backwards = false) {
        const EdgeStyle es = edge_style(kind);
        const bool before = kind == EdgeKind::Before;
        color_.set(ae, before ? "#D6A756" : es.color);
        fontcolor_.set(ae, es.color);
        style_.set(ae, es.style);
        if (backwards) dir_.set(ae, "back");
        if (before) {
            penwidth_.set(ae, "1.5");
        } else {
            // xlabel, not label: Graphviz 2.42 double-frees the layout of labelled edges
            // that have constraint=false (and xlabels keep the ranks compact).
            xlabel_.set(ae, es.label);
            if (pinned) constraint_.set(ae, "false");
        }
    }

    /// The invisible edge that keeps time columns in order.
    void style_column_link(Agedge_t* ae) {
        style_.set(ae, "invis");
        weight_.set(ae, "10");
    }

private:
    views::Attr color_, fontcolor_, style_, dir_, penwidth_, xlabel_, constraint_, weight_;
};

Agnode_t* make_node(Agraph_t* g, std::size_t i) { return agnode(g, const_cast<char*>(("n" + std::to_string(i)).c_str()), 1); }

/// Builds the cgraph graph of the selected nodes, to be laid out by `dot` in time columns.
/// Call with the Graphviz mutex held.
GraphHandle build_agraph(const StoryGraph& graph, const Selection& sel) {
    const auto& nodes = graph.nodes();
    GraphHandle handle = open_agraph(sel, false, drawn_edge_count(graph, sel));
    Agraph_t* g = handle.get();
    NodeStyler node_styler(g, graph);
    EdgeStyler edge_styler(g);

    std::vector<std::pair<std::string, std::size_t>> timed;  // (day, node) of dated events and documents
    std::vector<Agnode_t*> agnodes(nodes.size(), nullptr);
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (!sel.keep[i]) continue;
        const GraphNode& n = nodes[i];
        agnodes[i] = make_node(g, i);
        node_styler.style(agnodes[i], i);
        if ((n.kind == NodeKind::Event || n.kind == NodeKind::Document) && !n.day.empty()) timed.emplace_back(n.day, i);
    }
    // Time columns: one per day, or when that makes too many, runs of consecutive days
    // holding about the same number of nodes each. Keyed by first day. Undated events stand
    // in no column: dot puts them next to what they are linked to.
    std::map<std::string, std::vector<std::size_t>> columns;
    std::map<std::string, std::string> column_last;  // key -> last day in the column
    {
        std::map<std::string, std::vector<std::size_t>> by_day;
        for (const auto& [day, i] : timed) by_day[day].push_back(i);
        const std::size_t target = by_day.size() <= kMaxColumns ? 0 : (timed.size() + kMaxColumns - 1) / kMaxColumns;
        std::string key;
        for (auto& [day, members] : by_day) {
            if (key.empty() || columns[key].size() >= target) key = day;
            auto& column = columns[key];
            column.insert(column.end(), members.begin(), members.end());
            column_last[key] = day;
        }
    }
    // Entities and undated documents join the column of their median event, so their
    // edges fan out both ways instead of all running back to their first event.
    std::vector<std::size_t> column_of(nodes.size(), SIZE_MAX);
    {
        std::size_t k = 0;
        for (const auto& [day, members] : columns) {
            for (std::size_t i : members) column_of[i] = k;
            ++k;
        }
        std::vector<std::vector<std::size_t>> linked(nodes.size());
        for (const GraphEdge& e : graph.edges())
            if (e.kind != EdgeKind::Before && agnodes[e.source] && agnodes[e.target] && column_of[e.target] == SIZE_MAX &&
                column_of[e.source] != SIZE_MAX)
                linked[e.target].push_back(column_of[e.source]);
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (linked[i].empty()) continue;
            std::sort(linked[i].begin(), linked[i].end());
            column_of[i] = linked[i][(linked[i].size() - 1) / 2];
        }
    }
    {
        std::vector<std::vector<std::size_t>> members_of(columns.size());
        for (std::size_t i = 0; i < nodes.size(); ++i)
            if (agnodes[i] && column_of[i] != SIZE_MAX) members_of[column_of[i]].push_back(i);
        Agnode_t* previous = nullptr;
        std::size_t k = 0;
        for (const auto& [day, dated] : columns) {
            Agraph_t* rank = agsubg(g, const_cast<char*>(("time" + std::to_string(k)).c_str()), 1);
            set_attr(rank, "rank", "same");
            Agnode_t* head = agnode(rank, const_cast<char*>(("t" + std::to_string(k)).c_str()), 1);
            // The column's events' own wording of their date when they share it ("mid-2026"),
            // else the column's day, month, year or decade.
            std::string caption;
            for (std::size_t i : dated) {
                if (nodes[i].kind != NodeKind::Event) continue;
                if (caption.empty()) caption = nodes[i].detail;
                else if (caption != nodes[i].detail) caption = "-";
            }
            if (caption.empty() || caption == "-") {
                const std::string& last = column_last[day];
                caption = describe_time(TimeValue{day, "", std::nullopt});
                if (last != day) {
                    const std::size_t width = day.substr(0, 7) == last.substr(0, 7) ? 10 : day.substr(0, 4) == last.substr(0, 4) ? 7 : 4;
                    caption = describe_time(TimeValue{day.substr(0, width), "", std::nullopt}) + " \xE2\x80\x93 " + describe_time(TimeValue{last.substr(0, width), "", std::nullopt});
                }
            }
            node_styler.style_column_head(head, caption);
            for (std::size_t i : members_of[k]) agsubnode(rank, agnodes[i], 1);
            if (previous) {
                edge_styler.style_column_link(agedge(g, previous, head, nullptr, 1));
            }
            previous = head;
            ++k;
        }
    }

    // The columns alone set the ranks. An edge pointing back in time is written the other
    // way round with dir=back, so dot routes it as a forward edge instead of a loop.
    for (const GraphEdge& e : graph.edges()) {
        if (!agnodes[e.source] || !agnodes[e.target]) continue;
        // Both ends in time columns: the columns set the ranks. Otherwise the edge pulls
        // its free end (an undated event, an entity of undated events) into place.
        const bool pinned = column_of[e.source] != SIZE_MAX && column_of[e.target] != SIZE_MAX;
        const bool backwards = pinned && column_of[e.target] < column_of[e.source];
        Agedge_t* ae = backwards ? agedge(g, agnodes[e.target], agnodes[e.source], nullptr, 1)
                                 : agedge(g, agnodes[e.source], agnodes[e.target], nullptr, 1);
        edge_styler.style(ae, e.kind, pinned, backwards);
    }
    return handle;
}

/// What agwrite writes of `g` (opened with views::deterministic_disc()).
std::string dot_text(Agraph_t* g) {
    views::DotSink sink;
    views::write_dot(g, sink);
    return sink.take();
}

/// The text agwrite writes of `g` before its nodes and edges (all of it but the final "}\n").
std::string dot_head(Agraph_t* g) {
    std::string text = dot_text(g);
    if (text.size() < 2 || text.compare(text.size() - 2, 2, "}\n") != 0) throw std::runtime_error("Graphviz: unexpected DOT text");
    text.resize(text.size() - 2);
    return text;
}

/// A graph for a slice of a big graph's DOT, of which only the nodes and edges are kept:
/// it declares just the attributes they carry, each with an empty default (cgraph interns
/// every declared attribute's default for each new object: the whole graph's header
/// defaults cost edges three more lookups in its string pool each, for nothing). agwrite
/// writes an attribute of an object when it is not the default, and no node or edge is
/// given the header's default values (a document's fontsize is 9, the header's 10; a
/// node's penwidth 2.2, the header's 1.2), so the nodes and edges are written with the
/// same bytes. The label's default stays \N: an empty label must be written as such.
GraphHandle open_slice_agraph() {
    GraphHandle handle(agopen(const_cast<char*>("chronograph"), Agdirected, views::deterministic_disc(true)), agclose);
    if (!handle) throw std::runtime_error("Graphviz: cannot create a graph");
    agattr(handle.get(), AGNODE, const_cast<char*>("label"), const_cast<char*>("\\N"));
    return handle;
}

/// graph.dot of a big graph (sfdp, no columns), written a slice at a time so that only a
/// slice is ever in cgraph's memory. A slice is a cgraph graph of the edges out of a run
/// of nodes. agwrite writes a node at its own place, or just before the first edge from
/// its first predecessor when that comes earlier, and every edge after its tail: so each
/// node is styled in the one slice where it is written (bare elsewhere, which agwrite does
/// not write), and the slices' bodies, in order, are exactly what agwrite writes of the
/// whole graph. Call with the Graphviz mutex held.
void write_sliced_dot(const StoryGraph& graph, const Selection& sel, views::DotSink& sink) {
    constexpr std::size_t kSliceEdges = 50000;  // about 25 MB of cgraph memory
    const auto& nodes = graph.nodes();
    const auto& edges = graph.edges();
    sink.append(dot_head(open_agraph(sel, true, drawn_edge_count(graph, sel), true).get()));
    const std::string slice_head = dot_head(open_slice_agraph().get());

    // (Indices of 32 bits: 100,000 articles make 4.6M edges, and these lists are held
    // beside the graph, the story and the other files' writers.)
    if (edges.size() >= std::numeric_limits<std::uint32_t>::max()) throw std::runtime_error("graph.dot: more edges than it can index");
    // Where each node is written: the first of itself and its predecessors.
    std::vector<std::uint32_t> written_at(nodes.size());
    std::iota(written_at.begin(), written_at.end(), std::uint32_t{0});
    // Edges by tail, in edge order.
    std::vector<std::uint32_t> first_out(nodes.size() + 1, 0), out_edges(edges.size());
    for (const GraphEdge& e : edges) {
        written_at[e.target] = std::min(written_at[e.target], e.source);
        ++first_out[e.source + 1];
    }
    std::partial_sum(first_out.begin(), first_out.end(), first_out.begin());
    {
        std::vector<std::uint32_t> fill(first_out.begin(), first_out.end() - 1);
        for (std::size_t k = 0; k < edges.size(); ++k) out_edges[fill[edges[k].source]++] = static_cast<std::uint32_t>(k);
    }

    std::vector<Agnode_t*> agnodes(nodes.size(), nullptr);
    std::vector<std::size_t> members;
    std::vector<bool> member(nodes.size(), false);
    views::DotSink slice_text;
    for (std::size_t a = 0, b = 0; a < nodes.size(); a = b) {
        for (b = a + 1; b < nodes.size() && first_out[b + 1] - first_out[a] <= kSliceEdges; ++b) {}
        auto here = [&](std::size_t i) { return written_at[i] >= a && written_at[i] < b; };
        // The slice's nodes, in index order (marked, then collected: no sort of every edge end).
        std::size_t lowest = a, highest = a;
        auto mark = [&](std::size_t i) {
            member[i] = true;
            lowest = std::min(lowest, i);
            highest = std::max(highest, i + 1);
        };
        for (std::size_t i = a; i < b; ++i) {
            if (here(i) || first_out[i + 1] > first_out[i]) mark(i);
            for (std::size_t k = first_out[i]; k < first_out[i + 1]; ++k) mark(edges[out_edges[k]].target);
        }
        members.clear();
        for (std::size_t i = lowest; i < highest; ++i)
            if (member[i]) {
                members.push_back(i);
                member[i] = false;
            }

        GraphHandle handle = open_slice_agraph();
        Agraph_t* g = handle.get();
        NodeStyler node_styler(g, graph);
        EdgeStyler edge_styler(g);
        for (std::size_t i : members) {
            agnodes[i] = make_node(g, i);
            if (here(i)) node_styler.style(agnodes[i], i);
        }
        for (std::size_t i = a; i < b; ++i)
            for (std::size_t k = first_out[i]; k < first_out[i + 1]; ++k) {
                const GraphEdge& e = edges[out_edges[k]];
                edge_styler.style(agedge(g, agnodes[e.source], agnodes[e.target], nullptr, 1), e.kind);
            }
        for (std::size_t i : members) agnodes[i] = nullptr;
        slice_text.clear();
        views::write_dot(g, slice_text);
        const std::string_view text = slice_text.view();
        if (text.size() < slice_head.size() + 2 || text.compare(0, slice_head.size(), slice_head) != 0)
            throw std::runtime_error("Graphviz: a slice of the graph has another header");
        sink.append(text.substr(slice_head.size(), text.size() - slice_head.size() - 2));
        sink.flush();
    }
    sink.append("}\n");
    sink.flush();
}

std::string render_svg(Agraph_t* g, const char* engine) {
    GVC_t* gvc = views::graphviz_context();
    if (gvLayout(gvc, g, engine) != 0) throw std::runtime_error(std::string("Graphviz: layout with ") + engine + " failed");
    char* data = nullptr;
    unsigned int length = 0;
    const int rc = gvRenderData(gvc, g, "svg", &data, &length);
    std::string svg = rc == 0 && data ? std::string(data, length) : std::string();
    if (data) gvFreeRenderData(data);
    gvFreeLayout(gvc, g);
    if (rc != 0) throw std::runtime_error("Graphviz: SVG rendering failed");
    return svg;
}

}  // namespace

namespace {

void write_dot(const StoryGraph& graph, views::DotSink& sink) {
    const bool big = graph.nodes().size() > kFullLayoutLimit;
    const Selection sel = select_nodes(graph, false);
    std::lock_guard lock(views::graphviz_mutex());
    if (big) {
        write_sliced_dot(graph, sel, sink);
    } else {
        views::write_dot(build_agraph(graph, sel).get(), sink);
    }
}

}  // namespace

std::string graph_dot(const StoryGraph& graph) {
    views::DotSink sink;
    write_dot(graph, sink);
    return sink.take();
}

void write_graph_dot(const StoryGraph& graph, std::ostream& out) {
    views::DotSink sink(&out);
    write_dot(graph, sink);
}

std::string graph_svg(const StoryGraph& graph) {
    const bool crowded = graph.nodes().size() > kPictureNodeLimit || graph.edges().size() > kPictureEdgeLimit;
    const Selection sel = select_nodes(graph, crowded);
    std::lock_guard lock(views::graphviz_mutex());
    views::graphviz_context();
    return render_svg(build_agraph(graph, sel).get(), "dot");
}

}  // namespace chronograph
