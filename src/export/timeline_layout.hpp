// Geometry of timeline.svg, computed apart from the drawing so it can be tested: the time
// axis (piecewise linear, long empty stretches compressed into breaks), its ticks, the
// swimlanes (main actors), where each event's mark goes and where its label goes so that
// no two labels overlap. Sizes are SVG user units (about 0.21 mm each at A4 width).
#pragma once

#include "chronograph/story.hpp"

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace chronograph::views {

/// Days since 1970-01-01 (fractions for positions inside a day).
using DayNumber = double;
inline DayNumber day_number(Day d) { return static_cast<double>(d.time_since_epoch().count()); }

/// A stretch of time drawn linearly between x0 and x1. Between two segments lies a break.
struct TimeSegment {
    DayNumber from = 0, to = 0;  // [from, to)
    double x0 = 0, x1 = 0;
};

class TimeAxis {
public:
    /// Fits the time ranges [from, to) into [x0, x1]: clusters separated by a gap that
    /// dominates the whole span become segments with a break of fixed width between them;
    /// each segment's width follows how many ranges it holds (with a minimum).
    static TimeAxis fit(std::vector<std::pair<DayNumber, DayNumber>> ranges, double x0, double x1);

    /// Monotonic: inside a break, days map linearly across the break's width.
    double x(DayNumber d) const;
    const std::vector<TimeSegment>& segments() const { return segments_; }
    bool empty() const { return segments_.empty(); }

private:
    std::vector<TimeSegment> segments_;
};

struct Tick {
    double x = 0;
    std::string label;    // "30 Apr", "Apr", "2025"
    std::string context;  // second line: the year, at the first tick and when it changes
};
std::vector<Tick> axis_ticks(const TimeAxis& axis);

struct Box {
    double x = 0, y = 0, w = 0, h = 0;
    bool overlaps(const Box& o, double gap = 0) const {
        return x < o.x + o.w + gap && o.x < x + w + gap && y < o.y + o.h + gap && o.y < y + h + gap;
    }
};

enum class Fade : std::uint8_t { None = 0, Start = 1, End = 2, Both = 3 };

/// A mark's label: where it goes and its lines.
struct MarkLabel {
    Box box;
    std::vector<std::string> lines;  // the date, then the wrapped label
};

/// A big corpus has close to a million marks, few of them labelled: kept small (48 bytes),
/// the label apart.
struct EventMark {
    std::uint32_t event = 0;  // index into Story::events
    std::uint32_t lane = 0;
    double x0 = 0, x1 = 0;  // x0 == x1: a point (a day, or too short to see as a bar)
    double y = 0;           // centre line of the mark
    Fade fade = Fade::None; // fuzzy ends (mid-, early, c. ...)
    bool hollow = false;    // planned, expected, hypothetical: not (yet) happened
    bool negated = false;
    int conflict = 0;       // 1-based number of the conflict about this event, 0 if none
    std::unique_ptr<MarkLabel> label;  // null: no room for one (tooltip only)
    bool point() const { return x1 - x0 < 0.5; }
};

struct Lane {
    std::string title;      // the actor's name, or "Other"
    bool other = false;     // the lane of events without a main actor
    std::string subtitle;   // "country · 10 events"
    double y = 0, h = 0;
    std::size_t events = 0;
    std::vector<std::uint32_t> density;  // crowded lane: events per density bin (marks not drawn one by one)
    double density_bin = 0;              // bin width
};

struct TimelineOptions {
    double width = 900;
    std::size_t max_lanes = 6;           // main actors with a lane of their own (+ "Other")
    std::size_t max_labels_per_lane = 40;
    double max_label_depth = 330;        // labels below a lane's marks, at most this deep
    double label_font = 11.5;
    double date_font = 10;
    double label_width = 190;            // labels wrap at this width
};

struct TimelineLayout {
    double width = 0, height = 0;
    double plot_x0 = 0, plot_x1 = 0;
    double axis_y = 0;              // the axis line (tick labels above it)
    double lanes_y0 = 0, lanes_y1 = 0;
    TimeAxis axis;
    std::vector<Tick> ticks;
    std::vector<Lane> lanes;
    std::vector<EventMark> marks;
    std::vector<std::size_t> undated;  // indices into Story::events, in the strip
    std::size_t undated_hidden = 0;    // undated events left out of the strip (no room)
    double undated_y = 0;              // top of the undated strip (if any)
    double notes_y = 0;                // top of the conflicts and sources notes
    /// Where sources disagree, one entry per line: the conflict's number (0 on the line
    /// that goes on from the one above) and plain text.
    std::vector<std::pair<int, std::string>> conflict_lines;
    std::vector<std::string> source_lines;    // the documents, wrapped
};

/// A lane's colour: distinguishable for colour-blind readers and in greyscale print; red is
/// kept for disputed claims, grey for "Other". Shared by timeline.svg and timeline.html.
const char* lane_color(const Lane& lane, std::size_t index);
constexpr const char* kConflictColor = "#D42A2A";

/// Layout constants the drawing shares.
constexpr double kLineHeight = 15;     // notes and undated strip
constexpr double kUndatedColumns = 2;

TimelineLayout layout_timeline(const Story& story, const TimelineOptions& opt = {});

/// The writers of exporters.hpp with the layout already made: write_outputs lays the
/// timeline out once for the three files drawn from it.
void write_timeline_svg(const Story& story, const TimelineLayout& L, std::ostream& out);
void write_timeline_html(const Story& story, const TimelineLayout& L, std::ostream& out);
void write_timelinejs_json(const Story& story, const TimelineLayout& L, std::ostream& out);

}  // namespace chronograph::views
