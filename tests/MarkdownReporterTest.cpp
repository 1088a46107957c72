#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "test_support.hpp"
#include "vetcheck/report/markdown_reporter.hpp"

using namespace vetcheck;
using vetcheck::testing::check_report;
using vetcheck::testing::lines_of;

namespace {

// Names with a pipe: unescaped, it would end a table cell and shift every column after it.
const std::string kPlan =
    "plan: {name: \"XX市|行动计划\", level: city, year: 2025, packs: [test-pack]}\n"
    "facts: {dropout_rate: 2.5%, funding.per_student: 9000, funding.per_student_general: 5000}\n"
    "institutions:\n"
    "  - {id: poly, name: \"XX职业|技术学院\", type: 高职, facts: {students.full_time: 4500, "
    "teachers.ideological_political: 9, teachers.professional: 100, teachers.double_qualified: "
    "60, is_quality_school: false}}\n";

std::string render(Lang lang = Lang::En, bool show_all = false) {
    report::ReportOptions o;
    o.lang = lang;
    o.show_all = show_all;
    return testing::write_report(report::MarkdownReporter(), {check_report(kPlan).report}, o);
}

// Table cells of a row, split at unescaped pipes as a Markdown renderer does.
std::vector<std::string> cells(const std::string& row) {
    std::vector<std::string> out;
    std::string cell;
    for (size_t i = 1; i + 1 < row.size(); ++i) {
        if (row[i] == '\\' && i + 1 < row.size()) {
            cell += row.substr(i, 2);
            ++i;
        } else if (row[i] == '|') {
            out.push_back(cell);
            cell.clear();
        } else {
            cell += row[i];
        }
    }
    out.push_back(cell);
    return out;
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("Markdown: escaping for table cells", "[markdown]") {
    using report::markdown_escape;
    CHECK(markdown_escape("a|b") == "a\\|b");
    CHECK(markdown_escape("x_y *z* [l](u) <b> `c` ~s~ & $m$ #") ==
          "x\\_y \\*z\\* \\[l\\](u) \\<b\\> \\`c\\` \\~s\\~ \\& \\$m\\$ \\#");
    CHECK(markdown_escape("a\\|b") == "a\\\\\\|b");
    CHECK(markdown_escape("one\r\ntwo") == "one<br>two");
    // Other control characters are shown, escaped: a name is not silently changed.
    CHECK(markdown_escape(std::string("tab\there\x01", 10)) == "tab here\\\\x01\\\\x00");
    CHECK(markdown_escape("专职思政课教师 ≥1:350 → 13") == "专职思政课教师 ≥1:350 → 13");
}

TEST_CASE("Markdown: a heading, the verdict with the counts, and the source", "[markdown]") {
    auto lines = lines_of(render());
    REQUIRE(lines.size() > 6);
    CHECK(lines[0] == "### XX市\\|行动计划 (2025)");
    CHECK(lines[2] == "Against Test pack 2020–2023 · plan.yaml");
    CHECK(lines[4] == "**❌ fails** — 10 checks: 1 pass · 4 fail · 3 missing data · 2 n/a · exit 1");
}

TEST_CASE("Markdown: pipes in names are escaped, so every row has its columns", "[markdown]") {
    std::string md = render();
    INFO(md);
    CHECK(has(md, "XX职业\\|技术学院 (高职)"));
    CHECK_FALSE(has(md, "XX职业|技术"));
    for (const auto& line : lines_of(md)) {
        if (line.rfind("|", 0) != 0) continue;
        size_t n = cells(line).size();
        CHECK((n == 6 || n == 5));
    }
}

TEST_CASE("Markdown: what needs attention comes first, failures before warnings", "[markdown]") {
    std::string md = render();
    INFO(md);
    auto lines = lines_of(md);
    std::vector<std::string> statuses;
    bool in_details = false;
    for (const auto& line : lines) {
        in_details = in_details || line == "<details>";
        if (!in_details && line.rfind("| ", 0) == 0 && line.rfind("| Status", 0) != 0 &&
            line.rfind("| ---", 0) != 0)
            statuses.push_back(cells(line)[0]);
    }
    // 4 fail, then 3 missing: one row per result that does not pass.
    REQUIRE(statuses.size() == 7);
    for (int i = 0; i < 4; ++i) CHECK(statuses[i] == " ✗ fail ");
    for (int i = 4; i < 7; ++i) CHECK(statuses[i] == " ? missing data ");
    CHECK(has(md,
              "| ✗ fail | ideological teacher ratio | XX职业\\|技术学院 (高职) | 1:500 | ≥1:350 | "
              "4 more ideological-political teachers (9 → 13人) |"));
    CHECK(has(md, "| ✗ fail | dropout | plan as a whole | 2.5% | ≤2% | 0.5 points over |"));
    CHECK(has(md, "missing data: courses.labor\\_required |"));
}

TEST_CASE("Markdown: passing checks are folded away, n/a only with --all", "[markdown]") {
    std::string md = render();
    size_t details = md.find("<details>\n<summary>1 check passes</summary>\n\n");
    REQUIRE(details != std::string::npos);
    CHECK(md.find("| ✓ pass | double-qualified share") > details);
    CHECK(has(md, "</details>\n"));
    CHECK_FALSE(has(md, "strong schools"));
    std::string all = render(Lang::En, true);
    CHECK(has(all, "<summary>2 checks do not apply</summary>"));
    CHECK(has(all, "| - n/a | strong schools | plan as a whole | — | checked at province level |"));
}

TEST_CASE("Markdown: Chinese labels", "[markdown]") {
    std::string md = render(Lang::Zh);
    INFO(md);
    CHECK(
        has(md, "**❌ 未通过** — 10 项检查: 1 达标 · 4 未达标 · 3 缺少数据 · 2 不适用 · 退出码 1"));
    CHECK(has(md, "| 状态 | 指标 | 对象 | 实际 | 目标 | 差距 |"));
    CHECK(has(md, "需增加4人（专职思政课教师数9→13）"));
}

TEST_CASE("Markdown: an input that could not be checked gets its own entry, in input order",
          "[markdown]") {
    auto r = check_report(kPlan);
    report::MarkdownReporter reporter;
    std::ostringstream out;
    reporter.begin(report::RunInfo{}, report::ReportOptions{}, out);
    reporter.plan(r.report, out);
    // Held until the end, where the budget decides what is cut (held: at most a budget's worth).
    CHECK(reporter.sections_held() == 1);
    SourceLocation at{FileName("bad.yaml"), 4, 9};
    reporter.failure(InputFailure{InputError(at, "expected a number, found `x`"), ""}, out);
    report::RunTotals totals;
    totals.plans = 1;
    totals.failures = 1;
    totals.total = summarize(r.report.results);
    reporter.end(totals, out);
    CHECK(
        has(out.str(),
            "\n\n### ⚠️ bad.yaml:4:9\n\n**could not be checked** — expected a number, found "
            "\\`x\\`\n"));
}

namespace {

int occurrences(const std::string& text, const std::string& what) {
    int n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

size_t chars(const std::string& utf8) {
    size_t n = 0;
    for (char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

std::string with_budget(size_t budget, const std::vector<report::PlanReport>& reports) {
    return testing::write_report(report::MarkdownReporter(budget), reports);
}

}  // namespace

TEST_CASE("Markdown: within the budget, passing checks are cut first", "[markdown]") {
    auto r = check_report(kPlan);
    std::vector<report::PlanReport> three = {r.report, r.report, r.report};
    std::string whole = with_budget(report::kMarkdownCommentLimit, three);
    CHECK_FALSE(has(whole, "Left out"));
    REQUIRE(occurrences(whole, "<details>") == 3);
    // Room for the three plans and one folded list (1,200 characters are kept for the end).
    size_t folded = whole.find("\n### ") - whole.find("<details>");
    std::string cut = with_budget(chars(whole) - 2 * folded + 1200, three);
    INFO(cut);
    CHECK(occurrences(cut, "### XX市") == 3);
    CHECK(occurrences(cut, "<details>") == 1);  // the first plan keeps its passes
    CHECK(cut.find("<details>") < cut.find("### XX市", 5));
    CHECK(has(cut, "**Left out** to keep within GitHub's"));
    CHECK(has(cut, "the passing checks of 2 plans."));
}

TEST_CASE("Markdown: then whole plans, the least severe first, and the comment says so",
          "[markdown]") {
    auto failing = check_report(kPlan);                    // worst: fail
    auto worse = check_report(testing::kEveryStatusPlan);  // worst: error
    REQUIRE(std::any_of(worse.report.results.begin(), worse.report.results.end(),
                        [](const Result& r) { return r.status == Status::Error; }));
    std::string one = with_budget(report::kMarkdownCommentLimit, {worse.report});
    std::string cut = with_budget(chars(one) + 1200, {failing.report, worse.report});
    INFO(cut);
    CHECK_FALSE(has(cut, "### XX市"));  // first, but less severe
    CHECK(has(cut, "### 计划 "));       // kept
    CHECK(has(cut, "1 plans, the least severe (1 failing, 0 passing)"));
    // Passing checks went first, the kept plan's too; the plan left out is not counted there.
    CHECK(has(cut, "the passing checks of 1 plans; 1 plans"));
    CHECK(has(cut, "Every result: vetcheck -f html=report.html"));
}

TEST_CASE("Markdown: never longer than the budget, in either language", "[markdown]") {
    auto r = check_report(testing::kEveryStatusPlan);
    std::vector<report::PlanReport> many(40, r.report);
    for (Lang lang : {Lang::En, Lang::Zh})
        for (size_t budget : {1500, 4000, 20000, 65536}) {
            report::ReportOptions o;
            o.lang = lang;
            report::MarkdownReporter reporter(budget);
            std::ostringstream out;
            reporter.begin({}, o, out);
            size_t most_held = 0;
            for (const auto& p : many) {
                reporter.plan(p, out);
                most_held = std::max(most_held, reporter.sections_held());
            }
            report::RunTotals totals;
            totals.plans = many.size();
            reporter.end(totals, out);
            INFO(budget);
            CHECK(chars(out.str()) <= budget);
            CHECK(most_held <= budget / 100 + 1);  // held: what fits, not the batch
        }
}
