// NewsReader CAT XML (MEANTIME, SemEval-2015 Task 4) as chronograph documents, for the
// evaluation tools: tokens joined with spaces, one line per CAT sentence, read through
// chronograph's own plain-text reader (so datelines and headings are found as usual);
// `tokens` maps text offsets back to CAT token ids.
#pragma once

#include "chronograph/ingest.hpp"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace chronograph::tools {

struct CatToken {
    std::string id;
    std::string sentence;
    Span span;
};

inline std::string read_whole_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::string xml_attribute(std::string_view tag, std::string_view name) {
    const std::string pat = " " + std::string(name) + "=\"";
    const std::size_t at = tag.find(pat);
    if (at == std::string_view::npos) return {};
    const std::size_t from = at + pat.size();
    return std::string(tag.substr(from, tag.find('"', from) - from));
}

inline std::string xml_unescape(std::string_view s) {
    static const std::pair<std::string_view, char> kEntities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        bool done = false;
        if (s[i] == '&')
            for (const auto& [ent, c] : kEntities)
                if (s.substr(i, ent.size()) == ent) {
                    out += c;
                    i += ent.size() - 1;
                    done = true;
                    break;
                }
        if (!done) out += s[i];
    }
    return out;
}

/// The CAT file's text and token map; nullopt if chronograph cannot read it.
inline std::optional<Document> cat_document(const std::string& path, const Resources& res, std::vector<CatToken>& tokens) {
    const std::string xml = read_whole_file(path);
    std::string text, sentence;
    for (std::size_t at = xml.find("<token "); at != std::string::npos; at = xml.find("<token ", at + 1)) {
        const std::size_t close = xml.find('>', at);
        const std::size_t end = xml.find("</token>", close);
        const std::string_view tag(xml.data() + at, close - at);
        const std::string s = xml_attribute(tag, "sentence");
        const std::string word = xml_unescape(std::string_view(xml).substr(close + 1, end - close - 1));
        if (!text.empty()) text += s != sentence ? '\n' : ' ';
        sentence = s;
        tokens.push_back({xml_attribute(tag, "t_id"), s, Span{text.size(), text.size() + word.size()}});
        text += word;
    }
    text += '\n';
    ReadResult r = parse_document(path + ".txt", std::move(text), res);
    return std::move(r.document);
}

/// CAT token ids covering `span`, comma-separated.
inline std::string token_ids(const std::vector<CatToken>& tokens, Span span) {
    std::string out;
    for (const CatToken& t : tokens)
        if (t.span.overlaps(span)) out += (out.empty() ? "" : ",") + t.id;
    return out;
}

}  // namespace chronograph::tools
