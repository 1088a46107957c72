#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vetcheck/base/source_location.hpp"

namespace vetcheck {

struct CsvCell {
    std::string text;
    SourceLocation where;  // the line of the row and the character column where the cell starts
};

using CsvRow = std::vector<CsvCell>;

// A row of a CSV file, or why it could not be read: the column counts from the row's start.
struct CsvRecord {
    CsvRow cells;
    std::optional<InputError> error;
};

// Reads RFC 4180 CSV row by row: a row that is not UTF-8, holds a control character or a stray
// quote is recorded with its error and the next line is read; an unterminated quote, which takes
// the rest of the file, is the last record. LF, CRLF and lone CR end a line.
std::vector<CsvRecord> read_csv_records(std::string_view text, const std::string& file_name);

// Parses RFC 4180 CSV as spreadsheet programs write it: an optional byte-order mark, quoted cells
// with doubled quotes and line breaks inside, CRLF, LF or CR. Blank lines are skipped. Throws
// the first record's error.
std::vector<CsvRow> parse_csv(std::string_view text, const std::string& file_name);

}  // namespace vetcheck
