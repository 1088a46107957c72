#pragma once

#include <ostream>
#include <vector>

#include "vetcheck/engine/rollup.hpp"
#include "vetcheck/report/reporter.hpp"
#include "vetcheck/report/text_format.hpp"

namespace vetcheck::report {

// `vetcheck rollup`: each total of the upper plan against the sum of the lower plans, with every
// lower plan's share of the target.
void write_rollup(const Plan& upper, const RuleSet& rules, const std::vector<RollupResult>& results,
                  const ReportOptions& options, std::ostream& out);
// The same as a Markdown table or as JSON ("vetcheck-rollup/1"); Terminal is the text above.
void write_rollup(const Plan& upper, const RuleSet& rules, const std::vector<RollupResult>& results,
                  const ReportOptions& options, TextFormat format, std::ostream& out);

}  // namespace vetcheck::report
