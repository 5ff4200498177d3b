// Fuzz entry points: each runs one input through one part of chronograph and checks what
// the later stages rely on (offsets inside the text, indices inside their lists, order).
// A broken promise throws BrokenInvariant; any other misbehaviour (a crash, a hang, a
// leak, undefined behaviour) is the sanitizers' to catch. The libFuzzer targets
// (tools/fuzz/fuzz_main.cpp) and the regression test (tests/test_fuzz_regressions.cpp)
// call the same functions, so every input a fuzzer ever found is replayed by the tests.
#pragma once

#include <stdexcept>
#include <string_view>

namespace chronograph::fuzz {

struct BrokenInvariant : std::logic_error {
    using std::logic_error::logic_error;
};

/// parse_document; the first byte chooses the format (plain text, HTML, TimeML), the rest is the file.
void ingest(std::string_view data);
/// Segmenter on a text (one paragraph per line); invalid UTF-8 is ignored (ingest rejects it).
void segment(std::string_view data);
/// Segmenter then TimexTagger, with the publication date 2025-05-01.
void timex(std::string_view data);
/// from_json_line; what it accepts must survive to_json_line and back unchanged.
void partial(std::string_view data);
/// parse_document (format byte as for ingest) then Pipeline::analyse, and the result
/// through the part-file round trip (which checks every index).
void pipeline(std::string_view data);
/// Up to four documents (split at the byte 0x1E, each with its format byte as for ingest)
/// analysed, merged into a story and written as every output (Graphviz included): each
/// file must parse in its own format (JSON, DOT, XML, CSV) whatever the articles held, and
/// the documents merged from part files (extract's), in the other order, on two threads,
/// must give the same bytes.
void story(std::string_view data);
/// TimemlAnnotator on a TimeML file (`chronograph timeml`): the output, without its TIMEX3
/// tags inside TEXT, is the input without them, byte for byte; well-formed XML in gives
/// well-formed XML out; annotating the output again gives it back unchanged.
void timeml(std::string_view data);

struct Target {
    const char* name;
    void (*run)(std::string_view);
};
inline constexpr Target kTargets[] = {
    {"ingest", ingest}, {"segment", segment}, {"timex", timex}, {"partial", partial}, {"pipeline", pipeline}, {"story", story}, {"timeml", timeml},
};

}  // namespace chronograph::fuzz
