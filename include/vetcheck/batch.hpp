#pragma once

#include <string>
#include <vector>

#include "vetcheck/catalog.hpp"
#include "vetcheck/engine.hpp"
#include "vetcheck/limits.hpp"
#include "vetcheck/report/reporter.hpp"
#include "vetcheck/yaml_loader.hpp"

namespace vetcheck {

struct BatchOptions {
    CheckOptions check;
    size_t max_file_bytes = Limits{}.max_file_bytes;
    YamlLimits yaml;
    size_t max_institutions = Limits{}.max_institutions;
};

// A file that could not be checked, with the message and the source line it points at.
struct InputFailure {
    InputError error;
    std::string source_line;  // the offending line of the file, when known
};

struct BatchOutcome {
    std::vector<report::PlanReport> reports;  // in the order of the inputs
    std::vector<InputFailure> failures;
};

// Expands files, directories (recursively, *.yaml and *.yml, sorted) and "-" into the list of
// inputs.
std::vector<std::string> expand_inputs(const std::vector<std::string>& arguments);

// Checks every input; a file that cannot be checked is recorded and the others still are.
BatchOutcome check_files(const std::vector<std::string>& paths, Catalog& catalog,
                         const BatchOptions& options);

// Writes a whole file or nothing: a temporary file beside it, renamed into place.
void write_file_atomically(const std::string& path, const std::string& content);

}  // namespace vetcheck
