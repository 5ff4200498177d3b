// Placeholder until the events stage lands.
#include "chronograph/events.hpp"

namespace chronograph {
struct EventExtractor::Impl {};
EventExtractor::EventExtractor(const Resources&) : impl_(std::make_unique<Impl>()) {}
EventExtractor::~EventExtractor() = default;
void EventExtractor::extract(DocumentAnalysis&) const {}
}  // namespace chronograph
