// The lists kept aside come back as they went in, whole, in part, or a run at a time.
#include "model/aside_file.hpp"

#include <catch2/catch.hpp>

using namespace chronograph;

namespace {

/// `n` pieces of evidence, every third with a time expression (decoding one must not leave
/// it on the next).
std::vector<EvidenceRef> pieces(std::size_t n) {
    std::vector<EvidenceRef> out(n);
    for (std::size_t k = 0; k < n; ++k) {
        EvidenceRef& m = out[k];
        m.doc = "d" + std::to_string(k % 7 + 1);
        m.sentence = SharedText("Sentence " + std::to_string(k) + ".");
        m.start = static_cast<std::uint32_t>(k);
        m.end = static_cast<std::uint32_t>(k + 10);
        if (k % 3 == 0) {
            m.timex = "on day " + std::to_string(k);
            m.timex_start = 1, m.timex_end = 5;
        }
        m.time = Shared<TimeValue>(TimeValue{"2025-05-0" + std::to_string(k % 9 + 1), "", std::nullopt});
        m.status = k % 2 ? EventStatus::Planned : EventStatus::Happened;
        if (k % 4 == 0) m.actors = {"e1", "e" + std::to_string(k)};
    }
    return out;
}

void same(const EvidenceRef& a, const EvidenceRef& b) {
    CHECK(a.doc == b.doc);
    CHECK(a.sentence == b.sentence);
    CHECK(a.start == b.start);
    CHECK(a.end == b.end);
    CHECK(a.timex == b.timex);
    CHECK(a.timex_start == b.timex_start);
    CHECK(a.time.get() == b.time.get());
    CHECK(a.status == b.status);
    CHECK(a.actors == b.actors);
}

}  // namespace

TEST_CASE("an event's evidence comes back from the story's file in runs, whole or its first pieces", "[model]") {
    AsideFile file;
    const std::vector<EvidenceRef> small = pieces(3), big = pieces(2500);  // big: runs of 1,024, 1,024 and 452
    const Aside small_at = file.add(small), big_at = file.add(big);
    CHECK(big_at.count == 2500);
    for (const auto& [evidence_ptr, at] : {std::pair(&small, small_at), std::pair(&big, big_at)}) {
        const std::vector<EvidenceRef>* evidence = evidence_ptr;  // (clang's lambdas may not capture a structured binding)
        for (std::size_t limit : {0u, 1u, 2u, 1024u, 1025u, 2048u, 2049u, 2500u, 9999u}) {
            const std::vector<EvidenceRef> read = file.read<EvidenceRef>(at, limit);
            REQUIRE(read.size() == std::min<std::size_t>(limit, evidence->size()));
            for (std::size_t k = 0; k < read.size(); ++k) same(read[k], (*evidence)[k]);
        }
        std::size_t k = 0;
        file.each<EvidenceRef>(at, [&](const EvidenceRef& m) { same(m, (*evidence)[k++]); });
        CHECK(k == evidence->size());
        const std::vector<DocId> docs = file.documents(at);
        REQUIRE(docs.size() == evidence->size());
        for (std::size_t j = 0; j < docs.size(); ++j) CHECK(docs[j] == (*evidence)[j].doc);
    }
}

TEST_CASE("Story::each_evidence gives the evidence held in memory or kept in the file", "[model]") {
    Story story;
    auto file = std::make_shared<AsideFile>();
    story.events.resize(2);
    story.events[0].mentions = pieces(5);
    story.events[1].aside = file->add(pieces(1500));
    story.aside_file = file;
    for (const Event& ev : story.events) {
        const std::vector<EvidenceRef> all = story.evidence(ev).list();
        std::size_t k = 0;
        story.each_evidence(ev, [&](const EvidenceRef& m) { same(m, all[k++]); });
        CHECK(k == story.evidence_count(ev));
    }
}

TEST_CASE("a conflict's claims and an entity's mentions come back from the story's file", "[model]") {
    Story story;
    auto file = std::make_shared<AsideFile>();
    story.aside_file = file;
    std::vector<ClaimRef> claims;
    for (std::size_t k = 0; k < 1100; ++k)
        claims.push_back({std::to_string(k) + " m", "d" + std::to_string(k % 3 + 1), SharedText(k % 5 ? "A sentence." : ""), k % 2 ? "" : "about " + std::to_string(k)});
    std::vector<EntityMentionRef> mentions;
    for (std::uint32_t k = 0; k < 2100; ++k) mentions.push_back({SharedText("d" + std::to_string(k / 700 + 1)), k, k + 4});
    story.conflicts.resize(1);
    story.conflicts[0].aside = file->add(claims);
    story.entities.resize(1);
    story.entities[0].aside = file->add(mentions);

    const AsideList<ClaimRef> read = story.claims(story.conflicts[0]);
    REQUIRE(read.size() == claims.size());
    for (std::size_t k = 0; k < claims.size(); ++k) {
        CHECK(read[k].value == claims[k].value);
        CHECK(read[k].doc == claims[k].doc);
        CHECK(read[k].sentence == claims[k].sentence);
        CHECK(read[k].text == claims[k].text);
    }
    std::size_t k = 0;
    story.each_mention(story.entities[0], [&](const EntityMentionRef& m) {
        REQUIRE(k < mentions.size());
        CHECK(m.doc == mentions[k].doc);
        CHECK(m.start == mentions[k].start);
        CHECK(m.end == mentions[k].end);
        ++k;
    });
    CHECK(k == mentions.size());
}
