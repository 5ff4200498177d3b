// Values that many records of the Story hold alike (one sentence is the evidence of
// several event mentions, one date that of thousands): stored once, reference counted.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace chronograph {

/// A text, in one allocation with its count and size: 8 bytes in the record that holds
/// it, 8 more beside the characters (a std::string is 32 and 8).
class SharedText {
public:
    SharedText() = default;
    SharedText(std::string_view s) {  // NOLINT: implicit, as a string
        if (s.empty()) return;
        block_ = static_cast<Block*>(::operator new(offsetof(Block, chars) + s.size()));
        new (&block_->refs) std::atomic<std::uint32_t>(1);
        block_->size = static_cast<std::uint32_t>(s.size());
        std::memcpy(block_->chars, s.data(), s.size());
    }
    SharedText(const std::string& s) : SharedText(std::string_view(s)) {}  // NOLINT
    SharedText(const char* s) : SharedText(std::string_view(s)) {}         // NOLINT
    SharedText(const SharedText& o) noexcept : block_(o.block_) {
        if (block_) block_->refs.fetch_add(1, std::memory_order_relaxed);
    }
    SharedText(SharedText&& o) noexcept : block_(std::exchange(o.block_, nullptr)) {}
    SharedText& operator=(SharedText o) noexcept {
        std::swap(block_, o.block_);
        return *this;
    }
    ~SharedText() {
        if (block_ && block_->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) ::operator delete(block_);
    }

    operator std::string_view() const { return view(); }  // NOLINT: used as a string
    std::string_view view() const { return block_ ? std::string_view(block_->chars, block_->size) : std::string_view(); }
    std::size_t size() const { return block_ ? block_->size : 0; }
    bool empty() const { return size() == 0; }
    std::string str() const { return std::string(view()); }

    friend bool operator==(const SharedText& a, const SharedText& b) { return a.view() == b.view(); }
    friend bool operator==(const SharedText& a, std::string_view b) { return a.view() == b; }

private:
    struct Block {
        std::atomic<std::uint32_t> refs;
        std::uint32_t size;
        char chars[8];  // (as many as `size`: the block is allocated for them)
    };
    Block* block_ = nullptr;
};

/// A value of T; a default-made one reads as T{}.
template <class T>
class Shared {
public:
    Shared() = default;
    Shared(T value) : value_(std::make_shared<const T>(std::move(value))) {}  // NOLINT: implicit, as a T
    explicit Shared(std::shared_ptr<const T> value) : value_(std::move(value)) {}

    const T& get() const {
        static const T none{};
        return value_ ? *value_ : none;
    }
    operator const T&() const { return get(); }  // NOLINT: used as a T
    const T* operator->() const { return &get(); }

private:
    std::shared_ptr<const T> value_;
};

}  // namespace chronograph
