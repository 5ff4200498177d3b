// Stage 3, timex: temporal expressions found and normalized to TIMEX3, anchored to the
// document's publication date. Rules and vocabularies: data/en/timex/.
#pragma once

#include "chronograph/analysis.hpp"
#include "chronograph/resources.hpp"

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace chronograph {

class TimexTagger {
public:
    explicit TimexTagger(const Resources& res);
    ~TimexTagger();
    TimexTagger(const TimexTagger&) = delete;
    TimexTagger& operator=(const TimexTagger&) = delete;

    /// Fills a.timexes (in text order) from the sentences and tokens, anchored to
    /// a.doc.dct; without a DCT, relative expressions stay unanchored.
    /// Safe to call from several threads at once.
    void tag(DocumentAnalysis& a) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// TimeML in, TimeML out (TimeBank, AQUAINT, TempEval-3 input): the TIMEX3 elements inside
/// <TEXT> are taken out (they are the gold; the DCT's stays), the text is tagged against
/// the <DCT>, and the same bytes come back with one <TIMEX3 tid type value [mod]> element
/// per expression. Text, EVENT and every other tag stay as they were.
class TimemlAnnotator {
public:
    explicit TimemlAnnotator(const Resources& res);
    ~TimemlAnnotator();
    TimemlAnnotator(const TimemlAnnotator&) = delete;
    TimemlAnnotator& operator=(const TimemlAnnotator&) = delete;

    /// The annotated document, or nullopt (with an error diagnostic) when `bytes` is not
    /// TimeML that can be read. Expressions that would cross another element are left out,
    /// with a warning. Safe to call from several threads at once.
    std::optional<std::string> annotate(const std::string& path, std::string bytes,
                                        std::vector<Diagnostic>& diagnostics) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// `chronograph timeml IN [-o OUT]`: IN a file -> OUT (standard output when empty); IN a
/// folder -> every *.tml / *.TE3input file below it, written under the folder OUT with the
/// same relative path. Messages go to `err`. Returns the exit code: 0 written (some files
/// may have been skipped), 2 bad arguments, 3 nothing could be read, 4 output failed.
int timeml_command(const std::string& in, const std::string& out, std::ostream& out_stream, std::ostream& err);

}  // namespace chronograph
