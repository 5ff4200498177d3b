#include "chronograph/segment.hpp"

#include "segment/sentence_splitter.hpp"
#include "segment/tokenizer.hpp"

namespace chronograph {

struct Segmenter::Impl {
    segment::SentenceSplitter splitter;
    explicit Impl(const Resources& res) : splitter(res) {}
};

Segmenter::Segmenter(const Resources& res) : impl_(std::make_unique<Impl>(res)) {}
Segmenter::~Segmenter() = default;

void Segmenter::segment(DocumentAnalysis& a) const {
    a.sentences.clear();
    a.tokens.clear();
    const std::string_view text = a.doc.text;
    for (std::size_t p = 0; p < a.doc.paragraphs.size(); ++p) {
        const Paragraph& para = a.doc.paragraphs[p];
        if (para.boilerplate || para.duplicate || para.span.empty() || para.span.end > text.size()) continue;
        for (const Span& span : impl_->splitter.split(text, para.span)) {
            Sentence s;
            s.span = span;
            s.paragraph = p;
            s.caption = para.caption;
            s.heading = para.heading;
            s.first_token = static_cast<std::uint32_t>(a.tokens.size());
            segment::tokenize(text, span, a.tokens);
            s.token_count = static_cast<std::uint32_t>(a.tokens.size() - s.first_token);
            if (s.token_count > 0) a.sentences.push_back(s);
        }
    }
}

}  // namespace chronograph
