#pragma once

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "vetcheck/input/results_schema.hpp"
#include "vetcheck/report/reporter.hpp"

struct sqlite3;

namespace vetcheck::report {

// The schema version written to PRAGMA user_version (input/results_schema.hpp): a database of an
// earlier version is upgraded, one of a later version is refused.
inline constexpr int kSqliteSchemaVersion = kResultsSchemaVersion;

// A results database (docs/reports-analyst.md): runs, packs, plans, indicators, results and the
// facts each result used, written plan by plan with prepared statements, a transaction per few
// thousand plans. A later run on the same file is appended under a new run id, so the history of
// a plan across drafts and years stays in one place. Writes to RunInfo::file, never to the stream.
class SqliteReporter : public Reporter {
  public:
    SqliteReporter();
    ~SqliteReporter() override;

    void begin(const RunInfo& run, const ReportOptions& options, std::ostream& out) override;
    void plan(const PlanReport& report, std::ostream& out) override;
    void failure(const InputFailure& failure, std::ostream& out) override;
    void end(const RunTotals& totals, std::ostream& out) override;

  private:
    struct Statements;
    void fail(const char* code) const;  // a catalogue code whose {error} is SQLite's reason
    void exec(const char* sql);
    void open_schema();
    void add_rules(const RuleSet& rules);
    long long indicator_row(const Indicator& indicator);
    long long indicator_row_by_id(const Indicator& indicator);
    // The progress row of a result with progress, and its figures by year.
    void progress_rows(long long result_row, const Result& r);

    sqlite3* db_ = nullptr;
    std::unique_ptr<Statements> st_;
    long long run_id_ = 0;
    size_t in_transaction_ = 0;  // plans written since the transaction began
    std::map<std::string, long long, std::less<>> indicators_;  // "pack\x1fid" → row
    std::map<std::string, bool, std::less<>> packs_;            // packs of this run written
    std::unordered_map<const Indicator*, long long> by_address_;
    std::unordered_set<const RuleSet*> rule_sets_;  // whose packs and indicators are written
};

}  // namespace vetcheck::report
