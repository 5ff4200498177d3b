// The analyses kept aside for consolidation come back as they went in, whole or in parts.
#include "chronograph/analysis_store.hpp"
#include "chronograph/ingest.hpp"
#include "chronograph/partial.hpp"
#include "chronograph/pipeline.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace chronograph;
namespace fs = std::filesystem;

namespace {

/// Every sample analysed (as extract hands them on: without tokens).
std::vector<DocumentAnalysis> sample_analyses() {
    std::vector<DocumentAnalysis> out;
    const Pipeline pipeline;
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(CHRONOGRAPH_SOURCE_DIR "/samples")) files.push_back(entry.path().string());
    pipeline.extract(files, {}, [&](PartRecord&& r) {
        if (r.analysis) out.push_back(std::move(*r.analysis));
    });
    return out;
}

std::string as_part(const DocumentAnalysis& a) { return to_json_line(PartRecord{a, {}}); }

}  // namespace

TEST_CASE("an analysis kept aside is read back as it was, all of it or the parts asked for") {
    const std::vector<DocumentAnalysis> docs = sample_analyses();
    REQUIRE(docs.size() > 3);
    AnalysisStore store;
    for (const DocumentAnalysis& a : docs) CHECK(store.add(a) == static_cast<std::size_t>(&a - docs.data()));
    REQUIRE(store.size() == docs.size());
    for (std::size_t i = 0; i < docs.size(); ++i) {
        CHECK(as_part(store.load(i, kAllParts)) == as_part(docs[i]));
        CHECK(store.text_bytes(i) == docs[i].doc.text.size());
        CHECK(store.sentence_count(i) == docs[i].sentences.size());
        CHECK(store.event_count(i) == docs[i].events.size());
        const DocumentAnalysis events = store.load(i, kEventsPart | kTextPart);
        CHECK(events.doc.path == docs[i].doc.path);
        CHECK(events.doc.dct == docs[i].doc.dct);
        CHECK(events.doc.text == docs[i].doc.text);
        CHECK(events.events.size() == docs[i].events.size());
        CHECK(events.sentences.empty());
        CHECK(events.entities.empty());
        CHECK(events.doc.paragraphs.empty());
        const DocumentAnalysis claims = store.load(i, kClaimsPart);
        CHECK(claims.doc.text.empty());
        CHECK(claims.claims.size() == docs[i].claims.size());
    }
    // Replaced, and reordered: what is read is the new one, at its new place.
    store.replace(0, docs[1]);
    store.reorder({2, 0});
    REQUIRE(store.size() == 2);
    CHECK(as_part(store.load(0, kAllParts)) == as_part(docs[2]));
    CHECK(as_part(store.load(1, kAllParts)) == as_part(docs[1]));
}
