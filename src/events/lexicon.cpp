#include "events/lexicon.hpp"

#include "chronograph/text.hpp"
#include "events/sentence_view.hpp"

#include <algorithm>
#include <stdexcept>

namespace chronograph::events {
namespace {

bool vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// -s / -es / -ies
std::string s_form(const std::string& w) {
    if (ends_with(w, "s") || ends_with(w, "x") || ends_with(w, "z") || ends_with(w, "ch") || ends_with(w, "sh"))
        return w + "es";
    if (w.size() > 1 && w.back() == 'y' && !vowel(w[w.size() - 2])) return w.substr(0, w.size() - 1) + "ies";
    return w + "s";
}

[[noreturn]] void bad_line(const char* file, std::size_t line, const std::string& why) {
    throw std::runtime_error(std::string(file) + " line " + std::to_string(line) + ": " + why);
}

std::vector<std::string> words_of(std::string_view phrase) {
    std::vector<std::string> out;
    for (std::string_view w : split(trim(phrase), ' '))
        if (!w.empty()) out.push_back(lookup_form(w));
    return out;
}

EventStatus parse_status(std::string_view s, std::size_t line) {
    if (s == "planned") return EventStatus::Planned;
    if (s == "expected") return EventStatus::Expected;
    if (s == "ongoing") return EventStatus::Ongoing;
    if (s == "negated") return EventStatus::Negated;
    if (s == "hypothetical") return EventStatus::Hypothetical;
    if (s == "reported") return EventStatus::Reported;
    bad_line("en/events/cues.tsv", line, "unknown status " + std::string(s));
}

}  // namespace

void append_lookup_form(std::string_view token, std::string& out) {
    const std::size_t at = out.size();
    out += token;
    char* const form = out.data() + at;
    std::size_t n = 0;  // bytes of the form written so far (at most as many as read)
    for (std::size_t i = 0; i < token.size(); ++i) {
        const char c = token[i];
        // U+2019 RIGHT SINGLE QUOTATION MARK and U+2018 -> '
        if (c == '\xE2' && i + 2 < token.size() && token[i + 1] == '\x80' &&
            (token[i + 2] == '\x99' || token[i + 2] == '\x98')) {
            form[n++] = '\'';
            i += 2;
        } else {
            form[n++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        }
    }
    out.resize(at + n);
}

std::string lookup_form(std::string_view token) {
    std::string out;
    out.reserve(token.size());
    append_lookup_form(token, out);
    return out;
}

std::vector<std::string> Lexicon::verb_forms(const std::string& w) {
    std::vector<std::string> out{w, s_form(w)};
    if (w.back() == 'e') out.push_back(w + "d");
    else if (w.size() > 1 && w.back() == 'y' && !vowel(w[w.size() - 2])) out.push_back(w.substr(0, w.size() - 1) + "ied");
    else out.push_back(w + "ed");
    if (ends_with(w, "ie")) out.push_back(w.substr(0, w.size() - 2) + "ying");
    else if (w.back() == 'e' && !ends_with(w, "ee") && !ends_with(w, "ye") && !ends_with(w, "oe"))
        out.push_back(w.substr(0, w.size() - 1) + "ing");
    else out.push_back(w + "ing");
    return out;
}

std::vector<std::string> Lexicon::noun_forms(const std::string& w) { return {w, s_form(w)}; }

void Lexicon::add_form(const std::string& form, std::size_t trigger) {
    const std::vector<std::string> words = words_of(form);
    if (words.empty()) return;
    if (words.size() == 1) {
        auto& list = single_[words[0]];
        for (std::size_t t : list)
            if (t == trigger) return;
        list.push_back(trigger);
    } else {
        phrases_[words[0]].push_back({words, trigger});
    }
}

Lexicon::Lexicon(const Resources& res) {
    for (const Record& r : read_table(res.file("en/events/types.tsv"))) {
        TypeInfo t;
        t.name = std::string(r[0]);
        t.cameo = r[1] == "-" ? "" : std::string(r[1]);
        if (r[2] != "once" && r[2] != "dated" && r[2] != "placed")
            bad_line("en/events/types.tsv", r.line, "merge rule must be once, dated or placed");
        if (r[3] != "core" && r[3] != "minor") bad_line("en/events/types.tsv", r.line, "weight must be core or minor");
        t.once = r[2] == "once";
        t.core = r[3] == "core";
        types_[t.name] = t;
    }
    for (const Record& r : read_table(res.file("en/events/triggers.tsv"))) {
        Trigger t;
        t.lemma = std::string(r[0]);
        if (r[1] == "verb") t.pos = Pos::Verb;
        else if (r[1] == "noun") t.pos = Pos::Noun;
        else if (r[1] == "phrase") t.pos = Pos::Phrase;
        else bad_line("en/events/triggers.tsv", r.line, "part of speech must be verb, noun or phrase");
        t.type = r[2] == "-" ? "" : std::string(r[2]);
        if (!t.type.empty() && !types_.count(t.type)) bad_line("en/events/triggers.tsv", r.line, "unknown type " + t.type);
        const std::string_view role = r[3];
        if (role == "event") t.role = Role::Event;
        else if (role == "light") t.role = Role::Light;
        else if (role == "start") t.role = Role::Start;
        else if (role == "end") t.role = Role::End;
        else if (role == "control") t.role = Role::Control;
        else if (role == "report") t.role = Role::Report;
        else if (role == "duration") t.role = Role::Duration;
        else if (role == "by-object") t.role = Role::ByObject;
        else if (role == "by-subject") t.role = Role::BySubject;
        else bad_line("en/events/triggers.tsv", r.line, "unknown role " + std::string(role));
        const std::size_t index = triggers_.size();
        triggers_.push_back(t);

        std::string_view extra = trim(r[4]);
        const bool only_listed = !extra.empty() && extra.front() == '=';
        if (only_listed) extra.remove_prefix(1);
        if (!only_listed) {
            if (t.pos == Pos::Verb)
                for (const auto& f : verb_forms(t.lemma)) add_form(f, index);
            else if (t.pos == Pos::Noun)
                for (const auto& f : noun_forms(t.lemma)) add_form(f, index);
            else
                add_form(t.lemma, index);
        }
        for (std::string_view f : split(extra, ','))
            if (!trim(f).empty()) add_form(std::string(trim(f)), index);
    }
    // Subject and object classes: noun, the type it gives, the own types of the triggers it
    // applies to.
    auto noun_classes = [&](const char* file, auto& table) {
        for (const Record& r : read_table(res.file(file))) {
            if (r.size() < 3) bad_line(file, r.line, "expected noun, type and trigger types");
            NounClass c{std::string(r[1]), words_of(r[2])};
            for (const std::string& t : c.triggers)
                if (!types_.count(t)) bad_line(file, r.line, "unknown trigger type");
            if (c.type != "-" && !types_.count(c.type)) bad_line(file, r.line, "unknown type");  // "-": no event
            table[std::string(r[0])].push_back(std::move(c));
        }
    };
    noun_classes("en/events/subjects.tsv", subjects_);
    noun_classes("en/events/objects.tsv", objects_);
    noun_classes("en/events/contexts.tsv", contexts_);
    for (const Record& r : read_table(res.file("en/events/cues.tsv"))) {
        Cue c;
        c.words = words_of(r[0]);
        c.status = parse_status(r[1], r.line);
        c.reach = r[2].empty() ? 3 : std::stoi(std::string(r[2]));
        cues_by_first_[c.words.front()].push_back(cues_.size());
        cues_.push_back(std::move(c));
    }
    for (const Record& r : read_table(res.file("en/events/measures.tsv"))) {
        Measure m;
        m.kind = std::string(r[1]);
        m.unit = std::string(r[2]);
        m.factor = r[3] == "-" ? 1 : std::stod(std::string(r[3]));
        m.name = std::string(r[4]);
        measures_[std::string(r[0])] = m;
    }
    std::unordered_map<std::string, ClassMask> bits;
    for (const Record& r : read_table(res.file("en/events/grammar.tsv"))) {
        if (bits.size() == 64) bad_line("en/events/grammar.tsv", r.line, "more than 64 classes");
        const ClassMask bit = ClassMask{1} << bits.size();
        bits.emplace(std::string(r[0]), bit);
        for (std::string_view w : split(r[1], ' '))
            if (!w.empty()) entries_[lookup_form(w)].classes |= bit;
    }
    // The tables are complete: their nodes stay where they are from here on.
    for (const auto& [w, list] : single_) entries_[w].triggers = &list;
    for (const auto& [w, list] : phrases_) entries_[w].phrases = &list;
    for (const auto& [w, list] : cues_by_first_) entries_[w].cues = &list;
    for (const auto& [w, m] : measures_) entries_[w].measure = &m;
    auto bit = [&](const char* name) {
        auto it = bits.find(name);
        if (it == bits.end()) throw std::runtime_error(std::string("en/events/grammar.tsv has no class ") + name);
        return it->second;
    };
    grammar_ = Grammar{bit("determiner"),  bit("auxiliary"),       bit("be"),
                       bit("have"),        bit("label-stop"),      bit("label-trim"),
                       bit("locative"),    bit("agentive"),        bit("plural-anaphor"),
                       bit("light-noun"),  bit("preposition"),     bit("pronoun"),
                       bit("pre-trigger"), bit("relative"),        bit("relative-preposition"),
                       bit("clause-opener"), bit("reporting"),     bit("self-reporting"),
                       bit("speech"),      bit("finite-auxiliary"), bit("not-content-start"),
                       bit("circumstance"), bit("thing-ing"),  bit("range-joiner"),
                       bit("range-and-opener"), bit("comparison"), bit("comparison-pair"), bit("superlative"),
                       bit("negator"), bit("member-noun"), bit("future-subordinator"),
                       bit("verb-marker"), bit("no-event-noun"),
                       bit("no-event-object"), bit("cue-comparison"), bit("quantifier"), bit("compass"), bit("figure-for")};
}

std::optional<TriggerMatch> Lexicon::trigger_at(const SentenceView& v, std::size_t i) const {
    const WordEntry* e = v.entries[i];
    if (!e) return std::nullopt;
    const std::vector<std::string_view>& words = v.words;
    std::optional<TriggerMatch> best;
    if (e->phrases) {
        for (const PhraseForm& f : *e->phrases) {
            if (i + f.words.size() > words.size()) continue;
            bool ok = true;
            for (std::size_t k = 1; k < f.words.size() && ok; ++k) ok = words[i + k] == f.words[k];
            if (ok && (!best || f.words.size() > best->length))
                best = TriggerMatch{&triggers_[f.trigger], f.words.size(), words[i]};
        }
    }
    if (best) return best;
    if (e->triggers) return TriggerMatch{&triggers_[e->triggers->front()], 1, words[i]};
    return std::nullopt;
}

const TypeInfo* Lexicon::type(std::string_view name) const {
    auto it = types_.find(name);
    return it == types_.end() ? nullptr : &it->second;
}

namespace {

/// `noun` or its singular in `table`.
template <class Map>
const typename Map::mapped_type* noun_class(const Map& table, std::string_view noun) {
    if (auto it = table.find(noun); it != table.end()) return &it->second;
    std::string w(noun);
    // Plurals: "troops", "missiles", "casualties"
    if (w.size() > 3 && ends_with(w, "ies")) w = w.substr(0, w.size() - 3) + "y";
    else if (w.size() > 2 && ends_with(w, "s")) w.pop_back();
    if (auto it = table.find(w); it != table.end()) return &it->second;
    return nullptr;
}

}  // namespace

namespace {
template <class Map>
const std::string* class_type(const Map& table, std::string_view noun, std::string_view trigger_type) {
    if (const auto* classes = noun_class(table, noun))
        for (const Lexicon::NounClass& c : *classes)
            if (std::find(c.triggers.begin(), c.triggers.end(), trigger_type) != c.triggers.end()) return &c.type;
    return nullptr;
}
}  // namespace

const std::string* Lexicon::object_type(std::string_view noun, std::string_view trigger_type) const {
    return class_type(objects_, noun, trigger_type);
}
const std::string* Lexicon::subject_type(std::string_view noun, std::string_view trigger_type) const {
    return class_type(subjects_, noun, trigger_type);
}
const std::string* Lexicon::context_type(std::string_view word, std::string_view trigger_type) const {
    return class_type(contexts_, word, trigger_type);
}

}  // namespace chronograph::events
