#include "chronograph/analysis.hpp"
#include "chronograph/document.hpp"
#include "chronograph/story.hpp"
#include "chronograph/types.hpp"

#include "model/aside_file.hpp"

#include <algorithm>
#include <cstdio>

namespace chronograph {

std::string diagnostic_line(const Diagnostic& d) {
    return std::string("chronograph: ") + (d.severity == Diagnostic::Severity::Error ? "error" : "warning") + ": " + d.path +
           ": " + d.message;
}

std::string format_day(Day d) {
    const date::year_month_day ymd{d};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buf;
}

std::optional<Day> parse_day(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto num = [&](std::size_t from, std::size_t n) -> int {
        int v = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            if (s[i] < '0' || s[i] > '9') return -1;
            v = v * 10 + (s[i] - '0');
        }
        return v;
    };
    const int y = num(0, 4), m = num(5, 2), d = num(8, 2);
    if (y < 0 || m < 0 || d < 0) return std::nullopt;
    const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                                   date::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return std::nullopt;
    return Day{ymd};
}

Day nearest_month_day(Day near, MonthDay md) {
    const int y = static_cast<int>(date::year_month_day{near}.year());
    std::optional<Day> best;
    for (int year : {y - 1, y, y + 1}) {
        const date::year_month_day ymd{date::year{year}, date::month{md.month}, date::day{md.day}};
        if (!ymd.ok()) continue;
        const Day d{ymd};
        if (!best || (d > near ? d - near : near - d) < (*best > near ? *best - near : near - *best)) best = d;
    }
    return best.value_or(near);
}

const char* to_string(DocFormat f) {
    switch (f) {
        case DocFormat::Text: return "text";
        case DocFormat::Html: return "html";
        case DocFormat::TimeML: return "timeml";
    }
    return "text";
}

const char* to_string(DctSource s) {
    switch (s) {
        case DctSource::Flag: return "flag";
        case DctSource::Text: return "text";
        case DctSource::Metadata: return "metadata";
        case DctSource::Inferred: return "inferred";
        case DctSource::None: return "none";
    }
    return "none";
}

const char* to_string(TimexType t) {
    switch (t) {
        case TimexType::Date: return "DATE";
        case TimexType::Time: return "TIME";
        case TimexType::Duration: return "DURATION";
        case TimexType::Set: return "SET";
    }
    return "DATE";
}

const char* to_string(EntityKind k) {
    switch (k) {
        case EntityKind::Person: return "person";
        case EntityKind::Organization: return "organization";
        case EntityKind::Country: return "country";
        case EntityKind::Place: return "place";
        case EntityKind::Product: return "product";
    }
    return "person";
}

const char* to_string(EventStatus s) {
    switch (s) {
        case EventStatus::Happened: return "happened";
        case EventStatus::Ongoing: return "ongoing";
        case EventStatus::Planned: return "planned";
        case EventStatus::Expected: return "expected";
        case EventStatus::Reported: return "reported";
        case EventStatus::Negated: return "negated";
        case EventStatus::Hypothetical: return "hypothetical";
    }
    return "happened";
}

const DocumentInfo* Story::document(const DocId& id) const {
    auto it = std::find_if(documents.begin(), documents.end(), [&](const DocumentInfo& d) { return d.id == id; });
    return it == documents.end() ? nullptr : &*it;
}

namespace {

/// Whether a record's list is to be read from the story's file (else it is its own).
bool kept_aside(const std::shared_ptr<const AsideFile>& file, bool held, const Aside& at) {
    return file && !held && at.count > 0;
}

}  // namespace

EvidenceList Story::evidence(const Event& ev, std::size_t limit) const {
    if (!kept_aside(aside_file, !ev.mentions.empty(), ev.aside)) {
        if (ev.mentions.size() <= limit) return EvidenceList(ev.mentions);
        return EvidenceList(std::vector<EvidenceRef>(ev.mentions.begin(), ev.mentions.begin() + static_cast<std::ptrdiff_t>(limit)));
    }
    return EvidenceList(aside_file->read<EvidenceRef>(ev.aside, limit));
}

void Story::each_evidence(const Event& ev, const std::function<void(const EvidenceRef&)>& visit) const {
    if (!kept_aside(aside_file, !ev.mentions.empty(), ev.aside)) {
        for (const EvidenceRef& m : ev.mentions) visit(m);
        return;
    }
    aside_file->each(ev.aside, visit);
}

std::vector<DocId> Story::evidence_documents(const Event& ev) const {
    if (!kept_aside(aside_file, !ev.mentions.empty(), ev.aside)) {
        std::vector<DocId> docs;
        for (const EvidenceRef& m : ev.mentions) docs.push_back(m.doc);
        return docs;
    }
    return aside_file->documents(ev.aside);
}

AsideList<ClaimRef> Story::claims(const Conflict& c) const {
    if (!kept_aside(aside_file, !c.claims.empty(), c.aside)) return AsideList<ClaimRef>(c.claims);
    return AsideList<ClaimRef>(aside_file->read<ClaimRef>(c.aside));
}

void Story::each_mention(const Entity& e, const std::function<void(const EntityMentionRef&)>& visit) const {
    if (!kept_aside(aside_file, !e.mentions.empty(), e.aside)) {
        for (const EntityMentionRef& m : e.mentions) visit(m);
        return;
    }
    aside_file->each(e.aside, visit);
}

const Entity* Story::entity(const EntityId& id) const {
    auto it = std::find_if(entities.begin(), entities.end(), [&](const Entity& e) { return e.id == id; });
    return it == entities.end() ? nullptr : &*it;
}

}  // namespace chronograph
