// AnalysisStore: each document's analysis as one binary record of the temporary file,
// its parts one after the other (text, paragraphs, sentences, time expressions, entities,
// events, claims), so that a step reads back only the parts it needs.
#include "chronograph/analysis_store.hpp"

#include "model/byte_codec.hpp"
#include "model/temporary_file.hpp"

#include <limits>
#include <stdexcept>
#include <string>

namespace chronograph {
namespace {

using bytes::Reader;
using bytes::Writer;

// ---- the parts, in file order --------------------------------------------------------

void write_part(Writer& w, const DocumentAnalysis& a, std::size_t part) {
    switch (part) {
        case 0: w.bytes.append(a.doc.text); break;
        case 1:
            w.list(a.doc.paragraphs, [&](const Paragraph& p) {
                w.span(p.span);
                w.flag(p.caption), w.flag(p.boilerplate), w.flag(p.duplicate), w.flag(p.heading);
            });
            break;
        case 2:
            w.list(a.sentences, [&](const Sentence& s) {
                w.span(s.span);
                w.u32(s.paragraph), w.u32(s.first_token), w.u32(s.token_count);
                w.flag(s.caption), w.flag(s.heading);
            });
            break;
        case 3:
            w.list(a.timexes, [&](const Timex& t) {
                w.span(t.span);
                w.u32(t.sentence);
                w.raw(t.type);
                w.time(t.time);
                w.flag(t.relative);
                w.text(t.rule);
            });
            break;
        case 4:
            w.list(a.entities, [&](const EntityMention& e) {
                w.span(e.span);
                w.u32(e.sentence);
                w.raw(e.kind);
                for (const std::string* s : {&e.name, &e.key, &e.via, &e.role, &e.affiliation}) w.text(*s);
            });
            break;
        case 5:
            w.list(a.events, [&](const EventMention& e) {
                w.u32(e.sentence);
                w.span(e.trigger);
                w.text(e.lemma), w.text(e.type);
                w.flag(e.nominal);
                w.raw(e.status);
                w.index(e.timex);
                w.time(e.time);
                w.text(e.time_source);
                for (const auto* list : {&e.agents, &e.patients, &e.places, &e.sources}) w.indices(*list);
                w.text(e.label), w.text(e.theme);
                w.span(e.clause);
                w.text(e.duration), w.text(e.anchor_type);
            });
            break;
        case 6:
            w.list(a.claims, [&](const Claim& c) {
                w.u32(c.sentence);
                w.span(c.span);
                w.text(c.about), w.text(c.unit);
                w.raw(c.value);
                w.text(c.text);
                w.index(c.event);
            });
            break;
    }
}

void read_part(std::string_view bytes, DocumentAnalysis& a, std::size_t part) {
    Reader r(bytes);
    switch (part) {
        case 0: a.doc.text = std::string(bytes); break;
        case 1:
            r.list(a.doc.paragraphs, [&](Paragraph& p) {
                p.span = r.span();
                p.caption = r.flag(), p.boilerplate = r.flag(), p.duplicate = r.flag(), p.heading = r.flag();
            });
            break;
        case 2:
            r.list(a.sentences, [&](Sentence& s) {
                s.span = r.span();
                s.paragraph = r.u32();
                s.first_token = static_cast<std::uint32_t>(r.u32());
                s.token_count = static_cast<std::uint32_t>(r.u32());
                s.caption = r.flag(), s.heading = r.flag();
            });
            break;
        case 3:
            r.list(a.timexes, [&](Timex& t) {
                t.span = r.span();
                t.sentence = r.u32();
                t.type = r.raw<TimexType>();
                t.time = r.time();
                t.relative = r.flag();
                t.rule = r.text();
            });
            break;
        case 4:
            r.list(a.entities, [&](EntityMention& e) {
                e.span = r.span();
                e.sentence = r.u32();
                e.kind = r.raw<EntityKind>();
                for (std::string* s : {&e.name, &e.key, &e.via, &e.role, &e.affiliation}) *s = r.text();
            });
            break;
        case 5:
            r.list(a.events, [&](EventMention& e) {
                e.sentence = r.u32();
                e.trigger = r.span();
                e.lemma = r.text(), e.type = r.text();
                e.nominal = r.flag();
                e.status = r.raw<EventStatus>();
                e.timex = r.index();
                e.time = r.time();
                e.time_source = r.text();
                for (auto* list : {&e.agents, &e.patients, &e.places, &e.sources}) *list = r.indices();
                e.label = r.text(), e.theme = r.text();
                e.clause = r.span();
                e.duration = r.text(), e.anchor_type = r.text();
            });
            break;
        case 6:
            r.list(a.claims, [&](Claim& c) {
                c.sentence = r.u32();
                c.span = r.span();
                c.about = r.text(), c.unit = r.text();
                c.value = r.raw<double>();
                c.text = r.text();
                c.event = r.index();
            });
            break;
    }
}

}  // namespace

AnalysisStore::AnalysisStore() : file_(std::make_unique<TemporaryFile>("analyses")) {}

AnalysisStore::~AnalysisStore() = default;

AnalysisStore::Entry AnalysisStore::write(const DocumentAnalysis& a) {
    Entry e;
    e.doc.path = a.doc.path;
    e.doc.title = a.doc.title;
    e.doc.format = a.doc.format;
    e.doc.dct = a.doc.dct;
    e.doc.dct_source = a.doc.dct_source;
    e.doc.dct_month_day = a.doc.dct_month_day;
    e.text_bytes = a.doc.text.size();
    e.sentences = a.sentences.size();
    e.events = a.events.size();
    Writer w;
    for (std::size_t p = 0; p < kParts; ++p) {
        write_part(w, a, p);
        e.ends[p] = static_cast<std::uint32_t>(w.bytes.size());
        if (w.bytes.size() > std::numeric_limits<std::uint32_t>::max()) throw std::length_error("analysis too large to keep aside");
    }
    e.offset = file_->append(w.bytes);
    return e;
}

std::size_t AnalysisStore::add(const DocumentAnalysis& a) {
    Entry e = write(a);
    std::lock_guard lock(mutex_);
    entries_.push_back(std::move(e));
    return entries_.size() - 1;
}

void AnalysisStore::replace(std::size_t i, const DocumentAnalysis& a) {
    // (The old record stays in the file, unread: few documents are analysed again.)
    entries_[i] = write(a);
}

void AnalysisStore::reorder(const std::vector<std::size_t>& order) {
    std::vector<Entry> kept;
    kept.reserve(order.size());
    for (std::size_t i : order) kept.push_back(std::move(entries_[i]));
    entries_ = std::move(kept);
}

DocumentAnalysis AnalysisStore::load(std::size_t i, unsigned parts) const {
    const Entry& e = entries_[i];
    DocumentAnalysis a;
    a.doc = e.doc;
    if ((parts & kAllParts) == 0) return a;
    // The bytes from the first part asked for to the last, in one read.
    std::size_t first = 0, last = kParts - 1;
    while (!(parts & (1u << first))) ++first;
    while (!(parts & (1u << last))) --last;
    const std::size_t begin = first == 0 ? 0 : e.ends[first - 1], end = e.ends[last];
    const std::string bytes = file_->read(e.offset + begin, end - begin);
    for (std::size_t p = first; p <= last; ++p) {
        if (!(parts & (1u << p))) continue;
        const std::size_t from = (p == 0 ? 0 : e.ends[p - 1]) - begin;
        read_part(std::string_view(bytes).substr(from, e.ends[p] - begin - from), a, p);
    }
    return a;
}

}  // namespace chronograph
