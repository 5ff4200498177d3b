// Placeholder until the visual exporters land.
#include "chronograph/exporters.hpp"

#include <ostream>

namespace chronograph {
std::string graph_dot(const StoryGraph&) { return "digraph chronograph {}\n"; }
std::string graph_svg(const StoryGraph&) { return "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"; }
void write_timeline_svg(const Story&, std::ostream& out) { out << "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"; }
void write_timeline_html(const Story&, std::ostream& out) { out << "<!DOCTYPE html><html><body></body></html>\n"; }
}  // namespace chronograph
