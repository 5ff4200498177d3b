#include "timex/lexicon.hpp"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <stdexcept>

namespace chronograph::timex {

namespace {
constexpr std::uint64_t kFnvOffset = 1469598103934665603ull;  // FNV-1a
constexpr std::uint64_t kFnvPrime = 1099511628211ull;
std::uint64_t finish(std::uint64_t h) { return h ^ (h >> 29); }

/// The curly apostrophes ’ and ‘ (E2 80 99 / E2 80 98) at s[i], read as '.
bool curly_apostrophe(std::string_view s, std::size_t i) {
    return static_cast<unsigned char>(s[i]) == 0xE2 && i + 2 < s.size() &&
           static_cast<unsigned char>(s[i + 1]) == 0x80 &&
           (static_cast<unsigned char>(s[i + 2]) == 0x99 || static_cast<unsigned char>(s[i + 2]) == 0x98);
}
}  // namespace

Lexicon::Lexicon() : slots_(256) {
    std::fill(std::begin(single_byte_), std::end(single_byte_), -1);
    std::fill(std::begin(two_letters_), std::end(two_letters_), -1);
}

namespace {
/// Index of a two-letter ASCII word in either case, or -1.
int two_letter_index(std::string_view w) {
    if (w.size() != 2) return -1;
    const unsigned a = (static_cast<unsigned char>(w[0]) | 0x20u) - 'a', b = (static_cast<unsigned char>(w[1]) | 0x20u) - 'a';
    return a < 26 && b < 26 ? static_cast<int>(a * 26 + b) : -1;
}
}  // namespace

int Lexicon::intern_class(std::string_view name) {
    if (const int c = find_class(name); c >= 0) return c;
    if (class_names_.size() >= ClassMask::kMaxClasses)
        throw std::runtime_error("timex: more than 128 token classes (at '" + std::string(name) + "')");
    class_names_.emplace_back(name);
    return static_cast<int>(class_names_.size()) - 1;
}

int Lexicon::find_class(std::string_view name) const {
    for (std::size_t i = 0; i < class_names_.size(); ++i)
        if (class_names_[i] == name) return static_cast<int>(i);
    return -1;
}

void Lexicon::pack(std::string_view w, std::uint64_t* words) {
    std::uint64_t cur = 0;
    for (std::size_t i = 0; i < w.size(); ++i) {
        cur |= std::uint64_t{static_cast<unsigned char>(w[i])} << (8 * (i & 7));
        if ((i & 7) == 7) {
            words[i >> 3] = cur;
            cur = 0;
        }
    }
    if (w.size() & 7) words[w.size() >> 3] = cur;
}

std::uint64_t Lexicon::hash(const std::uint64_t* words, std::size_t n) {
    // Whole 8-byte words, multiplied in: a form is hashed in one to five steps instead of
    // one per byte.
    std::uint64_t h = kFnvOffset ^ n;
    for (std::size_t k = 0; k * 8 < n; ++k) {
        h = (h ^ words[k]) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 32;
    }
    return finish(h * kFnvPrime);
}

int Lexicon::probe(std::uint64_t h, const std::uint64_t* words, std::size_t n) const {
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
        const Slot& s = slots_[i];
        if (s.id == 0) return -1;
        if (s.tag != tag || text_size_[s.id - 1] != n) continue;
        const std::uint64_t* t = pool_.data() + text_at_[s.id - 1];
        bool same = true;
        for (std::size_t k = 0; same && k * 8 < n; ++k) same = words[k] == t[k];
        if (same) return s.id - 1;
    }
}

int Lexicon::find_word(std::string_view w) const {
    if (w.size() > kMaxWord) return -1;
    std::uint64_t words[kWords];
    pack(w, words);
    return probe(hash(words, w.size()), words, w.size());
}

namespace {
unsigned char lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + 32) : c; }

constexpr std::uint64_t kHighBits = 0x8080808080808080ull;

/// Eight ASCII bytes with A-Z lowered: a byte plus 0x3F reaches 0x80 from 'A' on, plus 0x25
/// from past 'Z' on; where only the first does, it is a capital and gains 0x20.
std::uint64_t ascii_lower8(std::uint64_t x) {
    const std::uint64_t from_a = x + 0x3F3F3F3F3F3F3F3Full, past_z = x + 0x2525252525252525ull;
    return x | (((from_a ^ past_z) & kHighBits) >> 2);
}
}  // namespace

int Lexicon::lookup(std::string_view token, const char* readable_end) const {
    if (token.size() == 1) return single_byte_[static_cast<unsigned char>(token[0])];
    if (const int two = two_letter_index(token); two >= 0) return two_letters_[two];
    if (token.size() > longest_ + 2) return -1;  // (+2: a curly apostrophe takes 3 bytes for 1)
    const auto first = static_cast<unsigned char>(token.front()), last = static_cast<unsigned char>(token.back());
    if (first < 0x80 && last < 0x80) {
        const std::size_t bit = shape_bit(token.size(), lower(first), lower(last));
        if (!((shapes_[bit >> 6] >> (bit & 63)) & 1)) return -1;
    }
    std::uint64_t words[kWords];
    if (token.size() <= kMaxWord) {
        // ASCII (nearly every token): 8 bytes at a time, lowered in a register
        std::uint64_t high = 0;
        std::size_t k = 0;
        for (; (k + 1) * 8 <= token.size(); ++k) {
            std::uint64_t x;
            std::memcpy(&x, token.data() + 8 * k, 8);
            high |= x;
            words[k] = ascii_lower8(x);
        }
        if (const std::size_t rest = token.size() & 7) {
            std::uint64_t x = 0;
            const char* at = token.data() + 8 * k;
            if (readable_end - at >= 8) {  // read the whole word and keep the token's bytes
                std::memcpy(&x, at, 8);
                x &= ~std::uint64_t{0} >> (64 - 8 * rest);
            } else {
                for (std::size_t i = 0; i < rest; ++i) x |= std::uint64_t{static_cast<unsigned char>(at[i])} << (8 * i);
            }
            high |= x;
            words[k] = ascii_lower8(x);
        }
        if (!(high & kHighBits)) return probe(hash(words, token.size()), words, token.size());
    }
    // Other bytes (’ read as '): normalize() and pack() in one pass.
    std::uint64_t cur = 0;
    std::size_t n = 0;
    for (std::size_t i = 0; i < token.size(); ++i, ++n) {
        if (n >= kMaxWord) return -1;
        auto c = lower(static_cast<unsigned char>(token[i]));
        if (c == 0xE2 && curly_apostrophe(token, i)) {
            c = '\'';
            i += 2;
        }
        cur |= std::uint64_t{c} << (8 * (n & 7));
        if ((n & 7) == 7) {
            words[n >> 3] = cur;
            cur = 0;
        }
    }
    if (n & 7) words[n >> 3] = cur;
    return probe(hash(words, n), words, n);
}

void Lexicon::grow() {
    std::vector<Slot> bigger(slots_.size() * 2);
    const std::size_t mask = bigger.size() - 1;
    for (std::size_t id = 0; id < words_.size(); ++id) {
        const std::uint64_t h = hash(pool_.data() + text_at_[id], text_size_[id]);
        std::size_t i = h & mask;
        while (bigger[i].id != 0) i = (i + 1) & mask;
        bigger[i] = Slot{static_cast<std::uint32_t>(h >> 32), static_cast<std::int32_t>(id + 1)};
    }
    slots_.swap(bigger);
}

int Lexicon::intern_word(std::string_view w) {
    if (const int id = find_word(w); id >= 0) return id;
    if (w.size() > kMaxWord) throw std::runtime_error("timex: a word longer than 40 bytes: '" + std::string(w) + "'");
    if ((words_.size() + 1) * 2 > slots_.size()) grow();
    words_.push_back(Entry{std::string(w), {}});
    text_at_.push_back(static_cast<std::uint32_t>(pool_.size()));
    text_size_.push_back(static_cast<std::uint8_t>(w.size()));
    pool_.resize(pool_.size() + w.size() / 8 + 1, 0);
    pack(w, pool_.data() + text_at_.back());
    masks_.emplace_back();
    longest_ = std::max(longest_, w.size());
    if (!w.empty()) {
        // Each apostrophe may be written ’ (three bytes) in the text.
        const auto apostrophes = static_cast<std::size_t>(std::count(w.begin(), w.end(), '\''));
        for (std::size_t curly = 0; curly <= apostrophes; ++curly) {
            const std::size_t bit = shape_bit(w.size() + 2 * curly, static_cast<unsigned char>(w.front()),
                                              static_cast<unsigned char>(w.back()));
            shapes_[bit >> 6] |= std::uint64_t{1} << (bit & 63);
        }
    }
    const auto id = static_cast<std::int32_t>(words_.size() - 1);
    if (w.size() == 1) {  // a one-letter word in either case ("A year ago")
        const auto c = static_cast<unsigned char>(w[0]);
        single_byte_[c] = id;
        if (c >= 'a' && c <= 'z') single_byte_[c - 32] = id;
    }
    if (const int two = two_letter_index(w); two >= 0 && w[0] >= 'a' && w[1] >= 'a') two_letters_[two] = id;
    const std::uint64_t h = hash(pool_.data() + text_at_.back(), w.size());
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = h & mask;
    while (slots_[i].id != 0) i = (i + 1) & mask;
    slots_[i] = Slot{static_cast<std::uint32_t>(h >> 32), id + 1};
    return id;
}

void Lexicon::add(int c, std::string_view word, std::string_view value) {
    const int id = intern_word(word);
    if (masks_[id].test(c)) return;
    masks_[id].set(c);
    words_[id].values.emplace_back(c, std::string(value));
}

std::string_view Lexicon::value(int word, int c) const {
    for (const auto& [cls, v] : words_[word].values)
        if (cls == c) return v;
    return {};
}

std::size_t Lexicon::normalize(std::string_view token, char* buf) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < token.size(); ++i) {
        if (n >= kMaxWord) return 0;
        auto c = static_cast<unsigned char>(token[i]);
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<unsigned char>(c + 32);
        } else if (c == 0xE2 && curly_apostrophe(token, i)) {
            c = '\'';
            i += 2;
        }
        buf[n++] = static_cast<char>(c);
    }
    return n;
}

}  // namespace chronograph::timex
