#pragma once

#include <memory>

#include "vetcheck/report/reporter.hpp"

namespace vetcheck::report {

// Streams: each plan is counted into the aggregates the page opens with (counts, per-indicator pass
// rates and value distributions, the plans furthest from their targets, the grouped heatmap) and
// its own section goes to a temporary side file, appended collapsed at end(). Past
// kHtmlPlanBudget plans the per-plan sections are left out (the page says so), so that the page
// of a national batch stays small enough to open at once; memory is bounded by the aggregates.
constexpr size_t kHtmlPlanBudget = 500;

class HtmlReporter : public Reporter {
  public:
    HtmlReporter();
    ~HtmlReporter() override;
    void begin(const RunInfo& run, const ReportOptions& options, std::ostream& out) override;
    void plan(const PlanReport& report, std::ostream& out) override;
    void failure(const InputFailure& failure, std::ostream& out) override;
    void end(const RunTotals& totals, std::ostream& out) override;

    struct State;

  private:
    std::unique_ptr<State> state_;
};

}  // namespace vetcheck::report
