#include "vetcheck/report/reporter.hpp"

namespace vetcheck::report {

void Reporter::begin(const RunInfo& run, const ReportOptions& options, std::ostream&) {
    run_ = run;
    options_ = options;
}

void Reporter::failure(const InputFailure&, std::ostream&) {}

void Reporter::end(const RunTotals&, std::ostream&) {}

std::string Reporter::render(const PlanReport&) const {
    return {};
}

void Reporter::plan_text(const PlanReport& report, std::string&&, std::ostream& out) {
    plan(report, out);
}

void Reporter::write(const std::vector<PlanReport>& reports, const ReportOptions& options,
                     std::ostream& out) {
    begin(RunInfo{}, options, out);
    RunTotals totals;
    for (const auto& r : reports) {
        plan(r, out);
        ++totals.plans;
        totals.total.add(summarize(r.results));
    }
    end(totals, out);
}

void BatchReporter::plan(const PlanReport& report, std::ostream&) {
    reports_.push_back(report);
}

void BatchReporter::end(const RunTotals&, std::ostream& out) {
    write_batch(reports_, options_, out);
    reports_.clear();
}

}  // namespace vetcheck::report
