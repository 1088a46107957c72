#pragma once

#include <ostream>
#include <vector>

#include "vetcheck/engine/rollup.hpp"
#include "vetcheck/report/reporter.hpp"

namespace vetcheck::report {

// `vetcheck rollup`: each total of the upper plan against the sum of the lower plans, with every
// lower plan's share of the target.
void write_rollup(const Plan& upper, const RuleSet& rules, const std::vector<RollupResult>& results,
                  const ReportOptions& options, std::ostream& out);

}  // namespace vetcheck::report
