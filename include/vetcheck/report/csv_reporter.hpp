#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vetcheck/report/reporter.hpp"

namespace vetcheck::report {

// One row per result, for spreadsheets: UTF-8 with a byte-order mark, RFC 4180, CRLF. Streams:
// the header at begin, each plan's rows as it arrives; an input that could not be checked is one
// row with status error, its file:line:col as the location and the message as the reason.
class CsvReporter : public Reporter {
  public:
    void begin(const RunInfo& run, const ReportOptions& options, std::ostream& out) override;
    void plan(const PlanReport& report, std::ostream& out) override;
    void failure(const InputFailure& failure, std::ostream& out) override;
};

// One row per plan, one column per indicator id: the worst status over the plan's subjects.
class CsvMatrixReporter : public BatchReporter {
  public:
    void write_batch(const std::vector<PlanReport>& reports, const ReportOptions& options,
                     std::ostream& out) override;
};

// One field, quoted when it holds a comma, a quote, CR or LF, with quotes doubled (RFC 4180).
std::string csv_field(std::string_view text);
// A field of free text from a plan or pack, which a spreadsheet must show and never run: a leading
// = + - @ or tab would make it a formula, so such text gets a leading apostrophe (OWASP advice).
std::string csv_text(std::string_view text);
// Fields joined by commas and ended by CRLF.
std::string csv_row(const std::vector<std::string>& fields);

}  // namespace vetcheck::report
