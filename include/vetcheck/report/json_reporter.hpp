#pragma once

#include <optional>
#include <string>
#include <vector>

#include "vetcheck/report/json_records.hpp"
#include "vetcheck/report/json_writer.hpp"
#include "vetcheck/report/reporter.hpp"

namespace vetcheck::report {

// The run as one JSON document (docs/schema/report.schema.json), streamed: the dictionary of
// indicators first, then each plan as it arrives, the inputs that could not be checked, and the
// summary. Keys in a fixed order, no timestamps: the same input gives the same bytes. Each result
// is one line, so the document stays readable and greppable at a fraction of the size.
class JsonReporter : public JsonRecordsReporter {
  public:
    void begin(const RunInfo& run, const ReportOptions& options, std::ostream& out) override;
    void failure(const InputFailure& failure, std::ostream& out) override;
    void end(const RunTotals& totals, std::ostream& out) override;
    std::string render(const PlanReport& report) const override;
    void plan_text(const PlanReport& report, std::string&& text, std::ostream& out) override;

  private:
    std::optional<JsonWriter> writer_;
    std::vector<std::string> errors_;  // written after the plans: the array they are in comes last
};

}  // namespace vetcheck::report
