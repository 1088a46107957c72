#pragma once

#include <string>

#include "vetcheck/base/i18n.hpp"
#include "vetcheck/engine/result.hpp"

namespace vetcheck::report {

// A line chart of one target's progress (时间过半、任务过半) as inline SVG for the HTML report:
// the plan's figures by year joined by a line, the baseline, the target at its deadline, the
// on-track line from the one to the other, the projection at the current pace (dashed) when there
// is one, and the year checked. Every figure is also a text element, and the chart's label says
// the figures in words. "" for a result without progress.
std::string svg_progress_chart(const Result& r, Lang lang);

}  // namespace vetcheck::report
