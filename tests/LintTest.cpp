#include <sstream>

#include <catch2/catch.hpp>

#include "test_support.hpp"
#include "vetcheck/base/text.hpp"
#include "vetcheck/compile/conflicts.hpp"
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
        if (f.explained() == explained) out.push_back(f.indicator + ": " + f.message.en);
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
        report::write_lint("weak", findings, {}, lang, format, out);
        return out.str();
    };
    std::string term = render(report::TextFormat::Terminal, Lang::En);
    CHECK(term.find("weak: 7 findings, 5 unexplained; 0 conflicts between documents\n") !=
          std::string::npos);
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
    report::write_lint("zj-2021", {}, {}, Lang::En, report::TextFormat::Markdown, clean);
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

namespace {
// A parent pack with a plain target, a band 左右, an institution-wide share and a conditionless
// count; the children below each weaken one of them in a way lint once missed.
const char* kParent = R"yaml(
pack: {id: base, title: B, period: {from: 2021, to: 2025}, level: province}
facts:
  - {key: schools.pilot, zh: 试点, en: pilots, unit: 个, type: count, subjects: [plan]}
  - {key: teachers.double_qualified, zh: 双师, en: dq, unit: 人, type: count}
  - {key: teachers.professional, zh: 专业课教师, en: prof, unit: 人, type: count}
  - {key: is_quality_school, zh: 优质, en: quality, type: boolean, subjects: [institution]}
indicators:
  - {id: pilots, name: 试点, subject: plan, measure: schools.pilot, op: about, target: 10个,
     tolerance: 1, word: 左右, source: {file: f, section: s, quote: q}}
  - {id: dq_share, name: 双师, subject: institution,
     measure: teachers.double_qualified / teachers.professional, op: ">=", target: 50%,
     word: 达到, source: {file: f, section: s, quote: q}}
)yaml";

// The parent pack and a child of it whose text after its header is `rest` (indicators: …).
void add_parent_and_child(Catalog& catalog, const std::string& rest) {
    catalog.add_text(kParent, "base.yaml");
    catalog.add_text(
        "pack: {id: child, title: C, period: {from: 2021, to: 2025}, level: city, extends: "
        "[base]}\n" +
            rest,
        "child.yaml");
}

std::vector<LintFinding> lint_child(const std::string& child_indicators) {
    Catalog catalog;
    add_parent_and_child(catalog, "indicators:\n" + child_indicators);
    return lint_pack(catalog, "child");
}

std::string only_message(const std::vector<LintFinding>& findings) {
    auto m = messages(findings, false);
    INFO(join(m, "\n"));
    REQUIRE(m.size() == 1);
    return m[0];
}
}  // namespace

TEST_CASE("Lint: a restated target narrowed by a new when", "[lint]") {
    auto findings = lint_child(R"yaml(
  - {id: dq_share, name: 双师, subject: institution, when: is_quality_school,
     measure: teachers.double_qualified / teachers.professional, op: ">=", target: 50%,
     word: 达到, source: {file: f, section: s, quote: q}}
)yaml");
    CHECK(only_message(findings) ==
          "dq_share: condition added: when is_quality_school narrows a target the parent applies "
          "without condition");
    CHECK(findings[0].where.to_string() == "child.yaml:4:5");
    CHECK(findings[0].parent_where.to_string() == "base.yaml:11:5");
    CHECK(findings[0].message.zh ==
          "新增适用条件 when: is_quality_school（上级无条件），缩小了适用范围");
}

TEST_CASE("Lint: a restated target with a changed measure", "[lint]") {
    CHECK(only_message(lint_child(R"yaml(
  - {id: dq_share, name: 双师, subject: institution,
     measure: teachers.double_qualified / (teachers.professional + 0), op: ">=", target: 50%,
     word: 达到, source: {file: f, section: s, quote: q}}
)yaml")) ==
          "dq_share: measure changed from teachers.double_qualified / teachers.professional to "
          "teachers.double_qualified / (teachers.professional + 0)");
    // Spacing is not a change.
    CHECK(messages(lint_child(R"yaml(
  - {id: dq_share, name: 双师, subject: institution,
     measure: teachers.double_qualified/teachers.professional, op: ">=", target: 50%,
     word: 达到, source: {file: f, section: s, quote: q}}
)yaml"),
                   false)
              .empty());
}

TEST_CASE("Lint: a weaker target under a new id, by its measure", "[lint]") {
    auto findings = lint_child(R"yaml(
  - {id: dq_share_city, name: 双师, subject: institution,
     measure: teachers.double_qualified / teachers.professional, op: ">=", target: 40%,
     word: 达到, source: {file: f, section: s, quote: q}}
)yaml");
    CHECK(only_message(findings) ==
          "dq_share_city: restates dq_share (same measure) under a new id: target ≥40% is weaker "
          "than the parent's ≥50%");
    CHECK(findings[0].parent_indicator == "dq_share");
    CHECK(findings[0].parent_where.to_string() == "base.yaml:11:5");
    // A stricter one under a new id is no finding; an explained weaker one stays explained.
    CHECK(lint_child(R"yaml(
  - {id: dq_share_city, name: 双师, subject: institution,
     measure: teachers.double_qualified / teachers.professional, op: ">=", target: 60%,
     word: 达到, source: {file: f, section: s, quote: q}}
)yaml")
              .empty());
    auto explained = lint_child(R"yaml(
  - {id: dq_share_city, name: 双师, subject: institution, relaxes: 另一目标，上级的50%仍然约束,
     measure: teachers.double_qualified / teachers.professional, op: ">=", target: 40%,
     word: 达到, source: {file: f, section: s, quote: q}}
)yaml");
    REQUIRE(explained.size() == 1);
    CHECK(explained[0].explained());
}

TEST_CASE("Lint: a shifted or widened 左右 says what changed", "[lint]") {
    CHECK(only_message(lint_child(R"yaml(
  - {id: pilots, name: 试点, subject: plan, measure: schools.pilot, op: about, target: 8个,
     tolerance: 1, word: 左右, source: {file: f, section: s, quote: q}}
)yaml")) ==
          "pilots: centre of 左右 shifted from ≈10个 to ≈8个, accepting values the parent does "
          "not");
    CHECK(only_message(lint_child(R"yaml(
  - {id: pilots, name: 试点, subject: plan, measure: schools.pilot, op: about, target: 10个,
     tolerance: 2, word: 左右, source: {file: f, section: s, quote: q}}
)yaml")) == "pilots: tolerance widened from ±1 to ±2");
    CHECK(only_message(lint_child(R"yaml(
  - {id: pilots, name: 试点, subject: plan, measure: schools.pilot, op: about, target: 10个,
     tolerance: 1, about: at_least, word: 左右, source: {file: f, section: s, quote: q}}
)yaml")) == "pilots: 左右 read as at least (no upper bound) where the parent's is a band");
    // A narrower band inside the parent's accepts nothing the parent does not.
    CHECK(lint_child(R"yaml(
  - {id: pilots, name: 试点, subject: plan, measure: schools.pilot, op: about, target: 10个,
     tolerance: 0, word: 左右, source: {file: f, section: s, quote: q}}
)yaml")
              .empty());
}

TEST_CASE("Lint: a restated institution target that binds only the region", "[lint]") {
    CHECK(only_message(lint_child(R"yaml(
  - {id: dq_share, name: 双师, subject: institution, scope: region,
     measure: teachers.double_qualified / teachers.professional, op: ">=", target: 50%,
     word: 达到, source: {file: f, section: s, quote: q}}
)yaml")) == "dq_share: binds the region as a whole where the parent binds each institution");
}

TEST_CASE("Lint: conflicts between documents are listed with both quotes", "[lint][conflicts]") {
    Catalog catalog;
    add_parent_and_child(catalog, R"yaml(indicators: []
conflicts:
  - between:
      - {pack: base, file: base.txt, quote: 逐步取消试点}
      - {pack: child, file: child.txt, quote: 扩大试点}
    note: {zh: 上级要求取消，本市要求扩大, en: 'the parent phases pilots out, the city expands them'}
)yaml");
    auto conflicts = lint_conflicts(catalog, "child");
    REQUIRE(conflicts.size() == 1);
    CHECK(conflict_text(*conflicts[0], Lang::En) ==
          "documents conflict: base «逐步取消试点» (base.txt) ↔ child «扩大试点» (child.txt): "
          "the "
          "parent phases pilots out, the city expands them");
    CHECK(conflict_text(*conflicts[0], Lang::Zh) ==
          "文件冲突：base «逐步取消试点» (base.txt) ↔ child «扩大试点» "
          "(child.txt)：上级要求取消，"
          "本市要求扩大");
    // Declared conflicts are not weaknesses of the pack.
    CHECK(lint_pack(catalog, "child").empty());
}

TEST_CASE("Lint: a conflict names a known pack and one of its indicators", "[lint][conflicts]") {
    Catalog catalog;
    add_parent_and_child(catalog, R"yaml(indicators: []
conflicts:
  - between:
      - {pack: base, indicator: pilot, file: base.txt, quote: 逐步取消试点}
      - {pack: child, file: child.txt, quote: 扩大试点}
    note: n
)yaml");
    CHECK_THROWS_WITH(catalog.compile({"child"}, SourceLocation{"t"}),
                      "child.yaml:5:9: conflicts[].between[].indicator: expected an indicator of "
                      "pack 'base', got 'pilot', did you mean 'pilots'?");
}

TEST_CASE("Lint: a conflict binds a plan only where both sides apply", "[lint][conflicts]") {
    Catalog catalog;
    add_parent_and_child(catalog, R"yaml(indicators:
  - {id: expand, name: 扩大, subject: plan, levels: [city], require: schools.pilot > 10, word: 扩大,
     source: {file: f, section: s, quote: q}}
conflicts:
  - between:
      - {pack: base, file: base.txt, quote: 逐步取消试点}
      - {pack: child, indicator: expand, file: child.txt, quote: 扩大试点}
    note: n
)yaml");
    auto rules = catalog.compile({"child"}, SourceLocation{"t"});
    CHECK(conflicts_for(*rules, "city").size() == 1);
    CHECK(conflicts_for(*rules, "school").empty());
    // A rule set without the other side's pack holds no conflict.
    CHECK(catalog.compile({"base"}, SourceLocation{"t"})->conflicts.empty());
}
