// The timex lexicon: every word a vocabulary or a rule names, with the classes it belongs
// to and its value in each ("april" -> month 04, "fall" -> season FA). Lookups take
// lower-case token text and never allocate (open addressing over one flat table).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chronograph::timex {

/// A set of token classes (vocabularies and number shapes), at most kMaxClasses. Every
/// token carries one: a third word (192 classes) was tried and cost the tagger 5%, so the
/// data keeps to 128 classes (a feature names its words in an existing class where it can).
struct ClassMask {
    static constexpr int kWords = 2;
    static constexpr int kMaxClasses = 64 * kWords;
    std::uint64_t w[kWords] = {0, 0};

    void set(int c) { w[c >> 6] |= std::uint64_t{1} << (c & 63); }
    bool test(int c) const { return (w[c >> 6] >> (c & 63)) & 1; }
    bool intersects(const ClassMask& o) const { return (w[0] & o.w[0]) | (w[1] & o.w[1]); }
    bool empty() const { return !(w[0] | w[1]); }
    int count() const { return __builtin_popcountll(w[0]) + __builtin_popcountll(w[1]); }
    ClassMask& operator|=(const ClassMask& o) {
        for (int i = 0; i < kWords; ++i) w[i] |= o.w[i];
        return *this;
    }
};

class Lexicon {
public:
    Lexicon();

    /// Id of the class called `name`, created if new. Throws past kMaxClasses.
    int intern_class(std::string_view name);
    /// -1 when unknown.
    int find_class(std::string_view name) const;
    const std::string& class_name(int c) const { return class_names_[c]; }
    int class_count() const { return static_cast<int>(class_names_.size()); }

    /// Id of `word` (already normalized by normalize()), created if new.
    int intern_word(std::string_view word);
    /// Adds `word` to class `c` with `value`; the first value given for a pair wins.
    void add(int c, std::string_view word, std::string_view value);

    /// -1 when the word is not in the lexicon.
    int find_word(std::string_view normalized) const;
    /// find_word(normalize(token)) in one pass, without copying: the tagger's hot path. The
    /// bytes up to `readable_end` may be read (a whole 8-byte word at the token's end).
    int lookup(std::string_view token, const char* readable_end) const;
    int lookup(std::string_view token) const { return lookup(token, token.data() + token.size()); }
    const ClassMask& classes(int word) const { return masks_[word]; }
    /// The word's value in class c (empty if it has none).
    std::string_view value(int word, int c) const;
    const std::string& word(int id) const { return words_[id].text; }
    int word_count() const { return static_cast<int>(words_.size()); }

    /// Longest token text worth looking up; longer tokens are never in the lexicon.
    static constexpr std::size_t kMaxWord = 40;
    /// Writes the lookup form of `token` into buf (ASCII lower case, ’ as '), returns its
    /// length, or 0 if the token is longer than kMaxWord.
    static std::size_t normalize(std::string_view token, char* buf);

private:
    struct Entry {
        std::string text;
        std::vector<std::pair<int, std::string>> values;  // (class, value), few per word
    };
    /// Lookup forms are hashed and compared 8 bytes at a time, as packed words: byte i of
    /// the form is bits 8(i%8).. of word i/8, zero past its end. Built in registers, never
    /// written byte by byte and read back whole (which stalls the load).
    static constexpr std::size_t kWords = kMaxWord / 8 + 1;
    static void pack(std::string_view normalized, std::uint64_t* words);  // at most kMaxWord bytes
    static std::uint64_t hash(const std::uint64_t* words, std::size_t n);
    int probe(std::uint64_t h, const std::uint64_t* words, std::size_t n) const;
    void grow();

    /// Open addressing: the high half of the word's hash (compared before the text) and its
    /// id + 1 (0 = empty). Size a power of two, at most half full.
    struct Slot {
        std::uint32_t tag = 0;
        std::int32_t id = 0;
    };

    std::vector<std::string> class_names_;
    std::vector<Entry> words_;
    std::vector<ClassMask> masks_;  // by word id, apart from the rest for the hot path
    std::vector<Slot> slots_;
    std::int32_t single_byte_[256];  // id of one-byte words ("," "-" "%"), -1 if none
    std::int32_t two_letters_[26 * 26];  // id of two-letter words ("in", "of", "am"), -1 if none
    // By word id, apart from the rest for the hot path: where its padded form starts in
    // pool_ (in 8-byte units) and its length.
    std::vector<std::uint32_t> text_at_;
    std::vector<std::uint8_t> text_size_;
    std::vector<std::uint64_t> pool_;
    std::size_t longest_ = 0;        // bytes of the longest word: longer tokens are not looked up
    /// A quick "surely not a word" test before hashing: one bit per (length, first byte,
    /// last byte) of the words, in lower case. Most tokens of a text are no lexicon word.
    /// A word with apostrophes has a bit for each length the text may give it (’ takes
    /// three bytes), so the test needs no look at the token's inner bytes.
    static constexpr std::size_t kShapeBits = 1 << 15;
    static std::size_t shape_bit(std::size_t len, unsigned char first, unsigned char last) {
        return (len * 0x9E37u ^ first * 0x85EBu ^ last * 0xC2B2u) & (kShapeBits - 1);
    }
    std::vector<std::uint64_t> shapes_ = std::vector<std::uint64_t>(kShapeBits / 64, 0);
};

}  // namespace chronograph::timex
