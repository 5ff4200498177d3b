#include "timex/matcher.hpp"

#include "timex/calendar.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace chronograph::timex {

Matcher::Matcher(const Program& p) : p_(p), shape_of_class_(p.lex.class_count(), -1) {
    for (std::size_t s = 0; s < p.shapes.size(); ++s) {
        shape_of_class_[p.shapes[s].cls] = static_cast<int>(s);
        if (!p.shapes[s].multi_token()) single_shapes_.push_back(static_cast<int>(s));
        if (p.shapes[s].prefix_class >= 0) prefix_shapes_.push_back(static_cast<int>(s));
    }
    hyphen_ = p.lex.find_word("-");
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Reads a number-like token: digits with , . : inside, then maybe letters.
struct NumberShape {
    double value = 0;
    int digits = 0;        // digits before any separator or letter
    bool grouped = false;  // "15,000"
    bool decimal = false;  // "1.5"
    bool clock = false;    // "9:30"
    int after_separator = 0;  // digits after the first separator ("9.30" -> 2)
    std::string_view suffix;
};

NumberShape read_number(std::string_view s) {
    NumberShape n;
    std::size_t i = 0;
    while (i < s.size() && is_digit(s[i])) ++i;
    n.digits = static_cast<int>(i);
    std::size_t end_num = i;
    while (end_num < s.size() && (s[end_num] == ',' || s[end_num] == '.' || s[end_num] == ':') &&
           end_num + 1 < s.size() && is_digit(s[end_num + 1])) {
        const char sep = s[end_num];
        if (sep == ',') n.grouped = true;
        else if (sep == '.') n.decimal = true;
        else n.clock = true;
        ++end_num;
        const std::size_t group = end_num;
        while (end_num < s.size() && is_digit(s[end_num])) ++end_num;
        if (n.after_separator == 0) n.after_separator = static_cast<int>(end_num - group);
    }
    n.suffix = s.substr(end_num);
    if (n.clock) return n;
    // value: digits without the group separators
    char buf[64];
    std::size_t k = 0;
    for (std::size_t j = 0; j < end_num && k + 1 < sizeof buf; ++j)
        if (s[j] != ',') buf[k++] = s[j];
    std::from_chars(buf, buf + k, n.value);
    return n;
}

}  // namespace

void Matcher::scan(std::string_view text, const Token* toks, int n, ScannedSentence& sent) const {
    std::vector<TokInfo>& out = sent.infos;
    out.resize(static_cast<std::size_t>(n));
    sent.feasible.assign(p_.rules.size(), 0);
    sent.classes = ClassMask{};
    sent.words = WordSignature{};
    char buf[Lexicon::kMaxWord];
    for (int k = 0; k < n; ++k) {
        TokInfo& info = out[k];
        const std::string_view s = text.substr(toks[k].span.start, toks[k].span.size());
        info.flags = toks[k].flags;
        info.word = p_.lex.lookup(s, text.data() + text.size());
        info.mask = info.word >= 0 ? p_.lex.classes(info.word) : ClassMask{};
        if (info.word >= 0) {
            sent.classes |= info.mask;
            sent.words |= p_.signature(info.word);
        }
        info.numeric = !s.empty() && is_digit(s[0]);
        info.num = 0;
        if (!info.numeric) {
            if (!prefix_shapes_.empty() && s.size() > 2 && is_digit(s.back())) {
                read_prefixed(s, info);
                sent.classes |= info.mask;
            }
            continue;
        }
        const NumberShape ns = read_number(s);
        info.num = ns.value;
        int suffix_word = -1;
        if (!ns.suffix.empty()) {
            const std::size_t sl = Lexicon::normalize(ns.suffix, buf);
            suffix_word = sl ? p_.lex.find_word(std::string_view(buf, sl)) : -1;
            if (suffix_word < 0) continue;
        }
        for (int si : single_shapes_) {
            const ShapeClass& sc = p_.shapes[si];
            if (sc.prefix_class >= 0) continue;
            if (sc.kind == ShapeClass::Kind::Clock) {
                // "9:30"; with `decimal`, also "9.30" (British style: hours, a dot, two digits of
                // minutes); with a suffix class, the letters after it ("9:30pm", "9.30am")
                const bool shape = (ns.clock || (sc.decimal && ns.decimal && !ns.grouped)) && ns.after_separator == 2 &&
                                   ns.digits >= 1 && ns.digits <= 2;
                const bool suffix = ns.suffix.empty() ? (sc.suffix_class < 0 || sc.suffix_optional)
                                                      : (sc.suffix_class >= 0 && p_.lex.classes(suffix_word).test(sc.suffix_class));
                if (shape && suffix) info.mask.set(sc.cls);
                continue;
            }
            if (ns.clock || (ns.grouped && !sc.grouped) || (!ns.grouped && sc.grouped_only) || (ns.decimal && !sc.decimal)) continue;
            if (ns.suffix.empty() ? (sc.suffix_class >= 0 && !sc.suffix_optional)
                                  : (sc.suffix_class < 0 || !p_.lex.classes(suffix_word).test(sc.suffix_class)))
                continue;
            if (sc.digits && (ns.digits != sc.digits || ns.grouped || ns.decimal)) continue;
            if (!sc.holds(ns.value)) continue;
            info.mask.set(sc.cls);
        }
        sent.classes |= info.mask;
    }
    const bool anywhere = !p_.rules_anywhere.empty();
    static const ClassMask kNone;
    for (int k = 0; k < n; ++k) {
        TokInfo& info = out[k];
        const bool last = k + 1 >= n;
        info.may_start = anywhere || info.numeric ||
                         (info.word >= 0 && p_.word_starts[info.word] &&
                          p_.start_filter_by_word[info.word].accepts_next(last ? kNone : out[k + 1].mask,
                                                                          last ? p_.signature(-1) : p_.signature(out[k + 1].word)));
    }
}

void Matcher::read_prefixed(std::string_view s, TokInfo& info) const {
    std::size_t p = 0;
    while (p < s.size() && !is_digit(s[p])) ++p;
    const std::string_view digits = s.substr(p);
    if (p == 0 || !std::all_of(digits.begin(), digits.end(), is_digit)) return;
    char buf[Lexicon::kMaxWord];
    const std::size_t len = Lexicon::normalize(s.substr(0, p), buf);
    const int prefix = len ? p_.lex.find_word(std::string_view(buf, len)) : -1;
    if (prefix < 0) return;
    const double value = read_number(digits).value;
    for (int si : prefix_shapes_) {
        const ShapeClass& sc = p_.shapes[si];
        if (!p_.lex.classes(prefix).test(sc.prefix_class)) continue;
        if ((sc.digits && static_cast<int>(digits.size()) != sc.digits) || !sc.holds(value)) continue;
        info.mask.set(sc.cls);
        info.numeric = true;
        info.num = value;
    }
}

bool Matcher::feasible(int rule, ScannedSentence& s) const {
    std::uint8_t& f = s.feasible[rule];
    if (f == 0) {
        f = 1;
        const Rule& r = p_.rules[rule];
        for (std::uint32_t k = r.requirements_begin; k < r.requirements_end; ++k) {
            const Requirement& req = p_.requirements[k];
            if (!req.classes.intersects(s.classes) && !req.words.intersects(s.words)) {
                f = 2;
                break;
            }
        }
    }
    return f == 1;
}

bool Matcher::passes(const TokenTest& t, const TokInfo& info) const {
    if (t.glued && (info.flags & kSpaceBefore)) return false;
    if ((info.flags & t.need) != t.need || (info.flags & t.forbid)) return false;
    if (t.none.intersects(info.mask)) return false;
    if (!t.not_words.empty() && std::find(t.not_words.begin(), t.not_words.end(), info.word) != t.not_words.end())
        return false;
    if (t.any_token) return true;
    if (t.any.intersects(info.mask)) return true;
    return info.word >= 0 && std::find(t.words.begin(), t.words.end(), info.word) != t.words.end();
}

double Matcher::value_in(const TokInfo& t, int cls) const {
    const std::string_view v = p_.lex.value(t.word, cls);
    double d = 0;
    std::from_chars(v.data(), v.data() + v.size(), d);
    return d;
}

// Cardinals in words: "four", "twenty four", "twenty-four", "two hundred (and) fifty",
// "three thousand". Every prefix that is a number is a reading.
int Matcher::spelled_cardinal(const TokInfo* t, int n, int pos, Option* out) const {
    int count = 0;
    auto small = [&](int at, double& v) -> int {  // tokens used, 0 if none
        if (at >= n) return 0;
        if (in(t[at], p_.num_tens)) {
            v = value_in(t[at], p_.num_tens);
            if (at + 2 < n && t[at + 1].word == hyphen_ && hyphen_ >= 0 && !(t[at + 1].flags & kSpaceBefore) &&
                !(t[at + 2].flags & kSpaceBefore) && in(t[at + 2], p_.num_unit)) {
                v += value_in(t[at + 2], p_.num_unit);
                return 3;
            }
            if (at + 1 < n && in(t[at + 1], p_.num_unit) && (t[at + 1].flags & kSpaceBefore)) {
                v += value_in(t[at + 1], p_.num_unit);
                return 2;
            }
            return 1;
        }
        if (in(t[at], p_.num_teen)) { v = value_in(t[at], p_.num_teen); return 1; }
        if (in(t[at], p_.num_unit)) { v = value_in(t[at], p_.num_unit); return 1; }
        return 0;
    };
    double cur = 0, total = 0;
    int used = small(pos, cur);
    // "a hundred", "a thousand"
    if (!used && pos + 1 < n && in(t[pos], p_.num_article) && in(t[pos + 1], p_.num_scale)) {
        cur = 1;
        used = 1;
    }
    if (!used) return 0;
    const bool article = !in(t[pos], p_.num_unit) && in(t[pos], p_.num_article);
    int at = pos + used;
    if (!article) out[count++] = {used, cur};
    while (at < n && in(t[at], p_.num_scale) && count < 6) {
        const double scale = value_in(t[at], p_.num_scale);
        if (scale < 1000) {
            if (cur >= scale) break;
            cur *= scale;
        } else {
            total += cur * scale;
            cur = 0;
        }
        ++at;
        out[count++] = {at - pos, total + cur};
        int next = at;
        if (next < n && in(t[next], p_.num_and)) ++next;
        double more = 0;
        const int u = small(next, more);
        if (!u) break;
        cur += more;
        at = next + u;
        if (count < 6) out[count++] = {at - pos, total + cur};
    }
    std::reverse(out, out + count);
    return count;
}

int Matcher::spelled(const ShapeClass& s, const TokInfo* t, int n, int pos, Option* out) const {
    int count = 0;
    switch (s.kind) {
        case ShapeClass::Kind::Spelled: count = spelled_cardinal(t, n, pos, out); break;
        case ShapeClass::Kind::SpelledOrdinal: {
            // "third", "twentieth", "twenty-first", "thirty first"
            if (pos < n && in(t[pos], p_.num_tens) && !in(t[pos], p_.num_ordinal)) {
                const double tens = value_in(t[pos], p_.num_tens);
                int at = pos + 1;
                if (at < n && t[at].word == hyphen_ && hyphen_ >= 0 && !(t[at].flags & kSpaceBefore)) ++at;
                if (at < n && in(t[at], p_.num_ordinal) && value_in(t[at], p_.num_ordinal) < 10)
                    out[count++] = {at + 1 - pos, tens + value_in(t[at], p_.num_ordinal)};
            } else if (pos < n && in(t[pos], p_.num_ordinal)) {
                out[count++] = {1, value_in(t[pos], p_.num_ordinal)};
            }
            break;
        }
        case ShapeClass::Kind::SpelledYear: {
            // "nineteen ninety-seven", "twenty twenty-five", "nineteen hundred"
            double hi = 0;
            if (pos < n && in(t[pos], p_.num_teen)) hi = value_in(t[pos], p_.num_teen);
            else if (pos < n && in(t[pos], p_.num_tens)) hi = value_in(t[pos], p_.num_tens);
            if (hi == 0 || pos + 1 >= n) break;
            if (in(t[pos + 1], p_.num_scale) && value_in(t[pos + 1], p_.num_scale) == 100) {
                out[count++] = {2, hi * 100};
                break;
            }
            Option lo[6];
            const int k = spelled_cardinal(t, n, pos + 1, lo);
            for (int j = 0; j < k; ++j)
                if (lo[j].value >= 10 && lo[j].value < 100) out[count++] = {lo[j].len + 1, hi * 100 + lo[j].value};
            break;
        }
        default: break;
    }
    int kept = 0;
    for (int j = 0; j < count; ++j)
        if (s.holds(out[j].value)) out[kept++] = out[j];
    return kept;
}

struct Vm {
    const Matcher& m;
    const Rule& r;
    const TokInfo* t;
    int n;
    int caps[2 * kMaxGroups];  // only the rule's groups are set
    int span_end = -1;
    int best_span_end = -1;
    int best_caps[2 * kMaxGroups];
    int steps = 0;

    Vm(const Matcher& matcher, const Rule& rule, const TokInfo* infos, int count)
        : m(matcher), r(rule), t(infos), n(count) {}

    void run(int pc, int pos) {
        while (true) {
            if (++steps > 20000) return;  // a pathological pattern must not hang the tagger
            const Inst& in = r.prog[pc];
            switch (in.op) {
                case Op::Test: {
                    const TokenTest& test = m.p_.tests[in.a];
                    if (test.shape >= 0) {
                        if (pos >= n || (test.glued && (t[pos].flags & kSpaceBefore))) return;
                        Matcher::Option opts[8];
                        const int k = m.spelled(m.p_.shapes[test.shape], t, n, pos, opts);
                        for (int j = 0; j < k; ++j) run(pc + 1, pos + opts[j].len);
                        return;
                    }
                    if (pos >= n || !m.passes(test, t[pos])) return;
                    ++pos;
                    ++pc;
                    break;
                }
                case Op::NegTest:
                    if (pos < n) {
                        if (m.passes(m.p_.tests[in.a], t[pos])) return;
                        ++pos;
                    }
                    ++pc;
                    break;
                case Op::Split:
                    run(in.a, pos);
                    pc = in.b;
                    break;
                case Op::Jmp: pc = in.a; break;
                case Op::Save: {
                    const int old = caps[in.a];
                    caps[in.a] = pos;
                    run(pc + 1, pos);
                    caps[in.a] = old;
                    return;
                }
                case Op::SpanEnd: {
                    const int old = span_end;
                    span_end = pos;
                    run(pc + 1, pos);
                    span_end = old;
                    return;
                }
                case Op::Match:
                    if (span_end > best_span_end) {
                        best_span_end = span_end;
                        std::copy(caps, caps + 2 * r.groups.size(), best_caps);
                    }
                    return;
            }
        }
    }
};

void Matcher::try_rule(int rule, ScannedSentence& s, int i, Match& best, const std::vector<int>& excluded) const {
    if (!feasible(rule, s)) return;
    if (!excluded.empty() && std::find(excluded.begin(), excluded.end(), rule) != excluded.end()) return;
    const Rule& r = p_.rules[rule];
    const TokInfo* infos = s.infos.data();
    const int n = static_cast<int>(s.infos.size());
    for (std::size_t k = 0; k < r.before.size(); ++k) {
        const int at = i - 1 - static_cast<int>(k);
        const auto [test, negated] = r.before[k];
        if (at < 0) {
            if (negated) break;  // nothing before the sentence start: a negative context holds
            return;
        }
        if (passes(p_.tests[test], infos[at]) == negated) return;
    }
    Vm vm{*this, r, infos, n};
    std::fill(vm.caps, vm.caps + 2 * r.groups.size(), -1);
    vm.run(0, i);
    if (vm.best_span_end <= i) return;
    // Longest first; on a tie, the rule that asked more of the left context (it is the more
    // specific: "once < a year >" over "a year"), then the earlier rule.
    const auto context = [&](int ri) { return ri < 0 ? -1 : static_cast<int>(p_.rules[ri].before.size()); };
    if (vm.best_span_end > best.end ||
        (vm.best_span_end == best.end &&
         (context(rule) > context(best.rule) || (context(rule) == context(best.rule) && rule < best.rule)))) {
        best.rule = rule;
        best.begin = i;
        best.end = vm.best_span_end;
        std::copy(vm.best_caps, vm.best_caps + 2 * r.groups.size(), best.caps);
    }
}

Match Matcher::best_at(ScannedSentence& s, int i, const std::vector<int>& excluded) const {
    Match best;
    best.end = i;
    const TokInfo& info = s.infos[i];
    static const ClassMask kNone;
    const bool last = i + 1 >= static_cast<int>(s.infos.size());
    const ClassMask& next_classes = last ? kNone : s.infos[i + 1].mask;
    const WordSignature& next_word = p_.signature(last ? -1 : s.infos[i + 1].word);
    auto each = [&](const std::vector<Candidate>& cands) {
        for (const Candidate& c : cands)
            if (c.accepts_next(next_classes, next_word)) try_rule(c.rule, s, i, best, excluded);
    };
    if (info.word >= 0) each(p_.rules_by_word[info.word]);
    if (info.numeric)
        for (int si : single_shapes_)
            if (info.mask.test(p_.shapes[si].cls)) each(p_.rules_by_shape[si]);
    each(p_.rules_anywhere);
    return best;
}

std::string Matcher::joined_text(std::string_view text, const Token* toks, int b, int e) {
    std::string out;
    for (int k = b; k < e; ++k) {
        if (k > b && (toks[k].flags & kSpaceBefore)) out += ' ';
        char buf[Lexicon::kMaxWord];
        const std::string_view s = text.substr(toks[k].span.start, toks[k].span.size());
        const std::size_t len = Lexicon::normalize(s, buf);
        if (len) out.append(buf, len);
        else out.append(s);
    }
    return out;
}

/// The value of the letters glued after a number, in the shape's suffix class: "pm" for
/// "10pm" (so that the clock knows the half of the day), nothing for "30th" (whose suffix
/// has no value).
std::string Matcher::suffix_value(const ShapeClass& shape, std::string_view token) const {
    if (shape.suffix_class < 0) return {};
    const std::string_view suffix = read_number(token).suffix;
    if (suffix.empty()) return {};  // an optional suffix left out: "30"
    const int w = p_.lex.lookup(suffix);
    return w < 0 ? std::string() : std::string(p_.lex.value(w, shape.suffix_class));
}

std::string Matcher::group_value(const Match& m, int g, const TokInfo* infos, int n, std::string_view text,
                                 const Token* toks) const {
    const int b = m.caps[2 * g], e = m.caps[2 * g + 1];
    if (b < 0 || e < b) return {};
    const Rule& r = p_.rules[m.rule];
    for (int test : r.group_tests[g]) {
        const TokenTest& t = p_.tests[test];
        const int s = shape_of_class_[t.cls];
        if (s >= 0 && p_.shapes[s].multi_token()) {
            Option opts[8];
            const int k = spelled(p_.shapes[s], infos, n, b, opts);
            for (int j = 0; j < k; ++j)
                if (opts[j].len == e - b) return number_text(std::round(opts[j].value));
            continue;
        }
        if (e <= b || !passes(t, infos[b])) continue;  // the first token carries the value ("Sept .")
        if (s >= 0) {
            if (p_.shapes[s].kind == ShapeClass::Kind::Clock)
                return std::string(text.substr(toks[b].span.start, toks[b].span.size()));
            return number_text(infos[b].num) + suffix_value(p_.shapes[s], text.substr(toks[b].span.start, toks[b].span.size()));
        }
        if (infos[b].word >= 0) {
            const std::string_view v = p_.lex.value(infos[b].word, t.cls);
            if (!v.empty()) return std::string(v);
        }
    }
    return joined_text(text, toks, b, e);
}

}  // namespace chronograph::timex
