// Placeholder until the segment stage lands: one sentence per paragraph, tokens at spaces.
#include "chronograph/segment.hpp"

namespace chronograph {

struct Segmenter::Impl {};
Segmenter::Segmenter(const Resources&) : impl_(std::make_unique<Impl>()) {}
Segmenter::~Segmenter() = default;

void Segmenter::segment(DocumentAnalysis& a) const {
    for (std::size_t p = 0; p < a.doc.paragraphs.size(); ++p) {
        const Paragraph& para = a.doc.paragraphs[p];
        if (para.boilerplate || para.duplicate) continue;
        Sentence s;
        s.span = para.span;
        s.paragraph = p;
        s.caption = para.caption;
        s.first_token = static_cast<std::uint32_t>(a.tokens.size());
        std::size_t i = para.span.start;
        while (i < para.span.end) {
            while (i < para.span.end && a.doc.text[i] == ' ') ++i;
            std::size_t j = i;
            while (j < para.span.end && a.doc.text[j] != ' ') ++j;
            if (j > i) a.tokens.push_back({Span{i, j}, kWord});
            i = j;
        }
        s.token_count = static_cast<std::uint32_t>(a.tokens.size() - s.first_token);
        a.sentences.push_back(s);
    }
}

}  // namespace chronograph
