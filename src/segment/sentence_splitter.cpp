#include "segment/sentence_splitter.hpp"

#include "segment/tokenizer.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <stdexcept>

namespace chronograph::segment {

SentenceSplitter::SentenceSplitter(const Resources& res) {
    UErrorCode status = U_ZERO_ERROR;
    prototype_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale("en_US"), status));
    if (U_FAILURE(status) || !prototype_)
        throw std::runtime_error(std::string("ICU sentence break iterator: ") + u_errorName(status));
    for (const Record& r : read_table(res.file("en/segment/abbreviations.tsv"))) {
        const std::string_view kind = r[1];
        unsigned rule = 0;
        if (kind == "always") rule = kAlways;
        else if (kind == "before-number") rule = kBeforeNumber;
        else if (kind == "before-date") rule = kBeforeDate;
        else if (kind == "month-name") rule = kMonthName;
        else if (kind == "before-time") rule = kBeforeTime;
        else if (kind == "day-name") rule = kDayName;
        else if (kind == "zone-name") rule = kZoneName;
        if (rule == 0)
            throw std::runtime_error("en/segment/abbreviations.tsv line " + std::to_string(r.line) + ": unknown kind");
        abbreviations_[std::string(r[0])] |= rule;
    }
}

SentenceSplitter::~SentenceSplitter() = default;

namespace {

std::string_view last_word_with_period(std::string_view s) {
    // "... met Gen." -> "Gen."; "... F." -> "F."; "Nov. 30-Dec." -> "Dec." (a range's second date)
    std::size_t end = s.size();
    while (end > 0 && is_space(static_cast<unsigned char>(s[end - 1]))) --end;
    if (end == 0 || s[end - 1] != '.') return {};
    std::size_t start = end - 1;
    while (start > 0) {
        const char c = s[start - 1];
        if (c == ' ' || c == '\t' || c == '\n' || c == '(' || c == '"' || c == '\'' || c == '-' || c == '/') break;
        --start;
    }
    return s.substr(start, end - start);
}

std::string_view first_word(std::string_view s) {
    std::size_t start = 0;
    while (start < s.size() && is_space(static_cast<unsigned char>(s[start]))) ++start;
    std::size_t end = start;
    while (end < s.size() && s[end] != ' ' && s[end] != ',' && s[end] != '\n') ++end;
    return s.substr(start, end - start);
}

/// Where to end a piece of s[start, ...) of at most `limit` bytes, s[start, end) being
/// longer: after the last "; " or ": " in its second half, else after the last ", "
/// there, else at its last space, else at the last character boundary.
std::size_t piece_end(std::string_view s, std::size_t start, std::size_t limit) {
    const std::size_t stop = start + limit, half = start + limit / 2;
    auto last_after = [&](std::string_view marks, std::size_t from) -> std::size_t {
        for (std::size_t i = stop - 1; i > from; --i)
            if (s[i] == ' ' && marks.find(s[i - 1]) != std::string_view::npos) return i;
        return 0;
    };
    if (const std::size_t at = last_after(";:", half)) return at;
    if (const std::size_t at = last_after(",", half)) return at;
    for (std::size_t i = stop - 1; i > start; --i)
        if (s[i] == ' ') return i;
    std::size_t at = stop;
    while (at > start + 1 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;  // (not inside a character)
    return at;
}

}  // namespace

bool SentenceSplitter::keep_together(std::string_view before, std::string_view after) const {
    const std::string_view word = last_word_with_period(before);
    if (word.empty()) return false;
    const std::string_view next = first_word(after);
    if (next.empty()) return false;
    const bool next_digit = next[0] >= '0' && next[0] <= '9';
    // An initial: "John F. Kennedy" (a lone capital letter before a capitalized name).
    if (word.size() == 2 && word[0] >= 'A' && word[0] <= 'Z' && next[0] >= 'A' && next[0] <= 'Z') {
        // ...but not a one-letter word ending a sentence ("plan B. The") before a
        // function word; names rarely start with these.
        static const char* const kStarters[] = {"The", "A", "An", "It", "He", "She", "They", "We", "I", "This", "That", "But", "And", "In", "On"};
        for (const char* s : kStarters)
            if (next == s) return false;
        return true;
    }
    const auto it = abbreviations_.find(std::string(word));
    if (it == abbreviations_.end()) return false;
    const unsigned rule = it->second;
    if (rule & kAlways) return true;
    if ((rule & (kBeforeNumber | kBeforeDate | kBeforeTime)) && next_digit) return true;
    // The same time elsewhere, in parentheses: "at 9 p.m. (1800 GMT) on Friday".
    if ((rule & kBeforeTime) && next.size() > 1 && next[0] == '(' && next[1] >= '0' && next[1] <= '9') return true;
    if (rule & (kBeforeDate | kBeforeTime)) {
        std::string word(next);
        while (!word.empty() && (word.back() == ',' || word.back() == ';' || word.back() == '.')) word.pop_back();
        const auto m = abbreviations_.find(word);
        const unsigned wanted = (rule & kBeforeTime) ? (kMonthName | kDayName | kZoneName) : kMonthName;
        if (m != abbreviations_.end() && (m->second & wanted)) return true;
        // "Jan." is listed with its period; the next word may carry one too.
        if (m == abbreviations_.end() && !word.empty()) {
            const auto dotted = abbreviations_.find(word + ".");
            if (dotted != abbreviations_.end() && (dotted->second & wanted)) return true;
        }
    }
    return false;
}

std::vector<Span> SentenceSplitter::split(std::string_view text, Span paragraph) const {
    std::vector<Span> out;
    // ICU treats every line break as a paragraph end; inside our paragraphs a line break is
    // only a wrap, so it sees spaces instead (same byte length, so offsets still hold).
    std::string buffer(text.substr(paragraph.start, paragraph.size()));
    for (char& c : buffer)
        if (c == '\n' || c == '\r' || c == '\f' || c == '\v') c = ' ';

    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, buffer.data(), static_cast<int64_t>(buffer.size()), &status);
    std::unique_ptr<icu::BreakIterator> it(prototype_->clone());
    if (U_SUCCESS(status)) it->setText(ut, status);
    std::vector<std::size_t> bounds{0};
    if (U_SUCCESS(status)) {
        for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) bounds.push_back(static_cast<std::size_t>(b));
    }
    utext_close(ut);
    if (bounds.back() != buffer.size()) bounds.push_back(buffer.size());

    std::size_t start = 0;
    for (std::size_t k = 1; k < bounds.size(); ++k) {
        const std::size_t end = bounds[k];
        const bool last = k + 1 == bounds.size();
        if (!last && keep_together(std::string_view(buffer).substr(start, end - start),
                                   std::string_view(buffer).substr(end, bounds[k + 1] - end)))
            continue;
        // Trim white space (ASCII, NBSP, other Unicode spaces) a code point at a time at both
        // ends: trimming the end byte by byte took the last byte of an NBSP (A0) for one and
        // cut the character in two.
        std::size_t len = 0;
        auto trimmed_start = [&](std::size_t s, std::size_t e) {
            while (s < e && is_space(decode_utf8(buffer, s, len))) s += len;
            return s;
        };
        auto trimmed_end = [&](std::size_t s, std::size_t e) {
            while (e > s) {
                std::size_t last = e - 1;
                while (last > s && (static_cast<unsigned char>(buffer[last]) & 0xC0) == 0x80) --last;
                if (!is_space(decode_utf8(buffer, last, len))) break;
                e = last;
            }
            return e;
        };
        std::size_t s = trimmed_start(start, end);
        const std::size_t e = trimmed_end(s, end);
        // An overlong one in pieces, each trimmed too.
        while (e - s > kMaxSentenceBytes) {
            const std::size_t cut = piece_end(buffer, s, kMaxSentenceBytes);
            out.push_back(Span{paragraph.start + s, paragraph.start + trimmed_end(s, cut)});
            s = trimmed_start(cut, e);
        }
        if (e > s) out.push_back(Span{paragraph.start + s, paragraph.start + e});
        start = end;
    }
    return out;
}

}  // namespace chronograph::segment
