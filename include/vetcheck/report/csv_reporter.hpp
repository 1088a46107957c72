#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
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

// One row per plan, one column per indicator id: the worst status over the plan's subjects, empty
// when the plan's packs have no such indicator. Streams: the columns are every indicator of the
// run's catalog (embedded packs and --pack files, matrix_columns), so the header is written at
// begin and each plan's row as it arrives; nothing of a plan is kept. Without a catalog (a caller
// outside the command line), the columns are those of the first plan's packs.
class CsvMatrixReporter : public Reporter {
  public:
    void begin(const RunInfo& run, const ReportOptions& options, std::ostream& out) override;
    void plan(const PlanReport& report, std::ostream& out) override;
    void end(const RunTotals& totals, std::ostream& out) override;

  private:
    void write_header(const std::vector<const Indicator*>& columns, std::ostream& out);

    bool header_written_ = false;
    size_t width_ = 0;                                // indicator columns
    std::unordered_map<std::string, size_t> column_;  // indicator id → its column
};

// One field, quoted when it holds a comma, a quote, CR or LF, with quotes doubled (RFC 4180).
std::string csv_field(std::string_view text);
// A field of free text from a plan or pack, which a spreadsheet must show and never run: a leading
// = + - @ or tab would make it a formula, so such text gets a leading apostrophe (OWASP advice).
std::string csv_text(std::string_view text);
// Fields joined by commas and ended by CRLF.
std::string csv_row(const std::vector<std::string>& fields);

}  // namespace vetcheck::report
