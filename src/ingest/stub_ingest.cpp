// Placeholder until the ingest stage lands: plain text, one paragraph per line.
#include "chronograph/ingest.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace chronograph {

std::vector<std::string> collect_inputs(const std::vector<std::string>& args, std::vector<Diagnostic>& diagnostics) {
    namespace fs = std::filesystem;
    std::vector<std::string> out;
    for (const auto& a : args) {
        std::error_code ec;
        if (fs::is_directory(a, ec)) {
            std::vector<std::string> found;
            for (const auto& e : fs::recursive_directory_iterator(a, ec))
                if (e.is_regular_file()) found.push_back(e.path().string());
            std::sort(found.begin(), found.end());
            out.insert(out.end(), found.begin(), found.end());
        } else if (fs::exists(a, ec)) {
            out.push_back(a);
        } else {
            diagnostics.push_back({Diagnostic::Severity::Error, a, "no such file or folder"});
        }
    }
    return out;
}

ReadResult parse_document(const std::string& path, std::string bytes, const Resources&, const ReadOptions& opt) {
    ReadResult r;
    Document d;
    d.path = path;
    d.text = std::move(bytes);
    d.dct = opt.dct;
    d.dct_source = opt.dct ? DctSource::Flag : DctSource::None;
    std::size_t pos = 0;
    while (pos < d.text.size()) {
        std::size_t nl = d.text.find('\n', pos);
        if (nl == std::string::npos) nl = d.text.size();
        if (nl > pos) d.paragraphs.push_back({Span{pos, nl}});
        pos = nl + 1;
    }
    r.document = std::move(d);
    return r;
}

ReadResult read_document(const std::string& path, const Resources& res, const ReadOptions& opt) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return ReadResult{std::nullopt, {{Diagnostic::Severity::Error, path, "cannot be read"}}};
    std::ostringstream ss;
    ss << in.rdbuf();
    return parse_document(path, ss.str(), res, opt);
}

}  // namespace chronograph
