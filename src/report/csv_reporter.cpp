#include "vetcheck/report/csv_reporter.hpp"

namespace vetcheck::report {

void CsvReporter::write(const std::vector<PlanReport>&, const ReportOptions&, std::ostream& out) {
    out << "csv report: not implemented yet\n";
}

}  // namespace vetcheck::report
