// Records written to a temporary file and read back by the same run (AnalysisStore,
// AsideFile): values in the machine's own layout, texts and lists with 32-bit sizes.
#pragma once

#include "chronograph/types.hpp"

#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace chronograph::bytes {

class Writer {
public:
    std::string bytes;

    template <class T>
    void raw(const T& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        bytes.append(reinterpret_cast<const char*>(&v), sizeof v);
    }
    void u32(std::size_t v) {
        if (v > std::numeric_limits<std::uint32_t>::max()) throw std::length_error("a record too large to keep aside");
        raw(static_cast<std::uint32_t>(v));
    }
    void flag(bool v) { raw(static_cast<std::uint8_t>(v)); }
    void text(std::string_view s) {
        u32(s.size());
        bytes.append(s);
    }
    void span(Span s) {
        u32(s.start);
        u32(s.end);
    }
    void index(const std::optional<std::size_t>& v) {
        flag(v.has_value());
        if (v) u32(*v);
    }
    void indices(const std::vector<std::size_t>& v) {
        list(v, [&](std::size_t x) { u32(x); });
    }
    /// A list as Reader::list reads it: its size, then each item as `write_one` writes it.
    template <class T, class Fn>
    void list(const std::vector<T>& items, Fn write_one) {
        u32(items.size());
        for (const T& x : items) write_one(x);
    }
    void time(const TimeValue& t) {
        text(t.value);
        text(t.mod);
        flag(t.interval.has_value());
        if (t.interval) {
            raw(t.interval->earliest.time_since_epoch().count());
            raw(t.interval->latest.time_since_epoch().count());
        }
    }
};

class Reader {
public:
    explicit Reader(std::string_view bytes) : rest_(bytes) {}

    template <class T>
    T raw() {
        static_assert(std::is_trivially_copyable_v<T>);
        if (rest_.size() < sizeof(T)) throw std::runtime_error("a record kept aside is cut short");
        T v;
        std::memcpy(&v, rest_.data(), sizeof v);
        rest_.remove_prefix(sizeof v);
        return v;
    }
    std::size_t u32() { return raw<std::uint32_t>(); }
    bool flag() { return raw<std::uint8_t>() != 0; }
    std::string_view view() {
        const std::size_t n = u32();
        if (rest_.size() < n) throw std::runtime_error("a record kept aside is cut short");
        const std::string_view s = rest_.substr(0, n);
        rest_.remove_prefix(n);
        return s;
    }
    std::string text() { return std::string(view()); }
    Span span() {
        Span s;
        s.start = u32();
        s.end = u32();
        return s;
    }
    std::optional<std::size_t> index() {
        if (!flag()) return std::nullopt;
        return u32();
    }
    std::vector<std::size_t> indices() {
        std::vector<std::size_t> v(u32());
        for (std::size_t& x : v) x = u32();
        return v;
    }
    TimeValue time() {
        TimeValue t;
        t.value = text();
        t.mod = text();
        if (flag()) {
            using Rep = Day::duration::rep;
            const Day earliest{Day::duration{raw<Rep>()}};
            const Day latest{Day::duration{raw<Rep>()}};
            t.interval = TimeInterval{earliest, latest};
        }
        return t;
    }
    template <class T, class Fn>
    void list(std::vector<T>& out, Fn read_one) {
        out.resize(u32());
        for (T& x : out) read_one(x);
    }

private:
    std::string_view rest_;
};

}  // namespace chronograph::bytes
