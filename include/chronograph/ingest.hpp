// Stage 1, ingest: files to Documents (plain text, HTML, TimeML), publication dates,
// boilerplate, captions and repeated paragraphs.
#pragma once

#include "chronograph/analysis.hpp"
#include "chronograph/document.hpp"
#include "chronograph/resources.hpp"

#include <optional>
#include <string>
#include <vector>

namespace chronograph {

struct ReadOptions {
    std::optional<Day> dct;  // --dct: overrides whatever the document says
};

/// A document, or the reason there is none. Never throws for bad input.
struct ReadResult {
    std::optional<Document> document;
    std::vector<Diagnostic> diagnostics;  // errors (no document) and warnings
};

/// Expands the command-line arguments: files as given, folders walked recursively
/// (regular files only, hidden ones skipped, sorted). A missing path is an error
/// diagnostic naming it.
std::vector<std::string> collect_inputs(const std::vector<std::string>& args, std::vector<Diagnostic>& diagnostics);
/// The same with the language data given (formats.tsv says which extensions are never articles).
std::vector<std::string> collect_inputs(const std::vector<std::string>& args, std::vector<Diagnostic>& diagnostics,
                                        const Resources& res);

/// Reads and parses the file at `path`. Missing, unreadable, empty, binary and
/// invalid-UTF-8 files give an error diagnostic naming the file and the problem.
ReadResult read_document(const std::string& path, const Resources& res, const ReadOptions& opt = {});

/// Parses bytes already in memory; the format is chosen from the extension and content.
ReadResult parse_document(const std::string& path, std::string bytes, const Resources& res,
                          const ReadOptions& opt = {});

/// TimeML: where in Document::raw an annotation ending at text offset `end` closes: just
/// after the source of text[end - 1] (an entity counts whole), before any tag that follows
/// it. raw_offset[end] is where one starting at `end` opens.
std::size_t raw_end_offset(const Document& doc, std::size_t end);

/// TimeML: `raw` without the tags (start, end and empty) of `element` inside <TEXT>, what
/// they enclose kept; the tags found as the TimeML reader finds them (quoted attribute
/// values, comments and CDATA sections are not markup). `raw` as it is when it has no TEXT
/// element the reader could read.
std::string without_text_elements(const std::string& raw, std::string_view element);

}  // namespace chronograph
