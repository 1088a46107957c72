#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "vetcheck/input/history_figures.hpp"
#include "vetcheck/input/results_schema.hpp"

using namespace vetcheck;
namespace fs = std::filesystem;

namespace {

// A results database holding, for plan `school-a` (subject id "S"), the facts of one run per
// plan year given as (year, key, "num/den").
struct StoredRuns {
    std::string path;
    explicit StoredRuns(const std::string& name)
        : path((fs::temp_directory_path() /
                ("vetcheck-history-" + std::to_string(::getpid()) + "-" + name))
                   .string()) {
        fs::remove(path);
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        for (int v = 1; v <= kResultsSchemaVersion; ++v)
            REQUIRE(sqlite3_exec(db, results_schema_step(v), nullptr, nullptr, nullptr) ==
                    SQLITE_OK);
        sql(db, "PRAGMA user_version = " + std::to_string(kResultsSchemaVersion));
        sqlite3_close(db);
    }
    ~StoredRuns() { fs::remove(path); }

    static void sql(sqlite3* db, const std::string& text) {
        char* error = nullptr;
        int rc = sqlite3_exec(db, text.c_str(), nullptr, nullptr, &error);
        INFO(text << ": " << (error ? error : ""));
        sqlite3_free(error);
        REQUIRE(rc == SQLITE_OK);
    }
    // One run checking `plan_id` as of `year`, with the facts given.
    void run(int year, const std::vector<std::pair<std::string, std::string>>& facts,
             const std::string& plan_id = "school-a") {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        sql(db,
            "INSERT INTO runs (started_at, vetcheck_version, lang, fail_on, inputs) VALUES "
            "('2026-01-01T00:00:00Z', 'test', 'en', 'fail', 'x')");
        sql(db,
            "INSERT INTO plans (run, file, plan_id, year, status, not_applicable) VALUES "
            "(last_insert_rowid(), 'x.yaml', '" +
                plan_id + "', " + std::to_string(year) + ", 'pass', 0)");
        sql(db,
            "INSERT INTO results (run, plan, indicator, status) VALUES ((SELECT max(id) "
            "FROM runs), last_insert_rowid(), 1, 'pass')");
        for (const auto& [key, exact] : facts)
            sql(db,
                "INSERT INTO result_facts (result, key, subject_id, value_exact, value_text) "
                "VALUES ((SELECT max(id) FROM results), '" +
                    key + "', 'S', '" + exact + "', 'x')");
        sqlite3_close(db);
    }
};

Plan school_of(int year) {
    Plan plan;
    plan.id = "school-a";
    plan.year = year;
    plan.whole.id = "S";
    plan.whole.facts["teachers"] =
        FactValue(Quantity{Rational(300), Unit{}, Notation::Plain}, SourceLocation{"p.yaml"});
    plan.whole.facts["rate"] = FactValue(Quantity{Rational(29, 1000), Unit{}, Notation::Percent},
                                         SourceLocation{"p.yaml"});
    return plan;
}

std::string figures(const Plan& plan, const std::string& key) {
    std::string text;
    for (const auto& [year, figure] : plan.whole.facts.at(key).by_year)
        text += std::to_string(year) + "=" + describe(figure.value) + " ";
    return text;
}

}  // namespace

TEST_CASE(
    "history figures: a plan gets the figures of its earlier plan years, the latest run of each") {
    StoredRuns db("merge.db");
    db.run(2021, {{"teachers", "200/1"}, {"rate", "36/1000"}});
    db.run(2022, {{"teachers", "230/1"}, {"rate", "31/1000"}});
    db.run(2022, {{"teachers", "240/1"}, {"rate", "31/1000"}});  // a corrected 2022 report
    db.run(2023, {{"teachers", "999/1"}});                       // the year checked: not read
    db.run(2020, {{"teachers", "5/1"}}, "school-b");             // another plan id
    Plan plan = school_of(2023);
    HistoryFigures(db.path).add_to(plan);
    CHECK(figures(plan, "teachers") == "2021=200 2022=240 ");
    CHECK(figures(plan, "rate") == "2021=3.6% 2022=3.1% ");  // shown in the plan's notation
    CHECK(plan.figure_years == std::vector<int>{2021, 2022});
    // The year checked keeps the plan's own value.
    CHECK(describe(plan.whole.find("teachers", 2023)->value) == "300");
}

TEST_CASE("history figures: the plan's own figure wins, and a missing middle year stays missing") {
    StoredRuns db("own.db");
    db.run(2020, {{"teachers", "150/1"}});
    db.run(2022, {{"teachers", "240/1"}});
    Plan plan = school_of(2023);
    FactValue& teachers = plan.whole.facts["teachers"];
    teachers.by_year.push_back(
        {2020, Figure{Quantity{Rational(160), Unit{}, Notation::Plain}, SourceLocation{"p.yaml"}}});
    HistoryFigures(db.path).add_to(plan);
    CHECK(figures(plan, "teachers") == "2020=160 2022=240 ");  // no 2021: never interpolated
    CHECK(plan.whole.facts.at("teachers").by_year.front().second.where.file.str() == "p.yaml");
    CHECK(plan.figure_years == std::vector<int>{2020, 2022});
}

TEST_CASE("history figures: a database without stored values is refused by its version") {
    StoredRuns db("v1.db");
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(db.path.c_str(), &raw) == SQLITE_OK);
    StoredRuns::sql(raw, "PRAGMA user_version = 1");
    sqlite3_close(raw);
    CHECK_THROWS_WITH(HistoryFigures(db.path), Catch::Contains("its user_version is 1"));
    CHECK_THROWS_WITH(HistoryFigures(db.path + ".none"),
                      Catch::Contains("No such file or directory"));
}
