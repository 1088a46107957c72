#pragma once

#include <ostream>
#include <string_view>

#include "vetcheck/engine/diff.hpp"
#include "vetcheck/report/reporter.hpp"
#include "vetcheck/report/text_format.hpp"

namespace vetcheck::report {

// `vetcheck diff`: a person at a terminal, a pull-request comment, or a machine.
// The JSON form is versioned: {"schema": "vetcheck-diff/1", ...} (see docs/plans.md).
void write_diff(const PlanDiff& diff, TextFormat format, const ReportOptions& options,
                std::ostream& out);

}  // namespace vetcheck::report
