// Plain text: the file's bytes are the text (offsets are file offsets). A paragraph is a
// non-blank line, or, in hard-wrapped text (short lines continuing one another), a run of
// lines between blank lines. Markdown emphasis lines ("**Headline**") and "# Headline" are
// headings whose span leaves the markers out.
#include "ingest/ingest_internal.hpp"

namespace chronograph::ingest {
namespace {

struct Line {
    Span span;  // trimmed
    bool blank = false;
};

std::vector<Line> split_lines(std::string_view t, std::size_t from) {
    std::vector<Line> lines;
    std::size_t pos = from;
    while (pos < t.size()) {
        std::size_t nl = t.find('\n', pos);
        if (nl == std::string_view::npos) nl = t.size();
        const Span s = trim_span(t, Span{pos, nl});
        lines.push_back({s, s.empty()});
        pos = nl + 1;
    }
    return lines;
}

/// Hard-wrapped text (e-mail, wire copy at 70 columns): every line short, and many lines
/// go on with a lower-case word on the next line.
bool hard_wrapped(std::string_view t, const std::vector<Line>& lines) {
    constexpr std::size_t kMaxWrappedLine = 100;
    std::size_t non_blank = 0, continued = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].blank) continue;
        if (lines[i].span.size() > kMaxWrappedLine) return false;
        ++non_blank;
        if (i + 1 < lines.size() && !lines[i + 1].blank) {
            const char next = t[lines[i + 1].span.start];
            if (next >= 'a' && next <= 'z' && !ends_like_sentence(t.substr(lines[i].span.start, lines[i].span.size())))
                ++continued;
        }
    }
    return non_blank >= 8 && continued * 5 >= non_blank;
}

/// "**Headline**", "__Headline__", "## Headline": the span without the markers.
void markdown_heading(std::string_view t, Block& b) {
    const std::string_view s = t.substr(b.span.start, b.span.size());
    for (std::string_view m : {"**", "__"}) {
        if (s.size() > 2 * m.size() && s.substr(0, m.size()) == m && s.substr(s.size() - m.size()) == m &&
            s.substr(m.size(), s.size() - 2 * m.size()).find(m) == std::string_view::npos) {
            const Span inner = trim_span(t, Span{b.span.start + m.size(), b.span.end - m.size()});
            if (inner.empty()) return;
            b.span = inner;
            b.heading = true;
            return;
        }
    }
    std::size_t hashes = 0;
    while (hashes < s.size() && s[hashes] == '#') ++hashes;
    if (hashes >= 1 && hashes <= 6 && hashes < s.size() && space_at(s, hashes)) {
        const Span inner = trim_span(t, Span{b.span.start + hashes, b.span.end});
        if (inner.empty()) return;
        b.span = inner;
        b.heading = true;
    }
}

}  // namespace

bool read_text(std::string bytes, ReadState& st) {
    st.doc.format = DocFormat::Text;
    st.doc.text = std::move(bytes);
    const std::string_view t = st.doc.text;
    const std::size_t from = t.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // a byte-order mark is not text
    const std::vector<Line> lines = split_lines(t, from);
    const bool wrapped = hard_wrapped(t, lines);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].blank) continue;
        Block b;
        b.span = lines[i].span;
        b.gap_before = i == 0 || lines[i - 1].blank;
        if (wrapped)
            while (i + 1 < lines.size() && !lines[i + 1].blank) b.span.end = lines[++i].span.end;
        b.gap_after = i + 1 == lines.size() || lines[i + 1].blank;
        if (!wrapped) markdown_heading(t, b);
        st.blocks.push_back(b);
    }
    return true;
}

}  // namespace chronograph::ingest
