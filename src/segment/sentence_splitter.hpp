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

    /// Sentences of text[paragraph], trimmed of white space, in order, none longer than
    /// kMaxSentenceBytes. Thread-safe.
    std::vector<Span> split(std::string_view text, Span paragraph) const;

    /// A reader's sentence is rarely longer (none of TimeBank, AQUAINT, MEANTIME or the
    /// samples is: their builds are unchanged by the cut); a longer stretch without a
    /// sentence end (a list, a page of words without punctuation) is cut into pieces of at
    /// most this size, at a clause break where there is one. Every piece of evidence
    /// carries its whole sentence: one "sentence" of 946 KB with its thousands of event
    /// mentions took 49 s and 3.8 GB, 4 MB 204 s and 9.7 GB.
    static constexpr std::size_t kMaxSentenceBytes = 1500;

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
