#include "chronograph/progress.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace chronograph {
namespace {

/// "0:42", "12:05", "1:02:03".
std::string clock_text(double seconds) {
    const long s = static_cast<long>(std::ceil(seconds));  // (never "0:00 left" while some is)
    char buf[32];
    if (s >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    return buf;
}

constexpr const char* kErase = "\r\033[K";  // to the line's start, erase to its end

}  // namespace

ProgressLine::ProgressLine(std::ostream& out, bool on, std::vector<Phase> phases, std::function<std::size_t()> width)
    : out_(out), on_(on), phases_(std::move(phases)), width_(std::move(width)) {}

ProgressLine::~ProgressLine() { clear(); }

Progress ProgressLine::hooks() {
    Progress p;
    if (!on_) return p;
    p.documents = [this](std::size_t done, std::size_t total, std::size_t bytes) { documents(done, total, bytes); };
    p.step = [this](std::string_view step) {
        const std::lock_guard lock(mutex_);
        show(Phase::Consolidating, "consolidating: " + std::string(step));
    };
    p.files = [this](std::size_t done, std::size_t total) {
        const std::lock_guard lock(mutex_);
        show(Phase::Writing, "writing the outputs: " + std::to_string(done) + "/" + std::to_string(total) + " files");
    };
    return p;
}

void ProgressLine::clear() {
    const std::lock_guard lock(mutex_);
    erase();
    out_.flush();
}

void ProgressLine::say(std::string_view message) {
    const std::lock_guard lock(mutex_);
    erase();
    out_ << message << '\n';
    if (on_ && !line_.empty()) {
        out_ << line_;
        shown_ = true;
    }
    out_.flush();
}

void ProgressLine::documents(std::size_t done, std::size_t total, std::size_t bytes) {
    const std::lock_guard lock(mutex_);
    if (!due(done < total)) return;
    reading("reading " + std::to_string(done) + "/" + std::to_string(total) + " documents", static_cast<double>(done),
            static_cast<double>(total), bytes);
}

void ProgressLine::part_bytes(std::size_t done, std::size_t total) {
    if (!on_) return;
    const std::lock_guard lock(mutex_);
    if (!due(done < total)) return;
    char text[96];
    std::snprintf(text, sizeof text, "reading the parts: %.0f/%.0f MB", done / 1e6, total / 1e6);
    reading(text, static_cast<double>(done), static_cast<double>(total), done);
}

bool ProgressLine::due(bool more) {
    // At most four times a second; the end always (it ends the phase).
    const auto now = Clock::now();
    if (more && now - last_ < std::chrono::milliseconds(250)) return false;
    last_ = now;
    return true;
}

void ProgressLine::reading(const std::string& what, double done, double total, std::size_t bytes) {
    const double seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    char pace[48];
    std::snprintf(pace, sizeof pace, ", %.1f MB/s", seconds > 0 ? bytes / 1e6 / seconds : 0.0);
    std::string line = what + pace;
    // Time left once a second's pace is known (the first documents' pace says little).
    if (done > 0 && done < total && seconds >= 1) line += ", " + clock_text(seconds * (total - done) / done) + " left";
    show(Phase::Reading, line);
}

void ProgressLine::show(Phase phase, const std::string& what) {
    line_ = "chronograph: ";
    const auto at = std::find(phases_.begin(), phases_.end(), phase);
    if (phases_.size() > 1 && at != phases_.end())
        line_ += "[" + std::to_string(at - phases_.begin() + 1) + "/" + std::to_string(phases_.size()) + "] ";
    line_ += what;
    // One column short of the width: a line that fills it puts some terminals' cursor on
    // the next. (The line is ASCII: a byte is a column.)
    if (const std::size_t columns = width_ ? width_() : 0; columns > 1 && line_.size() > columns - 1) line_.resize(columns - 1);
    out_ << kErase << line_;
    out_.flush();
    shown_ = true;
}

void ProgressLine::erase() {
    if (shown_) out_ << kErase;
    shown_ = false;
}

}  // namespace chronograph
