#include "export/json_writer.hpp"

#include "chronograph/text.hpp"

#include <cmath>
#include <cstdio>

namespace chronograph::json {
namespace {

void append_escaped(std::string& out, std::string_view s) {
    out.push_back('"');
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(static_cast<char>(c));
            ++i;
        } else if (c < 0x20) {
            switch (c) {
                case '\n': out += "\\n"; break;
                case '\t': out += "\\t"; break;
                case '\r': out += "\\r"; break;
                case '\b': out += "\\b"; break;
                case '\f': out += "\\f"; break;
                default: {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                }
            }
            ++i;
        } else if (c < 0x80) {
            out.push_back(static_cast<char>(c));
            ++i;
        } else {
            // A whole UTF-8 sequence, checked; U+2028/U+2029 escaped (they end lines in JS).
            const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            const std::string_view seq = s.substr(i, len);
            if (len == 1 || seq.size() < len || find_invalid_utf8(seq) != std::string_view::npos) {
                out += "\xEF\xBF\xBD";
                ++i;
                continue;
            }
            if (seq == "\xE2\x80\xA8") out += "\\u2028";
            else if (seq == "\xE2\x80\xA9") out += "\\u2029";
            else out.append(seq);
            i += len;
        }
    }
    out.push_back('"');
}

}  // namespace

std::string quote(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    append_escaped(out, s);
    return out;
}

void Writer::newline() {
    out_.put('\n');
    for (std::size_t i = 0; i < stack_.size(); ++i) out_.write("  ", 2);
}

void Writer::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (stack_.empty()) return;
    if (!stack_.back().empty) out_.put(',');
    stack_.back().empty = false;
    newline();
}

Writer& Writer::key(std::string_view k) {
    if (!stack_.back().empty) out_.put(',');
    stack_.back().empty = false;
    newline();
    std::string q;
    append_escaped(q, k);
    out_ << q << ": ";
    after_key_ = true;
    return *this;
}

Writer& Writer::begin_object() {
    before_value();
    out_.put('{');
    stack_.push_back({true});
    return *this;
}

Writer& Writer::end_object() {
    const bool empty = stack_.back().empty;
    stack_.pop_back();
    if (!empty) newline();
    out_.put('}');
    if (stack_.empty()) out_.put('\n');
    return *this;
}

Writer& Writer::begin_array() {
    before_value();
    out_.put('[');
    stack_.push_back({false});
    return *this;
}

Writer& Writer::end_array() {
    const bool empty = stack_.back().empty;
    stack_.pop_back();
    if (!empty) newline();
    out_.put(']');
    if (stack_.empty()) out_.put('\n');
    return *this;
}

Writer& Writer::value(std::string_view s) {
    before_value();
    std::string q;
    q.reserve(s.size() + 2);
    append_escaped(q, s);
    out_ << q;
    return *this;
}

Writer& Writer::value(bool b) {
    before_value();
    out_ << (b ? "true" : "false");
    return *this;
}

Writer& Writer::value(std::int64_t n) {
    before_value();
    out_ << n;
    return *this;
}

Writer& Writer::value(std::uint64_t n) {
    before_value();
    out_ << n;
    return *this;
}

Writer& Writer::value(double d) {
    before_value();
    if (!std::isfinite(d)) {
        out_ << "null";
    } else {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.17g", d);
        out_ << buf;
    }
    return *this;
}

Writer& Writer::null() {
    before_value();
    out_ << "null";
    return *this;
}

Writer& Writer::strings(const std::vector<std::string>& list) {
    begin_array();
    for (const auto& s : list) value(s);
    return end_array();
}

}  // namespace chronograph::json
