// Which reader a file goes to (extension first, then the content), and what is wrong with
// bytes that are not text at all (empty, binary, other encodings).
#include "ingest/format.hpp"

#include "chronograph/text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace chronograph::ingest {
namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string_view skip_bom_and_space(std::string_view s) {
    if (starts_with(s, "\xEF\xBB\xBF")) s.remove_prefix(3);
    std::size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    return s.substr(i);
}

SourceFormat sniff(std::string_view bytes) {
    const std::string head = lower_ascii(skip_bom_and_space(bytes).substr(0, 1024));
    if (starts_with(head, "<!doctype html") || starts_with(head, "<html")) return SourceFormat::Html;
    const std::string_view first4k = bytes.substr(0, 4096);
    if (first4k.find("<TimeML") != std::string_view::npos) return SourceFormat::TimeML;
    if (starts_with(head, "<?xml") || starts_with(head, "<!--") || starts_with(head, "<!doctype")) {
        if (bytes.find("<TEXT>") != std::string_view::npos) return SourceFormat::TimeML;
        if (lower_ascii(first4k).find("<html") != std::string::npos) return SourceFormat::Html;
        return SourceFormat::OtherXml;
    }
    // An HTML fragment: a page body saved without <html>.
    for (std::string_view tag : {"<head", "<body", "<article", "<meta", "<title", "<div", "<p>", "<p "})
        if (starts_with(head, tag)) return SourceFormat::Html;
    return SourceFormat::Text;
}

}  // namespace

std::string extension_of(std::string_view path) {
    const std::size_t slash = path.find_last_of('/');
    const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    const std::size_t dot = name.find_last_of('.');
    if (dot == std::string_view::npos || dot == 0) return {};
    return lower_ascii(name.substr(dot));
}

std::string format_of_extension(std::string_view path, const FormatRules& rules) {
    for (const std::string& end : rules.skipped_name_ends)
        if (path.size() > end.size() && path.substr(path.size() - end.size()) == end) return "skip";
    const std::string ext = extension_of(path);
    for (const auto& [e, f] : rules.extensions)
        if (e == ext) return f;
    return {};
}

SourceFormat choose_format(std::string_view path, std::string_view bytes, const FormatRules& rules) {
    const std::string by_ext = format_of_extension(path, rules);
    if (by_ext == "html") return SourceFormat::Html;
    if (by_ext == "timeml") return SourceFormat::TimeML;
    const SourceFormat by_content = sniff(bytes);
    if (by_ext == "xml") return by_content == SourceFormat::Text ? SourceFormat::OtherXml : by_content;
    // A .txt file that is really a saved web page is read as one.
    if (by_ext == "text") return by_content == SourceFormat::Html && lower_ascii(bytes.substr(0, 64)).find("html") != std::string::npos
                                     ? SourceFormat::Html : SourceFormat::Text;
    return by_content;
}

std::string not_text_reason(std::string_view bytes) {
    if (bytes.empty()) return "the file is empty (0 bytes)";
    if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF"))
        return "the file is UTF-16 text; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)";
    static constexpr std::pair<std::string_view, std::string_view> kMagic[] = {
        {"%PDF-", "a PDF document, not text: convert it to text or HTML first"},
        {"PK\x03\x04", "a ZIP archive (or a .docx/.odt document), not text"},
        {"\x1F\x8B", "gzip-compressed data, not text: decompress it first"},
        {"\x89PNG", "a PNG image, not text"},
        {"\xFF\xD8\xFF", "a JPEG image, not text"},
        {"GIF8", "a GIF image, not text"},
        {"\x7F" "ELF", "an executable program, not text"},
    };
    for (const auto& [magic, why] : kMagic)
        if (starts_with(bytes, magic)) return std::string(why);
    const std::size_t nul = bytes.find('\0');
    if (nul != std::string_view::npos) return "binary data, not text (a NUL byte at byte " + std::to_string(nul) + ")";
    static const auto kControl = [] {
        std::array<std::uint8_t, 256> t{};
        for (int c = 0; c < 0x20; ++c) t[c] = 1;
        for (const int c : {'\n', '\r', '\t', '\f', '\v'}) t[c] = 0;
        t[0x7F] = 1;
        return t;
    }();
    std::size_t control = 0;
    for (const char c : bytes) control += kControl[static_cast<unsigned char>(c)];
    if (control >= 8 && control * 20 > bytes.size())
        return "binary data, not text (" + std::to_string(control) + " control characters in " + std::to_string(bytes.size()) + " bytes)";
    if (trim(skip_bom_and_space(bytes)).empty()) return "the file contains only white space";
    return {};
}

std::string invalid_utf8_reason(std::string_view bytes) {
    const std::size_t bad = find_invalid_utf8(bytes);
    if (bad == std::string_view::npos) return {};
    const auto line = 1 + std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(bad), '\n');
    return "not valid UTF-8 at byte " + std::to_string(bad) + " (line " + std::to_string(line) +
           "); is it in another encoding such as Windows-1252 or Latin-1? Convert it to UTF-8 (iconv -f WINDOWS-1252 -t UTF-8)";
}

}  // namespace chronograph::ingest
