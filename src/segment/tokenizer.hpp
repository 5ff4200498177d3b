// Splits a stretch of text into tokens (conventions in analysis.hpp and the README of
// data/en/segment): words, numbers and single punctuation characters.
#pragma once

#include "chronograph/analysis.hpp"

#include <string_view>
#include <vector>

namespace chronograph::segment {

/// Appends the tokens of text[span] to `out` (offsets into `text`).
void tokenize(std::string_view text, Span span, std::vector<Token>& out);

/// Decodes the UTF-8 code point at text[i] (text must be valid UTF-8); sets `len`.
char32_t decode_utf8(std::string_view text, std::size_t i, std::size_t& len);

/// White space as a tokenizer sees it: ASCII and Unicode spaces, NBSP, zero-width space, BOM.
bool is_space(char32_t c);

}  // namespace chronograph::segment
