// A document without a publication date borrows the date of the dated document most like
// it: articles of one corpus about the same story are usually published together.
#include "chronograph/consolidate.hpp"

#include "consolidate/internal.hpp"

#include <cmath>
#include <map>

namespace chronograph {
namespace {

// Below this cosine similarity two articles are not taken to be about the same news.
constexpr double kMinSimilarity = 0.15;

using Vector = std::map<std::string, double>;

Vector words_of(const DocumentAnalysis& a, const Resources& res) {
    Vector v;
    for (const Sentence& s : a.sentences)
        for (const std::string& w : merging::content_words(a.text(s.span), res)) v[w] += 1;
    for (const EntityMention& e : a.entities) v["entity:" + e.key] += 1;
    return v;
}

}  // namespace

std::vector<std::optional<Day>> infer_dcts(const std::vector<DocumentAnalysis>& docs, const Resources& res) {
    std::vector<std::optional<Day>> out(docs.size());
    bool any_dated = false, any_undated = false;
    for (const auto& d : docs) (d.doc.dct ? any_dated : any_undated) = true;
    if (!any_dated || !any_undated) return out;

    std::vector<Vector> vectors;
    std::map<std::string, int> df;
    for (const auto& d : docs) {
        vectors.push_back(words_of(d, res));
        for (const auto& [w, n] : vectors.back()) ++df[w];
    }
    const double n_docs = static_cast<double>(docs.size());
    for (auto& v : vectors) {
        double norm = 0;
        for (auto& [w, x] : v) {
            x = (1 + std::log(x)) * std::log(1 + n_docs / df[w]);
            norm += x * x;
        }
        norm = std::sqrt(norm);
        if (norm > 0)
            for (auto& [w, x] : v) x /= norm;
    }
    auto cosine = [](const Vector& a, const Vector& b) {
        double dot = 0;
        for (const auto& [w, x] : a)
            if (auto it = b.find(w); it != b.end()) dot += x * it->second;
        return dot;
    };
    for (std::size_t i = 0; i < docs.size(); ++i) {
        if (docs[i].doc.dct) continue;
        double best = kMinSimilarity;
        for (std::size_t j = 0; j < docs.size(); ++j) {
            if (!docs[j].doc.dct || docs[j].doc.dct_source == DctSource::Inferred) continue;
            const double sim = cosine(vectors[i], vectors[j]);
            // Ties go to the earlier date, so the result does not depend on document order.
            if (sim > best + 1e-12 || (out[i] && std::abs(sim - best) <= 1e-12 && *docs[j].doc.dct < *out[i])) {
                best = sim;
                out[i] = docs[j].doc.dct;
            }
        }
    }
    return out;
}

}  // namespace chronograph
