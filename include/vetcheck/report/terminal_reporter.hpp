#pragma once

#include "vetcheck/report/reporter.hpp"

namespace vetcheck::report {

// The default report for a person at a terminal: per plan a header, results grouped by subject with
// aligned columns (wide characters count two), and a summary line.
class TerminalReporter : public Reporter {
  public:
    void write(const std::vector<PlanReport>& reports, const ReportOptions& options,
               std::ostream& out) override;
};

}  // namespace vetcheck::report
