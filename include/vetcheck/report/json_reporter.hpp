#pragma once

#include <string>

#include "vetcheck/model/rational.hpp"
#include "vetcheck/report/reporter.hpp"

namespace vetcheck::report {

// The version of the JSON report's schema (docs/schema/report.schema.json, docs/reports.md): a new
// key is a minor bump, a changed or removed key a major one.
inline constexpr const char* kJsonSchemaVersion = "1.0";

// Every result of every plan as one JSON document, keys in a fixed order, no timestamps: the same
// input gives the same bytes.
class JsonReporter : public BatchReporter {
  public:
    void write_batch(const std::vector<PlanReport>& reports, const ReportOptions& options,
                     std::ostream& out) override;
};

// A rational exactly: "0.002" when its decimal expansion ends, otherwise a fraction "1/350".
std::string exact_text(const Rational& value);

}  // namespace vetcheck::report
