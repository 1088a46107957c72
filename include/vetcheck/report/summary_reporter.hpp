#pragma once

#include "vetcheck/report/batch_summary.hpp"
#include "vetcheck/report/reporter.hpp"

namespace vetcheck::report {

// `--summary` in the terminal format: what an analyst asks of a batch (pass rate per indicator, the
// plans that fare worst, the largest gaps) instead of every plan's report. Keeps only the tallies.
class SummaryReporter : public Reporter {
  public:
    void plan(const PlanReport& report, std::ostream& out) override;
    void end(const RunTotals& totals, std::ostream& out) override;

  private:
    BatchSummary summary_;
};

}  // namespace vetcheck::report
