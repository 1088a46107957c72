#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vetcheck/source_location.hpp"

namespace vetcheck {

struct CsvCell {
    std::string text;
    SourceLocation where;  // the line of the row and the character column where the cell starts
};

using CsvRow = std::vector<CsvCell>;

// Parses RFC 4180 CSV as spreadsheet programs write it: an optional byte-order mark, quoted cells
// with doubled quotes and line breaks inside, CRLF or LF. Blank lines are skipped. Throws
// InputError at an unterminated quote or a stray quote inside an unquoted cell.
std::vector<CsvRow> parse_csv(std::string_view text, const std::string& file_name);

}  // namespace vetcheck
