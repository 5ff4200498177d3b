// Language data: rules, vocabularies, gazetteers and lexicons, kept as text files under
// data/<lang>/ (each file starts with a '#' header saying its format).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace chronograph {

class Resources {
public:
    /// The data compiled into the library; if the environment variable CHRONOGRAPH_DATA
    /// names a folder, the files are read from there instead (to edit rules without
    /// rebuilding).
    static const Resources& standard();
    /// The data compiled into the library, whatever the environment says.
    static const Resources& embedded();
    /// Every file below `dir`, read now.
    static Resources from_directory(const std::string& dir);

    /// Text of the file at `path` relative to the data root ("en/timex/months.tsv").
    /// Throws std::runtime_error naming the file when it does not exist.
    std::string_view file(std::string_view path) const;
    bool has(std::string_view path) const;
    /// Paths starting with `prefix`, sorted.
    std::vector<std::string> list(std::string_view prefix) const;

private:
    std::map<std::string, std::string, std::less<>> owned_;
    std::map<std::string, std::string_view, std::less<>> files_;
};

/// One non-comment line of a data table, split on tabs.
struct Record {
    std::size_t line = 0;  // 1-based line number in the file, for error messages
    std::vector<std::string_view> fields;

    std::string_view operator[](std::size_t i) const { return i < fields.size() ? fields[i] : std::string_view{}; }
    std::size_t size() const { return fields.size(); }
};

/// Splits a data file into records: blank lines and lines starting with '#' are skipped,
/// fields are separated by tabs, trailing '\r' is dropped. The views point into `text`.
std::vector<Record> read_table(std::string_view text);

/// Lines of a plain list file (one entry per line, '#' comments, blank lines skipped).
std::vector<std::string_view> read_list(std::string_view text);

}  // namespace chronograph
