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
        w.u32(m.actors.size());
        for (const EntityId& a : m.actors) w.text(a);
    }
    EvidenceAside at;
    at.bytes = static_cast<std::uint32_t>(w.bytes.size());
    if (at.bytes != w.bytes.size()) throw std::length_error("an event's evidence too large to keep aside");
    at.count = static_cast<std::uint32_t>(evidence.size());
    at.offset = file_.append(w.bytes);
    return at;
}

std::vector<EvidenceRef> EvidenceFile::read(const EvidenceAside& at, std::size_t limit) const {
    const std::string data = file_.read(at.offset, at.bytes);
    bytes::Reader r(data);
    std::vector<EvidenceRef> out(std::min<std::size_t>(limit, at.count));
    for (EvidenceRef& m : out) {
        m.doc = r.text();
        m.sentence = SharedText(r.view());
        m.start = static_cast<std::uint32_t>(r.u32()), m.end = static_cast<std::uint32_t>(r.u32());
        m.trigger_start = static_cast<std::uint32_t>(r.u32()), m.trigger_end = static_cast<std::uint32_t>(r.u32());
        if (r.flag()) m.timex = r.text();
        m.timex_start = static_cast<std::uint32_t>(r.u32()), m.timex_end = static_cast<std::uint32_t>(r.u32());
        m.time = Shared<TimeValue>(r.time());
        m.status = r.raw<EventStatus>();
        m.caption = r.flag();
        m.actors.resize(r.u32());
        for (EntityId& a : m.actors) a = r.text();
    }
    return out;
}

}  // namespace chronograph
