#include "vetcheck/report/json_reporter.hpp"

namespace vetcheck::report {

void JsonReporter::write(const std::vector<PlanReport>&, const ReportOptions&, std::ostream& out) {
    out << "json report: not implemented yet\n";
}

}  // namespace vetcheck::report
