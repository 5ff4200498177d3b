// A small streaming JSON writer: large outputs (events.json of a big corpus) are written
// as they are walked, without building a document tree first. Pretty-printed with two
// spaces like `jq` (or another indent, or compact, or one record per line); strings escaped for JSON and for
// embedding in HTML/JS (U+2028, U+2029; with html_safe also < > & so no text can close a
// <script> element); invalid UTF-8 (which ingest never lets through) becomes U+FFFD.
// Output is buffered and handed to the stream in large pieces.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace chronograph::json {

struct Format {
    int indent = 2;          // spaces per level; negative: compact, on one line
    bool html_safe = false;  // < > & in strings as \u003c \u003e \u0026
    /// 0: every level laid out. N > 0: an object or array begun inside N or more others
    /// is written compact on one line ("one record per line" with N = 2: the records of
    /// the arrays of a top-level object, each on its own line).
    int one_line_depth = 0;
};

class Writer {
public:
    explicit Writer(std::ostream& out, Format format = {}) : out_(out), format_(format) {}
    ~Writer() { flush(); }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    Writer& begin_object();
    Writer& end_object();
    Writer& begin_array();
    Writer& end_array();
    /// The key of the next value in the current object.
    Writer& key(std::string_view k);

    Writer& value(std::string_view s);
    Writer& value(const char* s) { return value(std::string_view(s)); }
    Writer& value(const std::string& s) { return value(std::string_view(s)); }
    Writer& value(bool b);
    Writer& value(std::int64_t n);
    Writer& value(std::uint64_t n);
    Writer& value(int n) { return value(static_cast<std::int64_t>(n)); }
    Writer& value(unsigned n) { return value(static_cast<std::uint64_t>(n)); }
    /// The shortest text that reads back as the same double ("0.25", "1.0"); null if not finite.
    Writer& value(double d);
    Writer& null();
    /// A string, or null when empty / absent.
    Writer& value_or_null(std::string_view s) { return s.empty() ? null() : value(s); }
    template <class T>
    Writer& value_or_null(const std::optional<T>& v) {
        return v ? value(*v) : null();
    }
    Writer& strings(const std::vector<std::string>& list);
    /// A string value given in parts (each whole characters), written as they come: a
    /// value too big to build first (the evidence of a big corpus's largest events).
    Writer& begin_string();
    Writer& string_part(std::string_view s);
    Writer& end_string();

    /// key + value in one call.
    template <class T>
    Writer& field(std::string_view k, const T& v) {
        key(k);
        return value(v);
    }

    /// Hands what is buffered to the stream (done when the outermost value ends, and on
    /// destruction).
    void flush();

private:
    void before_value();
    void newline();
    void after_value();

    std::ostream& out_;
    Format format_;
    std::string buf_;
    struct Level {
        bool object;
        bool empty = true;
        bool one_line = false;  // written compact (see Format::one_line_depth)
    };
    bool laid_out() const { return format_.indent >= 0 && (stack_.empty() || !stack_.back().one_line); }
    void begin(char bracket, bool object);
    void end(char bracket);
    std::vector<Level> stack_;
    bool after_key_ = false;
};

/// `s` as a JSON string literal, quotes included.
std::string quote(std::string_view s);

}  // namespace chronograph::json
