// A document without a publication date borrows the date of the dated document most like
// it: articles of one corpus about the same story are usually published together.
// Likeness is the cosine of tf-idf vectors of content words and entity keys, found through
// an inverted index so that large corpora stay linear in practice.
#include "chronograph/consolidate.hpp"

#include "consolidate/internal.hpp"
#include "model/analysis_reading.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace chronograph {
namespace {

// Below this cosine similarity two articles are not taken to be about the same news.
constexpr double kMinSimilarity = 0.15;

using Vector = std::vector<std::pair<std::uint32_t, double>>;  // (term id, weight), sorted by id

class Vocabulary {
public:
    std::uint32_t id(const std::string& term) {
        auto [it, fresh] = ids_.emplace(term, static_cast<std::uint32_t>(ids_.size()));
        return it->second;
    }
    std::size_t size() const { return ids_.size(); }

private:
    std::unordered_map<std::string, std::uint32_t> ids_;
};

Vector counts_of(const DocumentAnalysis& a, const Resources& res, Vocabulary& vocab) {
    std::unordered_map<std::uint32_t, double> counts;
    for (const Sentence& s : a.sentences)
        for (const std::string& w : merging::content_words(a.text(s.span), res)) counts[vocab.id(w)] += 1;
    for (const EntityMention& e : a.entities) counts[vocab.id("entity:" + e.key)] += 1;
    Vector v(counts.begin(), counts.end());
    std::sort(v.begin(), v.end());
    return v;
}

}  // namespace

std::vector<std::optional<Day>> infer_dcts(const std::vector<DocumentAnalysis>& docs, const Resources& res) {
    AnalysisStore store;
    for (const DocumentAnalysis& a : docs) store.add(a);
    return infer_dcts(store, res);
}

std::vector<std::optional<Day>> infer_dcts(const AnalysisStore& docs, const Resources& res, unsigned threads,
                                           const Progress& progress) {
    std::vector<std::optional<Day>> out(docs.size());
    bool any_dated = false, any_undated = false;
    for (std::size_t d = 0; d < docs.size(); ++d) (docs.document(d).dct ? any_dated : any_undated) = true;
    if (!any_dated || !any_undated) return out;
    if (progress.step) progress.step("inferring publication dates");

    Vocabulary vocab;
    std::vector<Vector> vectors;
    vectors.reserve(docs.size());
    std::vector<std::size_t> all(docs.size());
    std::iota(all.begin(), all.end(), std::size_t{0});
    for_each_in_order(docs, all, kSentencesPart | kTextPart | kEntitiesPart, threads,
                      [&](std::size_t, const DocumentAnalysis& a) { vectors.push_back(counts_of(a, res, vocab)); });
    std::vector<int> df(vocab.size(), 0);
    for (const Vector& v : vectors)
        for (const auto& [t, n] : v) ++df[t];
    const double n_docs = static_cast<double>(docs.size());
    for (Vector& v : vectors) {
        double norm = 0;
        for (auto& [t, x] : v) {
            x = (1 + std::log(x)) * std::log(1 + n_docs / df[t]);
            norm += x * x;
        }
        norm = std::sqrt(norm);
        if (norm > 0)
            for (auto& [t, x] : v) x /= norm;
    }
    // Postings of the dated documents only: those are the candidates.
    std::vector<std::vector<std::pair<std::uint32_t, double>>> postings(vocab.size());
    for (std::size_t j = 0; j < docs.size(); ++j)
        if (docs.document(j).dct && docs.document(j).dct_source != DctSource::Inferred)
            for (const auto& [t, x] : vectors[j]) postings[t].push_back({static_cast<std::uint32_t>(j), x});

    std::vector<double> score(docs.size(), 0.0);
    std::vector<std::uint32_t> touched;
    for (std::size_t i = 0; i < docs.size(); ++i) {
        if (docs.document(i).dct) continue;
        for (const auto& [t, x] : vectors[i])
            for (const auto& [j, y] : postings[t]) {
                if (score[j] == 0.0) touched.push_back(j);
                score[j] += x * y;
            }
        double best = kMinSimilarity;
        std::sort(touched.begin(), touched.end());  // document order: ties go to the earlier date, deterministically
        for (std::uint32_t j : touched) {
            const double sim = score[j];
            const std::optional<Day>& dct = docs.document(j).dct;
            if (sim > best + 1e-12 || (out[i] && std::abs(sim - best) <= 1e-12 && *dct < *out[i])) {
                best = sim;
                out[i] = dct;
            }
            score[j] = 0.0;
        }
        touched.clear();
    }
    return out;
}

}  // namespace chronograph
