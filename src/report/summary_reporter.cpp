#include "vetcheck/report/summary_reporter.hpp"

namespace vetcheck::report {

void SummaryReporter::plan(const PlanReport& report, std::ostream&) {
    summary_.add(report);
}

void SummaryReporter::end(const RunTotals&, std::ostream& out) {
    write_batch_summary(summary_, options_.lang, out);
}

}  // namespace vetcheck::report
