#include <catch2/catch.hpp>

#include <sstream>

#include <fmt/format.h>

#include "test_support.hpp"
#include "vetcheck/report/github_reporter.hpp"

using namespace vetcheck;
using vetcheck::testing::check_text;
using vetcheck::testing::lines_of;

namespace {

// Year 2023: the targets due 2025 are not due yet. The institution's name holds a comma, a colon,
// a percent sign and a line break, which the message must carry escaped.
const std::string kPlan =
    "plan: {name: XX市行动计划, level: city, year: 2023, packs: [test-pack]}\n"
    "facts: {dropout_rate: 2.5%, funding.per_student: 9000, funding.per_student_general: 5000}\n"
    "institutions:\n"
    "  - {id: poly, name: \"XX学院, 东校区: 100%\\n新校区\", type: 高职, facts: "
    "{students.full_time: "
    "4500, teachers.ideological_political: 9, teachers.professional: 100, "
    "teachers.double_qualified: 60, hours.practical: 40, hours.total: 100}}\n";

// The test pack with an indicator name that needs escaping as a property value.
std::string pack() {
    std::string p = vetcheck::testing::kTestPack;
    std::string from = "en: ideological teacher ratio}";
    p.replace(p.find(from), from.size(), "en: \"ratio: teachers, students\"}");
    return p;
}

struct Rendered {
    std::unique_ptr<vetcheck::testing::Checked> checked;
    std::string text;
};

Rendered render(Lang lang = Lang::En) {
    Rendered out{check_text(kPlan, pack()), ""};
    auto& c = *out.checked;
    report::PlanReport r{std::make_shared<Plan>(c.loaded.plan), c.loaded.rules, c.results};
    report::ReportOptions o;
    o.lang = lang;
    std::ostringstream text;
    report::GithubReporter().write({r}, o, text);
    out.text = text.str();
    return out;
}

int count_prefix(const std::vector<std::string>& lines, const std::string& prefix) {
    int n = 0;
    for (const auto& l : lines) n += l.rfind(prefix, 0) == 0;
    return n;
}

std::string line_for(const std::vector<std::string>& lines, const std::string& part) {
    for (const auto& l : lines)
        if (l.find(part) != std::string::npos) return l;
    return "";
}

}  // namespace

TEST_CASE("GitHub: escaping of messages and property values", "[github]") {
    using report::github_escape_data;
    using report::github_escape_property;
    CHECK(github_escape_data("50% a:b,c\r\nd") == "50%25 a:b,c%0D%0Ad");
    CHECK(github_escape_property("50% a:b,c\r\nd") == "50%25 a%3Ab%2Cc%0D%0Ad");
    CHECK(github_escape_data("%25") == "%2525");  // escaped once, not mistaken for an escape
    CHECK(github_escape_property("专职思政课教师配备") == "专职思政课教师配备");
}

TEST_CASE("GitHub: one annotation per result that does not pass, then a summary", "[github]") {
    Rendered r = render();
    INFO(r.text);
    auto lines = lines_of(r.text);
    Summary s = summarize(r.checked->results);
    int errors = s.count(Status::Fail) + s.count(Status::Missing) + s.count(Status::Error);
    REQUIRE(errors > 0);
    REQUIRE(s.count(Status::Advisory) > 0);
    REQUIRE(s.count(Status::NotDue) > 0);
    CHECK(count_prefix(lines, "::error ") == errors);
    CHECK(count_prefix(lines, "::warning ") == s.count(Status::Advisory));
    CHECK(count_prefix(lines, "::notice ") == s.count(Status::NotDue));
    int annotations = errors + s.count(Status::Advisory) + s.count(Status::NotDue);
    REQUIRE(static_cast<int>(lines.size()) == annotations + 1);
    CHECK(lines.back().rfind("vetcheck: 1 plan, 10 checks: 1 pass · ", 0) == 0);
    CHECK(lines.back().find("; exit 1") != std::string::npos);
}

TEST_CASE("GitHub: an annotation points at the deciding line and escapes its parts", "[github]") {
    Rendered r = render();
    auto lines = lines_of(r.text);
    const Result& ratio = r.checked->result("ratio", "poly");
    std::string line = line_for(lines, "title=ratio");
    INFO(line);
    CHECK(line.rfind(fmt::format("::error file=plan.yaml,line={},col={},title=ratio%3A teachers%2C "
                                 "students::fail — XX学院, 东校区: 100%25%0A新校区 (高职): 1:500, "
                                 "needs ≥1:350; 4 more ideological-political teachers (9 → 13人)%0A"
                                 "Source: 《测试》 s: “q”",
                                 ratio.deciding.line, ratio.deciding.column),
                     0) == 0);
    CHECK(line.find('\n') == std::string::npos);
    CHECK(line.find('\r') == std::string::npos);
}

TEST_CASE("GitHub: levels and messages per status", "[github]") {
    auto lines = lines_of(render().text);
    CHECK(line_for(lines, "title=practical share::").find("::warning file=plan.yaml,line=4,") == 0);
    CHECK(line_for(lines, "title=practical share::").find("::XX学院") != std::string::npos);
    CHECK(line_for(lines, "advisory; 10 more practical hours (40 → 50学时)") != "");
    std::string missing = line_for(lines, "title=labour education course::");
    CHECK(missing.rfind("::error ", 0) == 0);
    CHECK(missing.find("needs yes; missing data: courses.labor_required") != std::string::npos);
    std::string not_due = line_for(lines, "title=contribution index::");
    CHECK(not_due.rfind("::notice ", 0) == 0);
    CHECK(
        not_due.find(
            "::not due — plan as a whole: needs ≥85; due 2025; missing data: index.contribution") !=
        std::string::npos);
    CHECK(line_for(lines, "title=double-qualified share") == "");  // passes: no annotation
    CHECK(line_for(lines, "title=strong schools") == "");          // n/a: no annotation
}

TEST_CASE("GitHub: Chinese messages", "[github]") {
    auto lines = lines_of(render(Lang::Zh).text);
    CHECK(line_for(lines, "title=专职思政课教师配备::未达标 — ") != "");
    CHECK(line_for(lines, "需增加4人（专职思政课教师数9→13）%0A依据: 《测试》 s: “q”") != "");
    CHECK(lines.back().rfind("vetcheck: 1 个规划, 10 项检查: ", 0) == 0);
}

TEST_CASE("GitHub: streams plan by plan and annotates an input that could not be checked",
          "[github]") {
    Rendered first = render();
    auto& c = *first.checked;
    report::PlanReport r{std::make_shared<Plan>(c.loaded.plan), c.loaded.rules, c.results};
    report::GithubReporter reporter;
    std::ostringstream out;
    reporter.begin(report::RunInfo{}, report::ReportOptions{}, out);
    reporter.plan(r, out);
    // The plan's annotations are out before the run ends: nothing is held for the batch.
    CHECK(out.str().find("::error file=plan.yaml") != std::string::npos);
    SourceLocation at{FileName("bad, plan.yaml"), 3, 7};
    reporter.failure(InputFailure{InputError(at, "expected a number, found \"x\"\nhere"), ""}, out);
    report::RunTotals totals;
    totals.plans = 1;
    totals.failures = 1;
    totals.total = summarize(r.results);
    reporter.end(totals, out);
    auto lines = lines_of(out.str());
    CHECK(line_for(lines, "title=vetcheck::") ==
          "::error file=bad%2C plan.yaml,line=3,col=7,title=vetcheck::expected a number, found "
          "\"x\"%0Ahere");
    CHECK(lines.back().rfind("vetcheck: 1 plan, ", 0) == 0);
}
