#pragma once

#include <ostream>
#include <string_view>

#include "vetcheck/engine/diff.hpp"
#include "vetcheck/report/reporter.hpp"

namespace vetcheck::report {

// `vetcheck diff`: a person at a terminal, a pull-request comment, or a machine.
enum class DiffFormat { Terminal, Markdown, Json };
bool parse_diff_format(std::string_view name, DiffFormat* out);  // "term", "markdown", "json"

// The JSON form is versioned: {"schema": "vetcheck-diff/1", ...} (see docs/plans.md).
void write_diff(const PlanDiff& diff, DiffFormat format, const ReportOptions& options,
                std::ostream& out);

}  // namespace vetcheck::report
