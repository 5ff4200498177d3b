#include "export/json_writer.hpp"

#include "chronograph/text.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace chronograph::json {
namespace {

constexpr std::size_t kFlushSize = 1 << 16;

/// The ASCII bytes a JSON string holds as they are (in HTML-safe mode, not < > & either).
struct PlainBytes {
    bool json[256] = {}, html[256] = {};
    constexpr PlainBytes() {
        for (int c = 0x20; c < 0x80; ++c) {
            json[c] = c != '"' && c != '\\';
            html[c] = json[c] && c != '<' && c != '>' && c != '&';
        }
    }
};
constexpr PlainBytes kPlain;

/// The characters of `s` as a JSON string has them (without the quotes).
void append_escaped_chars(std::string& out, std::string_view s, bool html_safe) {
    const bool* plain = html_safe ? kPlain.html : kPlain.json;
    std::size_t i = 0;
    while (i < s.size()) {
        // Runs of plain ASCII go in whole.
        std::size_t run = i;
        while (run < s.size() && plain[static_cast<unsigned char>(s[run])]) ++run;
        out.append(s.data() + i, run - i);
        i = run;
        if (i == s.size()) break;
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
        } else if (c < 0x80) {  // < > & in HTML-safe mode
            out += c == '<' ? "\\u003c" : c == '>' ? "\\u003e" : "\\u0026";
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
}

void append_escaped(std::string& out, std::string_view s, bool html_safe) {
    out.push_back('"');
    append_escaped_chars(out, s, html_safe);
    out.push_back('"');
}

}  // namespace

std::string quote(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    append_escaped(out, s, false);
    return out;
}

void Writer::flush() {
    if (buf_.empty()) return;
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
}

void Writer::newline() {
    if (!laid_out()) return;
    buf_.push_back('\n');
    buf_.append(stack_.size() * static_cast<std::size_t>(format_.indent), ' ');
}

void Writer::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (stack_.empty()) return;
    if (!stack_.back().empty) buf_.push_back(',');
    stack_.back().empty = false;
    newline();
}

void Writer::after_value() {
    if (stack_.empty()) {
        if (format_.indent >= 0) buf_.push_back('\n');
        flush();
    } else if (buf_.size() >= kFlushSize) {
        flush();
    }
}

Writer& Writer::key(std::string_view k) {
    if (!stack_.back().empty) buf_.push_back(',');
    stack_.back().empty = false;
    newline();
    append_escaped(buf_, k, format_.html_safe);
    buf_ += laid_out() ? ": " : ":";
    after_key_ = true;
    return *this;
}

void Writer::begin(char bracket, bool object) {
    before_value();
    buf_.push_back(bracket);
    const bool one_line = !laid_out() || (format_.one_line_depth > 0 && stack_.size() >= static_cast<std::size_t>(format_.one_line_depth));
    stack_.push_back({object, true, one_line});
}

void Writer::end(char bracket) {
    const Level closed = stack_.back();
    stack_.pop_back();
    // The closing bracket goes on its own line only when the level was laid out.
    if (!closed.empty && !closed.one_line) newline();
    buf_.push_back(bracket);
    after_value();
}

Writer& Writer::begin_object() {
    begin('{', true);
    return *this;
}

Writer& Writer::end_object() {
    end('}');
    return *this;
}

Writer& Writer::begin_array() {
    begin('[', false);
    return *this;
}

Writer& Writer::end_array() {
    end(']');
    return *this;
}

Writer& Writer::value(std::string_view s) {
    before_value();
    append_escaped(buf_, s, format_.html_safe);
    after_value();
    return *this;
}

Writer& Writer::begin_string() {
    before_value();
    buf_.push_back('"');
    return *this;
}

Writer& Writer::string_part(std::string_view s) {
    append_escaped_chars(buf_, s, format_.html_safe);
    if (buf_.size() >= kFlushSize) flush();
    return *this;
}

Writer& Writer::end_string() {
    buf_.push_back('"');
    after_value();
    return *this;
}

Writer& Writer::value(bool b) {
    before_value();
    buf_ += b ? "true" : "false";
    after_value();
    return *this;
}

Writer& Writer::value(std::int64_t n) {
    before_value();
    char buf[24];
    buf_.append(buf, std::to_chars(buf, buf + sizeof buf, n).ptr);
    after_value();
    return *this;
}

Writer& Writer::value(std::uint64_t n) {
    before_value();
    char buf[24];
    buf_.append(buf, std::to_chars(buf, buf + sizeof buf, n).ptr);
    after_value();
    return *this;
}

Writer& Writer::value(double d) {
    if (!std::isfinite(d)) return null();
    before_value();
    char buf[32];
    const char* end = std::to_chars(buf, buf + sizeof buf, d).ptr;
    const std::string_view text(buf, static_cast<std::size_t>(end - buf));
    buf_.append(text);
    if (text.find_first_of(".e") == std::string_view::npos) buf_ += ".0";  // still reads as a floating-point number
    after_value();
    return *this;
}

Writer& Writer::null() {
    before_value();
    buf_ += "null";
    after_value();
    return *this;
}

Writer& Writer::strings(const std::vector<std::string>& list) {
    begin_array();
    for (const auto& s : list) value(s);
    return end_array();
}

}  // namespace chronograph::json
