#include "vetcheck/report/html_reporter.hpp"

namespace vetcheck::report {

void HtmlReporter::write(const std::vector<PlanReport>&, const ReportOptions&, std::ostream& out) {
    out << "html report: not implemented yet\n";
}

}  // namespace vetcheck::report
