// Choosing a reader for a file, and recognizing bytes that are not text.
#pragma once

#include "ingest/ingest_internal.hpp"

#include <string>
#include <string_view>

namespace chronograph::ingest {

enum class SourceFormat { Text, Html, TimeML, OtherXml };

/// ".html" for "a/b/Page.HTML"; empty when there is none (a leading dot is a hidden file, not an extension).
std::string extension_of(std::string_view path);
/// "html", "timeml", "xml", "text", "skip" from formats.tsv (by extension, or "skip" for the
/// name endings of backups), or empty for an unknown extension.
std::string format_of_extension(std::string_view path, const FormatRules& rules);
/// By extension (.html .htm .xhtml -> HTML, .tml -> TimeML, .xml -> TimeML when it has <TimeML
/// or <TEXT>), else by content (<!DOCTYPE html, <html -> HTML; <TimeML -> TimeML; else text).
SourceFormat choose_format(std::string_view path, std::string_view bytes, const FormatRules& rules);
/// Why `bytes` cannot be an article (empty, only white space, binary, UTF-16, a PDF...), or "".
std::string not_text_reason(std::string_view bytes);
/// "not valid UTF-8 at byte N (line L)..." or "" when the bytes are valid UTF-8.
std::string invalid_utf8_reason(std::string_view bytes);

}  // namespace chronograph::ingest
