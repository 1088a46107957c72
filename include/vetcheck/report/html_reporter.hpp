#pragma once

#include "vetcheck/report/reporter.hpp"

namespace vetcheck::report {

class HtmlReporter : public Reporter {
  public:
    void write(const std::vector<PlanReport>& reports, const ReportOptions& options,
               std::ostream& out) override;
};

}  // namespace vetcheck::report
