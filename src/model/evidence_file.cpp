#include "model/evidence_file.hpp"

#include "model/byte_codec.hpp"

#include <algorithm>
#include <cstring>

namespace chronograph {

EvidenceAside EvidenceFile::add(const std::vector<EvidenceRef>& evidence) {
    bytes::Writer w;
    std::size_t run_start = 0;  // where the current run's size goes
    for (std::size_t k = 0; k < evidence.size(); ++k) {
        if (k % kRun == 0) {
            run_start = w.bytes.size();
            w.u32(0);
        }
        const EvidenceRef& m = evidence[k];
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
        if ((k + 1) % kRun == 0 || k + 1 == evidence.size()) {
            const auto run_bytes = static_cast<std::uint32_t>(w.bytes.size() - run_start - sizeof(std::uint32_t));
            std::memcpy(w.bytes.data() + run_start, &run_bytes, sizeof run_bytes);
        }
    }
    EvidenceAside at;
    at.bytes = static_cast<std::uint32_t>(w.bytes.size());
    if (at.bytes != w.bytes.size()) throw std::length_error("an event's evidence too large to keep aside");
    at.count = static_cast<std::uint32_t>(evidence.size());
    at.offset = file_.append(w.bytes);
    return at;
}

void EvidenceFile::runs(const EvidenceAside& at, std::size_t limit, const RunReader& decode) const {
    std::size_t left = std::min<std::size_t>(limit, at.count);
    if (left == 0) return;
    if (at.count <= kRun) {  // one run (most events): one read
        const std::string data = file_.read(at.offset, at.bytes);
        bytes::Reader r(data);
        r.u32();
        decode(r, left);
        return;
    }
    for (std::uint64_t offset = at.offset; left > 0;) {
        const std::string size = file_.read(offset, sizeof(std::uint32_t));
        const std::size_t run_bytes = bytes::Reader(size).u32();
        const std::string data = file_.read(offset + sizeof(std::uint32_t), run_bytes);
        bytes::Reader r(data);
        const std::size_t pieces = std::min(left, kRun);  // (every run but the last is full)
        decode(r, pieces);
        left -= pieces;
        offset += sizeof(std::uint32_t) + run_bytes;
    }
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
    std::vector<DocId> out;
    out.reserve(at.count);
    runs(at, at.count, [&](bytes::Reader& r, std::size_t pieces) {
        for (std::size_t k = 0; k < pieces; ++k) {
            out.push_back(r.text());
            read_after_document(r, nullptr);
        }
    });
    return out;
}

std::vector<EvidenceRef> EvidenceFile::read(const EvidenceAside& at, std::size_t limit) const {
    std::vector<EvidenceRef> out;
    out.reserve(std::min<std::size_t>(limit, at.count));
    runs(at, limit, [&](bytes::Reader& r, std::size_t pieces) {
        for (std::size_t k = 0; k < pieces; ++k) {
            EvidenceRef& m = out.emplace_back();
            m.doc = r.text();
            read_after_document(r, &m);
        }
    });
    return out;
}

void EvidenceFile::each(const EvidenceAside& at, const std::function<void(const EvidenceRef&)>& visit) const {
    std::vector<EvidenceRef> run;
    runs(at, at.count, [&](bytes::Reader& r, std::size_t pieces) {
        run.clear();  // (fresh pieces: decoding sets only the fields a piece has)
        for (std::size_t k = 0; k < pieces; ++k) {
            EvidenceRef& m = run.emplace_back();
            m.doc = r.text();
            read_after_document(r, &m);
        }
        for (const EvidenceRef& m : run) visit(m);
    });
}

}  // namespace chronograph
