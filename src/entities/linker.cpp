// link_entities: the corpus-wide entity table. Mentions meet by key; then a surname
// alone joins the one full name of the corpus it ends, and an acronym the one name
// whose initials it spells. Ids follow the sorted (kind, name, key) order, so the table
// depends only on the documents and their ids, not on the order they come in.
#include "chronograph/entities.hpp"

#include "chronograph/text.hpp"
#include "entities/gazetteer.hpp"
#include "model/parallel.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace chronograph {

namespace {

/// "d2" before "d10": shorter ids first, then by text.
bool id_less(const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
}

struct Group {
    EntityKind kind = EntityKind::Person;
    std::string name;  // the longest name its mentions give
    std::vector<std::pair<std::uint32_t, std::uint32_t>> mentions;  // (document, mention): a corpus has millions
};

std::vector<std::string> words_of(std::string_view name) {
    std::vector<std::string> out;
    for (std::string_view w : split(name, ' '))
        if (!w.empty()) out.emplace_back(w);
    return out;
}

std::string initials_of(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words)
        if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z') out += w[0];
    return out;
}

/// Most frequent non-empty value; ties go to the smallest, for determinism.
std::string most_common(const std::vector<std::string>& values) {
    std::map<std::string, int> count;
    for (const std::string& v : values)
        if (!v.empty()) ++count[v];
    std::string best;
    int n = 0;
    for (const auto& [v, c] : count)
        if (c > n) { best = v; n = c; }
    return best;
}

}  // namespace

EntityTable link_entities(const std::vector<DocumentAnalysis>& docs, const std::vector<DocId>& doc_ids, unsigned threads) {
    std::vector<std::size_t> order(docs.size());
    for (std::size_t d = 0; d < docs.size(); ++d) order[d] = d;
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return id_less(doc_ids[x], doc_ids[y]); });

    std::map<std::string, Group> groups;  // by key
    for (std::size_t d : order) {
        for (std::size_t m = 0; m < docs[d].entities.size(); ++m) {
            const EntityMention& em = docs[d].entities[m];
            Group& g = groups[em.key];
            g.kind = em.kind;
            if (em.name.size() > g.name.size() || (em.name.size() == g.name.size() && em.name < g.name)) g.name = em.name;
            g.mentions.emplace_back(static_cast<std::uint32_t>(d), static_cast<std::uint32_t>(m));
        }
    }

    // A one-word person or an acronym joins the single fuller name it stands for.
    std::map<std::string, std::set<std::string>> by_surname, by_initials;
    for (const auto& [key, g] : groups) {
        const auto words = words_of(g.name);
        if (g.kind == EntityKind::Person && words.size() >= 2) {
            by_surname[words.back()].insert(key);
            if (words.size() >= 3) by_surname[words.front()].insert(key);
        }
        if (g.kind == EntityKind::Organization && words.size() >= 2) by_initials[initials_of(words)].insert(key);
    }
    std::map<std::string, std::string> redirect;
    for (const auto& [key, g] : groups) {
        const auto words = words_of(g.name);
        if (words.size() != 1) continue;
        const auto& index = g.kind == EntityKind::Person ? by_surname : by_initials;
        if (g.kind == EntityKind::Organization && !entities::is_all_caps(g.name)) continue;
        if (g.kind != EntityKind::Person && g.kind != EntityKind::Organization) continue;
        auto it = index.find(g.name);
        if (it != index.end() && it->second.size() == 1 && *it->second.begin() != key) redirect[key] = *it->second.begin();
    }
    // "iPhones", "iPod Touches": the plural of a product joins the product (not a model
    // code: "iPhone 3GS" is no plural of "iPhone 3G").
    for (const auto& [key, g] : groups) {
        if (g.kind != EntityKind::Product || redirect.count(key) || g.name.size() < 2) continue;
        const char before_s = g.name[g.name.size() - 2];
        if (!(before_s >= 'a' && before_s <= 'z')) continue;
        constexpr std::size_t kPrefix = std::string_view("product:").size();
        for (const std::size_t cut : {1, 2}) {  // "-s", "-es"
            const std::string singular = key.substr(0, key.size() - std::min(cut, key.size()));
            if (singular.size() < kPrefix + 3 || key.back() != 's' || (cut == 2 && key[key.size() - 2] != 'e')) continue;
            auto it = groups.find(singular);
            if (it != groups.end() && it->second.kind == EntityKind::Product) {
                redirect[key] = it->first;
                break;
            }
        }
    }
    for (const auto& [from, to] : redirect) {
        Group& target = groups[to];
        Group& source = groups[from];
        target.mentions.insert(target.mentions.end(), source.mentions.begin(), source.mentions.end());
        source.mentions.clear();
    }

    struct Built {
        Entity entity;
        std::string key;
        std::string affiliation_key;
        std::vector<std::pair<std::uint32_t, std::uint32_t>> mentions;
    };
    // Each group's entity on its own (in parallel: each touches only its group).
    const std::vector<SharedText> doc_id_texts(doc_ids.begin(), doc_ids.end());
    std::vector<std::pair<const std::string*, Group*>> linked;
    for (auto& [key, g] : groups)
        if (!g.mentions.empty()) linked.emplace_back(&key, &g);
    std::vector<Built> built(linked.size());
    parallel_for(linked.size(), threads, [&](std::size_t i) {
        Group& g = *linked[i].second;
        Built& b = built[i];
        b.key = *linked[i].first;
        b.entity.name = g.name;
        b.entity.kind = g.kind;
        std::set<std::string> aliases;
        std::vector<std::string> roles, affiliations;
        std::sort(g.mentions.begin(), g.mentions.end(), [&](const auto& x, const auto& y) {
            if (x.first != y.first) return id_less(doc_ids[x.first], doc_ids[y.first]);
            return docs[x.first].entities[x.second].span.start < docs[y.first].entities[y.second].span.start;
        });
        for (const auto& [d, m] : g.mentions) {
            const EntityMention& em = docs[d].entities[m];
            std::string surface = squash_space(docs[d].text(em.span));
            if (surface != g.name) aliases.insert(std::move(surface));
            roles.push_back(em.role);
            affiliations.push_back(em.affiliation);
            b.entity.mentions.push_back(
                {doc_id_texts[d], static_cast<std::uint32_t>(em.span.start), static_cast<std::uint32_t>(em.span.end)});
        }
        b.entity.aliases.assign(aliases.begin(), aliases.end());
        b.entity.role = most_common(roles);
        b.affiliation_key = most_common(affiliations);
        b.mentions = std::move(g.mentions);  // (the groups are not read again: not held twice)
    });
    std::sort(built.begin(), built.end(), [](const Built& x, const Built& y) {
        if (x.entity.kind != y.entity.kind) return x.entity.kind < y.entity.kind;
        if (x.entity.name != y.entity.name) return x.entity.name < y.entity.name;
        return x.key < y.key;
    });

    EntityTable t;
    t.of_mention.resize(docs.size());
    for (std::size_t d = 0; d < docs.size(); ++d) t.of_mention[d].assign(docs[d].entities.size(), 0);
    std::map<std::string, std::string> id_of_key;
    for (std::size_t i = 0; i < built.size(); ++i) {
        built[i].entity.id = "e" + std::to_string(i + 1);
        id_of_key[built[i].key] = built[i].entity.id;
        for (const auto& [d, m] : built[i].mentions) t.of_mention[d][m] = static_cast<std::uint32_t>(i);
    }
    for (const auto& [from, to] : redirect) id_of_key[from] = id_of_key[to];
    for (Built& b : built) {
        auto it = id_of_key.find(b.affiliation_key);
        if (!b.affiliation_key.empty() && it != id_of_key.end() && it->second != b.entity.id)
            b.entity.affiliation = it->second;
        t.entities.push_back(std::move(b.entity));
    }
    return t;
}

}  // namespace chronograph
