#include "model/evidence_file.hpp"

#include "model/byte_codec.hpp"

#include <algorithm>

namespace chronograph {

EvidenceAside EvidenceFile::add(const std::vector<EvidenceRef>& evidence) {
    bytes::Writer w;
    for (const EvidenceRef& m : evidence) {
        w.text(m.doc);
        w.text(m.sentence);
        w.u32(m.start), w.u32(m.end);
        w.u32(m.trigger_start), w.u32(m.trigger_end);
        w.flag(m.timex.has_value());
        if (m.timex) w.text(*m.timex);
        w.u32(m.timex_start), w.u32(m.timex_end);
        w.time(m.time);
        w.raw(m.status);
        w.flag(m.caption);
        w.list(m.actors, [&](const EntityId& a) { w.text(a); });
    }
    EvidenceAside at;
    at.bytes = static_cast<std::uint32_t>(w.bytes.size());
    if (at.bytes != w.bytes.size()) throw std::length_error("an event's evidence too large to keep aside");
    at.count = static_cast<std::uint32_t>(evidence.size());
    at.offset = file_.append(w.bytes);
    return at;
}

namespace {

/// Reads the fields of a piece of evidence after its document (as add writes them) into
/// `m`, or past them when `m` is null.
void read_after_document(bytes::Reader& r, EvidenceRef* m) {
    EvidenceRef skipped;
    EvidenceRef& to = m ? *m : skipped;
    if (m) to.sentence = SharedText(r.view());
    else r.view();
    to.start = static_cast<std::uint32_t>(r.u32()), to.end = static_cast<std::uint32_t>(r.u32());
    to.trigger_start = static_cast<std::uint32_t>(r.u32()), to.trigger_end = static_cast<std::uint32_t>(r.u32());
    if (r.flag()) to.timex = r.text();
    to.timex_start = static_cast<std::uint32_t>(r.u32()), to.timex_end = static_cast<std::uint32_t>(r.u32());
    const TimeValue time = r.time();
    if (m) to.time = Shared<TimeValue>(time);
    to.status = r.raw<EventStatus>();
    to.caption = r.flag();
    const std::size_t actors = r.u32();
    if (m) to.actors.resize(actors);
    for (std::size_t k = 0; k < actors; ++k) {
        if (m) to.actors[k] = r.text();
        else r.view();
    }
}

}  // namespace

std::vector<DocId> EvidenceFile::documents(const EvidenceAside& at) const {
    const std::string data = file_.read(at.offset, at.bytes);
    bytes::Reader r(data);
    std::vector<DocId> out(at.count);
    for (DocId& doc : out) {
        doc = r.text();
        read_after_document(r, nullptr);
    }
    return out;
}

std::vector<EvidenceRef> EvidenceFile::read(const EvidenceAside& at, std::size_t limit) const {
    const std::string data = file_.read(at.offset, at.bytes);
    bytes::Reader r(data);
    std::vector<EvidenceRef> out(std::min<std::size_t>(limit, at.count));
    for (EvidenceRef& m : out) {
        m.doc = r.text();
        read_after_document(r, &m);
    }
    return out;
}

}  // namespace chronograph
