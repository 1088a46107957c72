#pragma once

#include "vetcheck/report/reporter.hpp"

namespace vetcheck::report {

// The default report for a person at a terminal: per plan a header, results grouped by subject with
// aligned columns (wide characters count two), and a summary line.
class TerminalReporter : public Reporter {
  public:
    // The pieces, for writing a batch plan by plan as each is checked (without holding them all).
    static void write_plan(const PlanReport& report, const ReportOptions& options,
                           std::ostream& out);
    static void write_total(size_t plans, const Summary& total, const ReportOptions& options,
                            std::ostream& out);

    void write(const std::vector<PlanReport>& reports, const ReportOptions& options,
               std::ostream& out) override;
};

}  // namespace vetcheck::report
