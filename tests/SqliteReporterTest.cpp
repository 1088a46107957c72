#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "test_support.hpp"
#include "vetcheck/engine/batch.hpp"
#include "vetcheck/engine/progress.hpp"
#include "vetcheck/input/results_schema.hpp"
#include "vetcheck/report/format.hpp"
#include "vetcheck/report/progress_text.hpp"
#include "vetcheck/report/sqlite_reporter.hpp"

using namespace vetcheck;
namespace fs = std::filesystem;

namespace {

// A fresh path under the temporary directory, removed when the test ends.
struct TempPath {
    std::string path;
    explicit TempPath(const std::string& name)
        : path((fs::temp_directory_path() /
                ("vetcheck-sqlite-" + std::to_string(::getpid()) + "-" + name))
                   .string()) {
        fs::remove(path);
    }
    ~TempPath() { fs::remove(path); }
};

struct Examples {
    Catalog catalog;
    std::vector<std::string> inputs;
    BatchOutcome outcome;
    Examples() {
        inputs = expand_inputs({std::string(VETCHECK_SOURCE_DIR) + "/examples"});
        outcome = check_files(inputs, catalog, BatchOptions{});
    }
};

// One run of the reporter, as the command line drives it: `file` is written, `target` is the file
// it will replace (its rows are carried over).
void write_run(Examples& ex, const std::string& file, const std::string& target,
               const std::vector<InputFailure>& failures = {}, bool all = false) {
    report::SqliteReporter reporter;
    report::RunInfo run{&ex.catalog, ex.inputs, file, target};
    std::ostringstream out;
    report::ReportOptions options;
    options.show_all = all;
    reporter.begin(run, options, out);
    report::RunTotals totals;
    for (const auto& r : ex.outcome.reports) {
        reporter.plan(r, out);
        ++totals.plans;
    }
    for (const auto& f : failures) {
        reporter.failure(f, out);
        ++totals.failures;
    }
    reporter.end(totals, out);
    CHECK(out.str().empty());  // a database is a file, never the stream
}

class Db {
  public:
    explicit Db(const std::string& path) {
        REQUIRE(sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    }
    ~Db() { sqlite3_close(db_); }
    // The first column of every row of `sql`, as text ("" for NULL).
    std::vector<std::string> column(const std::string& sql) {
        sqlite3_stmt* st = nullptr;
        REQUIRE(sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
        std::vector<std::string> rows;
        while (sqlite3_step(st) == SQLITE_ROW) {
            auto* text = sqlite3_column_text(st, 0);
            rows.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
        }
        sqlite3_finalize(st);
        return rows;
    }
    std::string one(const std::string& sql) {
        auto rows = column(sql);
        REQUIRE(rows.size() == 1);
        return rows[0];
    }
    long long count(const std::string& table) {
        return std::stoll(one("SELECT count(*) FROM " + table));
    }
    void exec(const std::string& sql) {
        REQUIRE(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    }

  private:
    sqlite3* db_ = nullptr;
};

size_t result_count(const Examples& ex, bool all = false) {
    size_t n = 0;
    for (const auto& r : ex.outcome.reports)
        for (const auto& res : r.results) n += all || res.status != Status::NotApplicable;
    return n;
}

}  // namespace

TEST_CASE("sqlite: the examples' results read back with their counts, statuses and gaps") {
    Examples ex;
    REQUIRE(ex.outcome.failures.empty());
    REQUIRE(ex.outcome.reports.size() >= 5);
    TempPath db_path("examples.db");
    write_run(ex, db_path.path, db_path.path);

    Db db(db_path.path);
    CHECK(db.one("PRAGMA user_version") == std::to_string(report::kSqliteSchemaVersion));
    CHECK(db.count("runs") == 1);
    CHECK(db.one("SELECT plans FROM runs") == std::to_string(ex.outcome.reports.size()));
    CHECK(db.count("plans") == static_cast<long long>(ex.outcome.reports.size()));
    CHECK(db.count("results") == static_cast<long long>(result_count(ex)));
    // n/a results are counted on their plan, not written without --all.
    CHECK(db.one("SELECT count(*) FROM results WHERE status = 'n/a'") == "0");
    CHECK(db.one("SELECT sum(not_applicable) FROM plans") ==
          std::to_string(result_count(ex, true) - result_count(ex)));
    CHECK(db.count("packs") >= 1);
    CHECK(db.count("indicators") >= 10);
    CHECK(db.count("result_facts") > 0);
    CHECK(db.count("errors") == 0);
    db.exec("PRAGMA foreign_keys=ON");
    CHECK(db.column("PRAGMA foreign_key_check").empty());

    // A failing result with a numeric gap, found again by the ids an analyst knows.
    const Result* failing = nullptr;
    for (const auto& r : ex.outcome.reports)
        for (const auto& res : r.results)
            if (!failing && res.status == Status::Fail && res.gap) failing = &res;
    REQUIRE(failing);
    std::string where =
        "FROM results r JOIN plans p ON p.id = r.plan JOIN indicators i ON i.id = "
        "r.indicator WHERE p.plan_id = '" +
        failing->plan->id + "' AND i.indicator = '" + failing->indicator().id +
        "' AND r.subject_id = '" + failing->subject->id + "'";
    CHECK(db.one("SELECT r.status " + where) == "fail");
    CHECK(db.one("SELECT r.gap " + where) == report::gap_text(*failing, Lang::En));
    double gap = std::stod(db.one("SELECT r.gap_value " + where));
    CHECK(gap == Approx(failing->gap->value.to_double()));
    CHECK(db.one("SELECT typeof(r.gap_value) " + where) == "real");

    // Every plan's status is the exit status it would give alone.
    auto statuses = db.column("SELECT DISTINCT status FROM plans ORDER BY status");
    CHECK(statuses == std::vector<std::string>{"fail", "pass"});
}

TEST_CASE("sqlite: with --all the n/a results are rows too") {
    Examples ex;
    TempPath db_path("all.db");
    write_run(ex, db_path.path, db_path.path, {}, true);
    Db db(db_path.path);
    CHECK(db.count("results") == static_cast<long long>(result_count(ex, true)));
    CHECK(db.one("SELECT count(*) FROM results WHERE status = 'n/a'") ==
          db.one("SELECT sum(not_applicable) FROM plans"));
}

TEST_CASE("sqlite: a second run on the same file is appended under a new run id") {
    Examples ex;
    TempPath target("append.db"), temporary("append.db.tmp");
    write_run(ex, target.path, target.path);
    // As the command line does it: a new, empty temporary beside the target, renamed over it.
    std::ofstream(temporary.path).close();
    write_run(ex, temporary.path, target.path);
    fs::rename(temporary.path, target.path);

    Db db(target.path);
    CHECK(db.column("SELECT id FROM runs ORDER BY id") == std::vector<std::string>{"1", "2"});
    CHECK(db.count("plans") == 2 * static_cast<long long>(ex.outcome.reports.size()));
    CHECK(db.one("SELECT count(*) FROM results WHERE run = 2") == std::to_string(result_count(ex)));
    db.exec("PRAGMA foreign_keys=ON");
    CHECK(db.column("PRAGMA foreign_key_check").empty());
}

TEST_CASE("sqlite: an input that could not be checked is a row of errors") {
    Examples ex;
    TempPath db_path("errors.db");
    InputFailure bad{InputError(SourceLocation{"bad.yaml", 3, 7}, "expected a number, found 'x'"),
                     "  teachers: x"};
    write_run(ex, db_path.path, db_path.path, {bad});
    Db db(db_path.path);
    CHECK(db.one("SELECT file || ':' || line || ':' || \"column\" || ' ' || message FROM errors") ==
          "bad.yaml:3:7 expected a number, found 'x'");
    CHECK(db.one("SELECT failures FROM runs") == "1");
}

TEST_CASE("sqlite: a database that is not vetcheck's is refused, not written into") {
    Examples ex;
    TempPath db_path("other.db");
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(db_path.path.c_str(), &raw) == SQLITE_OK);
    sqlite3_exec(raw, "CREATE TABLE customers (id INTEGER)", nullptr, nullptr, nullptr);
    sqlite3_close(raw);
    CHECK_THROWS_WITH(write_run(ex, db_path.path, db_path.path),
                      Catch::Contains("not a vetcheck results database"));

    TempPath versioned("versioned.db");
    REQUIRE(sqlite3_open(versioned.path.c_str(), &raw) == SQLITE_OK);
    sqlite3_exec(raw, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
    sqlite3_close(raw);
    CHECK_THROWS_WITH(write_run(ex, versioned.path, versioned.path),
                      Catch::Contains("user_version is 99"));

    // With a code, and in Chinese.
    auto raised = [&](const std::string& path) -> std::pair<std::string, std::string> {
        try {
            write_run(ex, path, path);
        } catch (const InputError& e) {
            return {e.code(), e.message(Lang::Zh)};
        }
        return {};
    };
    auto r = raised(db_path.path);
    CHECK(r.first == "E-sqlite-other-tables");
    CHECK(r.second ==
          "不是vetcheck的结果数据库：其中有其他表（customers）；请另选新文件，或选用"
          "vetcheck写入的文件");
    r = raised(versioned.path);
    CHECK(r.first == "E-sqlite-schema-version");
    CHECK(r.second.find("结构版本号为99") != std::string::npos);
}

TEST_CASE("sqlite: progress toward a target not yet due is a row, with its figures by year") {
    Examples ex;
    TempPath db_path("progress.db");
    write_run(ex, db_path.path, db_path.path);
    Db db(db_path.path);
    const Result* behind = nullptr;
    for (const auto& r : ex.outcome.reports)
        for (const auto& res : r.results)
            if (!behind && res.progress && !res.progress->on_track() &&
                r.plan->id == "xx-maritime-poly-progress")
                behind = &res;
    REQUIRE(behind);
    const Progress& p = *behind->progress;
    std::string where =
        " FROM progress g JOIN results r ON r.id = g.result JOIN plans p ON p.id = r.plan JOIN "
        "indicators i ON i.id = r.indicator WHERE p.plan_id = 'xx-maritime-poly-progress' AND "
        "i.indicator = '" +
        behind->indicator().id + "'";
    CHECK(db.one("SELECT r.status" + where) == "behind");
    CHECK(db.one("SELECT g.base_year || ' ' || g.year || ' ' || g.deadline" + where) ==
          fmt::format("{} {} {}", p.base_year, p.year, p.deadline));
    CHECK(db.one("SELECT g.on_track" + where) == "0");
    CHECK(std::stod(db.one("SELECT g.task_done" + where)) == Approx(p.task_done.to_double()));
    CHECK(std::stod(db.one("SELECT g.time_elapsed" + where)) == Approx(p.time_elapsed.to_double()));
    CHECK(std::stod(db.one("SELECT g.baseline" + where)) == Approx(p.baseline().to_double()));
    CHECK(db.one("SELECT g.value_text" + where) == "2.9%");
    CHECK(db.one("SELECT g.target_text" + where) == "2%");
    CHECK(db.one("SELECT g.reached_in" + where) == std::to_string(*p.reached_in));
    CHECK(db.one("SELECT g.text" + where) == report::progress_text(*behind, Lang::En));
    // Each year the plan gives, none interpolated.
    auto years = db.column(
        "SELECT f.year || '=' || round(f.value, 4) FROM progress_figures f "
        "WHERE f.result = (SELECT g.result" +
        where + ") ORDER BY f.year");
    CHECK(years == std::vector<std::string>{"2021=0.036", "2022=0.031", "2023=0.029"});
    // Every result with progress has a row, and no other.
    size_t with_progress = 0;
    for (const auto& r : ex.outcome.reports)
        for (const auto& res : r.results) with_progress += res.progress != nullptr;
    CHECK(db.count("progress") == static_cast<long long>(with_progress));
    db.exec("PRAGMA foreign_keys=ON");
    CHECK(db.column("PRAGMA foreign_key_check").empty());
}

TEST_CASE("sqlite: each fact a result used is stored with its value, as shown and exactly") {
    Examples ex;
    TempPath db_path("values.db");
    write_run(ex, db_path.path, db_path.path);
    Db db(db_path.path);
    std::string where =
        " FROM result_facts f JOIN results r ON r.id = f.result JOIN plans p ON p.id = r.plan "
        "WHERE p.plan_id = 'xx-maritime-poly-progress' AND f.key = 'teachers.double_qualified'";
    // The figure of the year checked (2023), not the earlier ones.
    CHECK(db.column("SELECT DISTINCT f.value_text" + where) == std::vector<std::string>{"300人"});
    CHECK(db.column("SELECT DISTINCT f.value_exact" + where) == std::vector<std::string>{"300/1"});
    CHECK(db.column("SELECT DISTINCT typeof(f.value)" + where) == std::vector<std::string>{"real"});
    where =
        " FROM result_facts f JOIN results r ON r.id = f.result JOIN plans p ON p.id = r.plan "
        "WHERE p.plan_id = 'xx-maritime-poly-progress' AND f.key = 'students.dropout_rate'";
    CHECK(db.column("SELECT DISTINCT f.value_exact" + where) ==
          std::vector<std::string>{"29/1000"});
    CHECK(db.column("SELECT DISTINCT f.value_text" + where) == std::vector<std::string>{"2.9%"});
}

TEST_CASE("sqlite: a database of schema version 1 is upgraded when appended to, its rows kept") {
    Examples ex;
    TempPath db_path("v1.db");
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(db_path.path.c_str(), &raw) == SQLITE_OK);
    REQUIRE(sqlite3_exec(raw, results_schema_step(1), nullptr, nullptr, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_exec(raw,
                         "PRAGMA user_version = 1; INSERT INTO runs (started_at, "
                         "vetcheck_version, lang, fail_on, inputs) VALUES ('2025-01-01T00:00:00Z', "
                         "'0.9', 'en', 'fail', 'old.yaml')",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
    write_run(ex, db_path.path, db_path.path);
    Db db(db_path.path);
    CHECK(db.one("PRAGMA user_version") == "2");
    CHECK(db.column("SELECT vetcheck_version FROM runs ORDER BY id").front() == "0.9");
    CHECK(db.count("runs") == 2);
    CHECK(db.count("progress") > 0);
    CHECK(db.one("SELECT count(*) FROM result_facts WHERE value_exact IS NOT NULL") != "0");

    // A newer vetcheck's database is refused by its version, not written into.
    TempPath newer("v3.db");
    REQUIRE(sqlite3_open(newer.path.c_str(), &raw) == SQLITE_OK);
    sqlite3_exec(raw, results_schema_step(1), nullptr, nullptr, nullptr);
    sqlite3_exec(raw, "PRAGMA user_version = 3", nullptr, nullptr, nullptr);
    sqlite3_close(raw);
    CHECK_THROWS_WITH(write_run(ex, newer.path, newer.path),
                      Catch::Contains("schema version 2 (its user_version is 3)"));
    Db untouched(newer.path);
    CHECK(untouched.count("runs") == 0);
}
