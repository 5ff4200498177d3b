// Escaping for every output format, and text measuring without font metrics. Every
// string that comes from an article goes through one of these before it reaches DOT,
// SVG, HTML or JSON.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace chronograph::views {

/// Appends `s` escaped for XML/HTML text and attribute values (& < > " '). Control
/// characters XML forbids become spaces; invalid UTF-8 bytes become U+FFFD.
void append_xml(std::string& out, std::string_view s);
std::string xml(std::string_view s);

/// A Graphviz label: `\` doubled (no \N, \l surprises), `&` as &amp; (Graphviz passes
/// entities through), control characters and line breaks as spaces.
std::string dot_label(std::string_view s);
/// A Graphviz tooltip: as dot_label, and no backslash at all (Graphviz 2.43 mangles them
/// in tooltips even when doubled): U+29F5 stands in for it.
std::string dot_tooltip(std::string_view s);

/// "10,000".
std::string thousands(std::size_t n);

/// Collapses white space runs, drops control characters.
std::string one_line(std::string_view s);

/// Estimated rendered width of UTF-8 text in a sans-serif font (DejaVu Sans, the widest of
/// the usual ones), erring on the wide side: there are no font metrics at export time.
double text_width(std::string_view s, double font_size);
/// `s` cut at a character boundary so it fits `max_width`, with "…" when cut.
std::string fit_text(std::string_view s, double font_size, double max_width);
/// Greedy word wrap into at most `max_lines` lines of `max_width`; the last line is cut
/// with "…" if the text does not fit.
std::vector<std::string> wrap_text(std::string_view s, double font_size, double max_width, std::size_t max_lines);

}  // namespace chronograph::views
