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
#include <unordered_map>

namespace chronograph {

namespace {

/// "d2" before "d10": shorter ids first, then by text.
bool id_less(const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
}

/// Texts of the mentions (surfaces, roles, affiliations) stored once each, by number; 0 is "".
class Strings {
public:
    Strings() { id(""); }
    std::uint32_t id(std::string_view s) {
        const auto [it, added] = ids_.try_emplace(std::string(s), static_cast<std::uint32_t>(texts_.size()));
        if (added) texts_.push_back(&it->first);
        return it->second;
    }
    const std::string& at(std::uint32_t id) const { return *texts_[id]; }
    std::size_t size() const { return texts_.size(); }

private:
    std::unordered_map<std::string, std::uint32_t> ids_;
    std::vector<const std::string*> texts_;
};

/// What the linking needs of one entity mention once its document is read: a corpus has
/// millions (28 bytes each; an EntityMention is 192 and more).
struct LinkMention {
    std::uint32_t doc = 0, index = 0;  // the document, the mention's index in it
    std::uint32_t start = 0, end = 0;  // its span
    std::uint32_t surface = 0, role = 0, affiliation = 0;  // in Strings
};

struct Group {
    EntityKind kind = EntityKind::Person;
    std::string name;  // the longest name its mentions give
    std::vector<LinkMention> mentions;
};

/// The group's name becomes `name` when that is longer (or as long and first in order):
/// the same name whatever order the names come in.
void offer_name(Group& g, const std::string& name) {
    if (name.size() > g.name.size() || (name.size() == g.name.size() && name < g.name)) g.name = name;
}

/// The groups of a part of the documents, their texts in `strings`.
struct Part {
    std::map<std::string, Group> groups;  // by key
    Strings strings;
};

/// Adds the groups of the documents after those of `to`: each group's mentions after those
/// it has, their texts numbered as in `to`.
void add_later(Part& to, Part& later) {
    std::vector<std::uint32_t> renumber(later.strings.size());
    for (std::uint32_t id = 0; id < renumber.size(); ++id) renumber[id] = to.strings.id(later.strings.at(id));
    for (auto& [key, g] : later.groups) {
        for (LinkMention& m : g.mentions) {
            m.surface = renumber[m.surface];
            m.role = renumber[m.role];
            m.affiliation = renumber[m.affiliation];
        }
        const auto [it, added] = to.groups.try_emplace(key);
        Group& target = it->second;
        if (added) {
            target = std::move(g);
            continue;
        }
        target.kind = g.kind;  // (as the last mention's kind)
        offer_name(target, g.name);
        target.mentions.insert(target.mentions.end(), g.mentions.begin(), g.mentions.end());
    }
    later = Part();
}

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

/// Most frequent non-empty value (ids in `strings`); ties go to the smallest, for
/// determinism.
std::string most_common(const std::vector<std::uint32_t>& values, const Strings& strings) {
    std::map<std::string_view, int> count;
    for (const std::uint32_t v : values)
        if (v != 0) ++count[strings.at(v)];
    std::string_view best;
    int n = 0;
    for (const auto& [v, c] : count)
        if (c > n) { best = v; n = c; }
    return std::string(best);
}

}  // namespace

EntityTable link_entities(const std::vector<DocumentAnalysis>& docs, const std::vector<DocId>& doc_ids, unsigned threads) {
    AnalysisStore store;
    for (const DocumentAnalysis& a : docs) store.add(a);
    return link_entities(store, doc_ids, threads);
}

EntityTable link_entities(const AnalysisStore& docs, const std::vector<DocId>& doc_ids, unsigned threads) {
    std::vector<std::size_t> order(docs.size());
    for (std::size_t d = 0; d < docs.size(); ++d) order[d] = d;
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return id_less(doc_ids[x], doc_ids[y]); });

    // The mentions go to their groups a run of the documents (in order) per thread, the
    // runs' groups then joined in order: on one thread this was 0.09 s at 10,000 articles
    // whatever -j.
    const unsigned parts = thread_count(threads, docs.size());
    std::vector<Part> part(parts);
    std::vector<std::uint32_t> mention_count(docs.size());  // of each document
    parallel_for(parts, parts, [&](std::size_t p) {
        Part& to = part[p];
        for (std::size_t k = order.size() * p / parts; k < order.size() * (p + 1) / parts; ++k) {
            const std::size_t d = order[k];
            const DocumentAnalysis a = docs.load(d, kEntitiesPart | kTextPart);
            mention_count[d] = static_cast<std::uint32_t>(a.entities.size());
            for (std::size_t m = 0; m < a.entities.size(); ++m) {
                const EntityMention& em = a.entities[m];
                Group& g = to.groups[em.key];
                g.kind = em.kind;
                offer_name(g, em.name);
                g.mentions.push_back({static_cast<std::uint32_t>(d), static_cast<std::uint32_t>(m),
                                      static_cast<std::uint32_t>(em.span.start), static_cast<std::uint32_t>(em.span.end),
                                      to.strings.id(squash_space(a.text(em.span))), to.strings.id(em.role), to.strings.id(em.affiliation)});
            }
        }
    });
    for (std::size_t p = 1; p < parts; ++p) add_later(part[0], part[p]);
    std::map<std::string, Group>& groups = part[0].groups;
    const Strings& strings = part[0].strings;

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
        std::vector<LinkMention> mentions;
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
        std::vector<std::uint32_t> roles, affiliations;
        std::sort(g.mentions.begin(), g.mentions.end(), [&](const LinkMention& x, const LinkMention& y) {
            if (x.doc != y.doc) return id_less(doc_ids[x.doc], doc_ids[y.doc]);
            return x.start < y.start;
        });
        for (const LinkMention& m : g.mentions) {
            if (const std::string& surface = strings.at(m.surface); surface != g.name) aliases.insert(surface);
            roles.push_back(m.role);
            affiliations.push_back(m.affiliation);
            b.entity.mentions.push_back({doc_id_texts[m.doc], m.start, m.end});
        }
        b.entity.aliases.assign(aliases.begin(), aliases.end());
        b.entity.role = most_common(roles, strings);
        b.affiliation_key = most_common(affiliations, strings);
        b.mentions = std::move(g.mentions);  // (the groups are not read again: not held twice)
    });
    std::sort(built.begin(), built.end(), [](const Built& x, const Built& y) {
        if (x.entity.kind != y.entity.kind) return x.entity.kind < y.entity.kind;
        if (x.entity.name != y.entity.name) return x.entity.name < y.entity.name;
        return x.key < y.key;
    });

    EntityTable t;
    t.of_mention.resize(docs.size());
    for (std::size_t d = 0; d < docs.size(); ++d) t.of_mention[d].assign(mention_count[d], 0);
    std::map<std::string, std::string> id_of_key;
    for (std::size_t i = 0; i < built.size(); ++i) {
        built[i].entity.id = "e" + std::to_string(i + 1);
        id_of_key[built[i].key] = built[i].entity.id;
        for (const LinkMention& m : built[i].mentions) t.of_mention[m.doc][m.index] = static_cast<std::uint32_t>(i);
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
