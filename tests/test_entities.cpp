#include "chronograph/entities.hpp"
#include "chronograph/ingest.hpp"
#include "chronograph/segment.hpp"
#include "chronograph/text.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace chronograph;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const EntityRecognizer& recognizer() {
    static const EntityRecognizer r(Resources::embedded());
    return r;
}

/// One paragraph of text, segmented and recognized.
DocumentAnalysis analysed(const std::string& text) {
    static const Segmenter segmenter(Resources::embedded());
    DocumentAnalysis a;
    a.doc.text = text;
    a.doc.paragraphs.push_back({Span{0, text.size()}});
    segmenter.segment(a);
    recognizer().recognize(a);
    return a;
}

DocumentAnalysis analysed_file(const std::string& path) {
    static const Segmenter segmenter(Resources::embedded());
    ReadResult r = read_document(path, Resources::embedded());
    REQUIRE(r.document);
    DocumentAnalysis a;
    a.doc = std::move(*r.document);
    segmenter.segment(a);
    recognizer().recognize(a);
    return a;
}

std::string describe(const DocumentAnalysis& a) {
    std::string out;
    for (const EntityMention& m : a.entities)
        out += std::string(a.text(m.span)) + "|" + to_string(m.kind) + "|" + m.name + "|" + m.via + "\n";
    return out;
}

const EntityMention* find_mention(const DocumentAnalysis& a, std::string_view text) {
    for (const EntityMention& m : a.entities)
        if (a.text(m.span) == text) return &m;
    return nullptr;
}

}  // namespace

TEST_CASE("entity examples, one file per rule family", "[entities]") {
    const std::string dir = CHRONOGRAPH_SOURCE_DIR "/data/en/entities/examples";
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 6);
    for (const std::string& file : files) {
        const std::string content = read_file(file);  // the records point into it
        const auto rows = read_table(content);
        REQUIRE(rows.size() >= 5);
        for (const Record& r : rows) {
            const DocumentAnalysis a = analysed(std::string(r[0]));
            INFO(file << " line " << r.line << ": " << r[0] << "\nfound:\n" << describe(a));
            if (!r[1].empty() && r[1][0] == '!') {
                for (std::string_view unwanted : split(r[1].substr(1), ';')) {
                    const auto parts = split(unwanted, '|');  // "text" or "text|kind"
                    const EntityMention* m = find_mention(a, parts[0]);
                    INFO("unwanted " << unwanted);
                    CHECK((m == nullptr || (parts.size() == 2 && to_string(m->kind) != parts[1])));
                }
                continue;
            }
            for (std::string_view want : split(r[1], ';')) {
                const auto parts = split(want, '|');
                REQUIRE(parts.size() == 3);
                const EntityMention* m = find_mention(a, parts[0]);
                INFO("expected " << want);
                CHECK(m != nullptr);
                if (!m) continue;
                CHECK(to_string(m->kind) == parts[1]);
                CHECK(m->name == parts[2]);
            }
        }
    }
}

TEST_CASE("titles give people a role and an affiliation", "[entities]") {
    const DocumentAnalysis a = analysed("Russian Prime Minister Mikhail Mishustin attended, and Premier Pak Thae Song spoke.");
    const EntityMention* russian = find_mention(a, "Russian");
    REQUIRE(russian);
    CHECK(russian->kind == EntityKind::Country);
    CHECK(russian->via == "demonym");
    const EntityMention* pm = find_mention(a, "Mikhail Mishustin");
    REQUIRE(pm);
    CHECK(pm->role == "Prime Minister");
    CHECK(pm->affiliation == "country:RUS");
    const EntityMention* premier = find_mention(a, "Pak Thae Song");
    REQUIRE(premier);
    CHECK(premier->role == "Premier");
}

TEST_CASE("mentions never overlap and come in text order", "[entities]") {
    const DocumentAnalysis a = analysed_file(CHRONOGRAPH_SOURCE_DIR "/samples/004-first-road-link-and-troops.txt");
    REQUIRE(!a.entities.empty());
    for (std::size_t i = 1; i < a.entities.size(); ++i) CHECK(a.entities[i - 1].span.end <= a.entities[i].span.start);
}

TEST_CASE("the sample articles' actors and places", "[entities]") {
    std::vector<std::string> paths;
    for (const auto& e : std::filesystem::directory_iterator(CHRONOGRAPH_SOURCE_DIR "/samples")) paths.push_back(e.path().string());
    std::sort(paths.begin(), paths.end());
    std::vector<DocumentAnalysis> docs;
    std::vector<DocId> ids;
    for (const std::string& p : paths) {
        docs.push_back(analysed_file(p));
        ids.push_back("d" + std::to_string(ids.size() + 1));
    }
    const EntityTable table = link_entities(docs, ids);
    const auto entity = [&](std::string_view name, EntityKind kind) -> const Entity* {
        for (const Entity& e : table.entities)
            if (e.name == name && e.kind == kind) return &e;
        return nullptr;
    };
    for (const char* c : {"North Korea", "Russia", "Ukraine", "China"}) {
        INFO(c);
        CHECK(entity(c, EntityKind::Country));
    }
    const Entity* putin = entity("Vladimir Putin", EntityKind::Person);
    REQUIRE(putin);
    CHECK(std::count(putin->aliases.begin(), putin->aliases.end(), "Putin") == 1);
    CHECK(putin->role == "President");
    const Entity* mishustin = entity("Mikhail Mishustin", EntityKind::Person);
    REQUIRE(mishustin);
    CHECK(mishustin->role == "Prime Minister");
    REQUIRE(mishustin->affiliation);
    CHECK(*mishustin->affiliation == entity("Russia", EntityKind::Country)->id);
    CHECK(entity("Pak Thae Song", EntityKind::Person));
    CHECK(entity("Kim Jong Un", EntityKind::Person));
    const Entity* kcna = entity("Korean Central News Agency", EntityKind::Organization);
    REQUIRE(kcna);
    CHECK(std::count(kcna->aliases.begin(), kcna->aliases.end(), "KCNA") == 1);
    CHECK(entity("Tass", EntityKind::Organization));
    CHECK(entity("Tumen River", EntityKind::Place));
    CHECK(entity("Pyongyang", EntityKind::Place));
    bool kursk = false;
    for (const Entity& e : table.entities) kursk |= e.kind == EntityKind::Place && iequals(e.name, "Kursk region");
    CHECK(kursk);
    for (const Entity& e : table.entities) {
        INFO(e.name);
        CHECK(lower_ascii(e.name).find("two countries") == std::string::npos);
        CHECK(!e.mentions.empty());
        CHECK(std::is_sorted(e.aliases.begin(), e.aliases.end()));
    }
}

TEST_CASE("link_entities ids depend on document ids, not on their order", "[entities]") {
    std::vector<DocumentAnalysis> docs;
    docs.push_back(analysed("President Vladimir Putin met Chinese leaders in Beijing."));
    docs.push_back(analysed("Putin said Moscow would respond. The Korean Central News Agency (KCNA) agreed."));
    docs.push_back(analysed("KCNA reported that North Korea fired a missile."));
    const EntityTable t1 = link_entities(docs, {"d1", "d2", "d3"});
    std::vector<DocumentAnalysis> reversed(docs.rbegin(), docs.rend());
    const EntityTable t2 = link_entities(reversed, {"d3", "d2", "d1"});
    REQUIRE(t1.entities.size() == t2.entities.size());
    for (std::size_t i = 0; i < t1.entities.size(); ++i) {
        CHECK(t1.entities[i].id == "e" + std::to_string(i + 1));
        CHECK(t1.entities[i].id == t2.entities[i].id);
        CHECK(t1.entities[i].name == t2.entities[i].name);
        CHECK(t1.entities[i].mentions.size() == t2.entities[i].mentions.size());
    }
    // "Putin" alone in d2 joins the full name from d1.
    std::size_t putins = 0;
    for (const Entity& e : t1.entities) putins += e.name.find("Putin") != std::string::npos;
    CHECK(putins == 1);
    REQUIRE(t1.of_mention.size() == 3);
    CHECK(t1.of_mention[1].size() == docs[1].entities.size());
}
