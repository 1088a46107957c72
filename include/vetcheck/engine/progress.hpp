#pragma once

#include <optional>
#include <vector>

#include "vetcheck/engine/result.hpp"

namespace vetcheck {

// A target's measure in one year: the plan's figures by year, its baseline, the year checked.
struct YearValue {
    int year = 0;
    Rational value;
};

// Progress toward a target not yet due (时间过半、任务过半): on track when the share of the task
// done is at least the share of the time elapsed since the baseline. docs/progress.md has the
// arithmetic with worked numbers.
struct Progress {
    int base_year = 0;
    int year = 0;  // the year checked (the plan's, or --as-of)
    int deadline = 0;
    // The measure by year, ascending: the baseline first, the year checked last. Years the plan
    // does not give are absent, never interpolated.
    std::vector<YearValue> figures;
    Rational target;
    Rational time_elapsed;  // (year − base year) / (deadline − base year)
    Rational task_done;     // (value − baseline) / (target − baseline), in the target's measure
    // The measure on the line from the baseline to the target at the deadline, in the year checked:
    // the value that would be level with the pace.
    Rational level;
    // What it would take to be level with the pace, in the unit of the fact a plan would change
    // ("12 more teachers"); only when behind and the rule has a lever.
    std::optional<Shortfall> to_level;
    // The line through the figures (least squares from three years on; through both with two):
    // the value it gives at the deadline and the first year it reaches the target. No year when the
    // line never reaches it ("not at this pace").
    std::optional<Rational> projected_at_deadline;
    // The same line's value in the year checked, where a chart's projection starts (with three
    // years or more the line need not pass through the year's own figure).
    std::optional<Rational> projected_at_year;
    std::optional<int> reached_in;

    const Rational& baseline() const { return figures.front().value; }
    const Rational& value() const { return figures.back().value; }
    bool on_track() const { return task_done >= time_elapsed; }
};

// Which way a target is approached: up to a floor (≥ 50%), down to a ceiling (≤ 2% dropout), or
// toward a stated value from whichever side the baseline lies (about, equal).
enum class Direction { Up, Down, Toward };

// Progress from `figures` (ascending by year, at least two: the baseline first, the year checked
// last) toward `target` due in `deadline`. nullopt when there is no task to measure: the baseline
// already meets the target, or the deadline is not after the base year.
std::optional<Progress> measure_progress(std::vector<YearValue> figures, int deadline,
                                         const Rational& target, Direction direction);

}  // namespace vetcheck
