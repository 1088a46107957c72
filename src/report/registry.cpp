#include "vetcheck/report/registry.hpp"

#include "vetcheck/report/csv_reporter.hpp"
#include "vetcheck/report/github_reporter.hpp"
#include "vetcheck/report/html_reporter.hpp"
#include "vetcheck/report/json_reporter.hpp"
#include "vetcheck/report/jsonl_reporter.hpp"
#include "vetcheck/report/junit_reporter.hpp"
#include "vetcheck/report/markdown_reporter.hpp"
#include "vetcheck/report/sarif_reporter.hpp"
#include "vetcheck/report/sqlite_reporter.hpp"
#include "vetcheck/report/terminal_reporter.hpp"
#include "vetcheck/report/xlsx_reporter.hpp"

namespace vetcheck::report {

namespace {
template <typename T>
std::unique_ptr<Reporter> make() {
    return std::make_unique<T>();
}
}  // namespace

const std::vector<ReporterEntry>& reporters() {
    static const std::vector<ReporterEntry> kReporters = {
        {"term", "for a person at a terminal (default)", make<TerminalReporter>},
        {"json", "every result, versioned schema docs/schema/report.schema.json",
         make<JsonReporter>},
        {"jsonl", "JSON Lines: the run, one line per plan, the summary (for jq, DuckDB)",
         make<JsonLinesReporter>},
        {"junit", "JUnit XML: one testcase per indicator and subject", make<JunitReporter>},
        {"sarif", "SARIF 2.1.0: one result per failure at the plan's line", make<SarifReporter>},
        {"github", "GitHub Actions workflow annotations", make<GithubReporter>},
        {"markdown", "a summary for a pull-request comment", make<MarkdownReporter>},
        {"csv", "one row per result, UTF-8 with a byte-order mark", make<CsvReporter>},
        {"csv-matrix", "plans × indicators, each cell the worst status", make<CsvMatrixReporter>},
        {"html", "one self-contained page with charts", make<HtmlReporter>},
        {"sqlite", "a results database (FILE only; a later run is appended)", make<SqliteReporter>,
         true, "results.db"},
        {"xlsx", "an Excel workbook: summary, results, matrix, errors (FILE only)",
         make<XlsxReporter>, true, "report.xlsx"},
    };
    return kReporters;
}

const ReporterEntry* find_reporter(std::string_view name) {
    for (const auto& r : reporters())
        if (r.name == name) return &r;
    return nullptr;
}

}  // namespace vetcheck::report
