// graph.dot (cgraph) and graph.svg (gvc, in-process): the actor-event-place graph as a
// picture. Events stand in time columns (a date header per column, rank=same), the actors,
// places and documents linked to them around; shapes and colours per kind, edges coloured
// and labelled by role, a legend in the graph label. `dot` takes seconds past ~150 nodes
// and hours past a few thousand: bigger graphs are pictured as a summary (graph.svg) and
// written whole with layout=sfdp (graph.dot).
#include "chronograph/exporters.hpp"

#include "escape.hpp"
#include "graphviz_ids.hpp"
#include "graphviz_session.hpp"

#include <algorithm>
#include <cctype>
#include <map>
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

std::string sanitized_id(const std::string& id) {
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

/// Builds the cgraph graph of the selected nodes. Call with the Graphviz mutex held;
/// the caller closes it.
Agraph_t* build_agraph(const StoryGraph& graph, const Selection& sel, bool sfdp) {
    const auto& nodes = graph.nodes();
    Agraph_t* g = agopen(const_cast<char*>("chronograph"), Agdirected, views::deterministic_disc());
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
    std::size_t drawn_edges = 0;
    for (const GraphEdge& e : graph.edges()) drawn_edges += sel.keep[e.source] && sel.keep[e.target];
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

    // Node and edge attributes, looked up once (see views::Attr).
    auto node_attr = [&](const char* name) { return views::Attr(g, AGNODE, name); };
    auto edge_attr = [&](const char* name) { return views::Attr(g, AGEDGE, name); };
    views::Attr n_id = node_attr("id"), n_shape = node_attr("shape"), n_fill = node_attr("fillcolor"), n_color = node_attr("color"),
                n_style = node_attr("style"), n_label = node_attr("label"), n_tooltip = node_attr("tooltip"), n_margin = node_attr("margin"),
                n_fontsize = node_attr("fontsize"), n_penwidth = node_attr("penwidth"), n_fontcolor = node_attr("fontcolor");
    views::Attr e_color = edge_attr("color"), e_fontcolor = edge_attr("fontcolor"), e_style = edge_attr("style"), e_dir = edge_attr("dir"),
                e_penwidth = edge_attr("penwidth"), e_xlabel = edge_attr("xlabel"), e_constraint = edge_attr("constraint"),
                e_weight = edge_attr("weight");

    std::vector<std::pair<std::string, std::size_t>> timed;  // (day, node) of dated events and documents
    std::vector<Agnode_t*> agnodes(nodes.size(), nullptr);
    std::string label;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (!sel.keep[i]) continue;
        const GraphNode& n = nodes[i];
        Agnode_t* v = agnode(g, const_cast<char*>(("n" + std::to_string(i)).c_str()), 1);
        agnodes[i] = v;
        const KindStyle ks = kind_style(n.kind);
        n_id.set(v, "node_" + sanitized_id(n.id));
        n_shape.set(v, ks.shape);
        n_fill.set(v, ks.fill);
        n_color.set(v, ks.line);
        const bool planned = n.status == "planned" || n.status == "expected" || n.status == "hypothetical";
        n_style.set(v, n.kind != NodeKind::Event ? "filled" : planned ? "filled,rounded,dashed" : "filled,rounded");
        if (n.kind == NodeKind::Event) {
            label = join_lines(views::wrap_text(n.label, 10, 150, 3));
            label += "\\n";
            label += views::dot_label(planned ? n.detail + " (" + n.status + ")" : n.detail);
            n_label.set(v, label);
            n_tooltip.set(v, views::dot_tooltip(n.note.empty() ? n.label : n.note));
            n_margin.set(v, "0.08,0.04");
            if (!n.day.empty()) timed.emplace_back(n.day, i);
        } else if (n.kind == NodeKind::Document) {
            n_label.set(v, join_lines(views::wrap_text(n.label, 9, 130, 2)));
            n_fontsize.set(v, "9");
            n_tooltip.set(v, views::dot_tooltip(n.detail));
            if (!n.day.empty()) timed.emplace_back(n.day, i);
        } else {
            n_label.set(v, join_lines(views::wrap_text(n.label, 10, 130, 2)));
            n_tooltip.set(v, views::dot_tooltip(n.detail.empty() ? n.label : n.detail + " " + n.label));
            if (n.weight >= 4) n_penwidth.set(v, "2.2");
        }
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
    if (!sfdp) {
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
            n_label.set(head, views::dot_label(caption));
            n_shape.set(head, "plaintext");
            n_fontsize.set(head, "11");
            n_fontcolor.set(head, "#92400E");
            n_style.set(head, "");
            for (std::size_t i : members_of[k]) agsubnode(rank, agnodes[i], 1);
            if (previous) {
                Agedge_t* e = agedge(g, previous, head, nullptr, 1);
                e_style.set(e, "invis");
                e_weight.set(e, "10");
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
        const bool pinned = !sfdp && column_of[e.source] != SIZE_MAX && column_of[e.target] != SIZE_MAX;
        const bool backwards = pinned && column_of[e.target] < column_of[e.source];
        Agedge_t* ae = backwards ? agedge(g, agnodes[e.target], agnodes[e.source], nullptr, 1)
                                 : agedge(g, agnodes[e.source], agnodes[e.target], nullptr, 1);
        const EdgeStyle es = edge_style(e.kind);
        const bool before = e.kind == EdgeKind::Before;
        e_color.set(ae, before ? "#D6A756" : es.color);
        e_fontcolor.set(ae, es.color);
        e_style.set(ae, es.style);
        if (backwards) e_dir.set(ae, "back");
        if (before) {
            e_penwidth.set(ae, "1.5");
        } else {
            // xlabel, not label: Graphviz 2.42 double-frees the layout of labelled edges
            // that have constraint=false (and xlabels keep the ranks compact).
            e_xlabel.set(ae, es.label);
            if (pinned) e_constraint.set(ae, "false");
        }
    }
    return g;
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
    Agraph_t* g = build_agraph(graph, sel, big);
    try {
        views::write_dot(g, sink);
    } catch (...) {
        agclose(g);
        throw;
    }
    agclose(g);
}

}  // namespace

std::string graph_dot(const StoryGraph& graph) {
    views::DotSink sink;
    write_dot(graph, sink);
    return std::move(sink.text);
}

void write_graph_dot(const StoryGraph& graph, std::ostream& out) {
    views::DotSink sink;
    sink.out = &out;
    write_dot(graph, sink);
}

std::string graph_svg(const StoryGraph& graph) {
    const bool crowded = graph.nodes().size() > kPictureNodeLimit || graph.edges().size() > kPictureEdgeLimit;
    const Selection sel = select_nodes(graph, crowded);
    std::lock_guard lock(views::graphviz_mutex());
    views::graphviz_context();
    Agraph_t* g = build_agraph(graph, sel, false);
    std::string svg;
    try {
        svg = render_svg(g, "dot");
    } catch (...) {
        agclose(g);
        throw;
    }
    agclose(g);
    return svg;
}

}  // namespace chronograph
