#pragma once

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "vetcheck/report/batch_summary.hpp"
#include "vetcheck/report/reporter.hpp"

namespace vetcheck::report {

namespace xlsx_detail {
struct Sheet;  // a worksheet written top to bottom (xlsx_reporter.cpp)
}

// The headings of the workbook's sheets, in the language of the report: the fixed columns of the
// results and errors sheets, and the matrix's plan columns followed by one column per indicator
// id of `columns` (matrix_columns of the run's catalog).
std::vector<std::string> xlsx_result_headings(Lang lang);
std::vector<std::string> xlsx_error_headings(Lang lang);
std::vector<std::string> xlsx_matrix_headings(const std::vector<const Indicator*>& columns,
                                              Lang lang);

// An Excel workbook (docs/reports-analyst.md) written with libxlsxwriter in its constant-memory
// mode: each sheet is written row by row as plans arrive, so a national batch needs no more
// memory than the tallies of the summary. Sheets: the summary (first, filled at the end), every
// result, plans × indicators, and the inputs that could not be checked. Writes to RunInfo::file,
// never to the stream; a failed write is an InputError, never a partial file left in place.
class XlsxReporter : public Reporter {
  public:
    // `rows_per_sheet`: where a sheet continues on the next; Excel's limit, less in tests.
    explicit XlsxReporter(unsigned rows_per_sheet = 1048576);
    ~XlsxReporter() override;

    void begin(const RunInfo& run, const ReportOptions& options, std::ostream& out) override;
    void plan(const PlanReport& report, std::ostream& out) override;
    void failure(const InputFailure& failure, std::ostream& out) override;
    void end(const RunTotals& totals, std::ostream& out) override;

  private:
    struct Book;
    enum class Part { Results, Matrix, Errors };  // the sheets that grow with the batch
    void add_sheet(Part part);
    xlsx_detail::Sheet& row_of(Part part);
    void write_summary(const RunTotals& totals);
    [[noreturn]] void fail(Message detail) const;

    unsigned rows_per_sheet_;
    std::unique_ptr<Book> book_;
    std::string started_at_;
    std::vector<const Indicator*> columns_;           // of the matrix, known at begin
    std::unordered_map<std::string, size_t> column_;  // indicator id → its matrix column
    // The per-indicator tallies of the summary, by indicator id in the order first seen.
    std::vector<BatchSummary::IndicatorStats> indicators_;
    std::unordered_map<std::string, size_t> indicator_row_;
    std::map<std::string, const PackInfo*> packs_;  // the packs the plans were checked against
};

}  // namespace vetcheck::report
