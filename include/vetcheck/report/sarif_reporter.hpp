#pragma once

#include "vetcheck/report/reporter.hpp"

namespace vetcheck::report {

class SarifReporter : public BatchReporter {
  public:
    void write_batch(const std::vector<PlanReport>& reports, const ReportOptions& options,
                     std::ostream& out) override;
};

}  // namespace vetcheck::report
