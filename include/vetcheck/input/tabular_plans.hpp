#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vetcheck/read/csv.hpp"
#include "vetcheck/read/document.hpp"

namespace vetcheck {

// A spreadsheet of school reports: one row per institution, a header row naming the columns. The
// columns id, name, type and year describe the school (level, region and packs may be given too;
// packs separated by ';'); every other column is a fact key. An empty cell is a fact not reported.
// Each row becomes a plan document (a school report), its values located at their cells, so errors
// name the row and column. A row that cannot be read (too many cells, not UTF-8, a control
// character, a stray quote) is given with its error in its place, and the other rows are still
// read. Throws InputError for a header without id, type or year, or with no row after it.
struct CsvPlanRow {
    std::optional<Node> document;
    std::optional<InputError> error;
};
// `header`, when given, receives the header row's cells (a column's problem is said at its cell).
std::vector<CsvPlanRow> plans_from_csv(std::string_view text, const std::string& file_name,
                                       CsvRow* header = nullptr);

bool is_csv_path(std::string_view path);

}  // namespace vetcheck
