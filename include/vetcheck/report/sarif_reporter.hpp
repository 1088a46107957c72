#pragma once

#include "vetcheck/report/reporter.hpp"

namespace vetcheck::report {

// GitHub code scanning keeps 5,000 results of a run and drops the rest without a word.
inline constexpr size_t kSarifMaxResults = 5000;

class SarifReporter : public BatchReporter {
  public:
    // Past `max_results` findings, the most severe are kept (status table rank, then input order);
    // the others are counted in the run's properties and a tool notification, never dropped
    // silently.
    explicit SarifReporter(size_t max_results = kSarifMaxResults) : max_results_(max_results) {}
    void write_batch(const std::vector<PlanReport>& reports, const ReportOptions& options,
                     std::ostream& out) override;

  private:
    size_t max_results_;
};

}  // namespace vetcheck::report
