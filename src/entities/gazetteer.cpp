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
    if (names.add(phrase_tokens(phrase), id)) entries.push_back(std::move(e));
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
        if (titles.add(phrase_tokens(r[0]), id)) title_entries.push_back(std::move(t));
    }

    for (std::string_view name : read_list(file("given_names.txt"))) add_word(name, kGivenName);
    for (const Record& r : read_table(file("cues.tsv"))) {
        const std::string_view cue = r[1];
        std::uint32_t flag = 0;
        if (cue == "speech") flag = kSpeechVerb;
        else if (cue == "org-before") flag = kOrgCue;
        else if (cue == "locative") flag = kLocative;
        else if (cue == "not-name") flag = kNotName;
        else if (cue == "org-after") flag = kOrgAfter;
        else if (cue == "place-modifier") flag = kPlaceModifier;
        else bad_line("cues.tsv", r, "unknown cue");
        add_word(r[0], flag);
    }
    for (const Record& r : read_table(file("heads.tsv"))) {
        const std::string_view kind = r[1], pos = r[2], type = r[3];
        std::uint32_t flag = 0;
        if (kind == "org") {
            if (pos == "last") flag = kOrgLast;
            else if (pos == "first") flag = kOrgFirst;
        } else if (kind == "place") {
            if (pos == "last") flag = kPlaceLast;
            else if (pos == "first") flag = kPlaceFirst;
            else if (pos == "before") flag = kPlaceBefore;
            else if (pos == "after") flag = kPlaceAfter;
            else if (pos == "of") flag = kPlaceOf;
        }
        if (flag == 0) bad_line("heads.tsv", r, "unknown kind or position");
        if (type == "legal-form") flag |= kLegalForm;
        add_word(r[0], flag);
        if (kind == "place") place_types_.emplace(normalize_token(r[0]), std::string(type));
    }
}

}  // namespace chronograph::entities
