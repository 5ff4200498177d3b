// Hand-made and synthetic Stories for the graph and export tests (and tools/ benchmarks).
// The hand-made one follows the five sample articles (a road bridge between North Korea
// and Russia), so the views can be judged on a realistic story before the upstream
// stages produce one. Header-only so tools/ can use it without a library of its own.
#pragma once

#include "chronograph/story.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace chronograph::fixtures {

inline Day day(const char* iso) { return *parse_day(iso); }

inline TimeValue when(std::string value, std::string mod, const char* earliest, const char* latest) {
    return TimeValue{std::move(value), std::move(mod), TimeInterval{day(earliest), day(latest)}};
}
inline TimeValue exact(const char* iso) { return when(iso, "", iso, iso); }
inline TimeValue undated() { return TimeValue{}; }

/// One sentence of evidence; `timex` and `trigger` are found in the sentence text.
inline EvidenceRef evidence(std::string doc, std::string sentence, std::size_t start, const std::string& trigger,
                            std::optional<std::string> timex, TimeValue time, EventStatus status = EventStatus::Happened) {
    EvidenceRef r;
    r.doc = std::move(doc);
    r.start = start;
    r.end = start + sentence.size();
    const std::size_t tr = sentence.find(trigger);
    r.trigger_start = start + (tr == std::string::npos ? 0 : tr);
    r.trigger_end = r.trigger_start + (tr == std::string::npos ? 0 : trigger.size());
    if (timex) {
        const std::size_t tx = sentence.find(*timex);
        if (tx != std::string::npos) {
            r.timex = timex;
            r.timex_start = start + tx;
            r.timex_end = r.timex_start + timex->size();
        }
    }
    r.sentence = std::move(sentence);
    r.time = std::move(time);
    r.status = status;
    return r;
}

/// The sample articles as a consolidated Story: 5 documents, 24 entities, 20 events
/// (from a 1959 railway bridge to a completion planned for mid-2026; 3 undated),
/// 4 conflicts.
inline Story sample_story() {
    Story s;
    auto doc = [&](const char* id, const char* path, const char* title, std::optional<Day> dct, std::size_t sentences) {
        DocumentInfo d;
        d.id = id;
        d.path = path;
        d.title = title;
        d.dct = dct;
        d.dct_source = dct ? DctSource::Text : DctSource::Inferred;
        d.sentences = sentences;
        d.bytes = sentences * 180;
        s.documents.push_back(std::move(d));
    };
    doc("d1", "samples/000-road-bridge-strategic-progression.txt", "North Korea's New Road Bridge to Russia: A Strategic Progression", day("2025-05-01"), 14);
    doc("d2", "samples/001-azernews-first-road-link.txt", "North Korea and Russia have begun the construction of their first road link", day("2025-05-01"), 15);
    doc("d3", "samples/002-bnn-bridge-construction-preparations.txt", "Russia and North Korea Prepare for Bridge Construction, Enhancing Strategic Ties", std::nullopt, 14);
    doc("d4", "samples/003-independent-cementing-alliance.txt", "North Korea and Russia are cementing their alliance", day("2025-05-01"), 18);
    doc("d5", "samples/004-first-road-link-and-troops.txt", "North Korea and Russia have begun building their first road link", day("2025-05-01"), 35);
    s.documents[2].dct = day("2025-03-10");

    auto ent = [&](const char* id, const char* name, EntityKind kind, const char* role = "", const char* affiliation = nullptr) {
        Entity e;
        e.id = id;
        e.name = name;
        e.kind = kind;
        e.role = role;
        if (affiliation) e.affiliation = affiliation;
        e.mentions.push_back({"d1", 0, 0});
        s.entities.push_back(std::move(e));
    };
    using K = EntityKind;
    ent("e1", "North Korea", K::Country);
    ent("e2", "Russia", K::Country);
    ent("e3", "Vladimir Putin", K::Person, "President", "e2");
    ent("e4", "Mikhail Mishustin", K::Person, "Prime Minister", "e2");
    ent("e5", "Pak Thae Song", K::Person, "Premier", "e1");
    ent("e6", "Kim Jong Un", K::Person, "supreme leader", "e1");
    ent("e7", "KCNA", K::Organization, "", "e1");
    ent("e8", "TASS", K::Organization, "", "e2");
    ent("e9", "Tumen River", K::Place);
    ent("e10", "Pyongyang", K::Place);
    ent("e11", "Kursk", K::Place);
    ent("e12", "Kyiv", K::Place);
    ent("e13", "Ukraine", K::Country);
    ent("e14", "South Korea", K::Country);
    ent("e15", "SI Analytics", K::Organization);
    ent("e16", "Volodymyr Zelensky", K::Person, "President", "e13");
    ent("e17", "Kommersant", K::Organization);
    ent("e18", "Tumangang", K::Place);
    ent("e19", "Khasan", K::Place);
    ent("e20", "Friendship Bridge", K::Product);
    ent("e21", "Tumangang Road bridge", K::Product);
    ent("e22", "Joint Chiefs of Staff", K::Organization, "", "e14");
    ent("e23", "Alexander Matsegora", K::Person, "Ambassador", "e2");
    ent("e24", "Kyrylo Budanov", K::Person, "military intelligence chief", "e13");
    s.entities[0].aliases = {"DPRK", "Pyongyang"};
    s.entities[1].aliases = {"Moscow"};

    using St = EventStatus;
    auto event = [&](const char* id, const char* label, const char* type, St status, TimeValue t, const char* source,
                     std::vector<EntityId> actors, std::vector<EntityId> places, std::vector<EntityId> sources,
                     std::vector<EvidenceRef> mentions) {
        Event e;
        e.id = id;
        e.label = label;
        e.type = type;
        e.status = status;
        e.time = std::move(t);
        e.time_source = source;
        e.actors = std::move(actors);
        e.places = std::move(places);
        e.sources = std::move(sources);
        e.mentions = std::move(mentions);
        s.events.push_back(std::move(e));
    };

    event("ev1", "Railway bridge built", "construction", St::Happened, when("1959", "", "1959-01-01", "1959-12-31"), "timex",
          {}, {"e9"}, {},
          {evidence("d3", "The proposed bridge will span approximately 850 meters and will be constructed adjacent to an existing railway bridge built in 1959 post-Korean War.", 1210, "built", "1959", when("1959", "", "1959-01-01", "1959-12-31"))});
    event("ev2", "Wooden border bridge destroyed", "destruction", St::Happened, when("19", "START", "1900-01-01", "1933-12-31"), "timex",
          {}, {"e9"}, {},
          {evidence("d3", "Historical records indicate that a wooden bridge was previously utilized for border crossings until its destruction in the early 20th century.", 1370, "destruction", "early 20th century", when("19", "START", "1900-01-01", "1933-12-31"))});
    event("ev3", "North Korea receives Russian tourists", "travel", St::Ongoing, when("2024-02", "", "2024-02-01", "2024-02-29"), "timex",
          {"e1", "e2"}, {}, {},
          {evidence("d5", "North Korea has also been receiving Russian tourists since February 2024 amid slowly easing pandemic curbs.", 6120, "receiving", "February 2024", when("2024-02", "", "2024-02-01", "2024-02-29"), St::Ongoing)});
    event("ev4", "Putin visits Pyongyang, strategic partnership signed", "visit", St::Happened, exact("2024-06-19"), "timex",
          {"e3", "e6", "e2", "e1"}, {"e10"}, {},
          {evidence("d5", "Russian President Vladimir Putin, left, and North Korea's leader Kim Jong Un exchange documents during a signing ceremony of the new partnership in Pyongyang, North Korea, on June 19, 2024", 3300, "signing", "June 19, 2024", exact("2024-06-19")),
           evidence("d3", "This development follows President Vladimir Putin’s visit to North Korea in 2024, during which a comprehensive strategic partnership agreement was established between the two nations.", 640, "visit", "2024", when("2024", "", "2024-01-01", "2024-12-31")),
           evidence("d1", "Their relationship has strengthened since the onset of the Ukraine war, underlined by a strategic agreement signed during Russian President Vladimir Putin's visit to Pyongyang last year.", 1500, "visit", "last year", when("2024", "", "2024-01-01", "2024-12-31"))});
    event("ev5", "North Korea and Russia agree to build road bridge", "agreement", St::Happened, when("2024-06", "", "2024-06-01", "2024-06-30"), "timex",
          {"e1", "e2"}, {"e9"}, {},
          {evidence("d2", "In June 2024, North Korea and Russia agreed to build a bridge for automobiles over the Tumen River, which forms the border between North Korea, Russia, and China.", 1100, "agreed", "June 2024", when("2024-06", "", "2024-06-01", "2024-06-30")),
           evidence("d4", "One railway bridge and air service already connect North Korea and Russia, and in June 2024, the two countries agreed to construct a bridge for automobiles over the Tumen River, which runs along North Korea’s borders with Russia and China.", 2100, "agreed", "June 2024", when("2024-06", "", "2024-06-01", "2024-06-30"))});
    event("ev6", "Ukrainian forces seize parts of Kursk region", "attack", St::Happened, when("2024", "", "2024-01-01", "2024-12-31"), "timex",
          {"e13"}, {"e11"}, {},
          {evidence("d4", "On Monday, North Korea confirmed for the first time that it has sent combat troops to Russia to help it reclaim parts of the Kursk region that Ukraine forces seized in a stunning incursion last year.", 3000, "seized", "last year", when("2024", "", "2024-01-01", "2024-12-31"))});
    event("ev7", "North Korean soldier captured by Ukrainian army", "arrest", St::Happened, exact("2025-01-11"), "timex",
          {"e13"}, {}, {},
          {evidence("d5", "A North Korean soldier held after being captured by the Ukrainian army on January 11", 4500, "captured", "January 11", exact("2025-01-11"))});
    event("ev8", "North Korea deploys 3,000 additional troops", "deployment", St::Happened, when("2025-01/2025-02", "", "2025-01-01", "2025-02-28"), "timex",
          {"e1"}, {"e11"}, {"e22"},
          {evidence("d3", "In related military developments, reports from the South Korean Joint Chiefs of Staff Committee highlight that North Korea has deployed approximately 3,000 additional troops to Russia as of January and February.", 2200, "deployed", "January and February", when("2025-01/2025-02", "", "2025-01-01", "2025-02-28"))});
    event("ev9", "Satellite images show bridge preparations", "report", St::Reported, when("2025", "START", "2025-01-01", "2025-04-30"), "timex",
          {"e15"}, {"e9"}, {"e15"},
          {evidence("d5", "Satellite images shared by South Korean company SI Analytics earlier this year showed construction materials and preparations being made", 2900, "showed", "earlier this year", when("2025", "START", "2025-01-01", "2025-04-30"), St::Reported)});
    event("ev10", "Missile attack on Kyiv kills more than a dozen", "attack", St::Happened, exact("2025-04-24"), "timex",
          {"e2"}, {"e12"}, {"e16"},
          {evidence("d5", "The hours-long barrage of missiles and drones on April 24 was the deadliest assault on the Ukrainian capital since last July.", 5200, "barrage", "April 24", exact("2025-04-24"))});
    event("ev11", "North Korea confirms troops sent to Kursk", "statement", St::Reported, exact("2025-04-28"), "timex",
          {"e1"}, {"e11"}, {"e7"},
          {evidence("d4", "On Monday, North Korea confirmed for the first time that it has sent combat troops to Russia to help it reclaim parts of the Kursk region that Ukraine forces seized in a stunning incursion last year.", 3000, "confirmed", "On Monday", exact("2025-04-28"), St::Reported),
           evidence("d2", "In a notable development earlier this week, North Korea confirmed, for the first time, that it had deployed combat troops to Russia to assist in reclaiming parts of the Kursk region, which had been seized by Ukrainian forces during a bold incursion last year.", 2400, "confirmed", "earlier this week", when("2025-W18", "", "2025-04-28", "2025-04-30"), St::Reported)});
    event("ev12", "South Korean intelligence: about 15,000 soldiers sent", "report", St::Reported, exact("2025-04-30"), "timex",
          {"e14", "e1"}, {}, {"e14"},
          {evidence("d4", "According to a South Korean government intelligence assessment shared with lawmakers on Wednesday, North Korea has sent about 15,000 soldiers to Russia, and 4,700 of them have been killed or wounded.", 3600, "shared", "on Wednesday", exact("2025-04-30"), St::Reported),
           evidence("d2", "According to a South Korean intelligence report shared with lawmakers on Wednesday, North Korea has sent around 15,000 soldiers to Russia, with 4,700 casualties, including deaths and injuries.", 2900, "shared", "on Wednesday", exact("2025-04-30"), St::Reported)});
    event("ev13", "Ground-breaking ceremony for the road bridge", "ceremony", St::Happened, exact("2025-04-30"), "timex",
          {"e1", "e2", "e5", "e4"}, {"e18", "e19", "e9"}, {"e7", "e8"},
          {evidence("d2", "On Thursday, the two countries held a simultaneous groundbreaking ceremony for the bridge in their respective border cities, as reported by their state media outlets.", 1400, "groundbreaking", "On Thursday", exact("2025-05-01")),
           evidence("d4", "On Thursday, North Korea and Russia simultaneously held a ground-breaking ceremony for the bridge’s construction in their respective border cities, according to the two countries’ state media agencies.", 2400, "ground-breaking", "On Thursday", exact("2025-05-01")),
           evidence("d4", "This photo provided by the North Korean government, shows a a ground-breaking ceremony for the construction of a bridge between North Korea and Russia, in Rason Municipality, North Kora Wednesday, April 30, 2025 ( KCNA via KNS )", 2700, "ground-breaking", "Wednesday, April 30, 2025", exact("2025-04-30")),
           evidence("d1", "The bridge, designed to span the Tumen River in North Korea's northeastern region, officially broke ground on Wednesday and will be located adjacent to the existing 'Friendship Bridge' — a Soviet-era rail link facilitating exchange between the two nations.", 700, "broke ground", "on Wednesday", exact("2025-04-30")),
           evidence("d5", "On Thursday, North Korea and Russia simultaneously held a ground-breaking ceremony for the bridge’s construction in their respective border cities of Tumangang and Khasan on either side of the Tumen River, close to their existing rail ‘Friendship Bridge’.", 900, "ground-breaking", "On Thursday", exact("2025-05-01"))});
    s.events.back().mentions[2].caption = true;
    std::swap(s.events[0], s.events[1]);  // the Story is in time order: the early 20th century first
    event("ev14", "Mishustin: bridge is a big milestone", "statement", St::Reported, exact("2025-04-30"), "dct",
          {"e4"}, {}, {"e8"},
          {evidence("d4", "“This is a big milestone for Russian-Korean relation,” Russian Prime Minister Mikhail Mishustin said, according to Tass.", 3100, "said", std::nullopt, exact("2025-04-30"), St::Reported)});
    event("ev15", "Pak: bridge will be a historic monument", "statement", St::Reported, exact("2025-05-01"), "timex",
          {"e5"}, {}, {"e7"},
          {evidence("d5", "North Korean Premier Pak Thae Song said the bridge’s construction would be remembered as ‘a historic monument’ in bilateral ties, North Korea’s KCNA reported Thursday.", 1300, "said", "Thursday", exact("2025-05-01"), St::Reported)});
    event("ev16", "Bridge completion planned", "completion", St::Planned, when("2026", "MID", "2026-05-01", "2026-08-31"), "timex",
          {"e1", "e2"}, {"e9"}, {"e17"},
          {evidence("d1", "Scheduled for completion by mid-2026, according to reports from Kommersant, this construction aligns with North Korea's recent confirmation of sending troops to support Russia in its ongoing conflict in Ukraine.", 1000, "completion", "mid-2026", when("2026", "MID", "2026-05-01", "2026-08-31"), St::Planned)});
    event("ev17", "Bridge expected to take 18 months to complete", "completion", St::Expected, when("2026-10", "APPROX", "2026-10-01", "2026-10-31"), "derived",
          {"e21"}, {"e9"}, {"e8"},
          {evidence("d4", "Russia's Tass news agency reported the bridge will stretch 1 kilometre (0.6 miles) and is projected to take 18 months to complete.", 1600, "complete", "18 months", when("2026-10", "APPROX", "2026-10-01", "2026-10-31"), St::Expected),
           evidence("d2", "Russia's Tass news agency reported on Wednesday that the bridge, which will span 1 kilometer (0.6 miles), is expected to take approximately 1.5 years to complete.", 600, "complete", "approximately 1.5 years", when("2026-10", "APPROX", "2026-10-01", "2026-10-31"), St::Expected)});
    event("ev18", "Preparations for the new bridge commence", "preparation", St::Ongoing, undated(), "",
          {"e2", "e1"}, {"e9"}, {"e23"},
          {evidence("d3", "Preparations for the new bridge have commenced, which include finalizing design documents and assembling construction teams and machinery.", 1500, "commenced", std::nullopt, undated(), St::Ongoing)});
    event("ev19", "Pyongyang provides ballistic missiles and rocket systems", "supply", St::Reported, undated(), "",
          {"e1"}, {}, {"e24"},
          {evidence("d5", "Pyongyang is believed to have provided Moscow with ballistic missiles, 120 long-range artillery systems and 120 multiple-launch rocket systems, according to Ukraine's military intelligence chief Kyrylo Budanov, along with millions of artillery shells.", 4000, "provided", std::nullopt, undated(), St::Reported)});
    event("ev20", "Gerasimov reports North Korean servicemen in Kursk", "statement", St::Reported, undated(), "",
          {"e2"}, {"e11"}, {},
          {evidence("d5", "Meanwhile, the Russian chief of general staff Valery Gerasimov, told Putin: 'I want to point out the participation of servicemen from the Democratic People's Republic of Korea in the liberation of the Kursk Region's border areas.", 4700, "told", std::nullopt, undated(), St::Reported)});

    auto claim = [](const char* value, const char* doc, const char* sentence, const char* text) {
        return ClaimRef{value, doc, sentence, text};
    };
    s.conflicts.push_back({"troops sent", std::string("ev12"),
                           {claim("15000 person", "d2", "North Korea has sent around 15,000 soldiers to Russia", "around 15,000 soldiers"),
                            claim("15000 person", "d4", "North Korea has sent about 15,000 soldiers to Russia", "about 15,000 soldiers"),
                            claim("11000 person", "d3", "having sent around 11,000 troops", "around 11,000 troops"),
                            claim("14000 person", "d5", "Ukrainian officials believe North Korea has deployed as many as 14,000 troops", "as many as 14,000 troops")}, {}});
    s.conflicts.push_back({"bridge length", std::nullopt,
                           {claim("1000 m", "d2", "the bridge, which will span 1 kilometer (0.6 miles)", "1 kilometer"),
                            claim("850 m", "d3", "The bridge is projected to be 850 meters long", "850 meters")}, {}});
    s.conflicts.push_back({"date of ground-breaking ceremony", std::string("ev13"),
                           {claim("2025-05-01", "d2", "On Thursday, the two countries held a simultaneous groundbreaking ceremony", "On Thursday"),
                            claim("2025-04-30", "d1", "officially broke ground on Wednesday", "on Wednesday")}, {}});
    s.conflicts.push_back({"completion date", std::string("ev16"),
                           {claim("2026 (MID)", "d1", "Scheduled for completion by mid-2026", "mid-2026"),
                            claim("2026-10 (APPROX)", "d4", "is projected to take 18 months to complete", "18 months")}, {}});
    return s;
}

/// A deterministic pseudo-random Story of `events` events (for scale checks): about one
/// entity per 8 events, one document per 20, dates mostly in the last ten years with a
/// few old outliers, 5% undated, every status and date precision, a conflict per 100.
inline Story synthetic_story(std::size_t events, std::uint64_t seed = 1) {
    std::uint64_t state = seed * 0x9E3779B97F4A7C15ull + 1;
    auto next = [&]() {  // xorshift64*: same numbers on every platform
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        return state * 0x2545F4914F6CDD1Dull;
    };
    auto below = [&](std::uint64_t n) { return n == 0 ? 0 : next() % n; };

    Story s;
    const std::size_t n_docs = std::max<std::size_t>(1, events / 20);
    const std::size_t n_ents = std::max<std::size_t>(4, events / 8);
    const Day base = day("2016-01-01");
    for (std::size_t i = 0; i < n_docs; ++i) {
        DocumentInfo d;
        d.id = "d" + std::to_string(i + 1);
        d.path = "corpus/article-" + std::to_string(i + 1) + ".txt";
        d.title = "Synthetic article " + std::to_string(i + 1);
        d.dct = base + date::days{static_cast<int>(below(3650))};
        d.dct_source = DctSource::Text;
        d.sentences = 20 + below(40);
        s.documents.push_back(std::move(d));
    }
    static const EntityKind kinds[] = {EntityKind::Person, EntityKind::Person, EntityKind::Organization, EntityKind::Country, EntityKind::Place, EntityKind::Place, EntityKind::Product};
    static const char* syllables[] = {"ka", "to", "ri", "mu", "sen", "lo", "var", "din", "ol", "pra", "zu", "ne"};
    for (std::size_t i = 0; i < n_ents; ++i) {
        Entity e;
        e.id = "e" + std::to_string(i + 1);
        for (int k = 0, n = 2 + static_cast<int>(below(3)); k < n; ++k) e.name += syllables[below(12)];
        e.name[0] = static_cast<char>(e.name[0] - 'a' + 'A');
        e.name += " " + std::to_string(i + 1);
        e.kind = kinds[(i + below(2)) % 7];  // every kind present, places among the first five
        s.entities.push_back(std::move(e));
    }
    static const EventStatus statuses[] = {EventStatus::Happened, EventStatus::Happened, EventStatus::Happened, EventStatus::Reported, EventStatus::Ongoing, EventStatus::Planned, EventStatus::Expected, EventStatus::Negated};
    static const char* types[] = {"meeting", "attack", "statement", "agreement", "construction", "visit", "election", "report"};
    static const char* mods[] = {"", "", "", "", "MID", "START", "END", "APPROX"};
    // Entities are picked with a skew so a few actors dominate, as in real coverage.
    auto pick_entity = [&](bool place) {
        for (int tries = 0;; ++tries) {
            const std::size_t r = below(n_ents);
            const std::size_t i = tries < 64 ? below(r + 1) : r;
            const bool is_place = s.entities[i].kind == EntityKind::Place;
            if (is_place == place || tries > 256) return s.entities[i].id;
        }
    };
    for (std::size_t i = 0; i < events; ++i) {
        Event e;
        e.id = "ev" + std::to_string(i + 1);
        e.type = types[below(8)];
        e.status = statuses[below(8)];
        e.label = std::string(e.type) + " of " + s.entities[below(n_ents)].name + " number " + std::to_string(i + 1);
        const std::uint64_t kind = below(100);
        if (kind < 5) {
            e.time = undated();
        } else {
            Day d = kind < 7 ? day("1950-01-01") + date::days{static_cast<int>(below(365 * 30))} : base + date::days{static_cast<int>(below(3650))};
            const std::uint64_t precision = below(10);
            if (precision < 7) {
                e.time = TimeValue{format_day(d), "", TimeInterval{d, d}};
            } else if (precision < 9) {
                const date::year_month_day ymd{d};
                const Day first = date::sys_days{ymd.year() / ymd.month() / 1};
                const Day last = date::sys_days{ymd.year() / ymd.month() / date::last};
                e.time = TimeValue{format_day(first).substr(0, 7), mods[below(8)], TimeInterval{first, last}};
            } else {
                const date::year_month_day ymd{d};
                e.time = TimeValue{std::to_string(static_cast<int>(ymd.year())), mods[below(8)],
                                   TimeInterval{date::sys_days{ymd.year() / 1 / 1}, date::sys_days{ymd.year() / 12 / 31}}};
            }
            e.time_source = "timex";
        }
        for (std::size_t k = 0, n = 1 + below(3); k < n; ++k) e.actors.push_back(pick_entity(false));
        if (below(2)) e.places.push_back(pick_entity(true));
        if (below(4) == 0) e.sources.push_back(pick_entity(false));
        for (std::size_t k = 0, n = 1 + below(3); k < n; ++k) {
            const std::string doc = s.documents[below(n_docs)].id;
            std::string sentence = "On " + (e.time.value.empty() ? std::string("some day") : e.time.value) + ", " + e.label +
                                   " was reported by sources in document " + doc + ".";
            e.mentions.push_back(evidence(doc, std::move(sentence), 100 * k, e.type, e.time.value.empty() ? std::nullopt : std::optional<std::string>(e.time.value), e.time, e.status));
        }
        s.events.push_back(std::move(e));
    }
    // Story order: time order, undated last (as consolidate produces it).
    std::stable_sort(s.events.begin(), s.events.end(), [](const Event& a, const Event& b) {
        if (a.time.dated() != b.time.dated()) return a.time.dated();
        if (!a.time.dated()) return false;
        return a.time.interval->earliest < b.time.interval->earliest;
    });
    for (std::size_t i = 0; i + 1 < s.events.size(); i += 100) {
        Conflict c;
        c.about = "casualties";
        c.event = s.events[i].id;
        c.claims.push_back({"12 person", s.events[i].mentions[0].doc, s.events[i].mentions[0].sentence, "12 people"});
        c.claims.push_back({"20 person", s.events[i + 1].mentions[0].doc, s.events[i + 1].mentions[0].sentence, "20 people"});
        s.conflicts.push_back(std::move(c));
    }
    return s;
}

/// A Story whose every article-supplied string tries to break out of DOT, SVG, HTML and JSON.
inline Story hostile_story() {
    Story s = sample_story();
    const std::string evil = "<script>alert(1)</script> \"quoted\" ]]> & &amp; \"-> {} \\N \\\\ </script><!-- --> \xE2\x80\xA8 end";
    for (auto& d : s.documents) {
        d.title = evil + " " + d.title;
        d.path = "dir/<b>\"&'" + d.path;
    }
    for (auto& e : s.entities) e.name = e.name + " " + evil;
    for (auto& e : s.events) {
        e.label = evil + " " + e.label;
        e.type = e.type + "<i>";
        for (auto& m : e.mentions) {
            const std::size_t shift = evil.size() + 1;
            m.sentence = evil + " " + m.sentence.str();
            m.end += shift;
            if (m.timex) { m.timex_start += shift; m.timex_end += shift; }
            m.trigger_start += shift;
            m.trigger_end += shift;
        }
    }
    for (auto& c : s.conflicts) {
        c.about = evil + c.about;
        for (auto& cl : c.claims) { cl.value = evil; cl.text = evil; cl.sentence = evil; }
    }
    return s;
}

/// The sample Story with one event, ev13, reported by 40 sentences (its five, over and
/// over) and its conflict made of 30 claims: 27 of its first claim's value, then the
/// values "B", "C" and "D" once each. More than timeline.html holds of either.
inline Story crowded_sample_story() {
    Story s = sample_story();
    Event& ceremony = *std::find_if(s.events.begin(), s.events.end(), [](const Event& e) { return e.id == "ev13"; });
    const std::vector<EvidenceRef> five = ceremony.mentions;
    while (ceremony.mentions.size() < 40) ceremony.mentions.push_back(five[ceremony.mentions.size() % five.size()]);
    Conflict& dispute = *std::find_if(s.conflicts.begin(), s.conflicts.end(), [](const Conflict& c) { return c.event == EventId("ev13"); });
    const ClaimRef claim = dispute.claims.front();
    dispute.claims.assign(27, claim);
    for (const char* value : {"B", "C", "D"}) {
        dispute.claims.push_back(claim);
        dispute.claims.back().value = value;
        dispute.claims.back().text = value;
    }
    return s;
}

}  // namespace chronograph::fixtures
