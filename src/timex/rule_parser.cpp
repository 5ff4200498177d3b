// Compiles data/<lang>/timex/: vocabularies (class, word, value), class definitions,
// pattern macros and rules. The format is documented in data/en/timex/rules/00-format.rules.
#include "timex/program.hpp"

#include "chronograph/text.hpp"

#include <algorithm>
#include <charconv>
#include <cctype>
#include <map>
#include <set>
#include <optional>
#include <stdexcept>

namespace chronograph::timex {
namespace {

[[noreturn]] void fail(const std::string& where, const std::string& msg) {
    throw std::runtime_error("timex rules: " + where + ": " + msg);
}

std::string lower_key(std::string_view s) {
    char buf[Lexicon::kMaxWord];
    const std::size_t n = Lexicon::normalize(s, buf);
    if (n == 0) return lower_ascii(s);
    return std::string(buf, n);
}

bool is_ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// ---- patterns ---------------------------------------------------------------------------

struct Node {
    enum Kind { Seq, Alt, Atom, Neg, Opt, Star, Plus, Group, Begin, End } kind = Seq;
    explicit Node(Kind k = Seq) : kind(k) {}
    std::vector<Node> kids;
    int test = -1;
    int group = -1;
};

class PatternParser {
public:
    PatternParser(Program& p, const std::map<std::string, std::string, std::less<>>& macros, std::string where,
                  std::vector<std::string>& groups)
        : p_(p), macros_(macros), where_(std::move(where)), groups_(groups) {}

    Node parse(std::string_view text, int depth = 0) {
        if (depth > 8) fail(where_, "macros nested too deeply");
        std::string_view saved = s_;
        std::size_t saved_i = i_;
        s_ = text;
        i_ = 0;
        Node n = alternation(depth);
        skip_space();
        if (i_ < s_.size()) fail(where_, "unexpected '" + std::string(1, s_[i_]) + "' in pattern");
        s_ = saved;
        i_ = saved_i;
        return n;
    }

private:
    void skip_space() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t')) ++i_;
    }
    bool at(char c) const { return i_ < s_.size() && s_[i_] == c; }

    Node alternation(int depth) {
        Node alt{Node::Alt};
        alt.kids.push_back(sequence(depth));
        while (at('|')) {
            ++i_;
            alt.kids.push_back(sequence(depth));
        }
        return alt.kids.size() == 1 ? std::move(alt.kids[0]) : alt;
    }

    Node sequence(int depth) {
        Node seq{Node::Seq};
        while (true) {
            skip_space();
            if (i_ >= s_.size() || at('|') || at(')')) break;
            seq.kids.push_back(item(depth));
        }
        return seq;
    }

    Node item(int depth) {
        // Span markers stand alone.
        if ((at('<') || at('>')) && (i_ + 1 >= s_.size() || s_[i_ + 1] == ' ')) {
            Node n{at('<') ? Node::Begin : Node::End};
            ++i_;
            return n;
        }
        bool negate = false, glued = false;
        std::string group;
        while (true) {
            if (at('!')) { negate = true; ++i_; continue; }
            if (at('~')) { glued = true; ++i_; continue; }
            std::size_t j = i_;
            while (j < s_.size() && is_ident_char(s_[j])) ++j;
            if (j > i_ && j < s_.size() && s_[j] == ':' && j + 1 < s_.size() && s_[j + 1] != ' ') {
                group = std::string(s_.substr(i_, j - i_));
                i_ = j + 1;
                continue;
            }
            break;
        }
        Node n = atom(depth);
        if (glued) glue(n);
        if (negate) {
            if (n.kind != Node::Atom) fail(where_, "'!' applies to a single token test");
            n.kind = Node::Neg;
        }
        if (at('?') || at('*') || at('+')) {
            Node q{at('?') ? Node::Opt : at('*') ? Node::Star : Node::Plus};
            ++i_;
            q.kids.push_back(std::move(n));
            n = std::move(q);
        }
        if (!group.empty()) {
            // A name may come back in another alternative ("n:@count | a n:@vague"): same slots.
            Node g{Node::Group};
            auto it = std::find(groups_.begin(), groups_.end(), group);
            if (it == groups_.end()) {
                groups_.push_back(group);
                it = groups_.end() - 1;
            }
            g.group = static_cast<int>(it - groups_.begin());
            g.kids.push_back(std::move(n));
            n = std::move(g);
        }
        return n;
    }

    void glue(Node& n) {
        switch (n.kind) {
            case Node::Atom:
            case Node::Neg: {
                TokenTest t = p_.tests[n.test];
                t.glued = true;
                p_.tests.push_back(t);
                n.test = static_cast<int>(p_.tests.size()) - 1;
                break;
            }
            case Node::Alt:
                for (Node& k : n.kids) glue(k);
                break;
            case Node::Seq:
                if (!n.kids.empty()) glue(n.kids.front());
                break;
            default:
                if (!n.kids.empty()) glue(n.kids.front());
        }
    }

    Node atom(int depth) {
        if (at('(')) {
            ++i_;
            Node n = alternation(depth);
            if (!at(')')) fail(where_, "missing ')'");
            ++i_;
            return n;
        }
        if (at('$')) {
            ++i_;
            std::size_t j = i_;
            while (j < s_.size() && is_ident_char(s_[j])) ++j;
            const std::string name(s_.substr(i_, j - i_));
            i_ = j;
            auto it = macros_.find(name);
            if (it == macros_.end()) fail(where_, "unknown macro $" + name);
            return parse(it->second, depth + 1);
        }
        TokenTest t;
        if (at('[')) {
            conjunction(t);
        } else if (at('@')) {
            ++i_;
            std::size_t j = i_;
            while (j < s_.size() && is_ident_char(s_[j])) ++j;
            add_class(t, s_.substr(i_, j - i_), false);
            i_ = j;
            if (at('[')) conjunction(t);
        } else {
            const std::string lit = literal();
            if (lit.empty()) fail(where_, "empty token in pattern");
            t.words.push_back(p_.lex.intern_word(lower_key(lit)));
        }
        // A test naming exactly one class gives its captures that class's value.
        if (t.words.empty() && t.any.count() == 1)
            for (int c = 0; c < ClassMask::kMaxClasses; ++c)
                if (t.any.test(c)) t.cls = c;
        p_.tests.push_back(std::move(t));
        Node n{Node::Atom};
        n.test = static_cast<int>(p_.tests.size()) - 1;
        return n;
    }

    std::string literal() {
        std::string out;
        while (i_ < s_.size()) {
            const char c = s_[i_];
            if (c == '\\' && i_ + 1 < s_.size()) {
                out += s_[i_ + 1];
                i_ += 2;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '(' || c == ')' || c == '[' || c == ']' || c == '|' || c == '?' ||
                c == '*' || c == '+')
                break;
            out += c;
            ++i_;
        }
        return out;
    }

    void add_class(TokenTest& t, std::string_view name, bool negated) {
        const int c = p_.lex.find_class(name);
        if (c < 0) fail(where_, "unknown class @" + std::string(name));
        if (negated) {
            t.none.set(c);
            return;
        }
        for (std::size_t s = 0; s < p_.shapes.size(); ++s)
            if (p_.shapes[s].cls == c && p_.shapes[s].multi_token()) {
                if (!t.any.empty() || !t.words.empty() || t.shape >= 0)
                    fail(where_, "a spelled-number class cannot be combined with other classes");
                t.shape = static_cast<int>(s);
            }
        t.any.set(c);
    }

    // [item & item ...]: cap, !cap, lower, allcaps, number, word, punct, any, @class, !@class, word, !word
    void conjunction(TokenTest& t) {
        ++i_;  // '['
        while (true) {
            skip_space();
            if (at(']')) { ++i_; break; }
            if (at('&')) { ++i_; continue; }
            bool neg = false;
            if (at('!')) { neg = true; ++i_; }
            if (at('@')) {
                ++i_;
                std::size_t j = i_;
                while (j < s_.size() && is_ident_char(s_[j])) ++j;
                const std::string_view name = s_.substr(i_, j - i_);
                i_ = j;
                add_class(t, name, neg);
                continue;
            }
            std::size_t j = i_;
            while (j < s_.size() && s_[j] != ' ' && s_[j] != '&' && s_[j] != ']') {
                if (s_[j] == '\\') ++j;
                ++j;
            }
            std::string word;
            for (std::size_t k = i_; k < j; ++k) {
                if (s_[k] == '\\') ++k;
                if (k < j) word += s_[k];
            }
            i_ = j;
            // "[a | b]" would test for the word "|": alternatives are written "(a | b)".
            if (word == "|") fail(where_, "'|' inside [...]: conditions there are joined with '&'; write alternatives as ( a | b )");
            std::uint16_t flag = 0;
            if (word == "cap") flag = kCapitalized;
            else if (word == "allcaps") flag = kAllCaps;
            else if (word == "number") flag = kNumber;
            else if (word == "word") flag = kWord;
            else if (word == "punct") flag = kPunct;
            else if (word == "lower") { t.forbid |= kCapitalized; continue; }
            else if (word == "any") { t.any_token = true; continue; }
            if (flag) {
                (neg ? t.forbid : t.need) |= flag;
                continue;
            }
            const int id = p_.lex.intern_word(lower_key(word));
            (neg ? t.not_words : t.words).push_back(id);
        }
        if (t.any.empty() && t.words.empty() && t.shape < 0) t.any_token = true;
    }

    Program& p_;
    const std::map<std::string, std::string, std::less<>>& macros_;
    std::string where_;
    std::vector<std::string>& groups_;
    std::string_view s_;
    std::size_t i_ = 0;
};

class Emitter {
public:
    Emitter(Rule& r, Program& p, const std::string& where) : r_(r), p_(p), where_(where) {}

    void top(const Node& root) {
        // Split the top sequence at the span markers: [left context] < span > [right context].
        std::vector<const Node*> items;
        if (root.kind == Node::Seq)
            for (const Node& k : root.kids) items.push_back(&k);
        else
            items.push_back(&root);
        std::size_t begin = 0, end = items.size();
        for (std::size_t k = 0; k < items.size(); ++k) {
            if (items[k]->kind == Node::Begin) begin = k + 1;
            if (items[k]->kind == Node::End) end = k;
        }
        if (begin > 0) {
            for (std::size_t k = begin - 1; k-- > 0;) {
                const Node& n = *items[k];
                if (n.kind == Node::Alt) {
                    r_.before.emplace_back(merged_test(n), false);
                    continue;
                }
                if (n.kind != Node::Atom && n.kind != Node::Neg)
                    fail(where_, "left context (before '<') may only hold single token tests");
                r_.before.emplace_back(n.test, n.kind == Node::Neg);
            }
        }
        const bool has_end = end < items.size();
        for (std::size_t k = begin; k < (has_end ? end : items.size()); ++k) emit(*items[k]);
        emit_inst(Op::SpanEnd);
        if (has_end)
            for (std::size_t k = end + 1; k < items.size(); ++k) emit(*items[k]);
        emit_inst(Op::Match);
    }

private:
    int emit_inst(Op op, int a = 0, int b = 0) {
        r_.prog.push_back({op, a, b});
        return static_cast<int>(r_.prog.size()) - 1;
    }
    int here() const { return static_cast<int>(r_.prog.size()); }

    void emit(const Node& n) {
        switch (n.kind) {
            case Node::Atom: emit_inst(Op::Test, n.test); break;
            case Node::Neg: emit_inst(Op::NegTest, n.test); break;
            case Node::Seq:
                for (const Node& k : n.kids) emit(k);
                break;
            case Node::Alt: {
                std::vector<int> jumps;
                for (std::size_t k = 0; k < n.kids.size(); ++k) {
                    if (k + 1 < n.kids.size()) {
                        const int split = emit_inst(Op::Split);
                        r_.prog[split].a = here();
                        emit(n.kids[k]);
                        jumps.push_back(emit_inst(Op::Jmp));
                        r_.prog[split].b = here();
                    } else {
                        emit(n.kids[k]);
                    }
                }
                for (int j : jumps) r_.prog[j].a = here();
                break;
            }
            case Node::Opt: {
                const int split = emit_inst(Op::Split);
                r_.prog[split].a = here();
                emit(n.kids[0]);
                r_.prog[split].b = here();
                break;
            }
            case Node::Star: {
                const int split = emit_inst(Op::Split);
                r_.prog[split].a = here();
                emit(n.kids[0]);
                emit_inst(Op::Jmp, split);
                r_.prog[split].b = here();
                break;
            }
            case Node::Plus: {
                const int start = here();
                emit(n.kids[0]);
                emit_inst(Op::Split, start, here() + 1);
                break;
            }
            case Node::Group: {
                emit_inst(Op::Save, 2 * n.group);
                emit(n.kids[0]);
                emit_inst(Op::Save, 2 * n.group + 1);
                if (static_cast<int>(r_.group_tests.size()) <= n.group) r_.group_tests.resize(n.group + 1);
                collect_atoms(n.kids[0], r_.group_tests[n.group]);
                break;
            }
            case Node::Begin:
            case Node::End: fail(where_, "'<' and '>' belong at the top level of a pattern");
        }
    }

    /// "(in | during | by)" as one test: any of the words or classes.
    int merged_test(const Node& alt) {
        TokenTest merged;
        for (const Node& k : alt.kids) {
            const Node* atom = &k;
            if (atom->kind == Node::Seq && atom->kids.size() == 1) atom = &atom->kids[0];
            if (atom->kind != Node::Atom) fail(where_, "left context (before '<') may only hold single token tests");
            const TokenTest& t = p_.tests[atom->test];
            if (t.need || t.forbid || t.glued || !t.none.empty() || !t.not_words.empty() || t.any_token || t.shape >= 0)
                fail(where_, "alternatives in a left context may only be plain words and classes");
            merged.words.insert(merged.words.end(), t.words.begin(), t.words.end());
            merged.any |= t.any;
        }
        p_.tests.push_back(std::move(merged));
        return static_cast<int>(p_.tests.size()) - 1;
    }

    void collect_atoms(const Node& n, std::vector<int>& out) {
        switch (n.kind) {
            case Node::Atom:
                if (p_.tests[n.test].cls >= 0) out.push_back(n.test);
                break;
            case Node::Alt:
            case Node::Opt:
                for (const Node& k : n.kids) collect_atoms(k, out);
                break;
            case Node::Seq:  // "Sept ." : the first token carries the value
                if (!n.kids.empty()) collect_atoms(n.kids[0], out);
                break;
            default: break;
        }
    }

    Rule& r_;
    Program& p_;
    std::string where_;
};

/// Test instructions that can consume the first token of the span (walks splits, jumps, saves).
void first_pcs(const Rule& r, int pc, std::vector<int>& out, std::vector<char>& seen, const std::string& where) {
    if (pc >= static_cast<int>(r.prog.size()) || seen[pc]) return;
    seen[pc] = 1;
    const Inst& in = r.prog[pc];
    switch (in.op) {
        case Op::Test: out.push_back(pc); break;
        case Op::Split:
            first_pcs(r, in.a, out, seen, where);
            first_pcs(r, in.b, out, seen, where);
            break;
        case Op::Jmp: first_pcs(r, in.a, out, seen, where); break;
        case Op::Save: first_pcs(r, pc + 1, out, seen, where); break;
        default: fail(where, "the pattern can match no token at all");
    }
}

/// The classes a spelled number of this kind can start with ("twenty", "first", "a" hundred).
ClassMask spelled_first(const Program& p, const ShapeClass& s) {
    ClassMask m;
    auto add = [&m](int c) {
        if (c >= 0) m.set(c);
    };
    switch (s.kind) {
        case ShapeClass::Kind::Spelled: add(p.num_unit); add(p.num_teen); add(p.num_tens); add(p.num_article); break;
        case ShapeClass::Kind::SpelledOrdinal: add(p.num_tens); add(p.num_ordinal); break;
        case ShapeClass::Kind::SpelledYear: add(p.num_teen); add(p.num_tens); break;
        default: break;
    }
    return m;
}

/// The classes a token inside a spelled number can have after its first ("twenty" - "four").
ClassMask spelled_continuation(const Program& p) {
    ClassMask m;
    for (int c : {p.num_unit, p.num_teen, p.num_tens, p.num_scale, p.num_ordinal, p.num_and})
        if (c >= 0) m.set(c);
    return m;
}

/// The classes a test's token may be in (its own classes; for a spelled number, its first word's).
ClassMask test_classes(const Program& p, const TokenTest& t) {
    ClassMask m = t.any;
    if (t.shape >= 0) m |= spelled_first(p, p.shapes[t.shape]);
    return m;
}

/// What may come right after the token consumed at `pc`: widens c's next-token filter.
void follow(const Program& p, const Rule& r, int pc, Candidate& c, std::vector<char>& seen) {
    while (pc < static_cast<int>(r.prog.size()) && !seen[pc]) {
        seen[pc] = 1;
        const Inst& in = r.prog[pc];
        switch (in.op) {
            case Op::Test: {
                const TokenTest& t = p.tests[in.a];
                if (t.any_token) c.any_next = true;
                c.next_classes |= test_classes(p, t);
                for (int w : t.words) c.next_words |= p.signature(w);
                return;
            }
            case Op::NegTest:
            case Op::Match: c.any_next = true; return;
            case Op::Split:
                follow(p, r, in.a, c, seen);
                pc = in.b;
                break;
            case Op::Jmp: pc = in.a; break;
            default: ++pc;
        }
    }
}

/// Can the program reach Match without passing the Test at `skip`?
bool reaches_match(const Rule& r, int pc, int skip, std::vector<char>& seen) {
    while (pc < static_cast<int>(r.prog.size()) && !seen[pc]) {
        seen[pc] = 1;
        const Inst& in = r.prog[pc];
        switch (in.op) {
            case Op::Match: return true;
            case Op::Test:
                if (pc == skip) return false;
                ++pc;
                break;
            case Op::Split:
                if (reaches_match(r, in.a, skip, seen)) return true;
                pc = in.b;
                break;
            case Op::Jmp: pc = in.a; break;
            default: ++pc;
        }
    }
    return false;
}

Requirement requirement_of(const Program& p, const TokenTest& t) {
    Requirement req;
    req.classes = test_classes(p, t);
    for (int w : t.words) req.words |= p.signature(w);
    return req;
}

void find_requirements(Program& p, Rule& r) {
    r.requirements_begin = static_cast<std::uint32_t>(p.requirements.size());
    auto add = [&](const TokenTest& t) {
        if (t.any_token) return;
        p.requirements.push_back(requirement_of(p, t));
    };
    for (int pc = 0; pc < static_cast<int>(r.prog.size()); ++pc) {
        if (r.prog[pc].op != Op::Test) continue;
        std::vector<char> seen(r.prog.size(), 0);
        if (!reaches_match(r, 0, pc, seen)) add(p.tests[r.prog[pc].a]);
    }
    for (const auto& [test, negated] : r.before)
        if (!negated) add(p.tests[test]);
    r.requirements_end = static_cast<std::uint32_t>(p.requirements.size());
}

// ---- templates --------------------------------------------------------------------------

Template parse_template(std::string_view s, const Rule& r, const Lexicon& lex, const std::string& where) {
    Template t;
    auto group_index = [&](std::string_view name) {
        for (std::size_t g = 0; g < r.groups.size(); ++g)
            if (r.groups[g] == name) return static_cast<int>(g);
        fail(where, "template names group '" + std::string(name) + "' the pattern does not capture");
    };
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t open = s.find('{', i);
        if (open != i) {
            Template::Part lit;
            lit.literal = std::string(s.substr(i, open == std::string_view::npos ? s.size() - i : open - i));
            t.parts.push_back(std::move(lit));
            if (open == std::string_view::npos) break;
        }
        const std::size_t close = s.find('}', open);
        if (close == std::string_view::npos) fail(where, "'{' without '}' in template");
        const std::string_view body = trim(s.substr(open + 1, close - open - 1));
        i = close + 1;
        Template::Part part;
        const bool bare_function = body.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string_view::npos &&
                                   std::find(r.groups.begin(), r.groups.end(), body) == r.groups.end();
        if (body.find(' ') != std::string_view::npos || bare_function) {
            std::vector<std::string_view> words;
            for (std::string_view w : split(body, ' '))
                if (!w.empty()) words.push_back(w);
            part.fn = std::string(words[0]);
            for (std::size_t k = 1; k < words.size(); ++k) {
                Template::Arg a;
                std::string_view w = words[k];
                if (w.size() > 1 && w[0] == '-' && !std::isdigit(static_cast<unsigned char>(w[1]))) {
                    a.negate = true;
                    w.remove_prefix(1);
                }
                if (const std::size_t bar = w.find('|'); bar != std::string_view::npos) {  // g|class
                    a.group = group_index(w.substr(0, bar));
                    a.map_class = lex.find_class(w.substr(bar + 1));
                    if (a.map_class < 0) fail(where, "unknown class in {" + std::string(body) + "}");
                    part.args.push_back(std::move(a));
                    continue;
                }
                const bool is_group = std::find(r.groups.begin(), r.groups.end(), w) != r.groups.end();
                if (is_group) a.group = group_index(w);
                else a.text = std::string(w);
                part.args.push_back(std::move(a));
            }
        } else {
            std::size_t j = 0;
            while (j < body.size() && is_ident_char(body[j])) ++j;
            part.group = group_index(body.substr(0, j));
            std::string_view rest = body.substr(j);
            if (!rest.empty()) {
                const char op = rest[0];
                rest.remove_prefix(1);
                if (op == '|') {
                    part.map_class = lex.find_class(rest);
                    if (part.map_class < 0) fail(where, "unknown class in {" + std::string(body) + "}");
                } else if (op == ':' || op == '/' || op == '-' || op == '+' || op == '*') {
                    // {g-1}, {g:2}, or both: {g-1:2}
                    long long v = 0;
                    auto [p, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), v);
                    if (ec != std::errc()) fail(where, "bad number in {" + std::string(body) + "}");
                    if (op == ':') part.pad = static_cast<int>(v);
                    else { part.op = op; part.operand = v; }
                    std::string_view tail(p, static_cast<std::size_t>(rest.data() + rest.size() - p));
                    if (!tail.empty()) {
                        long long w = 0;
                        auto [q, ec2] = std::from_chars(tail.data() + 1, tail.data() + tail.size(), w);
                        if (op == ':' || tail[0] != ':' || ec2 != std::errc() || q != tail.data() + tail.size())
                            fail(where, "bad number in {" + std::string(body) + "}");
                        part.pad = static_cast<int>(w);
                    }
                } else {
                    fail(where, "cannot read {" + std::string(body) + "}");
                }
            }
        }
        t.parts.push_back(std::move(part));
    }
    return t;
}

// ---- files ------------------------------------------------------------------------------

void define_class(Program& p, std::string_view name, std::string_view spec, const std::string& where) {
    if (p.lex.find_class(name) >= 0) fail(where, "class " + std::string(name) + " defined twice");
    ShapeClass sc;
    std::vector<std::string_view> words;
    for (std::string_view w : split(spec, ' '))
        if (!w.empty()) words.push_back(w);
    if (words.empty()) fail(where, "empty class definition");
    const std::string_view kind = words[0];
    if (kind == "number") sc.kind = ShapeClass::Kind::Number;
    else if (kind == "clock") sc.kind = ShapeClass::Kind::Clock;
    else if (kind == "spelled") sc.kind = ShapeClass::Kind::Spelled;
    else if (kind == "spelled-ordinal") sc.kind = ShapeClass::Kind::SpelledOrdinal;
    else if (kind == "spelled-year") sc.kind = ShapeClass::Kind::SpelledYear;
    else fail(where, "unknown class kind '" + std::string(kind) + "'");
    for (std::size_t k = 1; k < words.size(); ++k) {
        const std::string_view w = words[k];
        auto number = [&](std::string_view s) {
            double v = 0;
            auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
            if (ec != std::errc() || ptr != s.data() + s.size()) fail(where, "bad number '" + std::string(s) + "'");
            return v;
        };
        if (const std::size_t dots = w.find(".."); dots != std::string_view::npos) {
            sc.lo = number(w.substr(0, dots));
            sc.hi = number(w.substr(dots + 2));
        } else if (w == "digits" && k + 1 < words.size()) {
            sc.digits = static_cast<int>(number(words[++k]));
        } else if (w == "step" && k + 1 < words.size()) {
            sc.step = number(words[++k]);
            if (sc.step <= 0) fail(where, "step must be positive");
        } else if ((w == "suffix" || w == "optsuffix") && k + 1 < words.size()) {
            sc.suffix_optional = w == "optsuffix";
            const std::string_view s = words[++k];
            if (s.empty() || s[0] != '@') fail(where, "suffix takes a class: suffix @name");
            sc.suffix_class = p.lex.find_class(s.substr(1));
            if (sc.suffix_class < 0) fail(where, "unknown suffix class " + std::string(s));
        } else if (w == "prefix" && k + 1 < words.size()) {
            const std::string_view s = words[++k];
            if (s.empty() || s[0] != '@') fail(where, "prefix takes a class: prefix @name");
            sc.prefix_class = p.lex.find_class(s.substr(1));
            if (sc.prefix_class < 0) fail(where, "unknown prefix class " + std::string(s));
        } else if (w == "decimal") {
            sc.decimal = true;
        } else if (w == "grouped") {
            sc.grouped = true;
        } else if (w == "grouped-only") {
            sc.grouped = sc.grouped_only = true;
        } else {
            fail(where, "cannot read '" + std::string(w) + "' in class definition");
        }
    }
    sc.cls = p.lex.intern_class(name);
    p.shapes.push_back(sc);
}

void load_vocabularies(Program& p, const Resources& res, const std::string& dir) {
    for (const std::string& path : res.list(dir)) {
        if (path.size() < 4 || path.compare(path.size() - 4, 4, ".tsv") != 0) continue;
        for (const Record& rec : read_table(res.file(path))) {
            if (rec.size() < 2) fail(path + ":" + std::to_string(rec.line), "expected class<TAB>word[<TAB>value]");
            const int c = p.lex.intern_class(trim(rec[0]));
            const std::string word = lower_key(trim(rec[1]));
            p.lex.add(c, word, trim(rec[2]));
        }
    }
}

struct PendingRule {
    std::string name, where;
    std::vector<std::pair<std::string, std::string>> match;  // (pattern, where)
    std::string type = "DATE", value, mod, clip, when;
    std::set<std::string, std::less<>> keys;  // the keys given, each once
};

void compile_rule(Program& p, const PendingRule& pr, const std::map<std::string, std::string, std::less<>>& macros) {
    if (pr.match.empty()) fail(pr.where, "rule " + pr.name + " has no match line");
    for (const auto& [pattern, where] : pr.match) {
        Rule r;
        r.name = pr.name;
        r.where = where;
        if (pr.type == "NONE") r.reject = true;
        else if (pr.type == "DATE") r.type = TimexType::Date;
        else if (pr.type == "TIME") r.type = TimexType::Time;
        else if (pr.type == "DURATION") r.type = TimexType::Duration;
        else if (pr.type == "SET") r.type = TimexType::Set;
        else fail(pr.where, "unknown type " + pr.type);
        if (pr.clip == "past") r.clip = Rule::Clip::Past;
        else if (pr.clip == "future") r.clip = Rule::Clip::Future;
        else if (!pr.clip.empty()) fail(pr.where, "clip is past or future");
        if (pr.when == "past") r.when = Rule::When::Past;
        else if (pr.when == "future") r.when = Rule::When::Future;
        else if (pr.when == "not-future") r.when = Rule::When::NotFuture;
        else if (pr.when == "not-past") r.when = Rule::When::NotPast;
        else if (!pr.when.empty()) fail(pr.where, "when is past, future, not-future or not-past");
        PatternParser parser(p, macros, where, r.groups);
        const Node root = parser.parse(pattern);
        Emitter(r, p, where).top(root);
        r.group_tests.resize(r.groups.size());
        if (r.groups.size() > 12) fail(where, "more than 12 groups");
        std::vector<char> seen(r.prog.size(), 0);
        first_pcs(r, 0, r.first_pcs, seen, where);
        if (!r.reject && pr.value.empty()) fail(pr.where, "rule " + pr.name + " has no value");
        r.value = parse_template(pr.value, r, p.lex, pr.where);
        r.mod = parse_template(pr.mod, r, p.lex, pr.where);
        p.rules.push_back(std::move(r));
    }
}

void load_rules(Program& p, const Resources& res, const std::string& dir) {
    std::map<std::string, std::string, std::less<>> macros;
    for (const std::string& path : res.list(dir)) {
        if (path.size() < 6 || path.compare(path.size() - 6, 6, ".rules") != 0) continue;
        const std::string_view text = res.file(path);
        std::optional<PendingRule> cur;
        auto flush = [&] {
            if (cur) compile_rule(p, *cur, macros);
            cur.reset();
        };
        std::size_t line_no = 0;
        for (std::string_view line : split(text, '\n')) {
            ++line_no;
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            if (const std::size_t hash = line.find(" #"); hash != std::string_view::npos) line = line.substr(0, hash);
            const std::string where = path + ":" + std::to_string(line_no);
            const std::string_view t = trim(line);
            if (t.empty() || t[0] == '#') continue;
            const bool indented = line[0] == ' ' || line[0] == '\t';
            const std::size_t sp = t.find_first_of(" \t");
            const std::string_view key = t.substr(0, sp);
            const std::string_view rest = sp == std::string_view::npos ? std::string_view{} : trim(t.substr(sp));
            if (!indented) {
                flush();
                if (key == "rule") {
                    cur = PendingRule{};
                    cur->name = std::string(rest);
                    cur->where = where;
                } else if (key == "class" || key == "define") {
                    const std::size_t eq = rest.find('=');
                    if (eq == std::string_view::npos) fail(where, std::string(key) + " NAME = ...");
                    const std::string_view name = trim(rest.substr(0, eq));
                    const std::string_view body = trim(rest.substr(eq + 1));
                    if (key == "class") define_class(p, name, body, where);
                    else macros[std::string(name)] = std::string(body);
                } else {
                    fail(where, "expected 'rule', 'class' or 'define', got '" + std::string(key) + "'");
                }
                continue;
            }
            if (!cur) fail(where, "indented line outside a rule");
            // Every key but "match" is said once: a second "value" would silently replace the
            // first, and the matches written for the first would give nothing.
            const auto once = [&](std::string& field) {
                if (!cur->keys.emplace(key).second) fail(where, "'" + std::string(key) + "' given twice in rule " + cur->name);
                field = std::string(rest);
            };
            if (key == "match") cur->match.emplace_back(std::string(rest), where);
            else if (key == "type") once(cur->type);
            else if (key == "value") once(cur->value);
            else if (key == "mod") once(cur->mod);
            else if (key == "clip") once(cur->clip);
            else if (key == "when") once(cur->when);
            else fail(where, "unknown key '" + std::string(key) + "'");
        }
        flush();
    }
}

/// Signature bits for the words the rules name, in turn ("-" too: a spelled number's
/// continuation); every other word has none.
void assign_word_bits(Program& p) {
    std::vector<char> named(static_cast<std::size_t>(p.lex.word_count()), 0);
    for (const TokenTest& t : p.tests)
        for (int w : t.words) named[static_cast<std::size_t>(w)] = 1;
    if (const int dash = p.lex.find_word("-"); dash >= 0) named[static_cast<std::size_t>(dash)] = 1;
    p.word_bits.assign(named.size(), WordSignature{});
    int next = 0;
    for (std::size_t w = 0; w < named.size(); ++w)
        if (named[w]) p.word_bits[w].set(next++ % WordSignature::kMaxClasses);
}

void build_index(Program& p) {
    assign_word_bits(p);
    p.rules_by_word.assign(p.lex.word_count(), {});
    p.rules_by_shape.assign(p.shapes.size(), {});
    for (Rule& r : p.rules) find_requirements(p, r);
    const ClassMask continuation = spelled_continuation(p);
    // Candidates are added rule by rule, so each list stays in rule order; several first
    // tests of one rule that accept the same token merge their next-token filters.
    auto add = [](std::vector<Candidate>& v, const Candidate& c) {
        if (!v.empty() && v.back().rule == c.rule) {
            v.back().any_next |= c.any_next;
            v.back().next_classes |= c.next_classes;
            v.back().next_words |= c.next_words;
        } else {
            v.push_back(c);
        }
    };
    for (std::size_t ri = 0; ri < p.rules.size(); ++ri) {
        const Rule& r = p.rules[ri];
        for (int pc : r.first_pcs) {
            const TokenTest& t = p.tests[r.prog[pc].a];
            Candidate c;
            c.rule = static_cast<int>(ri);
            if (t.shape >= 0) {  // a spelled number may go on: "twenty" - "four"
                c.next_classes |= continuation;
                c.next_words |= p.signature(p.lex.find_word("-"));
            }
            std::vector<char> seen(r.prog.size(), 0);
            follow(p, r, pc + 1, c, seen);
            if (t.any_token) {
                add(p.rules_anywhere, c);
                continue;
            }
            const ClassMask classes = test_classes(p, t);
            for (int w = 0; w < p.lex.word_count(); ++w) {
                const bool hit = std::find(t.words.begin(), t.words.end(), w) != t.words.end() ||
                                 classes.intersects(p.lex.classes(w));
                if (hit) add(p.rules_by_word[w], c);
            }
            for (std::size_t s = 0; s < p.shapes.size(); ++s)
                if (!p.shapes[s].multi_token() && t.any.test(p.shapes[s].cls)) add(p.rules_by_shape[s], c);
        }
    }
    p.start_filter_by_word.assign(p.lex.word_count(), {});
    p.word_starts.assign(p.lex.word_count(), 0);
    for (int w = 0; w < p.lex.word_count(); ++w) {
        p.word_starts[w] = !p.rules_by_word[w].empty();
        Candidate& u = p.start_filter_by_word[w];
        for (const Candidate& c : p.rules_by_word[w]) {
            u.any_next |= c.any_next;
            u.next_classes |= c.next_classes;
            u.next_words |= c.next_words;
        }
    }
}

}  // namespace

Program compile_program(const Resources& res, std::string_view lang) {
    Program p;
    const std::string base = std::string(lang) + "/timex/";
    load_vocabularies(p, res, base + "vocabulary/");
    p.num_unit = p.lex.find_class("num_unit");
    p.num_teen = p.lex.find_class("num_teen");
    p.num_tens = p.lex.find_class("num_tens");
    p.num_scale = p.lex.find_class("num_scale");
    p.num_ordinal = p.lex.find_class("num_ordinal");
    p.num_and = p.lex.find_class("num_and");
    p.num_article = p.lex.find_class("num_article");
    p.lex.intern_word("-");  // spelled numbers read "twenty-four"
    load_rules(p, res, base + "rules/");
    if (p.rules.empty()) throw std::runtime_error("timex rules: no rule in " + base + "rules/");
    build_index(p);
    return p;
}

}  // namespace chronograph::timex
