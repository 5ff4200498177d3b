// Placeholder until the consolidate stage lands.
#include "chronograph/consolidate.hpp"

namespace chronograph {
std::vector<std::optional<Day>> infer_dcts(const std::vector<DocumentAnalysis>& docs) {
    return std::vector<std::optional<Day>>(docs.size());
}
Story consolidate(const std::vector<DocumentAnalysis>& docs) {
    Story s;
    for (std::size_t i = 0; i < docs.size(); ++i) {
        const Document& d = docs[i].doc;
        s.documents.push_back({"d" + std::to_string(i + 1), d.path, d.title, d.dct, d.dct_source, d.format, d.text.size(),
                               docs[i].sentences.size()});
    }
    return s;
}
}  // namespace chronograph
