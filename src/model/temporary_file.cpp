#include "model/temporary_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace chronograph {
namespace {

[[noreturn]] void fail(const char* what) { throw std::runtime_error(std::string(what) + ": " + std::strerror(errno)); }

}  // namespace

TemporaryFile::TemporaryFile(std::string_view name) {
    const char* dir = std::getenv("TMPDIR");
    std::string path = std::string(dir && *dir ? dir : "/tmp") + "/chronograph-" + std::string(name) + "-XXXXXX";
    fd_ = ::mkstemp(path.data());
    if (fd_ < 0) fail(("cannot make a temporary file " + path).c_str());
    ::unlink(path.c_str());
}

TemporaryFile::~TemporaryFile() { ::close(fd_); }

std::uint64_t TemporaryFile::append(std::string_view bytes) {
    std::uint64_t at;
    {
        std::lock_guard lock(mutex_);
        at = end_;
        end_ += bytes.size();
    }
    for (std::size_t done = 0; done < bytes.size();) {
        const ssize_t n = ::pwrite(fd_, bytes.data() + done, bytes.size() - done, static_cast<off_t>(at + done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) fail("cannot write a temporary file");
        done += static_cast<std::size_t>(n);
    }
    return at;
}

std::string TemporaryFile::read(std::uint64_t offset, std::size_t size) const {
    std::string bytes(size, '\0');
    read(offset, size, bytes.data());
    return bytes;
}

void TemporaryFile::read(std::uint64_t offset, std::size_t size, char* to) const {
    for (std::size_t done = 0; done < size;) {
        const ssize_t n = ::pread(fd_, to + done, size - done, static_cast<off_t>(offset + done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) fail("cannot read a temporary file back");
        done += static_cast<std::size_t>(n);
    }
}

}  // namespace chronograph
