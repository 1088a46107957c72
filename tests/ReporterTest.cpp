#include <catch2/catch.hpp>

#include <sstream>

#include "test_support.hpp"
#include "vetcheck/base/text.hpp"
#include "vetcheck/report/format.hpp"
#include "vetcheck/report/terminal_reporter.hpp"

using namespace vetcheck;
using vetcheck::testing::check_report;
using vetcheck::testing::check_text;
using vetcheck::testing::lines_of;

namespace {
const std::string kPlan =
    "plan: {name: XX市行动计划, level: city, year: 2025, packs: [test-pack]}\n"
    "facts: {dropout_rate: 2.5%, funding.per_student: 9000, funding.per_student_general: 5000}\n"
    "institutions:\n"
    "  - {id: poly, name: XX职业技术学院, type: 高职, facts: {students.full_time: 4500, "
    "teachers.ideological_political: 9, teachers.professional: 100, teachers.double_qualified: "
    "60}}\n";

std::string render(Lang lang, bool color = false, bool show_all = false) {
    report::ReportOptions o;
    o.lang = lang;
    o.color = color;
    o.show_all = show_all;
    return testing::write_report(report::TerminalReporter(), {check_report(kPlan).report}, o);
}
}  // namespace

TEST_CASE("Reporter: terminal report in English", "[reporter]") {
    std::string out = render(Lang::En);
    INFO(out);
    CHECK(out.find("XX市行动计划 (2025) — against Test pack 2020–2023\n  plan.yaml\n") == 0);
    CHECK(out.find("  plan as a whole\n") != std::string::npos);
    CHECK(out.find("  XX职业技术学院 (高职)\n") != std::string::npos);
    CHECK(out.find("✗ ideological teacher ratio") != std::string::npos);
    CHECK(out.find("1:500  needs ≥1:350  4 more ideological-political teachers (9 → 13人)") !=
          std::string::npos);
    CHECK(out.find("2.5%  needs ≤2%            0.5 points over") != std::string::npos);
    CHECK(out.find("? labour education course") != std::string::npos);
    CHECK(out.find("missing data: courses.labor_required") != std::string::npos);
    CHECK(out.find("exit 1") != std::string::npos);
    CHECK(out.find("\x1b[") == std::string::npos);
}

TEST_CASE("Reporter: columns align with wide characters counted as two", "[reporter]") {
    auto lines = lines_of(render(Lang::Zh));
    std::vector<int> needs_columns;
    for (const auto& line : lines) {
        if (line.find("XX职业技术学院") != std::string::npos || line.rfind("   ", 0) != 0) continue;
        size_t at = line.find(" 需 ");
        if (at == std::string::npos) continue;
        needs_columns.push_back(display_width(line.substr(0, at)));
    }
    REQUIRE(needs_columns.size() >= 3);
    // The institution group: its rows share one display column for "需" though names differ in
    // width.
    std::vector<int> group(needs_columns.end() - 3, needs_columns.end());
    CHECK(group[0] == group[1]);
    CHECK(group[1] == group[2]);
    auto c = lines_of(render(Lang::Zh));
    std::string joined;
    for (const auto& l : c) joined += l + "\n";
    INFO(joined);
    CHECK(joined.find("专职思政课教师配备") != std::string::npos);
    CHECK(joined.find("需增加4人（专职思政课教师数9→13）") != std::string::npos);
    CHECK(joined.find("超出 0.5 个百分点") != std::string::npos);
    CHECK(joined.find("项检查") != std::string::npos);
    CHECK(joined.find("退出码 1") != std::string::npos);
}

TEST_CASE("Reporter: colour only when asked", "[reporter]") {
    CHECK(render(Lang::En, true).find("\x1b[31m✗\x1b[0m") != std::string::npos);
}

TEST_CASE("Reporter: n/a results are counted, and listed with --all", "[reporter]") {
    std::string quiet = render(Lang::En);
    std::string all = render(Lang::En, false, true);
    CHECK(quiet.find("strong schools") == std::string::npos);
    CHECK(all.find("strong schools") != std::string::npos);
    CHECK(all.find("checked at province level") != std::string::npos);
    CHECK(quiet.find("n/a") != std::string::npos);
}

TEST_CASE("Reporter: gap words for each comparison", "[reporter]") {
    auto c = check_text(kPlan);
    CHECK(report::gap_text(c->result("share"), Lang::En).empty());  // 60% passes
    CHECK(report::gap_text(c->result("relative"), Lang::En) ==
          "1000 more per-student funds (9000 → 10000元)");
    CHECK(report::target_text(c->result("about"), Lang::En) == "≈10000人 ±10%");
    CHECK(report::status_text(Status::NotDue, Lang::Zh) == "未到期");
    CHECK(report::actual_text(c->result("yesno", "poly"), Lang::Zh) == "—");
}
