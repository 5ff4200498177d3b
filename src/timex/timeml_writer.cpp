// TimeML in and out: takes the gold TIMEX3 out of <TEXT>, reads the document with the
// ingest stage's TimeML reader (text, DCT, and the byte offset of every text byte in the
// file), tags it, and writes TIMEX3 elements into the original bytes.
#include "chronograph/ingest.hpp"
#include "chronograph/segment.hpp"
#include "chronograph/timex.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace chronograph {

namespace {

/// The largest n in any attribute value "tn" of the document (tid="t12", relatedToTime="t3"),
/// so that new tids never meet an old reference: its decimal digits without leading
/// zeros ("0" when there is none), of any length (a file may say t99999999999999999999).
std::string max_tid(const std::string& raw) {
    std::string best = "0";
    for (std::size_t p = raw.find("=\"t"); p != std::string::npos; p = raw.find("=\"t", p + 3)) {
        std::size_t q = p + 3;
        while (q < raw.size() && raw[q] >= '0' && raw[q] <= '9') ++q;
        if (q == p + 3 || q >= raw.size() || raw[q] != '"') continue;
        std::size_t first = p + 3;
        while (first + 1 < q && raw[first] == '0') ++first;
        const std::string_view n(raw.data() + first, q - first);
        if (n.size() > best.size() || (n.size() == best.size() && n > best)) best = n;
    }
    return best;
}

/// n + 1, in decimal digits.
void increment(std::string& n) {
    for (std::size_t i = n.size(); i-- > 0;) {
        if (n[i] != '9') {
            ++n[i];
            return;
        }
        n[i] = '0';
    }
    n.insert(n.begin(), '1');
}

std::string xml_escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

struct Tag {
    bool closing = false, empty = false;
    std::string_view name;
    std::size_t begin = 0, end = 0;
};

/// The tags of raw[from, to) (comments and declarations skipped).
std::vector<Tag> tags_in(std::string_view raw, std::size_t from, std::size_t to) {
    std::vector<Tag> out;
    for (std::size_t i = raw.find('<', from); i != std::string_view::npos && i < to; i = raw.find('<', i + 1)) {
        const std::size_t gt = raw.find('>', i);
        if (gt == std::string_view::npos) break;
        Tag t;
        t.begin = i;
        t.end = gt + 1;
        std::size_t p = i + 1;
        if (p < raw.size() && (raw[p] == '!' || raw[p] == '?')) continue;
        if (raw[p] == '/') {
            t.closing = true;
            ++p;
        }
        std::size_t q = p;
        while (q < gt && raw[q] != ' ' && raw[q] != '/' && raw[q] != '\t' && raw[q] != '\n') ++q;
        t.name = raw.substr(p, q - p);
        t.empty = raw[gt - 1] == '/';
        out.push_back(t);
    }
    return out;
}

/// Moves [start, end) outwards until the elements it cuts are inside it; false when that
/// takes more than a few steps.
bool balance(std::string_view raw, std::size_t& start, std::size_t& end) {
    for (int step = 0; step < 4; ++step) {
        std::vector<Tag> open;
        std::optional<Tag> stray_close;
        for (const Tag& t : tags_in(raw, start, end)) {
            if (t.empty) continue;
            if (!t.closing) open.push_back(t);
            else if (!open.empty() && open.back().name == t.name) open.pop_back();
            else if (!stray_close) stray_close = t;
        }
        if (!stray_close && open.empty()) return true;
        if (stray_close) {  // closes an element opened before the start: take that element in
            const std::string needle = "<" + std::string(stray_close->name);
            const std::size_t o = raw.rfind(needle, start);
            if (o == std::string_view::npos) return false;
            start = o;
        }
        if (!open.empty()) {  // opens an element that ends after the end
            const std::string needle = "</" + std::string(open.front().name) + ">";
            const std::size_t c = raw.find(needle, end);
            if (c == std::string_view::npos) return false;
            end = c + needle.size();
        }
    }
    return false;
}

}  // namespace

struct TimemlAnnotator::Impl {
    const Resources& res;
    Segmenter segmenter;
    TimexTagger tagger;
    explicit Impl(const Resources& r) : res(r), segmenter(r), tagger(r) {}
};

TimemlAnnotator::TimemlAnnotator(const Resources& res) : impl_(std::make_unique<Impl>(res)) {}
TimemlAnnotator::~TimemlAnnotator() = default;

std::optional<std::string> TimemlAnnotator::annotate(const std::string& path, std::string bytes,
                                                     std::vector<Diagnostic>& diagnostics) const {
    ReadResult r = parse_document(path, without_text_elements(bytes, "TIMEX3"), impl_->res);
    diagnostics.insert(diagnostics.end(), r.diagnostics.begin(), r.diagnostics.end());
    if (!r.document) return std::nullopt;
    if (r.document->format != DocFormat::TimeML || r.document->raw_offset.size() != r.document->text.size() + 1) {
        diagnostics.push_back({Diagnostic::Severity::Error, path, "not a TimeML document"});
        return std::nullopt;
    }
    DocumentAnalysis a;
    a.doc = std::move(*r.document);
    if (!a.doc.dct)
        diagnostics.push_back({Diagnostic::Severity::Warning, path, "no <DCT> date: relative expressions stay unanchored"});
    impl_->segmenter.segment(a);
    impl_->tagger.tag(a);

    const std::string& raw = a.doc.raw;
    const std::vector<std::size_t>& at = a.doc.raw_offset;
    std::string out;
    out.reserve(raw.size() + a.timexes.size() * 64);
    std::size_t copied = 0;
    std::string tid = max_tid(raw);
    for (const Timex& t : a.timexes) {
        if (t.span.empty()) continue;
        std::size_t start = at[t.span.start];
        // End of the last character's source bytes: one byte, or a whole "&...;" entity.
        std::size_t end = at[t.span.end - 1] + 1;
        if (raw[end - 1] == '&') end = raw.find(';', end - 1) + 1;
        if (!balance(raw, start, end) || start < copied) {
            diagnostics.push_back({Diagnostic::Severity::Warning, path,
                                   "\"" + std::string(a.text(t.span)) + "\" crosses another element; left out"});
            continue;
        }
        out.append(raw, copied, start - copied);
        increment(tid);
        out += "<TIMEX3 tid=\"t" + tid + "\" type=\"" + to_string(t.type) + "\" value=\"" +
               xml_escape(t.time.value) + "\"";
        if (!t.time.mod.empty()) out += " mod=\"" + xml_escape(t.time.mod) + "\"";
        out += ">";
        out.append(raw, start, end - start);
        out += "</TIMEX3>";
        copied = end;
    }
    out.append(raw, copied, std::string::npos);
    return out;
}

namespace {

bool is_timeml_name(const std::filesystem::path& p) {
    const std::string name = p.filename().string();
    auto ends = [&](std::string_view s) { return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0; };
    return !name.empty() && name[0] != '.' && (ends(".tml") || ends(".TE3input") || ends(".timeml"));
}

std::optional<std::string> read_bytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void print(std::ostream& err, const std::vector<Diagnostic>& ds) {
    for (const Diagnostic& d : ds) err << diagnostic_line(d) << '\n';
}

}  // namespace

int timeml_command(const std::string& in, const std::string& out, std::ostream& out_stream, std::ostream& err) {
    namespace fs = std::filesystem;
    constexpr int kOk = 0, kUsage = 2, kNothingRead = 3, kOutputFailed = 4;
    std::error_code ec;
    const TimemlAnnotator annotator(Resources::standard());
    if (fs::is_directory(in, ec)) {
        if (out.empty()) {
            err << "chronograph: timeml: a folder needs -o OUTDIR\n";
            return kUsage;
        }
        std::vector<fs::path> files;
        for (const auto& e : fs::recursive_directory_iterator(in, ec))
            if (e.is_regular_file() && is_timeml_name(e.path())) files.push_back(e.path());
        std::sort(files.begin(), files.end());
        std::size_t written = 0, expressions = 0;
        for (const fs::path& f : files) {
            std::vector<Diagnostic> ds;
            const auto bytes = read_bytes(f);
            std::optional<std::string> result;
            if (!bytes) ds.push_back({Diagnostic::Severity::Error, f.string(), "cannot be read"});
            else result = annotator.annotate(f.string(), *bytes, ds);
            print(err, ds);
            if (!result) continue;
            // The path below IN as written (never through symlinks), and never onto an input.
            const fs::path rel = f.lexically_relative(in);
            const fs::path target = fs::path(out) / rel;
            if (rel.empty() || *rel.begin() == ".." || rel.is_absolute() || fs::equivalent(target, f, ec)) {
                err << "chronograph: error: " << f.string() << ": would be written outside " << out
                    << " or over itself; skipped\n";
                continue;
            }
            fs::create_directories(target.parent_path(), ec);
            std::ofstream o(target, std::ios::binary);
            o << *result;
            if (!o) {
                err << "chronograph: error: " << target.string() << ": cannot be written\n";
                return kOutputFailed;
            }
            ++written;
            for (std::size_t p = result->find("<TIMEX3 tid=\"t"); p != std::string::npos; p = result->find("<TIMEX3 tid=\"t", p + 1))
                ++expressions;
        }
        if (written == 0) {
            err << "chronograph: timeml: no TimeML file (*.tml, *.TE3input) could be read in " << in << '\n';
            return kNothingRead;
        }
        err << "chronograph: " << written << " TimeML files, " << expressions << " TIMEX3 -> " << out << '\n';
        return kOk;
    }
    const auto bytes = read_bytes(in);
    if (!bytes || fs::is_directory(in, ec)) {
        err << "chronograph: error: " << in << ": cannot be read\n";
        return kNothingRead;
    }
    std::vector<Diagnostic> ds;
    const auto result = annotator.annotate(in, *bytes, ds);
    print(err, ds);
    if (!result) return kNothingRead;
    if (out.empty()) {
        out_stream << *result;
        return out_stream ? kOk : kOutputFailed;
    }
    if (fs::equivalent(in, out, ec)) {
        err << "chronograph: error: " << out << ": is the input; not overwritten\n";
        return kUsage;
    }
    std::ofstream o(out, std::ios::binary);
    o << *result;
    if (!o) {
        err << "chronograph: error: " << out << ": cannot be written\n";
        return kOutputFailed;
    }
    return kOk;
}

}  // namespace chronograph
