// What a long run tells as it goes (Progress), and the command line's one-line display
// of it on a terminal (ProgressLine): which phase it is in, how far, and what is left.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace chronograph {

struct Diagnostic;

/// Hooks a build calls as it goes; each may be empty. None of them may throw.
struct Progress {
    /// Each problem with an input (unreadable, empty, binary, ...), as the reading finds
    /// it, in path order, one call at a time. (A Story keeps them too.)
    std::function<void(const Diagnostic&)> problem;
    /// After each document, one call at a time: documents done, total, bytes of text so far.
    std::function<void(std::size_t done, std::size_t total, std::size_t bytes)> documents;
    /// As each step over the whole corpus begins ("clustering the events"), from the
    /// thread that runs the steps.
    std::function<void(std::string_view step)> step;
    /// After each output file is written, one call at a time (from any thread): files
    /// written, files in all. First called with 0 before any is written.
    std::function<void(std::size_t done, std::size_t total)> files;
};

/// "chronograph: [1/3] reading 1234/10000 documents, 12.3 MB/s, 0:42 left", then
/// "chronograph: [2/3] consolidating: clustering the events", then "chronograph: [3/3]
/// writing the outputs: 4/8 files": one line, redrawn in place (carriage return and
/// erase), the documents' count at most four times a second. Once a phase has gone on for
/// a second, its line says for how long ("..., 0:12 so far"; the reading phase says its
/// pace and the time left instead). With a tick, the line is also drawn again each tick
/// when what it says has changed: the time so far goes on while a long step (some seconds
/// at 100,000 articles) calls no hook, and the reading's pace and time left follow a slow
/// document. Off, it draws nothing. Other messages go through say() (which writes them,
/// on or off) or follow clear(), so that they never land on the end of the line. Safe
/// from several threads.
class ProgressLine {
public:
    enum class Phase { Reading, Consolidating, Writing };

    /// `phases`: those the command goes through, in order (they are numbered when more
    /// than one). `on`: draw at all (a terminal, and not --quiet). `width`, if given, says
    /// the terminal's width in columns (0: unknown) when the line is drawn: a longer line
    /// would wrap, and erasing it would leave its first part on the screen. `tick`: how
    /// often a thread of the line's own draws it again (zero: no thread; the line is drawn
    /// only by the hooks).
    ProgressLine(std::ostream& out, bool on, std::vector<Phase> phases, std::function<std::size_t()> width = {},
                 std::chrono::milliseconds tick = std::chrono::milliseconds(0));
    ~ProgressLine();
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    /// The hooks that draw this line (all empty when it is off).
    Progress hooks();
    /// Erases the line, if drawn, so that what is written next starts a clean line; the
    /// next hook call draws it again.
    void clear();
    /// Writes `message` (a whole line, newline added) where the line was, then draws the
    /// line again below it.
    void say(std::string_view message);
    /// merge's reading: "reading the parts: 120/215 MB, 35.2 MB/s, 0:03 left".
    void part_bytes(std::size_t done, std::size_t total);

private:
    using Clock = std::chrono::steady_clock;
    /// Where the reading phase is: what it counts (documents, or bytes of part files), how
    /// many done, of how many, and the bytes of text read so far.
    struct Reading {
        bool parts = false;
        double done = 0, total = 0;
        std::size_t bytes = 0;
    };
    void documents(std::size_t done, std::size_t total, std::size_t bytes);
    /// Whether the reading phase's line is to be drawn now (`more`: not its end); with
    /// the lock held. Asked before the line is made: it is made for one call in thousands.
    bool due(bool more);
    /// The reading phase's line from reading_: what it counts, MB/s, the time left at this
    /// pace; with the lock held.
    std::string reading_text() const;
    /// Draws the line of `phase` saying `what` (with the time so far, for the phases after
    /// the reading), beginning the phase if it is another; with the lock held.
    void show(Phase phase, const std::string& what);
    /// The whole line of the phase now, from what_ or reading_; with the lock held.
    std::string line_text() const;
    /// `line` cut to the terminal's width.
    std::string fitted(std::string line) const;
    void draw(std::string line);  // with the lock held
    void erase();                 // with the lock held
    /// The ticking thread's loop: draws the line again when its text has changed.
    void tick_loop(std::stop_token stop, std::chrono::milliseconds tick);

    std::ostream& out_;
    bool on_;
    std::vector<Phase> phases_;
    std::function<std::size_t()> width_;
    std::mutex mutex_;
    std::string line_;    // as last drawn, without the erase in front
    bool shown_ = false;  // line_ is on the screen
    Clock::time_point start_ = Clock::now();
    Clock::time_point last_{};
    Phase phase_ = Phase::Reading;
    bool begun_ = false;                // some hook has drawn a line
    Clock::time_point phase_start_{};  // when phase_ began
    std::string what_;                  // the phase's text after the reading (its step, its files)
    Reading reading_;
    std::condition_variable_any ticked_;  // (waited on by the ticking thread, to stop at once)
    std::jthread ticker_;  // last: stopped, and joined, before the rest goes
};

}  // namespace chronograph
