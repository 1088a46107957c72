#include <sstream>

#include <catch2/catch.hpp>

#include "test_support.hpp"
#include "vetcheck/base/text.hpp"
#include "vetcheck/compile/lint.hpp"
#include "vetcheck/report/lint_text.hpp"
#include "vetcheck/report/pack_document.hpp"

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

TEST_CASE("Lint findings as text, Markdown and JSON", "[lint][report]") {
    Catalog catalog;
    catalog.add_text(kWeakened, "weak.yaml");
    auto findings = lint_pack(catalog, "weak");
    auto render = [&](report::TextFormat format, Lang lang) {
        std::ostringstream out;
        report::write_lint("weak", findings, lang, format, out);
        return out.str();
    };
    std::string term = render(report::TextFormat::Terminal, Lang::En);
    CHECK(term.find("weak: 7 findings, 5 unexplained\n") != std::string::npos);
    CHECK(term.find("    explained: ") != std::string::npos);
    std::string md = render(report::TextFormat::Markdown, Lang::Zh);
    CHECK(md.find("| 位置 | 指标 | 上级文件 | 问题 | 说明 |") != std::string::npos);
    CHECK(md.find("**未说明**") != std::string::npos);
    CHECK(md.find("7 处弱于上级文件，5 处未说明。") != std::string::npos);
    std::string json = render(report::TextFormat::Json, Lang::En);
    CHECK(json.rfind("{\n  \"schema\": \"vetcheck-lint/1\",\n  \"pack\": \"weak\",", 0) == 0);
    CHECK(json.find("\"unexplained\": 5") != std::string::npos);
    CHECK(json.find("\"file\": \"weak.yaml\"") != std::string::npos);
    // A pack that lints clean says so in every form.
    std::ostringstream clean;
    report::write_lint("zj-2021", {}, Lang::En, report::TextFormat::Markdown, clean);
    CHECK(clean.str() == "# lint of `zj-2021`\n\n0 finding(s), 0 unexplained.\n");
}

TEST_CASE("Subcommand formats by name", "[report]") {
    report::TextFormat f = report::TextFormat::Json;
    CHECK(report::parse_text_format("term", &f));
    CHECK(f == report::TextFormat::Terminal);
    CHECK(report::parse_text_format("md", &f));
    CHECK(f == report::TextFormat::Markdown);
    CHECK_FALSE(report::parse_text_format("html", &f));
    CHECK(report::text_format_names() == std::vector<std::string>{"term", "markdown", "json"});
}

TEST_CASE("Packs as Markdown and JSON", "[packs][report]") {
    Catalog catalog;
    catalog.add_text(kWeakened, "weak.yaml");
    std::ostringstream md;
    report::write_pack(catalog, "weak", Lang::En, report::TextFormat::Markdown, md);
    // A formula is a code span: verbatim, no Markdown escapes inside.
    CHECK(md.str().find("| `teachers.ideological_political / students.full_time >= 1:400` |") !=
          std::string::npos);
    std::ostringstream json;
    report::write_pack(catalog, "weak", Lang::En, report::TextFormat::Json, json);
    CHECK(json.str().find("\"schema\": \"vetcheck-pack/1\"") != std::string::npos);
    CHECK(json.str().find("\"extends\": [\n      \"cn-2020-7\"\n    ]") != std::string::npos);
    std::ostringstream list;
    report::write_pack_list(catalog, Lang::Zh, report::TextFormat::Markdown, list);
    CHECK(list.str().find("| `weak` | province | 2021–2025 | — |") != std::string::npos);
    std::ostringstream none;
    CHECK_FALSE(report::write_explanation(catalog, "no_such_indicator", Lang::En,
                                          report::TextFormat::Json, none));
    CHECK(none.str().empty());
    std::ostringstream explained;
    REQUIRE(report::write_explanation(catalog, "ideological_teacher_ratio", Lang::Zh,
                                      report::TextFormat::Markdown, explained));
    CHECK(explained.str().find("- 弱于 cn-2020-7: ") != std::string::npos);
    CHECK(explained.str().find("- 适用: 各院校 · 期限 2025 · 约束性") != std::string::npos);
}
