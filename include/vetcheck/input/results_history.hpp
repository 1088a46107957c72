#pragma once

#include <optional>
#include <string>
#include <vector>

namespace vetcheck {

// What the results database (-f sqlite) holds of one plan id: each time a run checked it, oldest
// first, with its results (n/a ones are not in the database). Text columns are in the language of
// the run that wrote them (`lang`); statuses are the status table's names ("pass", "behind").
struct HistoryResult {
    std::string indicator;  // its id in its pack
    std::string name_zh, name_en;
    std::string subject_id, subject_name;
    std::string status;
    std::string actual, gap;  // as the run's report showed them
    // Progress toward a target not yet due (schema version 2 on), as fractions.
    std::optional<double> task_done, time_elapsed;
};

struct HistoryRun {
    long long run = 0;
    std::string started_at;  // UTC, ISO 8601
    std::string lang;        // of the text columns
    std::string file;
    int year = 0;                    // the plan's year; 0 when it states none
    std::vector<std::string> packs;  // of the plan's results, by id
    int not_applicable = 0;
    std::vector<HistoryResult> results;
};

// Every run of `plan_id` in the database at `path`, oldest first. Throws InputError (exit 2) for
// a file that does not exist or is not a vetcheck results database, and for a plan id the database
// does not hold (naming the ids near it).
std::vector<HistoryRun> read_plan_history(const std::string& path, const std::string& plan_id);

}  // namespace vetcheck
