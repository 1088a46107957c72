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

    // Streams: each plan's text as it is checked (made on the checking threads), then the total.
    void plan(const PlanReport& report, std::ostream& out) override;
    void end(const RunTotals& totals, std::ostream& out) override;
    // In a report file, an input that could not be checked is a line of its own (on a terminal it
    // is already on standard error).
    void failure(const InputFailure& failure, std::ostream& out) override;
    bool renders_in_parallel() const override { return true; }
    std::string render(const PlanReport& report) const override;
    void plan_text(const PlanReport& report, std::string&& text, std::ostream& out) override;

  private:
    size_t written_ = 0;
};

}  // namespace vetcheck::report
