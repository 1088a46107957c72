#pragma once

#include <string>
#include <vector>

#include "vetcheck/compile/catalog.hpp"
#include "vetcheck/engine/engine.hpp"
#include "vetcheck/input/plan_loader.hpp"
#include "vetcheck/report/reporter.hpp"

namespace vetcheck::testing {

// A pack small enough to read in a test, declaring the facts the unit tests use.
extern const char* const kTestPack;

// A city plan for kTestPack with every status but waived: fail, pass, advisory, missing, error,
// n/a and not-due (the plan's year is 2024, the contribution index is due 2025). Its names carry
// characters that report formats must escape.
extern const char* const kEveryStatusPlan;

// A plan checked against `pack_text` (plus the embedded packs), kept alive with its results.
struct Checked {
    Catalog catalog;
    LoadedPlan loaded;
    std::vector<Result> results;

    const Result& result(const std::string& indicator, const std::string& subject = "") const;
};

std::unique_ptr<Checked> check_text(const std::string& plan_text,
                                    const std::string& pack_text = kTestPack);

// A checked plan and the report made from it, as the command line makes it (results against its
// own copy of the plan); `checked` keeps the catalog the rules point into.
struct CheckedReport {
    std::unique_ptr<Checked> checked;
    report::PlanReport report;
};
CheckedReport check_report(const std::string& plan_text, const std::string& pack_text = kTestPack);

// What `reporter` writes for `reports`.
std::string write_report(report::Reporter&& reporter,
                         const std::vector<report::PlanReport>& reports,
                         const report::ReportOptions& options = {});
std::string write_report(report::Reporter&& reporter,
                         const std::vector<report::PlanReport>& reports, Lang lang);

// The lines of `text`, without their line ends.
std::vector<std::string> lines_of(const std::string& text);

// The InputError message load_plan gives for a plan, or "" when it loads.
std::string plan_error(const std::string& plan_text, const std::string& pack_text = kTestPack);

std::string read_file(const std::string& path);

// Where the seed documents are: $VETCHECK_SEEDS_DIR, else the CMake option of that name (by default
// ../shared/seeds beside the clone, which only CI has).
std::string seeds_dir();
// A test that cannot run here prints this and its reason; ctest then reports it as skipped.
inline constexpr const char* kSkipMarker = "VETCHECK-SKIPPED:";

}  // namespace vetcheck::testing
