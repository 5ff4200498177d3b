#include "entities/gazetteer.hpp"

#include "chronograph/text.hpp"

#include <stdexcept>

namespace chronograph::entities {

namespace {

constexpr const char* kDir = "en/entities/";

std::vector<std::string_view> list_field(std::string_view field) {
    std::vector<std::string_view> out;
    if (field.empty()) return out;
    for (std::string_view part : split(field, '|')) {
        part = trim(part);
        if (!part.empty()) out.push_back(part);
    }
    return out;
}

[[noreturn]] void bad_line(std::string_view file, const Record& r, std::string_view what) {
    throw std::runtime_error(std::string(kDir) + std::string(file) + " line " + std::to_string(r.line) + ": " +
                             std::string(what));
}

NamedEntry named(EntityKind kind, std::string name, std::string key, std::string country) {
    NamedEntry e;
    e.kind = kind;
    e.name = std::move(name);
    e.key = std::move(key);
    e.via = "name";
    e.country = std::move(country);
    return e;
}

bool starts_upper(std::string_view s) { return !s.empty() && s[0] >= 'A' && s[0] <= 'Z'; }

}  // namespace

bool is_all_caps(std::string_view s) {
    int letters = 0;
    for (char c : s) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') ++letters;
    }
    return letters >= 2;
}

std::string make_key(EntityKind kind, std::string_view name) {
    const char* prefix = kind == EntityKind::Person         ? "person:"
                         : kind == EntityKind::Organization ? "org:"
                         : kind == EntityKind::Country      ? "country:"
                         : kind == EntityKind::Place        ? "place:"
                                                            : "product:";
    return prefix + squash_space(normalize_token(name));
}

void Gazetteer::add_name(std::string_view phrase, NamedEntry e) {
    e.all_caps = is_all_caps(phrase);
    e.capitalized = starts_upper(phrase);
    const auto id = static_cast<std::uint32_t>(entries.size());
    const auto tokens = phrase_tokens(phrase);
    if (!tokens.empty()) words_[tokens[0]] |= kStartsName;
    if (!names.add(tokens, id)) return;
    entries.push_back(std::move(e));
    if (tokens.size() == 1) single_words_.emplace(tokens[0], id);
    if (tokens.size() == 2) pairs_.insert(tokens[0] + " " + tokens[1]);
}

void Gazetteer::load_word_roles(std::string_view name, std::string_view text,
                                std::initializer_list<std::pair<std::string_view, std::uint32_t>> roles) {
    for (const Record& r : read_table(text)) {
        std::uint32_t flag = 0;
        for (const auto& [role, bit] : roles)
            if (r[1] == role) flag = bit;
        if (flag == 0) bad_line(name, r, "unknown role");
        add_word(r[0], flag);
    }
}

void Gazetteer::load_products(const std::vector<Record>& rows) {
    static const std::pair<std::string_view, std::uint32_t> kRoles[] = {
        {"head", kProductHead},       {"noun", kProductNoun},       {"before", kProductBefore},
        {"adjective", kProductAdjective}, {"variant", kProductVariant}, {"variant-strong", kProductVariant | kProductVariantStrong},
        {"follow", kProductFollow}, {"version", kProductVersion}};
    std::unordered_map<std::string, std::uint32_t> index;  // phrase -> product_entries
    for (const Record& r : rows) {
        std::uint32_t role = 0;
        for (const auto& [name, bit] : kRoles)
            if (r[1] == name) role = bit;
        if (role == 0) bad_line("products.tsv", r, "unknown role");
        const auto tokens = phrase_tokens(r[0]);
        std::string joined;
        for (const std::string& t : tokens) joined += t + " ";
        auto [it, fresh] = index.emplace(joined, static_cast<std::uint32_t>(product_entries.size()));
        if (fresh) {
            product_entries.emplace_back();
            product_phrases.add(tokens, it->second);
        }
        ProductPhrase& p = product_entries[it->second];
        p.roles |= role;
        if (!r[2].empty()) p.canonical = std::string(r[2]);
    }
}

void Gazetteer::add_word(std::string_view word, std::uint32_t flag) { words_[normalize_token(word)] |= flag; }

Gazetteer::Gazetteer(const Resources& res) {
    const auto file = [&](const char* name) { return res.file(std::string(kDir) + name); };

    // Countries first: their names win over any later entry with the same phrase.
    for (const Record& r : read_table(file("countries.tsv"))) {
        if (r.size() < 2 || r[0].size() != 3) bad_line("countries.tsv", r, "expected code and name");
        const std::string key = "country:" + std::string(r[0]);
        const std::string name(r[1]);
        country_names_[key] = name;
        NamedEntry e = named(EntityKind::Country, name, key, key);
        add_name(name, e);
        e.via = "official name";
        if (!r[2].empty()) add_name(r[2], e);
        for (std::string_view a : list_field(r[3])) {
            e.via = is_all_caps(a) ? "acronym" : "alias";
            add_name(a, e);
        }
        e.via = "demonym";
        for (std::string_view d : list_field(r[4])) add_name(d, e);
        bool first = true;
        std::string capital;
        for (std::string_view c : list_field(r[5])) {
            if (first) capital = std::string(c);
            first = false;
            NamedEntry city = named(EntityKind::Place, capital, make_key(EntityKind::Place, capital), key);
            city.capital_of = key;
            city.country_name = name;
            add_name(c, city);
        }
    }
    for (const Record& r : read_table(file("cities.tsv"))) {
        const std::string name(r[0]);
        const std::string country = r[1].empty() ? "" : "country:" + std::string(r[1]);
        NamedEntry e = named(EntityKind::Place, name, make_key(EntityKind::Place, name), country);
        add_name(name, e);
        e.via = "alias";
        for (std::string_view a : list_field(r[2])) add_name(a, e);
    }
    for (const Record& r : read_table(file("places.tsv"))) {
        const std::string name(r[0]);
        const std::string country = r[1].empty() ? "" : "country:" + std::string(r[1]);
        NamedEntry e = named(EntityKind::Place, name, make_key(EntityKind::Place, name), country);
        add_name(name, e);
        e.via = "alias";
        for (std::string_view a : list_field(r[2])) add_name(a, e);
    }
    for (const char* f : {"organizations.tsv", "media.tsv", "companies.tsv"}) {
        for (const Record& r : read_table(file(f))) {
            const std::string name(r[0]);
            const auto aliases = list_field(r[1]);
            // An organization known by its acronym keys on it ("org:kcna"), so that the
            // acronym and the full name written alone meet in one entity.
            std::string key_name = name;
            if (!aliases.empty() && is_all_caps(aliases.front())) key_name = std::string(aliases.front());
            const std::string country = r[2].empty() ? "" : "country:" + std::string(r[2]);
            NamedEntry e = named(EntityKind::Organization, name, make_key(EntityKind::Organization, key_name), country);
            e.company = std::string_view(f) == "companies.tsv";
            add_name(name, e);
            for (std::string_view a : aliases) {
                e.via = is_all_caps(a) ? "acronym" : "alias";
                add_name(a, e);
            }
        }
    }

    for (const Record& r : read_table(file("titles.tsv"))) {
        if (r.size() < 2) bad_line("titles.tsv", r, "expected phrase and class");
        TitleEntry t;
        const std::string_view cls = r[1];
        if (cls == "honorific") t.honorific = true;
        else if (cls != "office" && cls != "role") bad_line("titles.tsv", r, "unknown class");
        if (!t.honorific) t.role = r[2].empty() ? std::string(r[0]) : std::string(r[2]);
        t.lower_ok = !t.honorific;
        t.in_org = r[3] == "org";
        const auto id = static_cast<std::uint32_t>(title_entries.size());
        const auto tokens = phrase_tokens(r[0]);
        if (!tokens.empty()) words_[tokens[0]] |= kStartsTitle;
        if (titles.add(tokens, id)) title_entries.push_back(std::move(t));
    }

    for (std::string_view name : read_list(file("given_names.txt"))) add_word(name, kGivenName);
    load_word_roles("cues.tsv", file("cues.tsv"),
                    {{"speech", kSpeechVerb}, {"org-before", kOrgCue}, {"locative", kLocative}, {"not-name", kNotName},
                     {"org-after", kOrgAfter}, {"place-modifier", kPlaceModifier}, {"org-before-of", kOrgBeforeOf},
                     {"org-speech", kOrgSpeech}, {"org-anaphor", kOrgAnaphor}, {"surname-prefix", kSurnamePrefix}});
    for (const Record& r : read_table(file("heads.tsv"))) {
        const std::string_view kind = r[1], pos = r[2], type = r[3];
        std::uint32_t flag = 0;
        if (kind == "org") {
            if (pos == "last") flag = kOrgLast;
            else if (pos == "first") flag = kOrgFirst;
        } else if (kind == "event") {
            if (pos == "last") flag = kEventLast;
        } else if (kind == "place") {
            if (pos == "last") flag = kPlaceLast;
            else if (pos == "first") flag = kPlaceFirst;
            else if (pos == "before") flag = kPlaceBefore;
            else if (pos == "after") flag = kPlaceAfter;
            else if (pos == "of") flag = kPlaceOf;
        }
        if (flag == 0) bad_line("heads.tsv", r, "unknown kind or position");
        if (type == "legal-form") flag |= kLegalForm;
        if (type == "company") flag |= kCompanyWord;
        add_word(r[0], flag);
        if (kind == "place") place_types_.emplace(normalize_token(r[0]), std::string(type));
    }
    load_word_roles("models.tsv", file("models.tsv"), {{"unit", kUnit}, {"not-model", kNotModel}, {"quantity", kQuantity}});
    for (const Record& r : read_table(file("plurals.tsv"))) add_word(r[0], kNotGroup);
    load_products(read_table(file("products.tsv")));
}

}  // namespace chronograph::entities
