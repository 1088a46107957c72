#include <catch2/catch.hpp>

#include "test_support.hpp"
#include "vetcheck/base/text.hpp"
#include "vetcheck/compile/lint.hpp"

using namespace vetcheck;

namespace {
// A province pack that restates national targets more weakly in every way lint knows.
const char* kWeakened = R"yaml(
pack: {id: weak, title: W, period: {from: 2021, to: 2025}, level: province, extends: [cn-2020-7]}
drops:
  - {id: craftsmanship_education_hours}
  - {id: textbook_spot_check_share, reason: 本省教材抽查由国家统一组织}
indicators:
  - id: ideological_teacher_ratio
    name: 专职思政课教师配备
    subject: institution
    types: [高职]
    measure: teachers.ideological_political / students.full_time
    op: ">="
    target: 1:400
    word: 不低于
    deadline: 2025
    source: {file: f, section: s, quote: q}
  - id: double_qualified_teacher_share
    name: 双师型
    subject: institution
    measure: teachers.double_qualified / teachers.professional
    op: ">="
    target: 50%
    word: 达到
    deadline: 2023
    source: {file: f, section: s, quote: q}
  - id: practical_teaching_share
    name: 实践性教学学时占比
    subject: institution
    measure: hours.practical / hours.total
    op: ">="
    target: 60%
    word: 原则上…以上
    severity: advisory
    deadline: 2023
    source: {file: f, section: s, quote: q}
  - id: training_headcount_multiple
    name: 培训
    subject: institution
    when: is_quality_school
    measure: training.headcount_annual / students.full_time
    op: ">="
    target: 1.5倍
    word: 达到
    deadline: 2023
    relaxes: 本省按1.5倍起步，2025年达到2倍
    source: {file: f, section: s, quote: q}
)yaml";

std::vector<std::string> messages(const std::vector<LintFinding>& findings, bool explained) {
    std::vector<std::string> out;
    for (const auto& f : findings)
        if (f.explained() == explained) out.push_back(f.indicator + ": " + f.message);
    return out;
}
}  // namespace

TEST_CASE("Lint: a deliberately weakened child pack", "[lint]") {
    Catalog catalog;
    catalog.add_text(kWeakened, "weak.yaml");
    auto findings = lint_pack(catalog, "weak");
    auto unexplained = messages(findings, false);
    INFO(join(unexplained, "\n"));
    CHECK(std::count(unexplained.begin(), unexplained.end(),
                     "ideological_teacher_ratio: target ≥1:400 for 高职 is weaker than the "
                     "parent's ≥1:350") == 1);
    CHECK(std::count(unexplained.begin(), unexplained.end(),
                     "ideological_teacher_ratio: due 2025 where the parent's is due 2023") == 1);
    CHECK(std::count(unexplained.begin(), unexplained.end(),
                     "ideological_teacher_ratio: does not cover 职业本科 institutions, which the "
                     "parent does") == 1);
    CHECK(std::count(
              unexplained.begin(), unexplained.end(),
              "double_qualified_teacher_share: target ≥50% is weaker than the parent's >50%") == 1);
    CHECK(std::count(unexplained.begin(), unexplained.end(),
                     "craftsmanship_education_hours: drops an indicator of the packs it extends") ==
          1);
    // A higher threshold that is advisory where the parent's is advisory too is not weaker.
    for (const auto& m : unexplained)
        CHECK(m.find("practical_teaching_share") == std::string::npos);
    auto explained = messages(findings, true);
    CHECK(explained.size() == 2);
    CHECK(std::count(
              explained.begin(), explained.end(),
              "training_headcount_multiple: target ≥1.5倍 is weaker than the parent's ≥2倍") == 1);
    CHECK(unexplained.size() == 5);
}

TEST_CASE("Lint: advisory where the parent is required", "[lint]") {
    Catalog catalog;
    catalog.add_text(R"yaml(
pack: {id: soft, title: S, period: {from: 2021, to: 2023}, level: province, extends: [cn-2020-7]}
indicators:
  - {id: labor_education_compulsory_course, name: 劳动教育, subject: institution,
     require: courses.labor_education_required, word: 鼓励, severity: advisory, deadline: 2023,
     source: {file: f, section: s, quote: q}}
)yaml",
                     "soft.yaml");
    auto unexplained = messages(lint_pack(catalog, "soft"), false);
    REQUIRE(unexplained.size() == 1);
    CHECK(unexplained[0] ==
          "labor_education_compulsory_course: advisory where the parent's is required");
}

TEST_CASE("Lint: dropping an indicator no parent has is an error", "[lint]") {
    Catalog catalog;
    catalog.add_text(
        "pack: {id: d, title: D, period: {from: 2021}, level: province, extends: [cn-2020-7]}\n"
        "drops: [{id: no_such_indicator, reason: x}]\nindicators: []\n",
        "d.yaml");
    CHECK_THROWS_WITH(
        catalog.compile({"d"}, SourceLocation{"t"}),
        "d.yaml:2:9: drops: no pack that 'd' extends has an indicator 'no_such_indicator'");
}

TEST_CASE("Lint: the shipped packs lint clean or explain their differences", "[lint][packs]") {
    Catalog catalog;
    for (const auto& p : embedded_packs()) {
        auto unexplained = messages(lint_pack(catalog, p.id), false);
        INFO(p.id << ":\n" << join(unexplained, "\n"));
        CHECK(unexplained.empty());
    }
}
