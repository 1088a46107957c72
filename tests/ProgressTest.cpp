#include <catch2/catch.hpp>

#include "test_support.hpp"
#include "vetcheck/engine/progress.hpp"

using namespace vetcheck;
using vetcheck::testing::check_text;

namespace {

// The test pack with its targets due in 2025, so that a 2023 plan is checked at mid-term.
std::string mid_term_pack() {
    std::string pack = vetcheck::testing::kTestPack;
    std::string from = "period: {from: 2020, to: 2023}";
    pack.replace(pack.find(from), from.size(), "period: {from: 2020, to: 2025}");
    return pack;
}

std::string school(int year = 2023) {
    return "plan: {name: 学校, level: school, type: 高职, year: " + std::to_string(year) +
           ", packs: [test-pack]}\n";
}
std::string city(int year = 2023) {
    return "plan: {name: 市, level: city, year: " + std::to_string(year) +
           ", packs: [test-pack]}\n";
}

// 1:350 for 3500 students is 10 teachers; from 5 in 2020, the on-track line asks 8 in 2023.
std::string teachers_since_2020(int teachers_2023) {
    return school() +
           "baseline: {year: 2020, students.full_time: 3500, teachers.ideological_political: 5}\n"
           "facts: {students.full_time: 3500, teachers.ideological_political: " +
           std::to_string(teachers_2023) + "}\n";
}

}  // namespace

TEST_CASE("Progress: task done exactly equal to time elapsed is on track", "[progress]") {
    auto c = check_text(teachers_since_2020(8), mid_term_pack());
    const Result& r = c->result("ratio");
    REQUIRE(r.progress);
    CHECK(r.status == Status::OnTrack);
    CHECK(r.progress->base_year == 2020);
    CHECK(r.progress->time_elapsed == Rational(3, 5));
    CHECK(r.progress->task_done == Rational(3, 5));
    CHECK_FALSE(r.progress->to_level);
}

TEST_CASE("Progress: one teacher fewer is behind, one teacher short of the pace", "[progress]") {
    auto c = check_text(teachers_since_2020(7), mid_term_pack());
    const Result& r = c->result("ratio");
    REQUIRE(r.progress);
    CHECK(r.status == Status::Behind);
    CHECK(r.progress->task_done == Rational(2, 5));
    REQUIRE(r.progress->to_level);
    CHECK(r.progress->to_level->change() == Rational(1));
    CHECK(r.progress->to_level->needed == Rational(8));
}

TEST_CASE("Progress: a share, in points of the share", "[progress]") {
    auto plan = [](int dq) {
        return school() +
               "baseline: {year: 2020, teachers: {professional: 100, double_qualified: 30}}\n"
               "facts: {teachers: {professional: 100, double_qualified: " +
               std::to_string(dq) + "}}\n";
    };
    auto on = check_text(plan(42), mid_term_pack());  // 12 of 20 points in 3 of 5 years
    CHECK(on->result("share").status == Status::OnTrack);
    auto behind = check_text(plan(41), mid_term_pack());
    const Result& r = behind->result("share");
    CHECK(r.status == Status::Behind);
    CHECK(r.progress->level == Rational(42, 100));
    REQUIRE(r.progress->to_level);
    CHECK(r.progress->to_level->change() == Rational(1));
}

TEST_CASE("Progress: a reduction target (≤2% dropout) is measured downward", "[progress]") {
    auto plan = [](const char* now) {
        return city() + "baseline: {year: 2020, dropout_rate: 4%}\nfacts: {dropout_rate: " +
               std::string(now) + "}\n";
    };
    auto on = check_text(plan("2.8%"), mid_term_pack());  // 1.2 of 2 points down in 3 of 5 years
    const Result& r = on->result("upper");
    CHECK(r.status == Status::OnTrack);
    CHECK(r.progress->task_done == Rational(3, 5));
    auto behind = check_text(plan("2.9%"), mid_term_pack());
    CHECK(behind->result("upper").status == Status::Behind);
    CHECK(behind->result("upper").progress->level == Rational(28, 1000));
}

TEST_CASE("Progress: a baseline already past the target leaves no progress to measure",
          "[progress]") {
    auto c = check_text(city() +
                            "baseline: {year: 2020, dropout_rate: 1.5%}\n"
                            "facts: {dropout_rate: 2.5%}\n",
                        mid_term_pack());
    const Result& r = c->result("upper");
    CHECK(r.status == Status::NotDue);
    CHECK_FALSE(r.progress);
}

TEST_CASE("Progress: a target met already stays as it is, without a progress line", "[progress]") {
    auto c = check_text(teachers_since_2020(10), mid_term_pack());
    CHECK(c->result("ratio").status == Status::NotDue);
    CHECK_FALSE(c->result("ratio").progress);
}

TEST_CASE("Progress: figures by year; a missing middle year is missing, not interpolated",
          "[progress]") {
    auto c = check_text(city() + "facts: {index.contribution: {2020: 70, 2021: 72, 2023: 78}}\n",
                        mid_term_pack());
    const Result& r = c->result("index");
    REQUIRE(r.progress);
    REQUIRE(r.progress->figures.size() == 3);
    CHECK(r.progress->figures[0].year == 2020);
    CHECK(r.progress->figures[1].year == 2021);
    CHECK(r.progress->figures[2].year == 2023);
    CHECK(r.actual->value == Rational(78));
    // (78 − 70) / (85 − 70) = 8/15 < 3/5
    CHECK(r.status == Status::Behind);
}

TEST_CASE("Progress: the year checked picks the figure; a year not given is missing",
          "[progress]") {
    std::string plan = city() + "facts: {index.contribution: {2020: 70, 2021: 76}}\n";
    auto c = check_text(plan, mid_term_pack());
    const Result& r = c->result("index");
    CHECK(r.status == Status::NotDue);  // not due, and its 2023 figure is missing
    REQUIRE(r.missing.size() == 1);
    CHECK(r.missing[0] == "index.contribution (2023)");
    // --as-of 2021 checks the 2021 figure: 6 of 15 points in 1 of 5 years.
    CheckOptions as_of;
    as_of.as_of = 2021;
    auto results = check_plan(*c->loaded.rules, c->loaded.plan, as_of);
    const Result* in_2021 = nullptr;
    for (const Result& x : results)
        if (x.indicator().id == "index") in_2021 = &x;
    REQUIRE(in_2021);
    CHECK(in_2021->actual->value == Rational(76));
    CHECK(in_2021->status == Status::OnTrack);
}

TEST_CASE("Progress: figures by year are read as the fact's type, with their line",
          "[progress][input]") {
    auto expect_error = [](const std::string& plan, const std::string& part) {
        try {
            check_text(plan, mid_term_pack());
            FAIL("no error for " << plan);
        } catch (const InputError& e) {
            CHECK_THAT(e.what(), Catch::Contains(part));
        }
    };
    expect_error(city() + "facts: {index.contribution: {twenty: 70}}\n",
                 "expected a year such as 2021");
    expect_error(city() + "facts: {index.contribution: {2024: 70}}\n",
                 "expected figures up to the plan's year 2023, got a figure for 2024");
    expect_error(city() + "facts: {dropout_rate: {2021: 八十}}\n", "dropout_rate: expected");
    expect_error(city() + "baseline: {year: 2023, dropout_rate: 4%}\n",
                 "baseline.year: expected a year before the plan's year 2023");
    expect_error(city() + "baseline: {dropout_rate: 4%}\n", "baseline: expected year:");
    expect_error(city() +
                     "baseline: {year: 2020, dropout_rate: 4%}\n"
                     "facts: {dropout_rate: {2020: 3%}}\n",
                 "given twice for 2020");
}

TEST_CASE("Progress: least squares from three years, a line through two", "[progress]") {
    using V = std::vector<YearValue>;
    auto three = measure_progress(V{{2020, Rational(0)}, {2021, Rational(2)}, {2022, Rational(2)}},
                                  2025, Rational(5), Direction::Up);
    REQUIRE(three);
    CHECK(*three->projected_at_deadline == Rational(16, 3));  // slope 1 through (1, 4/3)
    CHECK(three->reached_in == 2025);                         // x = 4 2/3 years after 2020
    // The line in the year checked, not the year's figure (2): where a chart's projection starts.
    CHECK(*three->projected_at_year == Rational(7, 3));
    auto two = measure_progress(V{{2020, Rational(10)}, {2023, Rational(16)}}, 2025, Rational(20),
                                Direction::Up);
    REQUIRE(two);
    CHECK(*two->projected_at_deadline == Rational(20));
    CHECK(*two->projected_at_year == Rational(16));  // through both figures
    CHECK(two->reached_in == 2025);
    CHECK(two->time_elapsed == Rational(3, 5));
    CHECK(two->task_done == Rational(6, 10));
    auto slow = measure_progress(V{{2020, Rational(10)}, {2023, Rational(11)}}, 2025, Rational(20),
                                 Direction::Up);
    CHECK(slow->reached_in == 2050);  // a third of a point a year: 10 more take 30 years
}

TEST_CASE("Progress: a pace that moves away from the target never reaches it", "[progress]") {
    using V = std::vector<YearValue>;
    auto away = measure_progress(V{{2020, Rational(4)}, {2021, Rational(5)}, {2023, Rational(5)}},
                                 2025, Rational(2), Direction::Down);
    REQUIRE(away);
    CHECK_FALSE(away->reached_in);  // "not at this pace"
    CHECK(away->task_done < Rational(0));
    CHECK_FALSE(away->on_track());
    // No task: a baseline at the target, or a deadline not after the base year.
    CHECK_FALSE(measure_progress(V{{2020, Rational(2)}, {2023, Rational(3)}}, 2025, Rational(2),
                                 Direction::Down));
    CHECK_FALSE(measure_progress(V{{2020, Rational(1)}, {2023, Rational(3)}}, 2020, Rational(5),
                                 Direction::Up));
}
