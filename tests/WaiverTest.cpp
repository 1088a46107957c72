#include <catch2/catch.hpp>

#include "test_support.hpp"
#include "vetcheck/base/date.hpp"
#include "vetcheck/engine/waivers.hpp"
#include "vetcheck/report/format.hpp"
#include "vetcheck/report/waiver_text.hpp"

using namespace vetcheck;
using vetcheck::testing::kTestPack;
using vetcheck::testing::plan_error;

namespace {

// A city with a 高职 college short of 1:350 (3500 students, 8 teachers), a 中职 school short of the
// double-qualified share, and a dropout rate over 2%; the waivers are appended.
const std::string kCity = R"(plan: {name: 测试市, level: city, year: 2023, packs: [test-pack]}
facts:
  dropout_rate: 3%
institutions:
  - id: poly
    name: 测试职业技术学院
    type: 高职
    facts: {students.full_time: 3500, teachers.ideological_political: 8, teachers.professional: 100, teachers.double_qualified: 60}
  - id: sec
    name: 测试中职学校
    type: 中职
    facts: {teachers.professional: 100, teachers.double_qualified: 40}
waivers:
)";

std::string waiver(const std::string& indicator, const std::string& institution = "",
                   const std::string& expires = "2024-12-31") {
    return "  - indicator: " + indicator + "\n" +
           (institution.empty() ? "" : "    institution: " + institution + "\n") +
           "    reason: 新教师 2024 年 9 月到岗\n    approved_by: 市教育局\n    expires: " +
           expires + "\n";
}

struct Checked {
    Catalog catalog;
    LoadedPlan loaded;
    std::vector<Result> results;

    const Result& result(const std::string& indicator, const std::string& subject) const {
        for (const auto& r : results)
            if (r.indicator().id == indicator && r.subject->id == subject) return r;
        throw std::logic_error("no result for " + indicator);
    }
};

std::unique_ptr<Checked> check(const std::string& plan, const char* today) {
    auto c = std::make_unique<Checked>();
    c->catalog.add_text(kTestPack, "test-pack.yaml");
    c->loaded = load_plan(plan, "plan.yaml", c->catalog);
    CheckOptions options;
    options.today = Date::parse(today);
    c->results = check_plan(*c->loaded.rules, c->loaded.plan, options);
    return c;
}

}  // namespace

TEST_CASE("Date: YYYY-MM-DD, real calendar dates only", "[waiver][date]") {
    CHECK(Date::parse("2024-02-29") == Date{2024, 2, 29});
    CHECK_FALSE(Date::parse("2023-02-29"));
    CHECK_FALSE(Date::parse("1900-02-29"));
    CHECK(Date::parse("2000-02-29"));
    CHECK_FALSE(Date::parse("2024-13-01"));
    CHECK_FALSE(Date::parse("2024-1-01"));
    CHECK_FALSE(Date::parse("2024/01/01"));
    CHECK_FALSE(Date::parse("２０２４-01-01"));
    CHECK_FALSE(Date::parse("+024-01-01"));
    CHECK(Date{2024, 12, 31} < Date{2025, 1, 1});
    CHECK(Date{2025, 1, 1}.to_string() == "2025-01-01");
    CHECK(Date::today().year >= 2024);
}

TEST_CASE("Waiver: a failing check named by a waiver in force is waived, with its reason",
          "[waiver]") {
    auto c = check(kCity + waiver("ratio", "poly"), "2024-06-01");
    const Result& r = c->result("ratio", "poly");
    CHECK(r.status == Status::Waived);
    CHECK(r.reason == "新教师 2024 年 9 月到岗");
    REQUIRE(r.waiver);
    CHECK(r.waiver->state == WaiverState::Applied);
    CHECK(r.waiver->original == Status::Fail);
    REQUIRE(r.shortfall);  // what it would take is still reported
    CHECK(r.shortfall->change() == Rational(2));
    CHECK(report::gap_text(r, Lang::En) ==
          "waived until 2024-12-31 (approved by 市教育局): 新教师 2024 年 9 月到岗; 2 more "
          "ideological-political teachers (8 → 10人)");
    CHECK(report::status_text(r.status, Lang::Zh) == "已豁免");
    // The other checks are untouched; waived does not fail the run by default.
    CHECK(c->result("share", "sec").status == Status::Fail);
    Summary s = summarize(c->results);
    CHECK(s.count(Status::Waived) == 1);
    CHECK_FALSE(FailPolicy::standard().fails_on(Status::Waived));
    auto findings = waiver_findings(c->loaded.plan, c->results);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].state == WaiverState::Applied);
    CHECK(findings[0].waived == 1);
    CHECK(report::waiver_warnings(c->loaded.plan, c->results, Lang::En).empty());
}

TEST_CASE("Waiver: the last day of a waiver is still in force; the day after it has expired",
          "[waiver]") {
    CHECK(check(kCity + waiver("ratio", "poly"), "2024-12-31")->result("ratio", "poly").status ==
          Status::Waived);
    auto c = check(kCity + waiver("ratio", "poly"), "2025-01-01");
    const Result& r = c->result("ratio", "poly");
    CHECK(r.status == Status::Fail);
    REQUIRE(r.waiver);
    CHECK(r.waiver->state == WaiverState::Expired);
    CHECK(report::gap_text(r, Lang::En)
              .rfind("waiver expired 2024-12-31 (approved by 市教育局); 2 "
                     "more",
                     0) == 0);
    CHECK(summarize(c->results).failed(FailPolicy::standard()));
    auto warnings = report::waiver_warnings(c->loaded.plan, c->results, Lang::En);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] ==
          "plan.yaml:14:5: waiver for ratio (poly) expired 2024-12-31: the check "
          "still fails");
}

TEST_CASE("Waiver: one for a check that passes anyway is reported as unnecessary", "[waiver]") {
    auto c =
        check(kCity + waiver("share", "poly") + waiver("per_unit") + waiver("index"), "2024-06-01");
    CHECK(c->result("share", "poly").status == Status::Pass);
    CHECK_FALSE(c->result("share", "poly").waiver);
    auto findings = waiver_findings(c->loaded.plan, c->results);
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].state == WaiverState::Unnecessary);
    CHECK(findings[0].why == WaiverFinding::Why::Passes);
    CHECK(findings[1].why == WaiverFinding::Why::DoesNotApply);  // per_unit: province plans only
    CHECK(findings[2].why == WaiverFinding::Why::NotDue);        // index: due 2025
    auto warnings = report::waiver_warnings(c->loaded.plan, c->results, Lang::En);
    REQUIRE(warnings.size() == 3);
    CHECK(warnings[0] ==
          "plan.yaml:14:5: waiver for share (poly) is unnecessary: the check passes");
    CHECK(report::waiver_warnings(c->loaded.plan, c->results, Lang::Zh)[0] ==
          "plan.yaml:14:5: share (poly) 的豁免不必要: 该项已达标");
}

TEST_CASE("Waiver: without an institution it covers every subject; a specific one comes first",
          "[waiver]") {
    auto c = check(kCity + waiver("share") + waiver("share", "sec", "2023-01-01") + waiver("upper"),
                   "2024-06-01");
    // sec's own waiver has expired: it decides, the general one does not step in.
    CHECK(c->result("share", "sec").status == Status::Fail);
    CHECK(c->result("share", "sec").waiver->state == WaiverState::Expired);
    CHECK(c->result("share", "poly").status == Status::Pass);
    const Result& upper = c->result("upper", c->loaded.plan.whole.id);
    CHECK(upper.status == Status::Waived);  // a plan-level target
}

TEST_CASE("Waiver: missing data and advisory results can be waived, errors cannot", "[waiver]") {
    std::string plan =
        R"(plan: {name: 学校, level: school, type: 高职, year: 2023, packs: [test-pack]}
facts: {hours.practical: 100, hours.total: 1000, teachers.professional: 0, teachers.double_qualified: 0}
waivers:
)" + waiver("practical") +
        waiver("ratio") + waiver("share");
    auto c = check(plan, "2024-01-01");
    const std::string id = c->loaded.plan.whole.id;
    CHECK(c->result("practical", id).status == Status::Waived);
    CHECK(c->result("practical", id).waiver->original == Status::Advisory);
    CHECK(c->result("ratio", id).status == Status::Waived);
    CHECK(c->result("ratio", id).waiver->original == Status::Missing);
    const Result& error = c->result("share", id);  // 0 / 0
    CHECK(error.status == Status::Error);
    CHECK(error.waiver->state == WaiverState::NotWaivable);
    CHECK(waiver_findings(c->loaded.plan, c->results)[2].state == WaiverState::NotWaivable);
}

TEST_CASE("Waiver: unknown indicators and institutions are input errors with a did-you-mean",
          "[waiver]") {
    CHECK(plan_error(kCity + waiver("ratoi", "poly")) ==
          "plan.yaml:14:16: waivers[].indicator: unknown indicator 'ratoi' in the packs this plan "
          "answers to (test-pack), did you mean 'ratio'?");
    CHECK(plan_error(kCity + waiver("ratio", "polly")) ==
          "plan.yaml:15:18: waivers[].institution: unknown institution 'polly', did you mean "
          "'poly'?");
    CHECK(plan_error(kCity + waiver("upper", "poly")) ==
          "plan.yaml:15:18: waivers[].institution: 'upper' is checked for the plan as a whole, not "
          "for each institution; leave institution: out");
    CHECK(plan_error(kCity + waiver("ratio", "poly", "2024-02-30")) ==
          "plan.yaml:18:14: waivers[].expires: expected a date YYYY-MM-DD such as 2025-12-31, got "
          "\"2024-02-30\"");
    CHECK(plan_error(kCity + waiver("ratio", "poly") + waiver("ratio", "poly")) ==
          "plan.yaml:19:5: waivers: a second waiver for 'ratio' (poly); the first is at "
          "plan.yaml:14:5");
    CHECK(plan_error(kCity + "  - {indicator: ratio, reason: r, approved_by: a}\n") ==
          "plan.yaml:14:5: waivers[]: missing required field 'expires'");
    CHECK(plan_error(kCity + "  - {indicator: ratio, reason: r, approvedby: a, expires: "
                             "2025-01-01}\n") ==
          "plan.yaml:14:35: waivers[]: unknown field 'approvedby', did you mean 'approved_by'?");
    CHECK(plan_error(kCity + "  - {indicator: ratio, reason: \"\", approved_by: a, expires: "
                             "2025-01-01}\n")
              .find("waivers[].reason: expected a non-empty string") != std::string::npos);
    CHECK(plan_error(std::string("plan: {name: x, level: city, year: 2023, packs: [test-pack]}\n") +
                     "waivers: {indicator: ratio}\n") ==
          "plan.yaml:2:10: waivers: expected a list of waivers, got a mapping");
}
