#include "vetcheck/input/results_schema.hpp"

#include <cerrno>
#include <filesystem>

#include "vetcheck/base/messages.hpp"
#include "vetcheck/base/source_location.hpp"

namespace vetcheck {

namespace {

// The schema, created in an empty file. Integer row ids join the tables; the text ids an analyst
// knows (plan id, indicator id, pack id) are columns beside them.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  vetcheck_version TEXT NOT NULL,
  lang TEXT NOT NULL,
  fail_on TEXT NOT NULL,
  inputs TEXT NOT NULL,
  plans INTEGER,
  failures INTEGER
);
CREATE TABLE packs (
  run INTEGER NOT NULL REFERENCES runs(id),
  id TEXT NOT NULL,
  title_zh TEXT, title_en TEXT, document_number TEXT,
  period_from INTEGER, period_to INTEGER, level TEXT, extends TEXT, source_document TEXT,
  PRIMARY KEY (run, id)
);
CREATE TABLE plans (
  id INTEGER PRIMARY KEY,
  run INTEGER NOT NULL REFERENCES runs(id),
  file TEXT NOT NULL, plan_id TEXT NOT NULL, name TEXT, region TEXT, level TEXT, year INTEGER,
  status TEXT NOT NULL CHECK (status IN ('pass', 'fail')),
  not_applicable INTEGER NOT NULL
);
CREATE TABLE indicators (
  id INTEGER PRIMARY KEY,
  run INTEGER NOT NULL,
  pack TEXT NOT NULL,
  indicator TEXT NOT NULL,
  name_zh TEXT, name_en TEXT,
  severity TEXT NOT NULL, deadline INTEGER,
  UNIQUE (run, pack, indicator),
  FOREIGN KEY (run, pack) REFERENCES packs(run, id)
);
CREATE TABLE results (
  id INTEGER PRIMARY KEY,
  run INTEGER NOT NULL REFERENCES runs(id),
  plan INTEGER NOT NULL REFERENCES plans(id),
  indicator INTEGER NOT NULL REFERENCES indicators(id),
  subject_id TEXT, subject_name TEXT, subject_type TEXT,
  status TEXT NOT NULL,
  actual TEXT, target TEXT, gap TEXT,
  actual_value REAL, target_value REAL, gap_value REAL,
  reason TEXT
);
CREATE TABLE result_facts (
  result INTEGER NOT NULL REFERENCES results(id),
  key TEXT NOT NULL, subject_id TEXT, file TEXT, line INTEGER
);
CREATE TABLE missing_facts (
  result INTEGER NOT NULL REFERENCES results(id),
  key TEXT NOT NULL
);
CREATE TABLE errors (
  id INTEGER PRIMARY KEY,
  run INTEGER NOT NULL REFERENCES runs(id),
  file TEXT, line INTEGER, "column" INTEGER, message TEXT NOT NULL
);
CREATE INDEX plans_by_run ON plans(run, plan_id);
CREATE INDEX plans_by_region ON plans(region);
CREATE INDEX results_by_plan ON results(plan);
CREATE INDEX results_by_indicator ON results(indicator, status);
CREATE INDEX result_facts_by_result ON result_facts(result);
CREATE INDEX missing_facts_by_key ON missing_facts(key);
CREATE INDEX missing_facts_by_result ON missing_facts(result);
CREATE INDEX errors_by_run ON errors(run);
)sql";

// Version 2: each used fact's value (a later run's --history reads the figures of earlier years
// from it: `value_exact` is the exact rational, "num/den"), and progress toward targets not yet
// due with its figures by year. The indexes serve `vetcheck history` and --history, which look a
// plan up by its id and year.
constexpr const char* kVersion2 = R"sql(
ALTER TABLE result_facts ADD COLUMN value REAL;
ALTER TABLE result_facts ADD COLUMN value_text TEXT;
ALTER TABLE result_facts ADD COLUMN value_exact TEXT;
CREATE TABLE progress (
  result INTEGER PRIMARY KEY REFERENCES results(id),
  base_year INTEGER NOT NULL, year INTEGER NOT NULL, deadline INTEGER NOT NULL,
  baseline REAL NOT NULL, baseline_text TEXT NOT NULL,
  value REAL NOT NULL, value_text TEXT NOT NULL,
  target REAL NOT NULL, target_text TEXT NOT NULL,
  time_elapsed REAL NOT NULL, task_done REAL NOT NULL,
  level REAL NOT NULL, level_text TEXT NOT NULL,
  on_track INTEGER NOT NULL CHECK (on_track IN (0, 1)),
  projected_at_deadline REAL, projected_text TEXT,
  reached_in INTEGER,
  text TEXT NOT NULL
);
CREATE TABLE progress_figures (
  result INTEGER NOT NULL REFERENCES progress(result),
  year INTEGER NOT NULL, value REAL NOT NULL,
  PRIMARY KEY (result, year)
);
CREATE INDEX plans_by_plan_id ON plans(plan_id, year);
CREATE INDEX result_facts_by_key ON result_facts(key, subject_id);
)sql";

}  // namespace

const std::vector<std::string_view>& results_tables() {
    static const std::vector<std::string_view> tables = {
        "runs",         "packs",         "plans",  "indicators", "results",
        "result_facts", "missing_facts", "errors", "progress",   "progress_figures"};
    return tables;
}

const char* results_schema_step(int version) {
    switch (version) {
        case 1:
            return kVersion1;
        case 2:
            return kVersion2;
        default:
            return nullptr;
    }
}

void refuse_missing_database(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw InputError(SourceLocation{path},
                         Message("E-file-unreadable", {{"error", system_error_text(ENOENT)}}));
    if (std::filesystem::is_directory(path, ec))
        throw InputError(SourceLocation{path}, Message("E-file-is-directory"));
}

}  // namespace vetcheck
