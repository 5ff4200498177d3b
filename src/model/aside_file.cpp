#include "model/aside_file.hpp"

#include "model/byte_codec.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace chronograph {

namespace {

void write_piece(bytes::Writer& w, const EvidenceRef& m) {
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

void write_piece(bytes::Writer& w, const ClaimRef& c) {
    w.text(c.value);
    w.text(c.doc);
    w.text(c.sentence);
    w.text(c.text);
}

void write_piece(bytes::Writer& w, const EntityMentionRef& m) {
    w.text(m.doc);
    w.u32(m.start), w.u32(m.end);
}

/// Writes a run of pieces after its size in bytes.
template <class T>
void write_run(bytes::Writer& w, const T* first, const T* last) {
    const std::size_t size_at = w.bytes.size();
    w.u32(0);
    for (const T* m = first; m != last; ++m) write_piece(w, *m);
    const std::size_t run_bytes = w.bytes.size() - size_at - sizeof(std::uint32_t);
    if (run_bytes > std::numeric_limits<std::uint32_t>::max()) throw std::length_error("a list too large to keep aside");
    const auto size = static_cast<std::uint32_t>(run_bytes);
    std::memcpy(w.bytes.data() + size_at, &size, sizeof size);
}

/// Reads the fields of a piece of evidence after its document (as write_piece writes
/// them) into `m`, or past them when `m` is null.
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

/// Reads pieces back as write_piece wrote them, into fresh records (decoding sets only
/// the fields a piece has).
struct PieceReader {
    SharedText doc;  // the last entity mention's document: one copy for a run of its mentions

    void read(bytes::Reader& r, EvidenceRef& m) {
        m.doc = r.text();
        read_after_document(r, &m);
    }
    void read(bytes::Reader& r, ClaimRef& c) {
        c.value = r.text();
        c.doc = r.text();
        c.sentence = SharedText(r.view());
        c.text = r.text();
    }
    void read(bytes::Reader& r, EntityMentionRef& m) {
        if (const std::string_view id = r.view(); doc != id) doc = SharedText(id);
        m.doc = doc;
        m.start = static_cast<std::uint32_t>(r.u32()), m.end = static_cast<std::uint32_t>(r.u32());
    }
};

/// The count of a list, checked to fit its Aside.
template <class T>
std::uint32_t piece_count(const std::vector<T>& list) {
    const auto count = static_cast<std::uint32_t>(list.size());
    if (count != list.size()) throw std::length_error("a list too large to keep aside");
    return count;
}

/// The size of a list in the file, checked to fit its Aside.
std::uint32_t list_bytes(std::uint64_t bytes) {
    const auto size = static_cast<std::uint32_t>(bytes);
    if (size != bytes) throw std::length_error("a list too large to keep aside");
    return size;
}

}  // namespace

template <class T>
Aside AsideFile::add(const std::vector<T>& list) {
    return add_all(std::vector{&list}).front();
}

template <class T>
std::vector<Aside> AsideFile::add_all(const std::vector<const std::vector<T>*>& lists) {
    std::vector<Aside> out(lists.size());
    bytes::Writer w;
    std::vector<std::size_t> batch;  // the lists in w (their offsets in w until it is written)
    auto write_batch = [&] {
        if (batch.empty()) return;
        std::uint64_t at;
        {
            const std::lock_guard lock(mutex_);  // (not between the runs of a long list)
            at = file_.append(w.bytes);
        }
        for (std::size_t i : batch) out[i].offset += at;
        w.bytes.clear();
        batch.clear();
    };
    for (std::size_t i = 0; i < lists.size(); ++i) {
        const std::vector<T>& list = *lists[i];
        if (list.size() > kRun) {
            out[i] = add_long(list);
            continue;
        }
        out[i].count = piece_count(list);
        out[i].offset = w.bytes.size();
        write_run(w, list.data(), list.data() + list.size());
        out[i].bytes = list_bytes(w.bytes.size() - out[i].offset);
        batch.push_back(i);
        if (w.bytes.size() >= kBatchBytes) write_batch();
    }
    write_batch();
    return out;
}

template <class T>
Aside AsideFile::add_long(const std::vector<T>& list) {
    Aside at;
    at.count = piece_count(list);
    std::uint64_t bytes = 0;
    bytes::Writer w;
    // Run by run, one after the other in the file (no other list's in between): the
    // largest events' whole record would be some 90 MB.
    const std::lock_guard lock(mutex_);
    for (std::size_t k = 0; k < list.size(); k += kRun) {
        w.bytes.clear();
        write_run(w, list.data() + k, list.data() + std::min(k + kRun, list.size()));
        const std::uint64_t offset = file_.append(w.bytes);
        if (k == 0) at.offset = offset;
        bytes += w.bytes.size();
    }
    at.bytes = list_bytes(bytes);
    return at;
}

void AsideFile::runs(const Aside& at, std::size_t limit, const RunReader& decode) const {
    std::size_t left = std::min<std::size_t>(limit, at.count);
    if (left == 0) return;
    if (at.count <= kRun) {  // one run (most lists): one read
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

std::vector<DocId> AsideFile::documents(const Aside& at) const {
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

template <class T>
std::vector<T> AsideFile::read(const Aside& at, std::size_t limit) const {
    std::vector<T> out;
    out.reserve(std::min<std::size_t>(limit, at.count));
    PieceReader reader;
    runs(at, limit, [&](bytes::Reader& r, std::size_t pieces) {
        for (std::size_t k = 0; k < pieces; ++k) reader.read(r, out.emplace_back());
    });
    return out;
}

template <class T>
void AsideFile::each(const Aside& at, const std::function<void(const T&)>& visit) const {
    std::vector<T> run;
    PieceReader reader;
    runs(at, at.count, [&](bytes::Reader& r, std::size_t pieces) {
        run.clear();  // (fresh pieces: decoding sets only the fields a piece has)
        for (std::size_t k = 0; k < pieces; ++k) reader.read(r, run.emplace_back());
        for (const T& m : run) visit(m);
    });
}

template Aside AsideFile::add(const std::vector<EvidenceRef>&);
template Aside AsideFile::add(const std::vector<ClaimRef>&);
template Aside AsideFile::add(const std::vector<EntityMentionRef>&);
template std::vector<Aside> AsideFile::add_all(const std::vector<const std::vector<EvidenceRef>*>&);
template std::vector<Aside> AsideFile::add_all(const std::vector<const std::vector<ClaimRef>*>&);
template std::vector<Aside> AsideFile::add_all(const std::vector<const std::vector<EntityMentionRef>*>&);
template std::vector<EvidenceRef> AsideFile::read(const Aside&, std::size_t) const;
template std::vector<ClaimRef> AsideFile::read(const Aside&, std::size_t) const;
template std::vector<EntityMentionRef> AsideFile::read(const Aside&, std::size_t) const;
template void AsideFile::each(const Aside&, const std::function<void(const EvidenceRef&)>&) const;
template void AsideFile::each(const Aside&, const std::function<void(const ClaimRef&)>&) const;
template void AsideFile::each(const Aside&, const std::function<void(const EntityMentionRef&)>&) const;

}  // namespace chronograph
