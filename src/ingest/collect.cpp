// collect_inputs: command-line arguments to files. Folders are walked without recursion
// (an explicit stack), hidden entries skipped, each folder visited once (by device and
// inode), so symbolic-link loops and unreadable folders give a warning, never a hang.
#include "chronograph/ingest.hpp"

#include "ingest/format.hpp"
#include "ingest/ingest_internal.hpp"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <exception>
#include <set>

namespace chronograph {
namespace {

void warn(std::vector<Diagnostic>& diagnostics, const std::string& path, std::string message) {
    diagnostics.push_back({Diagnostic::Severity::Warning, path, std::move(message)});
}

std::string join(const std::string& dir, const std::string& name) {
    return !dir.empty() && dir.back() == '/' ? dir + name : dir + "/" + name;
}

/// Names in `dir` except hidden ones, sorted; nullopt when the folder cannot be read.
std::optional<std::vector<std::string>> list_folder(const std::string& dir, int& err) {
    DIR* d = ::opendir(dir.c_str());
    if (!d) {
        err = errno;
        return std::nullopt;
    }
    std::vector<std::string> names;
    while (const dirent* e = ::readdir(d))
        if (e->d_name[0] != '.') names.emplace_back(e->d_name);
    ::closedir(d);
    std::sort(names.begin(), names.end());
    return names;
}

void walk_folder(const std::string& root, const struct stat& root_stat, const ingest::FormatRules& formats,
                 std::vector<std::string>& out, std::vector<Diagnostic>& diagnostics) {
    std::set<std::pair<dev_t, ino_t>> visited{{root_stat.st_dev, root_stat.st_ino}};
    std::vector<std::string> pending{root}, found;
    std::size_t not_articles = 0;
    while (!pending.empty()) {
        const std::string dir = std::move(pending.back());
        pending.pop_back();
        int err = 0;
        const auto names = list_folder(dir, err);
        if (!names) {
            warn(diagnostics, dir, "folder skipped: " + ingest::describe_errno(err, dir));
            continue;
        }
        for (const std::string& name : *names) {
            const std::string path = join(dir, name);
            struct stat st{};
            if (::stat(path.c_str(), &st) != 0) {
                warn(diagnostics, path, "skipped: " + ingest::describe_errno(errno, path));
            } else if (S_ISDIR(st.st_mode)) {
                if (visited.insert({st.st_dev, st.st_ino}).second) pending.push_back(path);
                else warn(diagnostics, path, "folder skipped: already visited (a symbolic link loop or a second link to it)");
            } else if (!S_ISREG(st.st_mode)) {
                warn(diagnostics, path, "skipped: not a regular file (a device, FIFO or socket)");
            } else if (ingest::format_of_extension(path, formats) == "skip") {
                ++not_articles;
            } else {
                found.push_back(path);
            }
        }
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
    if (not_articles)
        warn(diagnostics, root, "skipped " + std::to_string(not_articles) +
                                    " file(s) that cannot be articles (pictures, PDFs, archives, office files...)");
}

}  // namespace

std::vector<std::string> collect_inputs(const std::vector<std::string>& args, std::vector<Diagnostic>& diagnostics,
                                        const Resources& res) {
    ingest::FormatRules formats;
    try {
        formats = ingest::rules_for(res).formats;
    } catch (const std::exception& e) {  // broken language data: every file is then tried
        diagnostics.push_back({Diagnostic::Severity::Warning, "", e.what()});
    }
    std::vector<std::string> out;
    for (const std::string& arg : args) {
        struct stat st{};
        if (arg.empty()) {
            diagnostics.push_back({Diagnostic::Severity::Error, arg, "empty path"});
        } else if (::stat(arg.c_str(), &st) != 0) {
            diagnostics.push_back({Diagnostic::Severity::Error, arg, ingest::describe_errno(errno, arg)});
        } else if (S_ISDIR(st.st_mode)) {
            walk_folder(arg, st, formats, out, diagnostics);
        } else if (S_ISREG(st.st_mode)) {
            out.push_back(arg);
        } else {
            diagnostics.push_back({Diagnostic::Severity::Error, arg, "not a regular file or folder (a device, FIFO or socket)"});
        }
    }
    return out;
}

std::vector<std::string> collect_inputs(const std::vector<std::string>& args, std::vector<Diagnostic>& diagnostics) {
    return collect_inputs(args, diagnostics, Resources::standard());
}

}  // namespace chronograph
