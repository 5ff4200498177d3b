#include "chronograph/entities.hpp"
#include "chronograph/ingest.hpp"
#include "chronograph/queries.hpp"
#include "chronograph/segment.hpp"
#include "chronograph/text.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <optional>
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

namespace {

Entity named_entity(std::string id, std::string name, EntityKind kind, std::vector<std::string> aliases = {},
                    std::optional<EntityId> owner = std::nullopt) {
    Entity e;
    e.id = std::move(id);
    e.name = std::move(name);
    e.kind = kind;
    e.aliases = std::move(aliases);
    e.affiliation = std::move(owner);
    return e;
}

std::vector<std::string> found_names(const Story& story, std::string_view query) {
    std::vector<std::string> out;
    for (const Entity* e : find_entities(story, query)) out.push_back(e->name);
    return out;
}

}  // namespace

TEST_CASE("find_entities matches a user's name generously but safely", "[entities]") {
    Story story;
    story.entities = {
        named_entity("e1", "Apple", EntityKind::Organization, {"Apple Computer", "Apple Inc."}),
        named_entity("e2", "Apple Corps", EntityKind::Organization, {}, "e3"),
        named_entity("e3", "The Beatles", EntityKind::Organization, {"Beatles"}),
        named_entity("e4", "iTunes Store", EntityKind::Product, {"iTunes Music Store", "iTunes store"}),
        named_entity("e5", "Steve Jobs", EntityKind::Person, {"Jobs"}),
        named_entity("e6", "iPhone", EntityKind::Product),
        named_entity("e7", "iPhone 4", EntityKind::Product),
        named_entity("e8", "Jobs Act", EntityKind::Organization),
    };
    using V = std::vector<std::string>;
    CHECK(found_names(story, "ITUNES STORE") == V{"iTunes Store"});         // case-insensitive
    CHECK(found_names(story, "iTunes Music Store") == V{"iTunes Store"});   // an alias
    CHECK(found_names(story, "apple") == V{"Apple"});                       // not Apple Corps
    CHECK(found_names(story, "Apple Computer") == V{"Apple"});
    CHECK(found_names(story, "iPhone") == V{"iPhone"});                     // not iPhone 4
    CHECK(found_names(story, "Beatles Apple Corps") == V{"Apple Corps"});   // owned by The Beatles
    CHECK(found_names(story, "the Beatles' Apple Corps") == V{"Apple Corps"});
    CHECK(found_names(story, "Beatles") == V{"The Beatles"});
    CHECK(found_names(story, "Corps") == V{"Apple Corps"});                 // a word of its name
    CHECK(found_names(story, "Steve") == V{"Steve Jobs"});
    CHECK(found_names(story, "Jobs") == V{"Steve Jobs"});                   // the alias wins
    CHECK(found_names(story, "Apple Records").empty());                     // "Records" is nowhere
    CHECK(found_names(story, "Microsoft").empty());
    CHECK(found_names(story, "the").empty());
}

TEST_CASE("a body named with a possessive belongs to its owner, and is found by both names", "[entities]") {
    std::vector<DocumentAnalysis> docs;
    docs.push_back(analysed("The Beatles' Apple Corps sued Apple Inc. in London."));
    docs.push_back(analysed("Apple Inc. settled with the Beatles' record company, Apple Corps, in 2007."));
    const EntityTable table = link_entities(docs, {"d1", "d2"});
    Story story;
    story.entities = table.entities;
    const auto corps = find_entities(story, "Beatles Apple Corps");
    REQUIRE(corps.size() == 1);
    CHECK(corps[0]->name == "Apple Corps");
    CHECK(corps[0]->mentions.size() == 2);
    REQUIRE(corps[0]->affiliation);
    CHECK(story.entity(*corps[0]->affiliation)->name == "The Beatles");
    const auto apple = find_entities(story, "Apple");
    REQUIRE(apple.size() == 1);
    CHECK(apple[0]->mentions.size() == 2);
}

TEST_CASE("products: plurals join the product, model codes stay apart", "[entities]") {
    std::vector<DocumentAnalysis> docs;
    docs.push_back(analysed("The iPhone sold well, and the iPhone 3G sold better."));
    docs.push_back(analysed("Shops ran out of iPhones. The iPhone 3GS came later."));
    const EntityTable table = link_entities(docs, {"d1", "d2"});
    std::vector<std::string> names;
    for (const Entity& e : table.entities)
        if (e.kind == EntityKind::Product) names.push_back(e.name);
    CHECK(names == std::vector<std::string>{"iPhone", "iPhone 3G", "iPhone 3GS"});
}
