#include "vetcheck/report/markdown_reporter.hpp"

namespace vetcheck::report {

void MarkdownReporter::write(const std::vector<PlanReport>&, const ReportOptions&,
                             std::ostream& out) {
    out << "markdown report: not implemented yet\n";
}

}  // namespace vetcheck::report
