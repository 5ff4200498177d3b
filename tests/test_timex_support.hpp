// Helpers shared by the timex tests: run the segmenter and the tagger over a text.
#pragma once

#include "chronograph/segment.hpp"
#include "chronograph/timex.hpp"

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace timex_test {

inline const chronograph::Segmenter& segmenter() {
    static const chronograph::Segmenter s(chronograph::Resources::embedded());
    return s;
}

inline const chronograph::TimexTagger& tagger() {
    static const chronograph::TimexTagger t(chronograph::Resources::embedded());
    return t;
}

/// One paragraph of text, segmented and tagged, anchored to `dct` ("" = no DCT).
inline chronograph::DocumentAnalysis tag(const std::string& text, const std::string& dct) {
    chronograph::DocumentAnalysis a;
    a.doc.text = text;
    if (!dct.empty() && dct != "-") a.doc.dct = chronograph::parse_day(dct);
    a.doc.paragraphs.push_back({chronograph::Span{0, text.size()}});
    segmenter().segment(a);
    tagger().tag(a);
    return a;
}

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace timex_test
