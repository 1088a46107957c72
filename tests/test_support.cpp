#include "test_support.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace vetcheck::testing {

const char* const kTestPack = R"(
pack:
  id: test-pack
  title: {zh: 测试, en: Test pack}
  period: {from: 2020, to: 2023}
  level: national
facts:
  - {key: students.full_time, zh: 全日制在校生数, en: full-time students, unit: 人, type: count, subjects: [plan, institution]}
  - {key: teachers.ideological_political, zh: 专职思政课教师数, en: ideological-political teachers, unit: 人, type: count, subjects: [plan, institution]}
  - {key: teachers.professional, zh: 专业课教师数, en: professional teachers, unit: 人, type: count, subjects: [institution]}
  - {key: teachers.double_qualified, zh: 双师型教师数, en: double-qualified teachers, unit: 人, type: count, subjects: [institution]}
  - {key: hours.practical, zh: 实践性教学学时, en: practical hours, unit: 学时, type: amount, subjects: [institution]}
  - {key: hours.total, zh: 总学时, en: total hours, unit: 学时, type: amount, subjects: [institution]}
  - {key: training.headcount_annual, zh: 年培训人次, en: annual training headcount, unit: 人, type: count, subjects: [institution]}
  - {key: funding.per_student, zh: 生均公用经费, en: per-student funds, unit: 元, type: amount, subjects: [plan]}
  - {key: funding.per_student_general, zh: 普通高中生均公用经费, en: general high school per-student funds, unit: 元, type: amount, subjects: [plan]}
  - {key: dropout_rate, zh: 流生率, en: dropout rate, type: share, subjects: [plan]}
  - {key: schools.strong, zh: 建强学校数, en: strong schools, unit: 所, type: count, subjects: [plan]}
  - {key: region.cities, zh: 地市数, en: cities, unit: 个, type: count, subjects: [plan]}
  - {key: region.counties, zh: 县数, en: counties, unit: 个, type: count, subjects: [plan]}
  - {key: courses.labor_required, zh: 设立劳动教育必修课程, en: compulsory labour education course, type: boolean, subjects: [institution]}
  - {key: is_quality_school, zh: 优质学校, en: quality school, type: boolean, subjects: [institution]}
  - {key: index.contribution, zh: 贡献指数, en: contribution index, type: number, subjects: [plan]}
indicators:
  - id: ratio
    name: {zh: 专职思政课教师配备, en: ideological teacher ratio}
    subject: institution
    types: [高职]
    measure: teachers.ideological_political / students.full_time
    op: ">="
    target: 1:350
    lever: teachers.ideological_political
    word: 不低于
    source: {file: f, section: s, quote: q}
  - id: share
    name: {zh: 双师型教师占比, en: double-qualified share}
    subject: institution
    measure: teachers.double_qualified / teachers.professional
    op: ">"
    target: 50%
    lever: teachers.double_qualified
    word: 超过
    source: {file: f, section: s, quote: q}
  - id: practical
    name: {zh: 实践性教学学时占比, en: practical share}
    subject: institution
    measure: hours.practical / hours.total
    op: ">="
    target: 50%
    lever: hours.practical
    word: 原则上…以上
    severity: advisory
    source: {file: f, section: s, quote: q}
  - id: multiple
    name: {zh: 年培训人次, en: training multiple}
    subject: institution
    when: is_quality_school
    measure: training.headcount_annual / students.full_time
    op: ">="
    target: 2倍
    lever: training.headcount_annual
    word: 达到…以上
    source: {file: f, section: s, quote: q}
  - id: relative
    name: {zh: 生均公用经费, en: per-student funds}
    subject: plan
    measure: funding.per_student
    op: ">="
    target: 2 * funding.per_student_general
    lever: funding.per_student
    word: 不低于
    source: {file: f, section: s, quote: q}
  - id: upper
    name: {zh: 流生率, en: dropout}
    subject: plan
    measure: dropout_rate
    op: "<="
    target: 2%
    word: 控制在…以内
    source: {file: f, section: s, quote: q}
  - id: per_unit
    name: {zh: 建强学校, en: strong schools}
    subject: plan
    levels: [province]
    measure: schools.strong
    op: ">="
    target: 5所 * region.cities / 1个 + 1所 * region.counties / 1个
    lever: schools.strong
    word: 每个市支持建强
    deadline: 2025
    source: {file: f, section: s, quote: q}
  - id: about
    name: {zh: 高职在校生规模, en: higher vocational students}
    subject: plan
    measure: sum(students.full_time, type == "高职")
    op: about
    target: 10000人
    tolerance: 10%
    word: 左右
    source: {file: f, section: s, quote: q}
  - id: yesno
    name: {zh: 设立劳动教育必修课程, en: labour education course}
    subject: institution
    require: courses.labor_required
    word: 设立
    source: {file: f, section: s, quote: q}
  - id: index
    name: {zh: 贡献指数, en: contribution index}
    subject: plan
    measure: index.contribution
    op: ">="
    target: 85
    word: 及以上
    deadline: 2025
    source: {file: f, section: s, quote: q}
)";

const char* const kEveryStatusPlan = R"(plan:
  id: draft
  name: '计划 <A&B> "草案"'
  level: city
  year: 2024
  packs: [test-pack]
facts:
  dropout_rate: 2.5%
  funding.per_student: 9000
  funding.per_student_general: 5000
institutions:
  - id: poly
    name: "Dept \"A\" & <B>\tC"
    type: 高职
    facts:
      students.full_time: 4500
      teachers.ideological_political: 9
      teachers.professional: 100
      teachers.double_qualified: 60
      hours.practical: 40
      hours.total: 100
      is_quality_school: false
  - id: mid
    name: XX中职
    type: 中职
    facts:
      hours.practical: 10
      hours.total: 0
      is_quality_school: false
)";

const Result& Checked::result(const std::string& indicator, const std::string& subject) const {
    for (const auto& r : results)
        if (r.indicator().id == indicator && (subject.empty() || r.subject->id == subject))
            return r;
    throw std::logic_error("no result for " + indicator + " " + subject);
}

std::unique_ptr<Checked> check_text(const std::string& plan_text, const std::string& pack_text) {
    auto c = std::make_unique<Checked>();
    c->catalog.add_text(pack_text, "test-pack.yaml");
    c->loaded = load_plan(plan_text, "plan.yaml", c->catalog);
    c->results = check_plan(*c->loaded.rules, c->loaded.plan);
    return c;
}

std::string plan_error(const std::string& plan_text, const std::string& pack_text) {
    try {
        check_text(plan_text, pack_text);
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

CheckedReport check_report(const std::string& plan_text, const std::string& pack_text) {
    CheckedReport r{check_text(plan_text, pack_text), {}};
    r.report.plan = std::make_shared<Plan>(r.checked->loaded.plan);
    r.report.rules = r.checked->loaded.rules;
    r.report.results = check_plan(*r.report.rules, *r.report.plan);
    return r;
}

std::string write_report(report::Reporter&& reporter,
                         const std::vector<report::PlanReport>& reports,
                         const report::ReportOptions& options) {
    std::ostringstream out;
    reporter.write(reports, options, out);
    return out.str();
}

std::string write_report(report::Reporter&& reporter,
                         const std::vector<report::PlanReport>& reports, Lang lang) {
    report::ReportOptions o;
    o.lang = lang;
    return write_report(std::move(reporter), reports, o);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

std::string seeds_dir() {
    const char* env = std::getenv("VETCHECK_SEEDS_DIR");
    return env && *env ? env : VETCHECK_SEEDS_DIR;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace vetcheck::testing
