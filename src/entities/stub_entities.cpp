// Placeholder until the entities stage lands.
#include "chronograph/entities.hpp"

namespace chronograph {
struct EntityRecognizer::Impl {};
EntityRecognizer::EntityRecognizer(const Resources&) : impl_(std::make_unique<Impl>()) {}
EntityRecognizer::~EntityRecognizer() = default;
void EntityRecognizer::recognize(DocumentAnalysis&) const {}
EntityTable link_entities(const std::vector<DocumentAnalysis>& docs, const std::vector<DocId>&) {
    EntityTable t;
    t.of_mention.resize(docs.size());
    return t;
}
}  // namespace chronograph
