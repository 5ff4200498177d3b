// Helpers shared by the ingest tests: files of the source tree, and temporary files under
// the build folder (next to the test binary), never in the source tree.
#pragma once

#include "chronograph/ingest.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace ingest_test {

inline std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// build/tests/tmp/ingest/<name>: a fresh folder for one test.
inline std::filesystem::path temp_dir(const std::string& name) {
    namespace fs = std::filesystem;
    const fs::path exe = fs::read_symlink("/proc/self/exe");
    const fs::path dir = exe.parent_path() / "tmp" / "ingest" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

inline std::string write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
}

inline std::string span_text(const chronograph::Document& d, const chronograph::Paragraph& p) {
    return d.text.substr(p.span.start, p.span.size());
}

inline std::vector<std::string> paragraph_texts(const chronograph::Document& d) {
    std::vector<std::string> out;
    for (const chronograph::Paragraph& p : d.paragraphs) out.push_back(span_text(d, p));
    return out;
}

/// Parses bytes as if read from `name` (the extension picks the format).
inline chronograph::Document parse(const std::string& name, const std::string& bytes, const chronograph::ReadOptions& opt = {}) {
    chronograph::ReadResult r = chronograph::parse_document(name, bytes, chronograph::Resources::embedded(), opt);
    if (!r.document) throw std::runtime_error("no document from " + name + ": " + (r.diagnostics.empty() ? "" : r.diagnostics[0].message));
    return std::move(*r.document);
}

/// The first error message for these bytes, or "" when a document was read.
inline std::string error_of(const std::string& name, const std::string& bytes) {
    const chronograph::ReadResult r = chronograph::parse_document(name, bytes, chronograph::Resources::embedded());
    for (const auto& d : r.diagnostics)
        if (d.severity == chronograph::Diagnostic::Severity::Error) return d.message;
    return "";
}

}  // namespace ingest_test
