#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vetcheck {

// The results database (-f sqlite, docs/reports-analyst.md) is written by report/sqlite_reporter
// and read back on the input side (--history, `vetcheck history`): its version and tables are
// named here, in the lowest layer that reads it, so that the writer and the readers agree.

// PRAGMA user_version of a database of this schema. 1: runs to errors; 2: result_facts carries
// each fact's value, and the progress and progress_figures tables.
inline constexpr int kResultsSchemaVersion = 2;

// The tables a vetcheck database has, in every version up to this one: any other table means the
// file is someone else's.
const std::vector<std::string_view>& results_tables();

// The statements that create the schema of `version` from the one before it (version 1 from an
// empty file). An empty file gets every step in turn, so an upgraded database and a new one have
// the same tables and columns.
const char* results_schema_step(int version);

// Throws InputError for a database to read that does not exist or is a directory: SQLite would
// create the one and fail obscurely on the other.
void refuse_missing_database(const std::string& path);

}  // namespace vetcheck
