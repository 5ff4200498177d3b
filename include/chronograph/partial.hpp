// Per-document results as JSON Lines: what `chronograph extract` writes and `chronograph
// merge` reads. One line per document (its text, paragraphs, sentences, time expressions,
// entities, events and claims), or per input that could not be read (its diagnostics).
// Tokens are not kept: nothing after the per-document stages needs them.
#pragma once

#include "chronograph/analysis.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chronograph {

/// One line of a part file.
struct PartRecord {
    std::optional<DocumentAnalysis> analysis;  // none for an input that could not be read
    std::vector<Diagnostic> diagnostics;
};

/// A record as a part file holds it (its problems go to BuildOptions' problem hook).
struct PartLine {
    std::string json;       // to_json_line of the record
    bool document = false;  // it holds a document's analysis
};

/// The record as one line of JSON (no newline).
std::string to_json_line(const PartRecord& record);

/// Parses one line; throws std::runtime_error saying what is wrong with it.
PartRecord from_json_line(std::string_view line);

}  // namespace chronograph
