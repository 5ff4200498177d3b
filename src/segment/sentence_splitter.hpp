// Sentence boundaries inside one paragraph: ICU's sentence rules, with the breaks that
// news abbreviations cause ("Mr.", "Gen.", "Jan. 11", "John F. Kennedy") undone.
#pragma once

#include "chronograph/resources.hpp"
#include "chronograph/types.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <unicode/uversion.h>
U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace chronograph::segment {

class SentenceSplitter {
public:
    explicit SentenceSplitter(const Resources& res);
    ~SentenceSplitter();

    /// Sentences of text[paragraph], trimmed of white space, in order. Thread-safe.
    std::vector<Span> split(std::string_view text, Span paragraph) const;

private:
    enum Rule : unsigned {
        kAlways = 1,
        kBeforeNumber = 2,
        kBeforeDate = 4,
        kMonthName = 8,
        kBeforeTime = 16,
        kDayName = 32,
        kZoneName = 64,
    };
    bool keep_together(std::string_view before, std::string_view after) const;

    std::unique_ptr<icu::BreakIterator> prototype_;
    std::unordered_map<std::string, unsigned> abbreviations_;
};

}  // namespace chronograph::segment
