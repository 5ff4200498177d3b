// A scratch file for what a large corpus would otherwise hold in memory: in $TMPDIR
// (else /tmp), unlinked as soon as it is made, so the system removes it when it is
// closed, however the program ends. Its pages sit in the page cache, not in the process.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

namespace chronograph {

class TemporaryFile {
public:
    explicit TemporaryFile(std::string_view name);  // "chronograph-<name>-XXXXXX"
    ~TemporaryFile();
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;

    /// Writes `bytes` at the end; returns where they start. Safe from several threads.
    std::uint64_t append(std::string_view bytes);
    /// The `size` bytes at `offset`. Safe from several threads.
    std::string read(std::uint64_t offset, std::size_t size) const;
    /// The same, into `to` (room for `size` bytes).
    void read(std::uint64_t offset, std::size_t size, char* to) const;

private:
    int fd_ = -1;
    std::mutex mutex_;       // guards end_
    std::uint64_t end_ = 0;
};

}  // namespace chronograph
