// TimeML (TimeBank, AQUAINT, TempEval-3 input and gold files). The text is the content of
// <TEXT> with every tag removed and the XML entities decoded; raw_offset maps each text
// byte back to the file, so annotations can be written into the original bytes. A small
// scanner of our own (not an XML library) because it must know the byte offset of every
// character; inside <TEXT> it insists on well-formed markup.
#include "ingest/ingest_internal.hpp"

#include "chronograph/text.hpp"

#include <algorithm>
#include <cstring>

namespace chronograph::ingest {
namespace {

struct Markup {
    enum Kind { Start, End, Empty, Comment, CData, Other } kind = Other;
    std::string_view name;
    std::string_view attrs;
    std::size_t begin = 0, end = 0;  // raw offsets of '<' and just after '>'
};

bool name_char(char c) { return is_alnum(c) || c == '_' || c == ':' || c == '.' || c == '-'; }
bool xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string where(std::string_view raw, std::size_t pos) {
    const std::size_t line = 1 + static_cast<std::size_t>(std::count(raw.begin(), raw.begin() + std::min(pos, raw.size()), '\n'));
    return "byte " + std::to_string(pos) + " (line " + std::to_string(line) + ")";
}

/// The markup starting at raw[i] == '<'; an empty string when fine, else what is wrong.
std::string scan_markup(std::string_view raw, std::size_t i, Markup& m) {
    m = Markup{};
    m.begin = i;
    auto until = [&](std::string_view close, Markup::Kind kind, const char* what) -> std::string {
        const std::size_t e = raw.find(close, i);
        if (e == std::string_view::npos) return std::string(what) + " at " + where(raw, i) + " is never closed";
        m.kind = kind;
        m.end = e + close.size();
        return {};
    };
    const std::string_view rest = raw.substr(i);
    if (rest.substr(0, 4) == "<!--") return until("-->", Markup::Comment, "comment");
    if (rest.substr(0, 9) == "<![CDATA[") return until("]]>", Markup::CData, "CDATA section");
    if (rest.substr(0, 2) == "<?") return until("?>", Markup::Other, "processing instruction");
    if (rest.substr(0, 2) == "<!") return until(">", Markup::Other, "declaration");
    std::size_t p = i + 1;
    const bool closing = p < raw.size() && raw[p] == '/';
    if (closing) ++p;
    const std::size_t name_start = p;
    while (p < raw.size() && name_char(raw[p])) ++p;
    if (p == name_start || !(is_alpha(raw[name_start]) || raw[name_start] == '_'))
        return "stray '<' at " + where(raw, i) + " (write &lt; for a literal <)";
    m.name = raw.substr(name_start, p - name_start);
    const std::size_t attrs_start = p;
    for (;;) {
        while (p < raw.size() && xml_space(raw[p])) ++p;
        if (p >= raw.size()) return "tag <" + std::string(m.name) + "> at " + where(raw, i) + " is never closed";
        if (raw[p] == '>') {
            m.kind = closing ? Markup::End : Markup::Start;
            break;
        }
        if (!closing && raw[p] == '/' && p + 1 < raw.size() && raw[p + 1] == '>') {
            m.kind = Markup::Empty;
            ++p;
            break;
        }
        // name="value" or name='value'
        const std::size_t an = p;
        while (p < raw.size() && name_char(raw[p])) ++p;
        if (closing || p == an) return "malformed tag <" + std::string(m.name) + "> at " + where(raw, i);
        while (p < raw.size() && xml_space(raw[p])) ++p;
        if (p >= raw.size() || raw[p] != '=') return "attribute without a value in <" + std::string(m.name) + "> at " + where(raw, i);
        ++p;
        while (p < raw.size() && xml_space(raw[p])) ++p;
        if (p >= raw.size() || (raw[p] != '"' && raw[p] != '\'')) return "unquoted attribute in <" + std::string(m.name) + "> at " + where(raw, i);
        const std::size_t close = raw.find(raw[p], p + 1);
        if (close == std::string_view::npos) return "unclosed attribute value in <" + std::string(m.name) + "> at " + where(raw, i);
        p = close + 1;
    }
    m.attrs = raw.substr(attrs_start, p - attrs_start);
    m.end = p + 1;
    return {};
}

std::string attribute(std::string_view attrs, std::string_view name) {
    for (std::size_t p = 0; (p = attrs.find(name, p)) != std::string_view::npos; p += name.size()) {
        if (p > 0 && name_char(attrs[p - 1])) continue;
        std::size_t q = p + name.size();
        while (q < attrs.size() && xml_space(attrs[q])) ++q;
        if (q >= attrs.size() || attrs[q] != '=') continue;
        ++q;
        while (q < attrs.size() && xml_space(attrs[q])) ++q;
        if (q >= attrs.size() || (attrs[q] != '"' && attrs[q] != '\'')) continue;
        const std::size_t close = attrs.find(attrs[q], q + 1);
        if (close == std::string_view::npos) return {};
        return std::string(attrs.substr(q + 1, close - q - 1));
    }
    return {};
}

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

/// The entity at raw[i] == '&': its decoded bytes and its length, or length 0 when it is
/// not one of the five XML entities or a valid character reference.
std::size_t decode_entity(std::string_view raw, std::size_t i, std::string& out) {
    const std::size_t semi = raw.substr(i, 12).find(';');
    if (semi == std::string_view::npos) return 0;
    const std::string_view name = raw.substr(i + 1, semi - 1);
    static constexpr std::pair<std::string_view, char> kNamed[] = {
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
    for (const auto& [n, c] : kNamed)
        if (name == n) {
            out.push_back(c);
            return semi + 1;
        }
    if (name.size() < 2 || name[0] != '#') return 0;
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    std::uint32_t cp = 0;
    for (const char c : digits) {
        int v = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (v < 0 || cp > 0x10FFFF) return 0;
        cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(v);
    }
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    append_utf8(out, cp);
    return semi + 1;
}

/// Text of `raw` between two offsets with tags dropped and entities decoded (titles).
std::string plain_content(std::string_view raw, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to;) {
        if (raw[i] == '<') {
            const std::size_t gt = raw.find('>', i);
            i = gt == std::string_view::npos || gt >= to ? to : gt + 1;
        } else if (raw[i] == '&') {
            const std::size_t n = decode_entity(raw, i, out);
            if (n == 0) out.push_back('&');
            i += n ? n : 1;
        } else {
            out.push_back(raw[i++]);
        }
    }
    return squash_space(out);
}

/// Blocks of `text` between `breaks` (offsets where a paragraph element starts or ends)
/// and at blank lines; a single newline is a line wrap inside a paragraph.
std::vector<Block> blocks_of(std::string_view text, std::vector<std::size_t> breaks) {
    std::vector<Block> out;
    breaks.push_back(text.size());
    std::size_t start = 0;
    for (const std::size_t brk : breaks) {
        std::size_t para = start, pos = start;
        while (pos < brk) {
            std::size_t nl = text.find('\n', pos);
            if (nl == std::string_view::npos || nl >= brk) nl = brk;
            const bool blank = trim_span(text, Span{pos, nl}).empty();
            if (blank) {
                const Span s = trim_span(text, Span{para, pos});
                if (!s.empty()) out.push_back(Block{s});
                para = nl;
            }
            pos = nl + 1;
        }
        const Span s = trim_span(text, Span{para, brk});
        if (!s.empty()) out.push_back(Block{s});
        start = brk;
    }
    return out;
}

class TimemlReader {
public:
    TimemlReader(const Rules& rules, ReadState& st) : rules_(rules), st_(st), raw_(st.doc.raw) {}

    bool read() {
        bool text_seen = false;
        std::size_t dct_open = std::string_view::npos, title_open = std::string_view::npos;
        for (std::size_t i = raw_.find('<'); i != std::string_view::npos; i = raw_.find('<', i)) {
            Markup m;
            if (!scan_markup(raw_, i, m).empty()) {  // outside <TEXT>, be lenient
                ++i;
                continue;
            }
            i = m.end;
            if (m.name == "DCT") {
                dct_open = m.kind == Markup::Start ? m.end : std::string_view::npos;
            } else if (m.name == "TIMEX3" && dct_open != std::string_view::npos && !st_.metadata_dct &&
                       (m.kind == Markup::Start || m.kind == Markup::Empty)) {
                take_dct(attribute(m.attrs, "value"));
            } else if (m.name == "TITLE" && m.kind == Markup::Start) {
                title_open = m.end;
            } else if (m.name == "TITLE" && m.kind == Markup::End && title_open != std::string_view::npos) {
                if (st_.doc.title.empty()) st_.doc.title = plain_content(raw_, title_open, m.begin);
                title_open = std::string_view::npos;
            } else if (m.name == "TEXT" && m.kind == Markup::Start && !text_seen) {
                text_seen = true;
                const std::size_t end = read_text(m.end);
                if (end == std::string_view::npos) return false;
                i = end;
            } else if (m.name == "TEXT" && m.kind == Markup::Empty && !text_seen) {
                text_seen = true;
                st_.doc.raw_offset.push_back(m.end);
            }
        }
        if (!text_seen) {
            st_.error("not well-formed TimeML: no <TEXT> element");
            return false;
        }
        return true;
    }

private:
    const Rules& rules_;
    ReadState& st_;
    std::string_view raw_;

    void take_dct(const std::string& value) {
        if (auto day = parse_date_value(value, rules_.dates)) st_.metadata_dct = day;
        else st_.warning("the <DCT> value \"" + value + "\" is not a date; no publication date from it");
    }

    bool is_block(std::string_view name) const {
        return std::find(rules_.formats.timeml_blocks.begin(), rules_.formats.timeml_blocks.end(), name) !=
               rules_.formats.timeml_blocks.end();
    }

    /// Reads the content of <TEXT> starting at `from`; returns the offset after </TEXT>, or
    /// npos after an error.
    std::size_t read_text(std::size_t from) {
        std::string& text = st_.doc.text;
        std::vector<std::size_t>& offsets = st_.doc.raw_offset;
        std::vector<std::pair<std::string_view, std::size_t>> open;  // element name, where
        std::vector<std::size_t> breaks;
        std::size_t last_end = from;  // end (in raw) of the last text byte's source
        bool unknown_entity_warned = false;
        std::size_t i = from;
        while (i < raw_.size()) {
            // Plain bytes up to the next markup or entity: copied as they are.
            std::size_t stop = i;
            while (stop < raw_.size() && raw_[stop] != '<' && raw_[stop] != '&') ++stop;
            if (stop > i) {
                text.append(raw_.data() + i, stop - i);
                for (std::size_t k = i; k < stop; ++k) offsets.push_back(k);
                last_end = stop;
                i = stop;
                continue;
            }
            if (raw_[i] == '&') {
                std::size_t n = decode_entity(raw_, i, text);
                if (n == 0) {
                    if (!unknown_entity_warned)
                        st_.warning("unknown entity or stray '&' at " + where(raw_, i) + " kept as it is");
                    unknown_entity_warned = true;
                    text.push_back('&');
                    n = 1;
                }
                offsets.resize(text.size(), i);  // every byte of the character maps to its '&' 
                last_end = i + n;
                i += n;
                continue;
            }
            Markup m;
            if (const std::string err = scan_markup(raw_, i, m); !err.empty()) {
                st_.error("not well-formed TimeML: " + err);
                return std::string_view::npos;
            }
            if (m.kind == Markup::CData) {
                const std::size_t cb = i + 9, ce = m.end - 3;  // <![CDATA[ ... ]]>
                text.append(raw_.data() + cb, ce - cb);
                for (std::size_t k = cb; k < ce; ++k) offsets.push_back(k);
                if (ce > cb) last_end = ce;
            } else if (m.kind == Markup::Start) {
                open.emplace_back(m.name, m.begin);
                if (is_block(m.name)) breaks.push_back(text.size());
            } else if (m.kind == Markup::Empty) {
                if (is_block(m.name)) breaks.push_back(text.size());
            } else if (m.kind == Markup::End) {
                if (open.empty() && m.name == "TEXT") {
                    offsets.push_back(last_end);
                    st_.blocks = blocks_of(text, std::move(breaks));
                    return m.end;
                }
                if (open.empty()) {
                    st_.error("not well-formed TimeML: </" + std::string(m.name) + "> at " + where(raw_, m.begin) +
                              " closes nothing that is open");
                    return std::string_view::npos;
                }
                if (open.back().first != m.name) {
                    st_.error("not well-formed TimeML: </" + std::string(m.name) + "> at " + where(raw_, m.begin) +
                              " closes <" + std::string(open.back().first) + "> opened at " + where(raw_, open.back().second));
                    return std::string_view::npos;
                }
                open.pop_back();
                if (is_block(m.name)) breaks.push_back(text.size());
            }
            i = m.end;
        }
        if (!open.empty())
            st_.error("not well-formed TimeML: <" + std::string(open.back().first) + "> opened at " +
                      where(raw_, open.back().second) + " is never closed, nor is <TEXT>");
        else
            st_.error("not well-formed TimeML: <TEXT> is never closed");
        return std::string_view::npos;
    }
};

}  // namespace

bool read_timeml(std::string bytes, const Rules& rules, ReadState& st) {
    st.doc.format = DocFormat::TimeML;
    st.doc.raw = std::move(bytes);
    if (!TimemlReader(rules, st).read()) return false;
    if (st.doc.raw_offset.size() != st.doc.text.size() + 1) {
        st.error("internal error: TimeML offsets do not cover the text");
        return false;
    }
    return true;
}

}  // namespace chronograph::ingest

namespace chronograph {

std::string without_text_elements(const std::string& raw, std::string_view element) {
    using ingest::Markup;
    // The TEXT start tag as TimemlReader::read finds it: the first one that scans.
    std::size_t i = raw.find('<');
    Markup m;
    for (; i != std::string::npos; i = raw.find('<', i)) {
        if (!ingest::scan_markup(raw, i, m).empty()) {
            ++i;
            continue;
        }
        i = m.end;
        if (m.name == "TEXT" && m.kind == Markup::Start) break;
    }
    if (i == std::string::npos) return raw;
    std::string out(raw, 0, i);
    std::size_t depth = 0;  // elements open inside TEXT, `element` not counted
    while (i < raw.size()) {
        const std::size_t lt = raw.find('<', i);
        if (lt == std::string::npos) return raw;  // TEXT never closed: the reader refuses it
        out.append(raw, i, lt - i);
        if (!ingest::scan_markup(raw, lt, m).empty()) return raw;  // (so does it here)
        i = m.end;
        const bool ours = m.name == element && (m.kind == Markup::Start || m.kind == Markup::End || m.kind == Markup::Empty);
        if (!ours) out.append(raw, lt, i - lt);
        if (ours || m.kind == Markup::Empty) continue;
        if (m.kind == Markup::Start) ++depth;
        if (m.kind != Markup::End) continue;
        if (depth == 0 && m.name == "TEXT") break;
        if (depth > 0) --depth;
    }
    out.append(raw, i, std::string::npos);
    return out;
}

std::size_t raw_end_offset(const Document& doc, std::size_t end) {
    if (doc.raw_offset.empty()) return end;
    if (end == 0 || end > doc.text.size()) return doc.raw_offset[std::min(end, doc.raw_offset.size() - 1)];
    const std::size_t at = doc.raw_offset[end - 1];
    if (at < doc.raw.size() && doc.raw[at] == '&') {
        std::string decoded;
        if (const std::size_t n = ingest::decode_entity(doc.raw, at, decoded)) return at + n;
    }
    return at + 1;
}

}  // namespace chronograph
