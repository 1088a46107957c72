#include "vetcheck/input/results_history.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <memory>

#include "vetcheck/base/messages.hpp"
#include "vetcheck/base/source_location.hpp"
#include "vetcheck/base/text.hpp"
#include "vetcheck/input/results_database.hpp"
#include "vetcheck/input/results_schema.hpp"

namespace vetcheck {

namespace {

// The version of a vetcheck results database this can read (1 up to this one's); anything else
// is refused by name.
int checked_version(const ReadOnlyDatabase& db) {
    long long version = db.integer("PRAGMA user_version");
    long long tables = db.integer(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('runs', 'plans', "
        "'results', 'indicators')");
    if (version < 1 || version > kResultsSchemaVersion || tables != 4)
        throw InputError(SourceLocation{db.path()},
                         Message("E-sqlite-schema-version",
                                 {{"expected", kResultsSchemaVersion}, {"found", version}}));
    return static_cast<int>(version);
}

// The plan ids of the database that look like `wanted`: the closest by edit distance, those that
// contain it or are contained in it, and those with the same stem before a last "-year".
std::vector<std::string> near_ids(const ReadOnlyDatabase& db, const std::string& wanted) {
    auto st =
        db.prepare("SELECT DISTINCT plan_id FROM plans ORDER BY plan_id", "E-sqlite-not-database");
    std::vector<std::string> ids;
    while (sqlite3_step(st.get()) == SQLITE_ROW) ids.push_back(text_at(st.get(), 0));
    auto stem = [](const std::string& id) { return id.substr(0, id.rfind('-')); };
    std::string closest = did_you_mean(wanted, ids);
    std::vector<std::string> near;
    for (const std::string& id : ids) {
        bool contains = !wanted.empty() && (id.find(wanted) != std::string::npos ||
                                            wanted.find(id) != std::string::npos);
        bool same_stem = wanted.find('-') != std::string::npos && stem(id) == stem(wanted);
        if (id == closest || contains || same_stem) near.push_back(id);
    }
    constexpr size_t kMostNamed = 8;
    if (near.size() > kMostNamed) near.resize(kMostNamed);
    return near;
}

std::vector<HistoryResult> read_results(const ReadOnlyDatabase& db, long long plan_row,
                                        int version) {
    const char* sql =
        version >= 2
            ? "SELECT i.indicator, i.name_zh, i.name_en, r.subject_id, r.subject_name, r.status, "
              "r.actual, r.gap, g.task_done, g.time_elapsed FROM results r JOIN indicators i ON "
              "i.id = r.indicator LEFT JOIN progress g ON g.result = r.id WHERE r.plan = ? "
              "ORDER BY r.id"
            : "SELECT i.indicator, i.name_zh, i.name_en, r.subject_id, r.subject_name, r.status, "
              "r.actual, r.gap, NULL, NULL FROM results r JOIN indicators i ON i.id = "
              "r.indicator WHERE r.plan = ? ORDER BY r.id";
    auto st = db.prepare(sql, "E-sqlite-not-database");
    sqlite3_bind_int64(st.get(), 1, plan_row);
    std::vector<HistoryResult> results;
    while (sqlite3_step(st.get()) == SQLITE_ROW) {
        HistoryResult r;
        r.indicator = text_at(st.get(), 0);
        r.name_zh = text_at(st.get(), 1);
        r.name_en = text_at(st.get(), 2);
        r.subject_id = text_at(st.get(), 3);
        r.subject_name = text_at(st.get(), 4);
        r.status = text_at(st.get(), 5);
        r.actual = text_at(st.get(), 6);
        r.gap = text_at(st.get(), 7);
        r.task_done = real_at(st.get(), 8);
        r.time_elapsed = real_at(st.get(), 9);
        results.push_back(std::move(r));
    }
    return results;
}

}  // namespace

std::vector<HistoryRun> read_plan_history(const std::string& path, const std::string& plan_id) {
    ReadOnlyDatabase db(path);
    int version = checked_version(db);
    auto st = db.prepare(
        "SELECT p.id, p.run, runs.started_at, runs.lang, p.file, p.year, p.not_applicable, "
        "(SELECT group_concat(pack, ',') FROM (SELECT DISTINCT i.pack FROM results r JOIN "
        "indicators i ON i.id = r.indicator WHERE r.plan = p.id ORDER BY i.pack)) "
        "FROM plans p JOIN runs ON runs.id = p.run WHERE p.plan_id = ? ORDER BY p.run, p.id",
        "E-sqlite-not-database");
    sqlite3_bind_text(st.get(), 1, plan_id.data(), static_cast<int>(plan_id.size()),
                      SQLITE_TRANSIENT);
    std::vector<HistoryRun> runs;
    std::vector<long long> plan_rows;
    while (sqlite3_step(st.get()) == SQLITE_ROW) {
        HistoryRun run;
        plan_rows.push_back(sqlite3_column_int64(st.get(), 0));
        run.run = sqlite3_column_int64(st.get(), 1);
        run.started_at = text_at(st.get(), 2);
        run.lang = text_at(st.get(), 3);
        run.file = text_at(st.get(), 4);
        run.year = sqlite3_column_int(st.get(), 5);
        run.not_applicable = sqlite3_column_int(st.get(), 6);
        std::string packs = text_at(st.get(), 7);
        for (size_t from = 0; from < packs.size();) {
            size_t comma = std::min(packs.find(',', from), packs.size());
            run.packs.push_back(packs.substr(from, comma - from));
            from = comma + 1;
        }
        runs.push_back(std::move(run));
    }
    if (runs.empty()) {
        std::vector<std::string> near = near_ids(db, plan_id);
        if (near.empty())
            throw InputError(SourceLocation{path},
                             Message("E-history-no-plan", {{"plan", plan_id}}));
        throw InputError(SourceLocation{path},
                         Message("E-history-no-plan-near", {{"plan", plan_id}, {"near", near}}));
    }
    for (size_t i = 0; i < runs.size(); ++i)
        runs[i].results = read_results(db, plan_rows[i], version);
    return runs;
}

}  // namespace vetcheck
