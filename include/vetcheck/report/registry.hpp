#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "vetcheck/report/reporter.hpp"

namespace vetcheck::report {

// The formats `--format` accepts: a table, so that adding a format is adding a row.
struct ReporterEntry {
    std::string_view name;
    std::string_view description;
    std::unique_ptr<Reporter> (*make)();
    bool file_only = false;              // writes a file (a database), never standard output
    std::string_view example_file = {};  // for a file-only format, a name the help suggests
};

const std::vector<ReporterEntry>& reporters();
const ReporterEntry* find_reporter(std::string_view name);

}  // namespace vetcheck::report
