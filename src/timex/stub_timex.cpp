// Placeholder until the timex stage lands.
#include "chronograph/timex.hpp"

namespace chronograph {
struct TimexTagger::Impl {};
TimexTagger::TimexTagger(const Resources&) : impl_(std::make_unique<Impl>()) {}
TimexTagger::~TimexTagger() = default;
void TimexTagger::tag(DocumentAnalysis&) const {}
}  // namespace chronograph
