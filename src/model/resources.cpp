#include "chronograph/resources.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace chronograph {
namespace detail {
extern const std::pair<std::string_view, std::string_view> embedded_files[];
extern const std::size_t embedded_file_count;
}  // namespace detail

const Resources& Resources::embedded() {
    static const Resources res = [] {
        Resources r;
        for (std::size_t i = 0; i < detail::embedded_file_count; ++i)
            r.files_.emplace(std::string(detail::embedded_files[i].first), detail::embedded_files[i].second);
        return r;
    }();
    return res;
}

const Resources& Resources::standard() {
    static const Resources res = [] {
        const char* dir = std::getenv("CHRONOGRAPH_DATA");
        return dir && *dir ? from_directory(dir) : embedded();
    }();
    return res;
}

Resources Resources::from_directory(const std::string& dir) {
    namespace fs = std::filesystem;
    if (!fs::is_directory(dir)) throw std::runtime_error("data folder " + dir + " does not exist");
    Resources r;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        const std::string rel = fs::relative(entry.path(), dir).generic_string();
        if (rel.find("examples/") != std::string::npos) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        r.owned_[rel] = ss.str();
    }
    for (const auto& [path, text] : r.owned_) r.files_.emplace(path, std::string_view(text));
    return r;
}

std::string_view Resources::file(std::string_view path) const {
    auto it = files_.find(path);
    if (it == files_.end()) throw std::runtime_error("language data file " + std::string(path) + " is missing");
    return it->second;
}

bool Resources::has(std::string_view path) const { return files_.find(path) != files_.end(); }

std::vector<std::string> Resources::list(std::string_view prefix) const {
    std::vector<std::string> out;
    for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it)
        out.push_back(it->first);
    return out;
}

std::vector<Record> read_table(std::string_view text) {
    std::vector<Record> out;
    std::size_t line_no = 0, pos = 0;
    while (pos <= text.size() && pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view line = text.substr(pos, nl - pos);
        pos = nl + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
        Record rec;
        rec.line = line_no;
        std::size_t f = 0;
        while (true) {
            const std::size_t tab = line.find('\t', f);
            rec.fields.push_back(line.substr(f, tab == std::string_view::npos ? std::string_view::npos : tab - f));
            if (tab == std::string_view::npos) break;
            f = tab + 1;
        }
        out.push_back(std::move(rec));
    }
    return out;
}

std::vector<std::string_view> read_list(std::string_view text) {
    std::vector<std::string_view> out;
    for (const Record& r : read_table(text)) {
        std::string_view v = r.fields[0];
        while (!v.empty() && (v.back() == ' ')) v.remove_suffix(1);
        if (!v.empty()) out.push_back(v);
    }
    return out;
}

}  // namespace chronograph
