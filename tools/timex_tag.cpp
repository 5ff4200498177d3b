// timex-tag: prints the temporal expressions the tagger finds in text, for rule writers.
//   timex-tag [--dct YYYY-MM-DD] "text" ...     (or the text on stdin, one document)
// Output: one line per expression: span text, type, value, mod, interval, rule.
#include "chronograph/segment.hpp"
#include "chronograph/timex.hpp"

#include <iostream>
#include <iterator>
#include <string>
#include <vector>

using namespace chronograph;

int main(int argc, char** argv) {
    std::optional<Day> dct;
    std::vector<std::string> texts;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--dct" && i + 1 < argc) {
            dct = parse_day(argv[++i]);
            if (!dct) {
                std::cerr << "timex-tag: --dct wants YYYY-MM-DD\n";
                return 2;
            }
        } else {
            texts.push_back(arg);
        }
    }
    if (texts.empty()) texts.emplace_back(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    const Resources& res = Resources::standard();
    const Segmenter segmenter(res);
    const TimexTagger tagger(res);
    for (const std::string& text : texts) {
        DocumentAnalysis a;
        a.doc.text = text;
        a.doc.dct = dct;
        a.doc.paragraphs.push_back({Span{0, text.size()}});
        segmenter.segment(a);
        tagger.tag(a);
        for (const Timex& t : a.timexes) {
            std::cout << a.text(t.span) << '\t' << to_string(t.type) << '\t' << t.time.value << '\t' << t.time.mod << '\t';
            if (t.time.interval) std::cout << format_day(t.time.interval->earliest) << ".." << format_day(t.time.interval->latest);
            std::cout << '\t' << (t.relative ? "relative" : "absolute") << '\t' << t.rule << '\n';
        }
        if (texts.size() > 1) std::cout << "--\n";
    }
    return 0;
}
