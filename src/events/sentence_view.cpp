#include "events/sentence_view.hpp"

#include "events/lexicon.hpp"

#include <algorithm>

namespace chronograph::events {
namespace {

bool one_of(const std::string& w, std::initializer_list<std::string_view> list) {
    return std::find(list.begin(), list.end(), w) != list.end();
}

// Words that open a relative clause after a comma (embedded: the outer clause resumes after it).
bool relative_word(const std::string& w) { return one_of(w, {"which", "who", "whom", "whose", "where"}); }

// Words that open a new clause after a comma.
bool clause_opener(const std::string& w) {
    return one_of(w, {"and", "but", "or", "while", "whereas", "although", "though", "as", "after", "before", "since",
                      "when", "because", "amid", "among", "including", "whether", "if", "unless", "until", "so", "yet", "then",
                      "with", "thereby", "prompting", "adding", "saying", "stating", "noting", "hailing", "emphasizing",
                      "emphasising", "underlining", "marking", "calling"});
}

bool reporting_word(const std::string& w) {
    return one_of(w, {"said", "says", "say", "reported", "reports", "told", "announced", "stated", "claimed", "added",
                      "noted", "confirmed", "according", "quoted", "wrote", "emphasized", "emphasised", "stressed",
                      "suggest", "suggests", "suggested", "believe", "believes", "believed", "estimate", "estimates",
                      "estimated", "show", "shows", "showed", "indicate", "indicates", "indicated"});
}

bool auxiliary_word(const std::string& w) {
    return one_of(w, {"will", "would", "could", "has", "have", "had", "was", "were", "is", "are", "may", "might", "shall"});
}

// Verbs of saying after which the reported content may follow without "that".
bool speech_verb(const std::string& w) { return one_of(w, {"said", "says", "say", "claimed", "claims", "stated"}); }

}  // namespace

SentenceView::SentenceView(const DocumentAnalysis& analysis, std::size_t sentence) : a(analysis), index(sentence) {
    const Sentence& s = a.sentences[sentence];
    first = s.first_token;
    const std::size_t n = s.token_count;
    words.reserve(n);
    for (std::size_t i = 0; i < n; ++i) words.push_back(lookup_form(a.text(a.tokens[first + i])));
    timex.assign(n, -1);
    entity.assign(n, -1);
    auto mark = [&](std::vector<int>& out, Span span, int id) {
        for (std::size_t i = 0; i < n; ++i) {
            const Span t = a.tokens[first + i].span;
            if (span.overlaps(t)) out[i] = id;
        }
    };
    for (auto [k, end] = items_of_sentence(a.timexes, sentence); k < end; ++k) mark(timex, a.timexes[k].span, static_cast<int>(k));
    for (auto [k, end] = items_of_sentence(a.entities, sentence); k < end; ++k) mark(entity, a.entities[k].span, static_cast<int>(k));

    // Clauses: a stack, so that a relative clause or a parenthesis returns to its outer clause.
    clause.assign(n, 0);
    clauses.push_back({});
    std::vector<int> stack{0};
    // An aside is closed by a comma before the sentence ends.
    auto closes_later = [&](std::size_t from) {
        for (std::size_t k = from; k < n && k < from + 20; ++k)
            if (words[k] == ",") return true;
        return false;
    };
    // "the bridge will ...": a noun phrase, then an auxiliary before any punctuation.
    auto clause_follows = [&](std::size_t from) {
        for (std::size_t k = from + 1; k < n && k < from + 6; ++k) {
            if (!token(k).is(kWord)) return false;
            if (auxiliary_word(words[k])) return true;
        }
        return false;
    };
    auto open = [&](bool embedded, bool attribution) {
        clauses.push_back({embedded, attribution});
        const int id = static_cast<int>(clauses.size() - 1);
        if (embedded) stack.push_back(id);
        else stack.back() = id;
        return id;
    };
    for (std::size_t i = 0; i < n; ++i) {
        const std::string& w = words[i];
        if (w == "(" || w == "[") {
            open(true, false);
        } else if ((w == ")" || w == "]") && stack.size() > 1) {
            clause[i] = stack.back();
            stack.pop_back();
            continue;
        } else if (w == ";" || w == ":" || ((w == "\xE2\x80\x94" || w == "\xE2\x80\x93" || w == "-") && i > 0 && token(i).is(kSpaceBefore))) {
            open(false, false);
        } else if (w == "according" && is(i + 1, "to")) {
            open(true, true);
        } else if (w == "," && i + 1 < n) {
            const std::string& next = words[i + 1];
            if (stack.size() > 1 && clauses[stack.back()].embedded) {
                // A comma closes a relative clause or an "according to" aside.
                stack.pop_back();
            }
            const bool participle = next.size() > 4 && (next.compare(next.size() - 2, 2, "ed") == 0 ||
                                                         next.compare(next.size() - 3, 3, "ing") == 0);
            // ", during which ...": a relative clause behind a preposition.
            const bool prep_relative = i + 2 < n && (words[i + 2] == "which" || words[i + 2] == "whom") &&
                                       one_of(next, {"during", "in", "at", "on", "under", "after", "before", "by", "through", "from", "with", "for", "of"});
            if (relative_word(next) || prep_relative) open(true, false);
            else if (clause_opener(next)) open(false, false);
            // "The bridge, designed to span the river, broke ground": an aside after the subject.
            else if (participle && i > 0 && token(i - 1).is(kWord) && stack.size() == 1 && closes_later(i + 1)) open(true, false);
            else if (next == "according" && is(i + 2, "to")) { /* opened at "according" */ }
            else {
                // ", KCNA reported Thursday." / ", he said": a trailing attribution.
                std::size_t j = i + 1;
                while (j < n && j < i + 8 && words[j] != "," && !reporting_word(words[j])) ++j;
                if (j < n && reporting_word(words[j]) && j > i + 1) {
                    std::size_t k = j + 1;
                    while (k < n && (timex[k] >= 0 || words[k] == "on" || words[k] == "." || words[k] == "in")) ++k;
                    if (k >= n || words[k] == "," ) open(false, true);
                }
            }
        } else if (w == "that" && i > 0) {
            // "X reported (on Wednesday) that ...", "told lawmakers that ...": the part
            // before is the attribution; "confirmed that ..." is itself an event.
            std::size_t j = i;
            while (j > 0 && i - j < 5 && !reporting_word(words[j - 1]) && words[j - 1] != ",") --j;
            if (j > 0 && reporting_word(words[j - 1])) {
                if (words[j - 1] != "confirmed" && words[j - 1] != "announced") {
                    // Only the reporting phrase since the last comma ("among which estimates
                    // suggest") is the attribution; what came before keeps its clause.
                    std::size_t from = j - 1;
                    while (from > 0 && clause[from - 1] == stack.back() && words[from - 1] != ",") --from;
                    if (from == 0 || clause[from - 1] != stack.back()) {
                        clauses[stack.back()].attribution = true;
                    } else {
                        const int id = open(false, true);
                        for (std::size_t k = from; k < i; ++k) clause[k] = id;
                    }
                }
                clauses[open(false, false)].content = true;
            }
        } else if (w == "as" && i + 1 < n && reporting_word(words[i + 1]) && words[i + 1] != "according") {
            // ", as reported by KCNA", "as announced by the ambassador"
            open(true, true);
        } else if (w == "and" && i + 1 < n && auxiliary_word(words[i + 1])) {
            // "... will span 850 meters and will be constructed ...": a second predicate.
            open(false, false);
        } else if (i > 0 && stack.size() == 1 && timex[i] < 0 &&
                   !one_of(w, {",", ".", "on", "by", "to", "in", "that", "it", "\xE2\x80\x9C", "\""}) &&
                   (speech_verb(words[i - 1]) || (reporting_word(words[i - 1]) && clause_follows(i)))) {
            // "Pak said the bridge's construction would ...", "Tass reported the bridge will
            // stretch ...": speech without "that".
            clauses[stack.back()].attribution = true;
            clauses[open(false, false)].content = true;
        }
        clause[i] = stack.back();
    }
}

std::string SentenceView::surface(std::size_t from, std::size_t to, int only_clause) const {
    std::string out;
    for (std::size_t i = from; i < to && i < size(); ++i) {
        if (only_clause >= 0 && clause[i] != only_clause) continue;
        // The comma that closed a left-out aside goes with it: "the bridge(, which ...,) is".
        if (only_clause >= 0 && words[i] == "," && i > from && clause[i - 1] != only_clause && clauses[clause[i - 1]].embedded)
            continue;
        if (!out.empty() && token(i).is(kSpaceBefore)) out += ' ';
        out += text(i);
    }
    return out;
}

}  // namespace chronograph::events
