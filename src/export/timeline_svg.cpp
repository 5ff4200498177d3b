// Placeholder until the timeline lands.
#include "chronograph/exporters.hpp"
#include <ostream>
namespace chronograph {
void write_timeline_svg(const Story&, std::ostream& out) { out << "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"; }
void write_timeline_html(const Story&, std::ostream& out) { out << "<!DOCTYPE html><html><body></body></html>\n"; }
}
