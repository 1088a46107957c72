#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "vetcheck/input/results_history.hpp"
#include "vetcheck/report/reporter.hpp"
#include "vetcheck/report/text_format.hpp"

namespace vetcheck::report {

// `vetcheck history PLAN-ID --db FILE`: every run of the plan, oldest first (date, file, plan year,
// packs, status counts), then each target that needed attention in some run (failed, missing,
// behind, ...) with its value run by run and where it ended ("45.4% → 48.0% → 51.2%  (pass in run
// 3)"). Terminal and Markdown are text; Json is "vetcheck-history/1".
void write_history(const std::string& plan_id, const std::string& database,
                   const std::vector<HistoryRun>& runs, const ReportOptions& options,
                   TextFormat format, std::ostream& out);

}  // namespace vetcheck::report
