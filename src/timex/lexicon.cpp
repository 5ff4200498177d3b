#include "timex/lexicon.hpp"

#include <stdexcept>

namespace chronograph::timex {

Lexicon::Lexicon() : slots_(256, 0) {}

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

std::uint64_t Lexicon::hash(std::string_view s) {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return h ^ (h >> 29);
}

int Lexicon::find_word(std::string_view w) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash(w) & mask;; i = (i + 1) & mask) {
        const std::int32_t s = slots_[i];
        if (s == 0) return -1;
        if (words_[s - 1].text == w) return s - 1;
    }
}

void Lexicon::grow() {
    std::vector<std::int32_t> bigger(slots_.size() * 2, 0);
    const std::size_t mask = bigger.size() - 1;
    for (std::size_t id = 0; id < words_.size(); ++id) {
        std::size_t i = hash(words_[id].text) & mask;
        while (bigger[i] != 0) i = (i + 1) & mask;
        bigger[i] = static_cast<std::int32_t>(id + 1);
    }
    slots_.swap(bigger);
}

int Lexicon::intern_word(std::string_view w) {
    if (const int id = find_word(w); id >= 0) return id;
    if ((words_.size() + 1) * 2 > slots_.size()) grow();
    words_.push_back(Entry{std::string(w), {}, {}});
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = hash(w) & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = static_cast<std::int32_t>(words_.size());
    return static_cast<int>(words_.size()) - 1;
}

void Lexicon::add(int c, std::string_view word, std::string_view value) {
    Entry& e = words_[intern_word(word)];
    if (e.classes.test(c)) return;
    e.classes.set(c);
    e.values.emplace_back(c, std::string(value));
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
        unsigned char c = static_cast<unsigned char>(token[i]);
        // U+2019 RIGHT SINGLE QUOTATION MARK and U+2018 are spelled ' in the lexicon.
        if (c == 0xE2 && i + 2 < token.size() && static_cast<unsigned char>(token[i + 1]) == 0x80 &&
            (static_cast<unsigned char>(token[i + 2]) == 0x99 || static_cast<unsigned char>(token[i + 2]) == 0x98)) {
            buf[n++] = '\'';
            i += 2;
            continue;
        }
        if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
        buf[n++] = static_cast<char>(c);
    }
    return n;
}

}  // namespace chronograph::timex
