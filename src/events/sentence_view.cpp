#include "events/sentence_view.hpp"

#include "events/lexicon.hpp"

#include <algorithm>

namespace chronograph::events {
namespace {


}  // namespace

SentenceView::SentenceView(const DocumentAnalysis& analysis, const Lexicon& lex) : a(analysis), lexicon(lex) {}

SentenceView::SentenceView(const DocumentAnalysis& analysis, std::size_t sentence, const Lexicon& lex)
    : SentenceView(analysis, lex) {
    read(sentence);
}

void SentenceView::read(std::size_t sentence) {
    const Lexicon& lex = lexicon;
    const Lexicon::Grammar& g = lex.grammar();
    index = sentence;
    const Sentence& s = a.sentences[sentence];
    first = s.first_token;
    const std::size_t n = s.token_count;
    // Room for every form first (a form is never longer than its token), so that the
    // views into `forms` stay valid as it fills.
    const Token* tokens = a.tokens.data() + first;
    std::size_t bytes = 0;
    for (std::size_t i = 0; i < n; ++i) bytes += tokens[i].span.size();
    forms.clear();
    words.clear();
    classes.clear();
    entries.clear();
    clauses.clear();
    forms.reserve(bytes);
    words.reserve(n);
    classes.reserve(n);
    entries.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t at = forms.size();
        append_lookup_form(a.text(tokens[i]), forms);
        words.emplace_back(forms.data() + at, forms.size() - at);
        entries.push_back(lex.entry(words.back()));
        classes.push_back(entries.back() ? entries.back()->classes : 0);
    }
    timex.assign(n, -1);
    entity.assign(n, -1);
    auto mark = [&](std::vector<int>& out, Span span, int id) {
        // First token ending after the span's start, then on while tokens start inside it.
        const Token* base = a.tokens.data() + first;
        std::size_t i = static_cast<std::size_t>(
            std::lower_bound(base, base + n, span.start, [](const Token& t, std::size_t at) { return t.span.end <= at; }) - base);
        for (; i < n && base[i].span.start < span.end; ++i) out[i] = id;
    };
    // Time expressions and entities are in text order: only this sentence's are visited.
    auto mark_all = [&](const auto& list, std::vector<int>& out) {
        auto it = std::lower_bound(list.begin(), list.end(), sentence,
                                   [](const auto& x, std::size_t s) { return x.sentence < s; });
        for (; it != list.end() && it->sentence == sentence; ++it) mark(out, it->span, static_cast<int>(it - list.begin()));
    };
    mark_all(a.timexes, timex);
    mark_all(a.entities, entity);

    // Quotations: “...”, ‘...’, "..." (straight quotes toggle). A quote opened in an earlier
    // sentence and not closed leaves this one starting inside it; news quotes that run over
    // several sentences open each paragraph, and each sentence, with the mark.
    quoted.assign(n, false);
    bool inside = false;
    for (std::size_t i = 0; i < n; ++i) {
        const std::string_view w = words[i];
        const bool open_mark = w == "\xE2\x80\x9C" || (w == "'" && i == 0) || (w == "\"" && !inside);
        const bool close_mark = w == "\xE2\x80\x9D" || (w == "\"" && inside) ||
                                (w == "'" && inside && i > 0 && token(i - 1).is(kWord) && !token(i).is(kSpaceBefore));
        if (open_mark && !inside) {
            inside = true;
        } else if (close_mark && inside) {
            quoted[i] = true;
            inside = false;
            continue;
        }
        quoted[i] = inside;
    }

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
            if (in(k, g.finite_auxiliary)) return true;
        }
        return false;
    };
    // The comma that closes an apposition comes before the sentence's verb ("Carney, a
    // former central banker, called ..."), not inside a list ("a fast-growing, acquisition-
    // minded jeweler").
    auto verb_after_comma = [&](std::size_t from) {
        for (std::size_t k = from; k < n && k < from + 20; ++k) {
            if (words[k] != ",") continue;
            if (k + 1 >= n || !token(k + 1).is(kWord) || token(k + 1).is(kCapitalized)) return false;
            const std::string_view w = words[k + 1];
            const bool verb_form = (w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0) ||
                                   (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's');
            return verb_form || in(k + 1, g.finite_auxiliary) || in(k + 1, g.speech) || in(k + 1, g.reporting);
        }
        return false;
    };
    // A past verb after "and", far enough from the clause's start to have a verb and an
    // object before it ("expelled" in "ordered the closure ... and expelled"), not a pair
    // of participles ("were killed and injured").
    auto past_form = [&](std::size_t k) {
        const std::string_view w = words[k];
        return w.size() >= 5 && w.compare(w.size() - 2, 2, "ed") == 0 && !token(k).is(kCapitalized);
    };
    // A past form at `verb`, after the "and" before k, with one before that in the clause.
    auto past_predicate = [&](std::size_t k, std::size_t verb) {
        if (!past_form(verb)) return false;
        const std::size_t opened = [&] {
            std::size_t f = k - 1;
            while (f > 0 && clause[f - 1] == stack.back()) --f;
            return f;
        }();
        for (std::size_t j = opened; j + 1 < k; ++j)
            if (past_form(j) && !in(j + 1, g.preposition) && k - j > 3) return true;
        return false;
    };
    // "Hamas released three hostages and Israel freed 90 prisoners": "and", a name, then a
    // second predicate: a clause with a subject of its own.
    auto named_predicate = [&](std::size_t k) {
        if (k >= n || entity[k] < 0) return false;
        std::size_t j = k;
        while (j < n && entity[j] == entity[k]) ++j;
        return j < n && past_predicate(k, j);
    };
    auto open = [&](bool embedded, bool attribution) {
        clauses.push_back({embedded, attribution});
        const int id = static_cast<int>(clauses.size() - 1);
        if (embedded) stack.push_back(id);
        else stack.back() = id;
        return id;
    };
    for (std::size_t i = 0; i < n; ++i) {
        const std::string_view w = words[i];
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
            const std::string_view next = words[i + 1];
            if (stack.size() > 1 && clauses[stack.back()].embedded) {
                // A comma closes a relative clause or an "according to" aside.
                stack.pop_back();
            }
            const bool participle = next.size() > 4 && (next.compare(next.size() - 2, 2, "ed") == 0 ||
                                                         next.compare(next.size() - 3, 3, "ing") == 0);
            // ", during which ...": a relative clause behind a preposition.
            const bool prep_relative = i + 2 < n && (words[i + 2] == "which" || words[i + 2] == "whom") &&
                                       in(i + 1, g.relative_preposition);
            // "Carney, a former central banker who replaced Trudeau in March, called ...": an
            // apposition after a name (a common noun phrase, not "Russia, the United States
            // and China") is an aside; the name is the subject of what follows it.
            // (A name: an entity, or two capitalized words no entity list knows: "Typhoon Yagi".)
            const bool name_before = i > 0 && (entity[i - 1] >= 0 || (i >= 2 && token(i - 1).is(kCapitalized) &&
                                                                     token(i - 2).is(kCapitalized) && timex[i - 1] < 0 &&
                                                                     timex[i - 2] < 0 && !in(i - 2, g.preposition)));
            const bool apposition = stack.size() == 1 && name_before && i + 2 < n &&
                                    (next == "a" || next == "an" || next == "the") && token(i + 2).is(kWord) &&
                                    !token(i + 2).is(kCapitalized) && verb_after_comma(i + 2);
            if (in(i + 1, g.relative) || prep_relative || apposition) open(true, false);
            else if (in(i + 1, g.clause_opener)) open(false, false);
            // "The bridge, designed to span the river, broke ground": an aside after the subject.
            else if (participle && i > 0 && token(i - 1).is(kWord) && stack.size() == 1 && closes_later(i + 1)) open(true, false);
            // "..., strengthening their partnership": a participle clause of its own.
            else if (participle && next.compare(next.size() - 3, 3, "ing") == 0) open(false, false);
            else if (next == "according" && is(i + 2, "to")) { /* opened at "according" */ }
            else {
                // ", KCNA reported Thursday." / ", he said": a trailing attribution.
                std::size_t j = i + 1;
                while (j < n && j < i + 8 && words[j] != "," && !in(j, g.reporting)) ++j;
                if (j < n && in(j, g.reporting) && j > i + 1) {
                    std::size_t k = j + 1;
                    while (k < n && (timex[k] >= 0 || words[k] == "on" || words[k] == "." || words[k] == "in")) ++k;
                    if (k >= n || words[k] == "," ) open(false, true);
                }
            }
        } else if (w == "that" && i > 0) {
            // "X reported (on Wednesday) that ...", "told lawmakers that ...": the part
            // before is the attribution; "confirmed that ..." is itself an event.
            std::size_t j = i;
            while (j > 0 && i - j < 5 && !in(j - 1, g.reporting) && words[j - 1] != ",") --j;
            if (j > 0 && in(j - 1, g.reporting)) {
                if (!in(j - 1, g.self_reporting)) {
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
        } else if (w == "and" && i + 1 < n && words[i + 1] == "that" && clauses[stack.back()].content) {
            // "said 29 people had been injured and that search efforts would continue until
            // Tuesday": a second thing said, with its own tense and date.
            clauses[open(false, false)].content = true;
        } else if (w == "as" && i + 1 < n && in(i + 1, g.reporting) && words[i + 1] != "according") {
            // ", as reported by KCNA", "as announced by the ambassador"
            open(true, true);
        } else if (w == "and" && i + 1 < n &&
                   (in(i + 1, g.finite_auxiliary) || past_predicate(i + 1, i + 1) || in(i + 1, g.speech) || named_predicate(i + 1))) {
            // "... will span 850 meters and will be constructed ...", "ordered the closure of
            // the consulate and expelled three diplomats", "visited Kyiv on Wednesday and said
            // ...": a second predicate (the saying is the attribution, not what came before).
            clauses[open(false, false)].second_saying = in(i + 1, g.speech);
        } else if (i > 0 && stack.size() == 1 && timex[i] < 0 &&
                   (!in(i, g.not_content_start) || (words[i] == "it" && in(i + 1, g.finite_auxiliary))) &&
                   (in(i - 1, g.speech) || (in(i - 1, g.reporting) && clause_follows(i)))) {
            // "Pak said the bridge's construction would ...", "Tass reported the bridge will
            // stretch ...", "the company said it would cut ...": speech without "that" ("said
            // it" alone is no clause: "said it was", yes; "said it in Paris", no).
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
