// read_document: the file's bytes, or why they cannot be had (missing, a folder, a device,
// no permission, too large). Only regular files are opened, so a FIFO never blocks us.
#include "chronograph/ingest.hpp"

#include "ingest/ingest_internal.hpp"

#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace chronograph {
namespace {

constexpr std::size_t kMaxFileBytes = std::size_t{1} << 30;  // 1 GiB: no news article is larger

ReadResult failure(const std::string& path, std::string message) {
    return ReadResult{std::nullopt, {{Diagnostic::Severity::Error, path, std::move(message)}}};
}

}  // namespace

std::string ingest::describe_errno(int err, const std::string& path) {
    struct stat st{};
    if (err == ENOENT && ::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) return "broken symbolic link (its target does not exist)";
    switch (err) {
        case ENOENT: return "no such file or folder";
        case EACCES: return "permission denied";
        case ENOTDIR: return "no such file (a part of the path is not a folder)";
        case ELOOP: return "symbolic link loop";
        case ENAMETOOLONG: return "path too long";
        default: return std::strerror(err);
    }
}

ReadResult read_document(const std::string& path, const Resources& res, const ReadOptions& opt) {
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0) return failure(path, ingest::describe_errno(errno, path));
    if (S_ISDIR(st.st_mode)) return failure(path, "is a folder, not a file");
    if (!S_ISREG(st.st_mode)) return failure(path, "not a regular file (a device, FIFO or socket)");
    if (static_cast<std::size_t>(st.st_size) > kMaxFileBytes)
        return failure(path, "too large to be an article (" + std::to_string(st.st_size) + " bytes; the limit is 1 GiB)");
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return failure(path, "cannot be opened: " + ingest::describe_errno(errno, path));
    std::string bytes;
    bytes.resize(static_cast<std::size_t>(st.st_size));
    std::size_t got = 0;
    // Reads past the size stat gave (to see the end, or what a growing file added) go to
    // `more` and are appended: growing `bytes` for them kept 64 KB of spare capacity in
    // every document's text (650 MB for 10,000 small files).
    char more[16384];
    for (;;) {
        const bool full = got == bytes.size();
        if (full && bytes.size() >= kMaxFileBytes) break;  // the file grows while we read: stop at the limit
        const ssize_t n = full ? ::read(fd, more, sizeof more) : ::read(fd, bytes.data() + got, bytes.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int err = errno;
            ::close(fd);
            return failure(path, std::string("read error: ") + std::strerror(err));
        }
        if (n == 0) break;
        if (full) bytes.append(more, static_cast<std::size_t>(n));
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    bytes.resize(got);
    return parse_document(path, std::move(bytes), res, opt);
}

}  // namespace chronograph
