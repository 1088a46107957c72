#include "vetcheck/report/sarif_reporter.hpp"

namespace vetcheck::report {

void SarifReporter::write(const std::vector<PlanReport>&, const ReportOptions&, std::ostream& out) {
    out << "sarif report: not implemented yet\n";
}

}  // namespace vetcheck::report
