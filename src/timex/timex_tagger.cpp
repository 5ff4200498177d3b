// The timex stage: rules from data/en/timex/ run over each sentence's tokens; every match
// is normalized (value, mod) and given the calendar days it covers.
#include "chronograph/timex.hpp"

#include "timex/calendar.hpp"
#include "timex/matcher.hpp"
#include "timex/normalizer.hpp"
#include "timex/program.hpp"
#include "timex/tense.hpp"

#include <cctype>

namespace chronograph {

/// Two expressions side by side: the ends of a range keep their order, the dates of a list
/// need not ("statements made Friday and Thursday").
enum class Pairing { None, Range, List };

struct TimexTagger::Impl {
    timex::Program program;
    timex::Matcher matcher;
    timex::TenseGuesser tense;
    int reporting = -1, on = -1;  // "said on Saturday": the class before, and "on" between
    int background = -1;          // "since March 11, 2011"
    int range_opener = -1, range_joiner = -1, and_word = -1, or_word = -1;  // "from May to July", "between May and July"
    explicit Impl(const Resources& res) : program(timex::compile_program(res)), matcher(program), tense(program.lex) {
        reporting = program.lex.find_class("reporting_verb");
        on = program.lex.find_word("on");
        background = program.lex.find_class("background_before");
        range_opener = program.lex.find_class("range_opener");
        range_joiner = program.lex.find_class("range_joiner");
        and_word = program.lex.find_word("and");
        or_word = program.lex.find_word("or");
    }
    /// What the expressions over tokens [b1, e1) and [e1 + 1, ...) are together: the ends of
    /// one range ("January to September", "from Nov. 1 through Dec. 24", "between May and
    /// July"), two dates of a list ("heavy on Dec. 24 and Dec. 26"), or nothing.
    Pairing pairing(const timex::TokInfo* infos, int b1, int e1, int b2) const {
        if (range_joiner < 0 || b2 != e1 + 1 || !infos[e1].mask.test(range_joiner)) return Pairing::None;
        const bool opened = b1 > 0 && range_opener >= 0 && infos[b1 - 1].mask.test(range_opener);
        const bool listed = infos[e1].word == and_word || infos[e1].word == or_word;
        return listed && !opened ? Pairing::List : Pairing::Range;
    }
    /// The expression starting at token b is not the day the story is at: the day a source
    /// spoke ("said on Saturday"), or a point it looks back to ("since March 11, 2011").
    bool aside(const timex::TokInfo* infos, int b) const {
        if (b > 0 && background >= 0 && infos[b - 1].mask.test(background)) return true;
        int k = b - 1;
        if (k >= 0 && on >= 0 && infos[k].word == on) --k;
        return k >= 0 && reporting >= 0 && infos[k].mask.test(reporting);
    }
};

TimexTagger::TimexTagger(const Resources& res) : impl_(std::make_unique<Impl>(res)) {}
TimexTagger::~TimexTagger() = default;

namespace {


/// "P9M", "P6M", "P2Q", "P1Y": a period of results longer than a quarter.
bool longer_than_a_quarter(std::string_view v) {
    if (v.size() < 3 || v[0] != 'P' || v[1] == 'T') return false;
    int n = 0;
    std::size_t i = 1;
    for (; i < v.size() && std::isdigit(static_cast<unsigned char>(v[i])); ++i) n = n * 10 + (v[i] - '0');
    if (i + 1 != v.size()) return false;
    switch (v[i]) {
        case 'M': return n > 3;
        case 'Q': return n > 1;
        case 'Y': return n >= 1;
        default: return false;
    }
}

/// A month or a day whose year the tagger chose ("2026-11", "2025-12-24").
bool year_guessed(const Timex& t) {
    const std::string& v = t.time.value;
    if (!t.relative || t.type != TimexType::Date || (v.size() != 7 && v.size() != 10) || v[4] != '-') return false;
    for (int i : {0, 1, 2, 3, 5, 6})  // not "XXXX-12-16", a day without a DCT
        if (!std::isdigit(static_cast<unsigned char>(v[i]))) return false;
    return true;
}

/// The same value a year earlier (+1: later), with its interval.
void move_year(Timex& t, int by, std::optional<Day> dct) {
    const int y = std::stoi(t.time.value.substr(0, 4)) + by;
    if (y < 1 || y > 9999) return;
    std::string v = t.time.value;
    const std::string year = std::to_string(y);
    v.replace(0, 4, std::string(4 - year.size(), '0') + year);
    auto iv = timex::interval_of(v, t.time.mod, dct);
    if (!iv) return;  // Feb. 29 in a year without one
    t.time.value = std::move(v);
    t.time.interval = iv;
}

/// Two clock times the tagger put on the same day, the second earlier in it ("from 10 p.m.
/// to 5 a.m."): "2025-05-01T22:00" and "2025-05-01T05:00".
bool ends_before_on_its_day(const Timex& first, const Timex& second) {
    const std::string &a = first.time.value, &b = second.time.value;
    auto clock = [](const Timex& t) {
        return t.relative && t.type == TimexType::Time && t.time.interval && t.time.value.size() == 16 && t.time.value[10] == 'T' &&
               t.time.value[13] == ':';
    };
    return clock(first) && clock(second) && a.compare(0, 10, b, 0, 10) == 0 && b.compare(11, 5, a, 11, 5) < 0;
}

/// Months since year 0 of a guessed month or day ("2025-12-24" -> 2025 * 12 + 11).
int month_index(const std::string& v) { return std::stoi(v.substr(0, 4)) * 12 + std::stoi(v.substr(5, 2)) - 1; }

/// Each end of a range picks its year alone, so "holiday spending from Nov. 1 through Dec.
/// 24 is forecast", said Dec. 10, put Nov. 1 next year, after its end, and "sales fell
/// between November and February" a February more than a year after November. The end
/// that breaks the order, or makes the range a year long or more, moves a year, towards
/// the past when it is ahead of the DCT (news tells the past more than the future). Two
/// dates of a list need not be in order, but a year apart they are rarely meant: "traffic
/// was heavy on Dec. 24 and Dec. 26", said Dec. 7, had put Dec. 26 ahead, in the future.
void order_range(Timex& first, Timex& second, Pairing pairing, std::optional<Day> dct) {
    if (pairing == Pairing::Range && ends_before_on_its_day(first, second)) {
        // "the curfew runs from 10 p.m. to 5 a.m.": the end is on the next day
        const Day next = second.time.interval->earliest + date::days{1};
        second.time.value.replace(0, 10, format_at(next, timex::Unit::Day));
        second.time.interval = TimeInterval{next, next};
        return;
    }
    // Ends of one grain only: "a revision Friday to December's figures" is no range
    if (!year_guessed(first) || !year_guessed(second) || first.time.value.size() != second.time.value.size()) return;
    auto ahead = [&](const Timex& t) { return dct && t.time.interval && t.time.interval->earliest > *dct; };
    if (first.time.value > second.time.value) {
        if (pairing == Pairing::List) return;
        if (ahead(first))
            move_year(first, -1, dct);
        else
            move_year(second, +1, dct);
    } else if (month_index(second.time.value) - month_index(first.time.value) >= 12) {
        if (ahead(second))
            move_year(second, -1, dct);
        else
            move_year(first, +1, dct);
    }
}

bool when_holds(timex::Rule::When w, timex::Tense t) {
    using W = timex::Rule::When;
    switch (w) {
        case W::Always: return true;
        case W::Past: return t == timex::Tense::Past;
        case W::Future: return t == timex::Tense::Future;
        case W::NotFuture: return t != timex::Tense::Future;
        case W::NotPast: return t != timex::Tense::Past;
    }
    return true;
}

}  // namespace

void TimexTagger::tag(DocumentAnalysis& a) const {
    using namespace timex;
    a.timexes.clear();
    const Impl& impl = *impl_;
    const Program& prog = impl.program;
    const std::string_view text = a.doc.text;
    thread_local ScannedSentence sent;
    thread_local std::vector<std::string> values, texts;
    thread_local std::vector<int> excluded;
    Reference ref;  // the dates the text named so far (the DCT until it names one)
    if (a.doc.dct) ref.mention(*a.doc.dct, 1);
    std::string ref_quarter;  // the quarter the text reports on ("the third quarter" -> 1989-Q3)
    thread_local std::vector<std::pair<int, int>> spans;  // the tokens of the sentence's expressions
    for (std::size_t si = 0; si < a.sentences.size(); ++si) {
        spans.clear();
        const std::size_t sentence_first = a.timexes.size();
        const Sentence& s = a.sentences[si];
        const Token* toks = a.tokens.data() + s.first_token;
        const int n = static_cast<int>(s.token_count);
        impl.matcher.scan(text, toks, n, sent);
        const TokInfo* infos = sent.infos.data();
        for (int i = 0; i < n;) {
            if (!infos[i].may_start) {
                ++i;
                continue;
            }
            excluded.clear();
            Match m = impl.matcher.best_at(sent, i);
            // Rules that hold only in some tense give way to the next best when it does not fit.
            while (m.rule >= 0 && prog.rules[m.rule].when != Rule::When::Always &&
                   !when_holds(prog.rules[m.rule].when, impl.tense.guess(infos, toks, text, n, m.begin, m.end))) {
                excluded.push_back(m.rule);
                m = impl.matcher.best_at(sent, i, excluded);
            }
            if (m.rule < 0) {
                ++i;
                continue;
            }
            const Rule& r = prog.rules[m.rule];
            i = m.end;
            if (r.reject) continue;
            values.resize(r.groups.size());
            texts.resize(r.groups.size());
            for (std::size_t g = 0; g < r.groups.size(); ++g) {
                values[g] = impl.matcher.group_value(m, static_cast<int>(g), infos, n, text, toks);
                const int b = m.caps[2 * g], e = m.caps[2 * g + 1];
                texts[g] = b >= 0 && e >= b ? Matcher::joined_text(text, toks, b, e) : std::string();
            }
            EvalState st;
            st.dct = a.doc.dct;
            st.ref = ref;
            st.ref_quarter = ref_quarter;
            st.previous = !a.timexes.empty() && a.timexes.back().sentence == si ? std::string_view(a.timexes.back().time.value)
                                                                                  : std::string_view();
            const auto tense = [&] { return impl.tense.guess(infos, toks, text, n, m.begin, m.end); };
            const auto past_verb = [&] { return impl.tense.past_right_before(infos, toks, text, n, m.begin); };
            const auto endpoint = [&] { return impl.tense.endpoint_before(infos, m.begin); };
            const auto deferred = [&] { return impl.tense.deferred_to(infos, m.begin); };
            st.tense = tense;
            st.past_verb = past_verb;
            st.endpoint = endpoint;
            st.deferred = deferred;
            Timex t;
            t.time.value = evaluate(r.value, values, texts, prog.lex, st);
            if (!r.mod.empty()) t.time.mod = evaluate(r.mod, values, texts, prog.lex, st);
            if (st.failed || t.time.value.empty()) continue;
            t.span = Span{toks[m.begin].span.start, toks[m.end - 1].span.end};
            t.sentence = si;
            t.type = r.type;
            t.relative = st.relative;
            t.rule = r.name;
            if (t.type == TimexType::Date || t.type == TimexType::Time) {
                t.time.interval = interval_of(t.time.value, r.clip == Rule::Clip::None ? t.time.mod : "", a.doc.dct);
                // A calendar value that names no real day ("April 31, 2025") is not a date (one
                // with unknown parts, "1998-10-XX", has no interval and stays).
                const bool calendar = t.time.value.size() >= 4 && std::isdigit(static_cast<unsigned char>(t.time.value[0])) &&
                                      t.time.value.find('X') == std::string::npos;
                if (calendar && !t.time.interval) continue;
                if (t.time.interval && a.doc.dct && r.clip != Rule::Clip::None) {
                    TimeInterval& iv = *t.time.interval;
                    if (r.clip == Rule::Clip::Past && iv.latest > *a.doc.dct) iv.latest = std::max(iv.earliest, *a.doc.dct);
                    if (r.clip == Rule::Clip::Future && iv.earliest < *a.doc.dct) iv.earliest = std::min(iv.latest, *a.doc.dct);
                }
                // "..., the ministry said on Saturday. The quake hit at 11:11 p.m.": the day a
                // source spoke is not the day the story is at, nor is "since March 11, 2011".
                if (t.time.interval && t.time.value != "PRESENT_REF" && !impl.aside(infos, m.begin))
                    ref.mention(t.time.interval->earliest, t.time.interval->days());
                // The quarter a text reports on has ended by its date, or is told in the past (a
                // fiscal one: "reported fourth-quarter earnings" in October): "a fourth-quarter
                // charge" in November is a forecast, and "a year ago" still means the third's.
                // It is the latest such quarter named, not the last: "third-quarter net rose ...
                // after a flat second quarter ... the year-earlier period" is the third's.
                const bool later_quarter = ref_quarter.empty() || t.time.value > ref_quarter;
                if (later_quarter && t.time.value.size() == 7 && t.time.value[5] == 'Q' && t.time.interval && !st.from_ref_quarter &&
                    (!a.doc.dct || t.time.interval->latest < *a.doc.dct ||
                     impl.tense.guess(infos, toks, text, n, m.begin, m.end) == Tense::Past))
                    ref_quarter = t.time.value;
            } else if (t.type == TimexType::Duration && longer_than_a_quarter(t.time.value)) {
                ref_quarter.clear();  // "in the first nine months ... a year earlier": that period's year
            }
            a.timexes.push_back(std::move(t));
            spans.emplace_back(m.begin, m.end);
        }
        for (std::size_t k = 1; k < spans.size(); ++k)
            if (const Pairing p = impl.pairing(infos, spans[k - 1].first, spans[k - 1].second, spans[k].first); p != Pairing::None)
                order_range(a.timexes[sentence_first + k - 1], a.timexes[sentence_first + k], p, a.doc.dct);
    }
}

}  // namespace chronograph
