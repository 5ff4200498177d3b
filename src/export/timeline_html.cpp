// Placeholder until the viewer lands.
#include "chronograph/exporters.hpp"
#include <ostream>
namespace chronograph {
void write_timeline_html(const Story&, std::ostream& out) { out << "<!DOCTYPE html><html><body></body></html>\n"; }
}
