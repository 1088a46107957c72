#pragma once

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "vetcheck/report/reporter.hpp"

namespace vetcheck::report {

// GitHub code scanning keeps 5,000 results of a run and drops the rest without a word.
inline constexpr size_t kSarifMaxResults = 5000;

// SARIF 2.1.0. Past `max_results` findings, the most severe are kept (status table rank, then
// input order); the others are counted in the run's properties and a tool notification, never
// dropped silently. Streams with bounded memory: each finding is written out as JSON when its plan
// arrives and held only while it is among the `max_results` most severe so far (a heap whose top
// is the least severe, latest one); the log is written at the end, since its rules come first
// and number the findings that were kept.
class SarifReporter : public Reporter {
  public:
    explicit SarifReporter(size_t max_results = kSarifMaxResults) : max_results_(max_results) {}
    void begin(const RunInfo& run, const ReportOptions& options, std::ostream& out) override;
    void plan(const PlanReport& report, std::ostream& out) override;
    void end(const RunTotals& totals, std::ostream& out) override;

    size_t results_held() const { return kept_.size(); }

    struct Kept {
        Status status;
        int rank;    // the status table's: higher is more severe
        size_t seq;  // input order
        const Indicator* indicator;
        std::shared_ptr<const RuleSet> rules;  // keeps `indicator` alive after its plan is gone
        std::string json;                      // the result, its ruleIndex still to be set
    };

  private:
    size_t max_results_;
    size_t seq_ = 0;
    std::vector<Kept> kept_;  // a heap: the first to give way on top
    std::array<int, kStatusCount> omitted_{};
};

}  // namespace vetcheck::report
