#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace vetcheck;
using vetcheck::testing::check_text;
using vetcheck::testing::plan_error;

namespace {
const std::string kSchool =
    "plan: {name: 学校, level: school, type: 高职, year: 2023, packs: [test-pack]}\n";
const std::string kCity = "plan: {name: 城市, level: city, year: 2025, packs: [test-pack]}\n";
}  // namespace

TEST_CASE("PlanLoader: a school report with nested and dotted keys", "[plan]") {
    auto c = check_text(kSchool +
                        "facts:\n  teachers:\n    professional: 100\n    double_qualified: 51\n"
                        "  students.full_time: 4500\n");
    const Plan& p = c->loaded.plan;
    CHECK(p.is_school());
    CHECK(p.whole.type == "高职");
    REQUIRE(p.whole.find("teachers.double_qualified"));
    CHECK(p.whole.find("teachers.double_qualified")->where.to_string() == "plan.yaml:5:23");
    CHECK(std::get<Quantity>(p.whole.find("students.full_time")->value).value == Rational(4500));
}

TEST_CASE("PlanLoader: a value that does not fit its fact", "[plan]") {
    CHECK(plan_error(kSchool + "facts:\n  teachers:\n    double_qualified: 八十\n") ==
          "plan.yaml:4:23: teachers.double_qualified: expected a whole number 人 (e.g. 4500), got "
          "\"八十\" "
          "(\"八十\" is not a number)");
    CHECK(plan_error(kSchool + "facts:\n  students.full_time: -5\n") ==
          "plan.yaml:3:23: students.full_time: expected a whole number 人 (e.g. 4500), got \"-5\" "
          "(a count cannot be "
          "negative)");
    CHECK(plan_error(kSchool + "facts:\n  students.full_time: 12.5\n")
              .find("a count is a whole number") != std::string::npos);
    CHECK(plan_error(kCity + "facts:\n  dropout_rate: 120%\n") ==
          "plan.yaml:3:17: dropout_rate: expected a percentage (e.g. 57%), got "
          "\"120%\" (a share "
          "lies between 0% and 100%)");
    CHECK(plan_error(kSchool + "facts:\n  hours.total: 2000人\n")
              .find("unit 人 does not match the fact's unit 学时") != std::string::npos);
    CHECK(plan_error(kSchool + "facts:\n  students.full_time: 80 %\n").find("has a space inside") !=
          std::string::npos);
    CHECK(plan_error(kSchool + "facts:\n  courses.labor_required: maybe\n") ==
          "plan.yaml:3:27: courses.labor_required: expected yes or no (true/false, 是/否), got "
          "\"maybe\"");
    CHECK(plan_error(kSchool + "facts:\n  students.full_time: [1, 2]\n").find("got a list") !=
          std::string::npos);
    CHECK(plan_error(kSchool + "facts:\n  students.full_time: 99999999999999999999999999\n")
              .find("number too large") != std::string::npos);
}

TEST_CASE("PlanLoader: accepted spellings of values", "[plan]") {
    auto c = check_text(kCity +
                        "facts:\n  funding.per_student: 1.2万元\n  dropout_rate: 1.5%\n"
                        "  index.contribution: 85\n");
    const Subject& w = c->loaded.plan.whole;
    CHECK(std::get<Quantity>(w.find("funding.per_student")->value).value == Rational(12000));
    CHECK(std::get<Quantity>(w.find("dropout_rate")->value).notation == Notation::Percent);
}

TEST_CASE("PlanLoader: unknown keys get a did-you-mean", "[plan]") {
    CHECK(plan_error(kSchool + "facts:\n  teachers:\n    double_qualifed: 3\n") ==
          "plan.yaml:4:5: unknown fact 'teachers.double_qualifed', did you mean "
          "'teachers.double_qualified'?");
    CHECK(plan_error("plan: {name: x, level: city, year: 2025, packs: [test-pack], yeer: 1}\n") ==
          "plan.yaml:1:62: plan: unknown field 'yeer', did you mean 'year'?");
    CHECK(plan_error(kCity + "institutes: []\n") ==
          "plan.yaml:2:1: document: unknown field 'institutes', did you mean 'institutions'?");
}

TEST_CASE("PlanLoader: facts must be reported where the vocabulary says", "[plan]") {
    CHECK(plan_error(kCity + "facts:\n  teachers.professional: 3\n") ==
          "plan.yaml:3:3: teachers.professional: this fact is reported by each institution (under "
          "institutions:), not "
          "here");
}

TEST_CASE("PlanLoader: required fields and document shape", "[plan]") {
    CHECK(plan_error("- a\n- b\n") ==
          "plan.yaml:1:1: a plan: expected a mapping with plan:, facts: and institutions:, got a "
          "list");
    CHECK(plan_error("") ==
          "plan.yaml:1:1: a plan: expected a mapping with plan:, facts: and institutions:, got "
          "nothing");
    CHECK(plan_error("just text\n").find("got \"just text\"") != std::string::npos);
    CHECK(plan_error("facts: {}\n") == "plan.yaml:1:1: document: missing required field 'plan'");
    CHECK(plan_error("plan: {name: x, level: town, year: 2025}\n") ==
          "plan.yaml:1:24: plan.level: expected one of national, province, city, county, school, "
          "got \"town\"");
    CHECK(plan_error("plan: {name: x, level: city, year: next}\n") ==
          "plan.yaml:1:36: plan.year: expected a whole number, got \"next\"");
    CHECK(plan_error("plan: {name: x, level: school, year: 2025, packs: [test-pack]}\n")
              .find("needs its type") != std::string::npos);
    CHECK(plan_error("plan: {name: x, level: city, year: 2025, packs: [cn-2020-8]}\n") ==
          "plan.yaml:1:49: unknown pack 'cn-2020-8', did you mean 'cn-2020-7'?");
}

TEST_CASE("PlanLoader: institutions", "[plan]") {
    auto c = check_text(
        kCity +
        "institutions:\n  - {id: a, name: 甲校, type: 中职, facts: {students.full_time: 10}}\n"
        "  - {id: b, type: 高职}\n");
    const Plan& p = c->loaded.plan;
    REQUIRE(p.institutions.size() == 2);
    CHECK(p.institutions[1].name == "b");
    CHECK(plan_error(kCity + "institutions:\n  - {id: a, type: 中职}\n  - {id: a, type: 高职}\n") ==
          "plan.yaml:4:5: institutions: duplicate id 'a'");
    CHECK(plan_error(kCity + "institutions:\n  - {id: a, type: 大学}\n") ==
          "plan.yaml:3:19: a.type: expected one of 中职, 高职, 技工, 职业本科, got \"大学\"");
    CHECK(plan_error(kSchool + "institutions: []\n").find("a school report has no institutions") !=
          std::string::npos);
}

TEST_CASE("PlanLoader: a plan that names no pack answers to the national pack", "[plan]") {
    Catalog catalog;
    auto loaded = load_plan("plan: {name: x, level: city, year: 2023}\n", "p.yaml", catalog);
    REQUIRE(loaded.rules->packs.size() == 1);
    CHECK(loaded.rules->packs[0]->info.id == "cn-2020-7");
}
