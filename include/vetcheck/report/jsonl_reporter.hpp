#pragma once

#include <string>

#include "vetcheck/report/json_records.hpp"
#include "vetcheck/report/reporter.hpp"

namespace vetcheck::report {

// JSON Lines (docs/schema/report-line.schema.json): one JSON object a line, each with its "type":
// first the run (schema version, tool, options, the dictionary of indicators), then a plan or an
// error per input in input order, then the summary. For jq and for DuckDB's read_json_auto.
class JsonLinesReporter : public JsonRecordsReporter {
  public:
    void begin(const RunInfo& run, const ReportOptions& options, std::ostream& out) override;
    void failure(const InputFailure& failure, std::ostream& out) override;
    void end(const RunTotals& totals, std::ostream& out) override;
    std::string render(const PlanReport& report) const override;
    void plan_text(const PlanReport& report, std::string&& text, std::ostream& out) override;
};

}  // namespace vetcheck::report
