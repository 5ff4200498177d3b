#include "model/evidence_file.hpp"

#include "model/byte_codec.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace chronograph {

namespace {

/// Writes a run of pieces after its size in bytes.
void write_run(bytes::Writer& w, const EvidenceRef* first, const EvidenceRef* last) {
    const std::size_t size_at = w.bytes.size();
    w.u32(0);
    for (const EvidenceRef* m = first; m != last; ++m) {
        w.text(m->doc);
        w.text(m->sentence);
        w.u32(m->start), w.u32(m->end);
        w.u32(m->trigger_start), w.u32(m->trigger_end);
        w.flag(m->timex.has_value());
        if (m->timex) w.text(*m->timex);
        w.u32(m->timex_start), w.u32(m->timex_end);
        w.time(m->time);
        w.raw(m->status);
        w.flag(m->caption);
        w.list(m->actors, [&](const EntityId& a) { w.text(a); });
    }
    const std::size_t run_bytes = w.bytes.size() - size_at - sizeof(std::uint32_t);
    if (run_bytes > std::numeric_limits<std::uint32_t>::max()) throw std::length_error("an event's evidence too large to keep aside");
    const auto size = static_cast<std::uint32_t>(run_bytes);
    std::memcpy(w.bytes.data() + size_at, &size, sizeof size);
}

}  // namespace

EvidenceAside EvidenceFile::add(const std::vector<EvidenceRef>& evidence) {
    EvidenceAside at;
    at.count = static_cast<std::uint32_t>(evidence.size());
    if (at.count != evidence.size()) throw std::length_error("an event's evidence too large to keep aside");
    std::uint64_t bytes = 0;
    bytes::Writer w;
    if (evidence.size() <= kRun) {  // (most events: written whole)
        write_run(w, evidence.data(), evidence.data() + evidence.size());
        const std::lock_guard lock(mutex_);
        at.offset = file_.append(w.bytes);
        bytes = w.bytes.size();
    } else {
        // Run by run, one after the other in the file (no other event's in between): the
        // largest events' whole record would be some 90 MB.
        const std::lock_guard lock(mutex_);
        for (std::size_t k = 0; k < evidence.size(); k += kRun) {
            w.bytes.clear();
            write_run(w, evidence.data() + k, evidence.data() + std::min(k + kRun, evidence.size()));
            const std::uint64_t offset = file_.append(w.bytes);
            if (k == 0) at.offset = offset;
            bytes += w.bytes.size();
        }
    }
    at.bytes = static_cast<std::uint32_t>(bytes);
    if (at.bytes != bytes) throw std::length_error("an event's evidence too large to keep aside");
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
