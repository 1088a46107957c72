#include "vetcheck/report/junit_reporter.hpp"

namespace vetcheck::report {

void JunitReporter::write(const std::vector<PlanReport>&, const ReportOptions&, std::ostream& out) {
    out << "junit report: not implemented yet\n";
}

}  // namespace vetcheck::report
