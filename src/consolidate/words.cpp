#include "consolidate/internal.hpp"

#include "chronograph/text.hpp"

namespace chronograph::merging {

const std::unordered_set<std::string>& stopwords(const Resources& res) {
    // One list per Resources object would be exact; the data is the same for every
    // Resources in practice, so the first one read wins.
    static const std::unordered_set<std::string> words = [&] {
        std::unordered_set<std::string> out;
        for (std::string_view w : read_list(res.file("en/consolidate/stopwords.txt"))) out.insert(std::string(w));
        return out;
    }();
    return words;
}

std::set<std::string> content_words(std::string_view text, const Resources& res) {
    const auto& stop = stopwords(res);
    std::set<std::string> out;
    std::string word;
    auto flush = [&] {
        if (word.size() >= 4 && !stop.count(word)) {
            // Crude stem, enough to match "bridges"/"bridge", "built"/"building" no, but "agreed"/"agree".
            std::string stem = word;
            for (const char* suffix : {"ing", "ed", "es", "s"}) {
                const std::size_t n = std::char_traits<char>::length(suffix);
                if (stem.size() > n + 3 && stem.compare(stem.size() - n, n, suffix) == 0) {
                    stem.resize(stem.size() - n);
                    break;
                }
            }
            out.insert(stem);
        }
        word.clear();
    };
    for (char c : text) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) word.push_back(static_cast<char>(c | 0x20));
        else flush();
    }
    flush();
    return out;
}

std::string describe(const TimeValue& t) {
    if (t.value.empty()) return "undated";
    return t.mod.empty() ? t.value : t.value + " (" + t.mod + ")";
}

}  // namespace chronograph::merging
