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

ProgressLine::ProgressLine(std::ostream& out, bool on, std::vector<Phase> phases, std::function<std::size_t()> width,
                           std::chrono::milliseconds tick)
    : out_(out), on_(on), phases_(std::move(phases)), width_(std::move(width)) {
    if (on_ && tick.count() > 0) ticker_ = std::jthread([this, tick](std::stop_token stop) { tick_loop(stop, tick); });
}

ProgressLine::~ProgressLine() {
    ticker_ = std::jthread();  // (stopped and joined first: it draws with the members below)
    clear();
}

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
    reading_ = {false, static_cast<double>(done), static_cast<double>(total), bytes};
    if (due(done < total)) show(Phase::Reading, std::string());
}

void ProgressLine::part_bytes(std::size_t done, std::size_t total) {
    if (!on_) return;
    const std::lock_guard lock(mutex_);
    reading_ = {true, static_cast<double>(done), static_cast<double>(total), done};
    if (due(done < total)) show(Phase::Reading, std::string());
}

bool ProgressLine::due(bool more) {
    // At most four times a second; the end always (it ends the phase).
    const auto now = Clock::now();
    if (more && now - last_ < std::chrono::milliseconds(250)) return false;
    last_ = now;
    return true;
}

std::string ProgressLine::reading_text() const {
    const Reading& r = reading_;
    char text[160];
    if (r.parts) std::snprintf(text, sizeof text, "reading the parts: %.0f/%.0f MB", r.done / 1e6, r.total / 1e6);
    else std::snprintf(text, sizeof text, "reading %.0f/%.0f documents", r.done, r.total);
    const double seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    char pace[48];
    std::snprintf(pace, sizeof pace, ", %.1f MB/s", seconds > 0 ? r.bytes / 1e6 / seconds : 0.0);
    std::string line = std::string(text) + pace;
    // Time left once a second's pace is known (the first documents' pace says little).
    if (r.done > 0 && r.done < r.total && seconds >= 1) line += ", " + clock_text(seconds * (r.total - r.done) / r.done) + " left";
    return line;
}

void ProgressLine::show(Phase phase, const std::string& what) {
    if (!begun_ || phase != phase_) {
        begun_ = true;
        phase_ = phase;
        phase_start_ = Clock::now();
    }
    what_ = what;
    draw(fitted(line_text()));
}

std::string ProgressLine::line_text() const {
    std::string line = "chronograph: ";
    const auto at = std::find(phases_.begin(), phases_.end(), phase_);
    if (phases_.size() > 1 && at != phases_.end())
        line += "[" + std::to_string(at - phases_.begin() + 1) + "/" + std::to_string(phases_.size()) + "] ";
    if (phase_ == Phase::Reading) return line + reading_text();
    line += what_;
    // How long the phase has taken, once it is a second: a long step calls no hook.
    if (const double seconds = std::chrono::duration<double>(Clock::now() - phase_start_).count(); seconds >= 1)
        line += ", " + clock_text(std::floor(seconds)) + " so far";
    return line;
}

std::string ProgressLine::fitted(std::string line) const {
    // One column short of the width: a line that fills it puts some terminals' cursor on
    // the next. (The line is ASCII: a byte is a column.)
    if (const std::size_t columns = width_ ? width_() : 0; columns > 1 && line.size() > columns - 1) line.resize(columns - 1);
    return line;
}

void ProgressLine::draw(std::string line) {
    line_ = std::move(line);
    out_ << kErase << line_;
    out_.flush();
    shown_ = true;
}

void ProgressLine::erase() {
    if (shown_) out_ << kErase;
    shown_ = false;
}

void ProgressLine::tick_loop(std::stop_token stop, std::chrono::milliseconds tick) {
    std::unique_lock lock(mutex_);
    while (true) {
        ticked_.wait_for(lock, stop, tick, [] { return false; });  // (a tick, or woken to stop)
        if (stop.stop_requested()) return;
        // Only a line on the screen (not after clear(): the next hook draws it), and only
        // when it says something new.
        if (!shown_) continue;
        if (std::string line = fitted(line_text()); line != line_) draw(std::move(line));
    }
}

}  // namespace chronograph
