#pragma once

#include <functional>
#include <string>
#include <vector>

#include "vetcheck/compile/catalog.hpp"
#include "vetcheck/engine/checked_plan.hpp"
#include "vetcheck/engine/engine.hpp"
#include "vetcheck/pack/limits.hpp"
#include "vetcheck/read/yaml_loader.hpp"

namespace vetcheck {

class HistoryFigures;  // input/history_figures.hpp

// A file that could not be checked, with the message and the source line it points at.
struct InputFailure {
    InputError error;
    std::string source_line;  // the offending line of the file, when known
};

struct BatchOptions {
    CheckOptions check;
    unsigned jobs = 1;  // plans checked in parallel
    // Called after each plan, from the checking threads, with how many are done: for a progress
    // bar.
    std::function<void(size_t done, size_t total)> progress;
    // When set, each outcome is handed over in input order as soon as it and all before it are
    // done, and not kept in the BatchOutcome: memory stays flat however many plans there are.
    // `rendered` is what `render` made of the plan, or empty when it was not called.
    std::function<void(PlanReport&&, std::string&& rendered)> on_report;
    // When set, called on the checking thread for each plan: formatting a report costs about as
    // much as checking it, and done here it runs in parallel instead of in input order on one
    // thread. Not called when the batch runs on one thread.
    std::function<std::string(const PlanReport&)> render;
    std::function<void(InputFailure&&)> on_failure;
    // When set, each note about how an input was read ("x.csv: read as GB18030 (not UTF-8)") is
    // handed over in input order, before that input's reports; otherwise they are kept in the
    // BatchOutcome.
    std::function<void(std::string&&)> on_note;
    Limits limits;  // for each plan file; packs are bound by the catalog's own
    // When set (--history), each plan gets the figures of its earlier plan years from a results
    // database before it is checked.
    const HistoryFigures* history = nullptr;
};

struct BatchOutcome {
    std::vector<PlanReport> reports;  // in the order of the inputs
    std::vector<InputFailure> failures;
    std::vector<std::string> notes;  // when BatchOptions::on_note is not set
};

// Expands files, directories (recursively, *.yaml and *.yml, sorted) and "-" into the list of
// inputs, each path as reports write it (shown_input_path).
std::vector<std::string> expand_inputs(const std::vector<std::string>& arguments);

// Checks every input, on `jobs` threads; a file that cannot be checked is recorded and the others
// still are. Reports and failures come in input order whatever the threads' timing.
BatchOutcome check_files(const std::vector<std::string>& paths, Catalog& catalog,
                         const BatchOptions& options);

}  // namespace vetcheck
