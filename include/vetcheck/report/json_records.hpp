#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "vetcheck/model/rational.hpp"
#include "vetcheck/report/json_writer.hpp"
#include "vetcheck/report/reporter.hpp"

namespace vetcheck::report {

// The version of the JSON report's schema (docs/schema/report.schema.json and
// report-line.schema.json, docs/reports.md): a number, raised when a key changes or goes away.
inline constexpr int kJsonSchemaVersion = 2;

// A rational exactly: "0.002" when its decimal expansion ends, otherwise a fraction "1/350".
std::string exact_text(const Rational& value);

// The records of the JSON report, shared by `-f json` (one document) and `-f jsonl` (one record a
// line). Each writes the keys of one object; the caller opens and closes it, so JSON Lines can put
// its "type" first.

// What the run is: the schema version, the tool, the options and the dictionary of every pack's
// indicators, which the results refer to by pack and id.
void write_run_fields(JsonWriter& w, const RunInfo& run, const ReportOptions& options);

// One checked plan: what it is, its subjects, its summary and its results (n/a ones only with
// --all). Reads nothing but the report and the options, so it can run on a checking thread.
void write_plan_fields(JsonWriter& w, const PlanReport& report, const ReportOptions& options);

// An input that could not be checked: where and why.
void write_error_fields(JsonWriter& w, const InputFailure& failure);

// What the summary at the end aggregates: counts per status over the whole run, and per indicator.
// Memory grows with the indicators, never with the plans.
class JsonRunTotals {
  public:
    void add(const PlanReport& report);
    void write_fields(JsonWriter& w, const RunTotals& totals, const ReportOptions& options) const;

  private:
    struct IndicatorCounts {
        std::string pack;
        std::string id;
        Summary counts;
    };
    std::vector<IndicatorCounts> indicators_;  // in the order first seen
    // The same target is one Indicator in each rule set that holds it: counted together.
    std::unordered_map<const Indicator*, size_t> slot_by_indicator_;
    std::unordered_map<std::string, size_t> slot_by_key_;
};

// What `-f json` and `-f jsonl` share as reporters: a plan's text is made on the checking threads
// when there are several (render), and placed in input order (plan_text), where the run's counts
// are added up.
class JsonRecordsReporter : public Reporter {
  public:
    void plan(const PlanReport& report, std::ostream& out) override {
        plan_text(report, render(report), out);
    }
    bool renders_in_parallel() const override { return true; }

  protected:
    JsonRunTotals totals_;
};

}  // namespace vetcheck::report
