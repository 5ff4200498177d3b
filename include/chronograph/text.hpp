// Byte-level text helpers shared by the stages (UTF-8 in, UTF-8 out).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace chronograph {

/// ASCII lower case; bytes >= 0x80 are copied unchanged.
std::string lower_ascii(std::string_view s);
/// Case-insensitive (ASCII) equality.
bool iequals(std::string_view a, std::string_view b);
std::string_view trim(std::string_view s);
/// Splits on a single character; empty fields are kept.
std::vector<std::string_view> split(std::string_view s, char sep);
/// Offset of the first invalid UTF-8 byte, or npos if `s` is valid UTF-8.
std::size_t find_invalid_utf8(std::string_view s);
/// Collapses runs of white space (including newlines) to one space and trims.
std::string squash_space(std::string_view s);

}  // namespace chronograph
