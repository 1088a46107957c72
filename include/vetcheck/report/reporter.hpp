#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "vetcheck/base/i18n.hpp"
#include "vetcheck/compile/catalog.hpp"
#include "vetcheck/engine/batch.hpp"
#include "vetcheck/engine/checked_plan.hpp"
#include "vetcheck/engine/result.hpp"

namespace vetcheck::report {

using vetcheck::PlanReport;

struct ReportOptions {
    Lang lang = Lang::En;
    bool color = false;
    bool show_all = false;  // also list n/a results, which are otherwise only counted
    bool explain =
        false;  // the formula with the plan's values, the facts used and their lines, the quote
    bool summary = false;  // for a batch: the pass rates and worst plans, not every plan's report
    FailPolicy policy = FailPolicy::standard();
};

// What a reporter knows before the first plan arrives.
struct RunInfo {
    // Every pack the run may use; not const, since a pack is parsed when first asked for.
    Catalog* catalog = nullptr;
    std::vector<std::string> inputs;  // the plans as named on the command line
    // The file the report goes to, "" for standard output. Formats that are files rather than
    // streams (a database, a workbook) write here and not to the stream.
    std::string file;
    // The file the report replaces when the run is whole, "" for standard output: a format that
    // appends to what is there (a database) reads it from here.
    std::string target;
};

// What a run ends with: every plan's results counted, and the inputs that could not be checked.
struct RunTotals {
    size_t plans = 0;
    size_t failures = 0;  // inputs that could not be checked
    Summary total;
};

// The seam between checking and reporting. A run calls begin once, then plan (or failure) for
// each input in input order as soon as it is checked, then end once; a reporter keeps only what
// its format must aggregate, so a national batch streams through it. Reporters never evaluate.
class Reporter {
  public:
    virtual ~Reporter() = default;

    virtual void begin(const RunInfo& run, const ReportOptions& options, std::ostream& out);
    virtual void plan(const PlanReport& report, std::ostream& out) = 0;
    // An input that could not be checked: formats that can carry an error entry write one.
    virtual void failure(const InputFailure& failure, std::ostream& out);
    virtual void end(const RunTotals& totals, std::ostream& out);

    // A format whose per-plan text costs about as much as checking the plan may make it on the
    // checking threads: render() is then called there, and plan_text() in input order with what it
    // made. render() must not touch the reporter's state.
    virtual bool renders_in_parallel() const { return false; }
    virtual std::string render(const PlanReport& report) const;
    virtual void plan_text(const PlanReport& report, std::string&& text, std::ostream& out);

    // The whole run at once, for callers that hold every report (tests, small tools).
    void write(const std::vector<PlanReport>& reports, const ReportOptions& options,
               std::ostream& out);

  protected:
    ReportOptions options_;
    RunInfo run_;
};

// A format that needs the whole batch before it can write anything: it holds the reports and
// writes them at the end. Memory grows with the batch, so formats move off it to stream.
class BatchReporter : public Reporter {
  public:
    void plan(const PlanReport& report, std::ostream& out) override;
    void end(const RunTotals& totals, std::ostream& out) override;

  protected:
    virtual void write_batch(const std::vector<PlanReport>& reports, const ReportOptions& options,
                             std::ostream& out) = 0;

  private:
    std::vector<PlanReport> reports_;
};

}  // namespace vetcheck::report
