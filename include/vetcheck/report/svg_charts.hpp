#pragma once

#include <array>
#include <string>
#include <vector>

#include "vetcheck/report/reporter.hpp"

namespace vetcheck::report {

// Charts for the HTML report, drawn as inline SVG so that the page needs no script, font, image or
// network. Every number a chart shows is also a text element, so it can be read, copied and tested.

// How a status is marked: the terminal's mark, a fill colour for shapes and a darker ink for text
// on white. Colour is never the only cue: the mark and the status word go with it.
struct StatusStyle {
    const char* mark;
    const char* fill;
    const char* ink;
};
StatusStyle status_style(Status s);

// Checks that count towards a pass rate: those that apply and are due (not n/a, not-due, waived).
struct PassRate {
    int passed = 0;
    int counted = 0;
    std::string percent() const;  // "87.5", exact to one decimal; "" when nothing counted
};
PassRate pass_rate(const std::vector<Result>& results);

// One horizontal bar per numeric result (a measure with an actual and a target): where the actual
// stands, the target as a line, a tolerance band for "about" targets, and both numbers as text.
// "" when no result has numbers to draw.
std::string svg_target_bars(const std::vector<const Result*>& results, Lang lang);

// Where an indicator's actual values fall against their targets, over a whole batch in constant
// memory: the count of actual ÷ target in bins of 0.1 from 0 to 2, the last bin holding 2 and
// above. The target is at 1 whichever way the target points (≥ or ≤), so the chart shows the
// spread, not pass or fail: the pass rate beside it says that.
struct ValueHistogram {
    static constexpr int kBins = 21;
    std::array<int, kBins> bins{};
    int count = 0;
    void add(double actual_over_target);
};
std::string svg_histogram(const ValueHistogram& histogram, Lang lang);

}  // namespace vetcheck::report
