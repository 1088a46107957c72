#include "vetcheck/report/github_reporter.hpp"

namespace vetcheck::report {

void GithubReporter::write(const std::vector<PlanReport>&, const ReportOptions&,
                           std::ostream& out) {
    out << "github report: not implemented yet\n";
}

}  // namespace vetcheck::report
