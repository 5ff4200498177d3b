// entity-dump: runs the segmenter and the entity recognizer over files and prints every
// entity mention as a tab-separated line. Used by tools/ner-eval (MEANTIME gold).
//   entity-dump FILE...          plain text or HTML (read as chronograph reads articles)
//   entity-dump --cat FILE...    NewsReader CAT XML (MEANTIME): the tokens are joined
//                                with spaces, one paragraph per CAT sentence, the first
//                                (the title) marked as a heading; each line also gives
//                                the CAT token ids the mention covers.
// Output: file, sentence, start, end, kind, via, text, name, key, role, affiliation[, t_ids]
#include "chronograph/entities.hpp"
#include "chronograph/ingest.hpp"
#include "chronograph/segment.hpp"
#include "chronograph/text.hpp"

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using namespace chronograph;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string attribute(std::string_view tag, std::string_view name) {
    const std::string pat = " " + std::string(name) + "=\"";
    const std::size_t at = tag.find(pat);
    if (at == std::string_view::npos) return {};
    const std::size_t from = at + pat.size();
    return std::string(tag.substr(from, tag.find('"', from) - from));
}

std::string xml_unescape(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '&') {
            static const std::pair<std::string_view, char> kEntities[] = {
                {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
            bool done = false;
            for (const auto& [ent, c] : kEntities)
                if (s.substr(i, ent.size()) == ent) { out += c; i += ent.size() - 1; done = true; break; }
            if (done) continue;
        }
        out += s[i];
    }
    return out;
}

struct CatToken {
    std::string id;
    Span span;
};

/// A CAT document as chronograph text; `tokens` maps text offsets back to CAT token ids.
Document cat_document(const std::string& path, std::vector<CatToken>& tokens) {
    const std::string xml = read_file(path);
    Document d;
    d.path = path;
    std::string sentence;
    std::size_t para_start = 0;
    for (std::size_t at = xml.find("<token "); at != std::string::npos; at = xml.find("<token ", at + 1)) {
        const std::size_t close = xml.find('>', at);
        const std::size_t end = xml.find("</token>", close);
        const std::string_view tag(xml.data() + at, close - at);
        const std::string s = attribute(tag, "sentence");
        const std::string word = xml_unescape(std::string_view(xml).substr(close + 1, end - close - 1));
        if (s != sentence && !d.text.empty()) {
            d.paragraphs.push_back({Span{para_start, d.text.size()}});
            d.text += '\n';
            para_start = d.text.size();
        } else if (!d.text.empty()) {
            d.text += ' ';
        }
        sentence = s;
        tokens.push_back({attribute(tag, "t_id"), Span{d.text.size(), d.text.size() + word.size()}});
        d.text += word;
    }
    if (d.text.size() > para_start) d.paragraphs.push_back({Span{para_start, d.text.size()}});
    if (!d.paragraphs.empty()) d.paragraphs.front().heading = true;
    if (!d.paragraphs.empty()) d.title = d.text.substr(d.paragraphs[0].span.start, d.paragraphs[0].span.size());
    return d;
}

std::string clean(std::string_view s) {
    std::string out = squash_space(s);
    for (char& c : out)
        if (c == '\t') c = ' ';
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    bool cat = false;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--cat") cat = true;
        else files.push_back(arg);
    }
    if (files.empty()) {
        std::cerr << "usage: entity-dump [--cat] FILE...\n";
        return 2;
    }
    const Resources& res = Resources::standard();
    const Segmenter segmenter(res);
    const EntityRecognizer recognizer(res);
    for (const std::string& path : files) {
        DocumentAnalysis a;
        std::vector<CatToken> cat_tokens;
        if (cat) {
            a.doc = cat_document(path, cat_tokens);
        } else {
            ReadResult r = read_document(path, res);
            if (!r.document) {
                for (const auto& dg : r.diagnostics) std::cerr << dg.path << ": " << dg.message << '\n';
                continue;
            }
            a.doc = std::move(*r.document);
        }
        segmenter.segment(a);
        recognizer.recognize(a);
        for (const EntityMention& m : a.entities) {
            std::cout << path << '\t' << m.sentence << '\t' << m.span.start << '\t' << m.span.end << '\t'
                      << to_string(m.kind) << '\t' << m.via << '\t' << clean(a.text(m.span)) << '\t' << m.name << '\t'
                      << m.key << '\t' << m.role << '\t' << m.affiliation;
            if (cat) {
                std::cout << '\t';
                bool first = true;
                for (const CatToken& t : cat_tokens)
                    if (t.span.overlaps(m.span)) {
                        std::cout << (first ? "" : ",") << t.id;
                        first = false;
                    }
            }
            std::cout << '\n';
        }
    }
}
