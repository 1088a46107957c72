#include <catch2/catch.hpp>

#include <sstream>

#include <fmt/format.h>

#include "test_support.hpp"
#include "vetcheck/base/text.hpp"
#include "vetcheck/report/format.hpp"
#include "vetcheck/report/html_reporter.hpp"
#include "vetcheck/report/markup.hpp"
#include "vetcheck/report/svg_charts.hpp"
#include "vetcheck/report/terminal_reporter.hpp"

using namespace vetcheck;
using vetcheck::testing::check_report;
using vetcheck::testing::write_report;

namespace {

const std::string kPlan =
    "plan: {name: XX市行动计划, level: city, year: 2025, packs: [test-pack]}\n"
    "facts: {dropout_rate: 2.5%, funding.per_student: 9000, funding.per_student_general: 5000}\n"
    "institutions:\n"
    "  - {id: poly, name: XX职业技术学院, type: 高职, facts: {students.full_time: 4500, "
    "teachers.ideological_political: 9, teachers.professional: 100, teachers.double_qualified: "
    "60,\n"
    "     hours.practical: 40, hours.total: 100}}\n";

const std::string kGoodPlan =
    "plan: {name: YY市行动计划, level: city, year: 2025, packs: [test-pack]}\n"
    "facts: {dropout_rate: 1%, funding.per_student: 12000, funding.per_student_general: 5000}\n";

const std::string kHostilePlan =
    "plan: {name: 'XX<script>alert(1)</script>市', level: city, year: 2025, packs: [test-pack]}\n"
    "facts: {dropout_rate: 2.5%}\n"
    "institutions:\n"
    "  - {id: poly, name: '\"><img src=x onerror=alert(1)> & 学院', type: 高职, facts: "
    "{students.full_time: 4500, teachers.ideological_political: 9}}\n";

std::string html_of(const std::vector<report::PlanReport>& reports, Lang lang = Lang::En) {
    return write_report(report::HtmlReporter(), reports, lang);
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The <g class="bar"> groups of the target charts, each as its text.
std::vector<std::string> bar_groups(const std::string& html) {
    std::vector<std::string> groups;
    for (size_t at = html.find("<g class=\"bar\""); at != std::string::npos;
         at = html.find("<g class=\"bar\"", at + 1))
        groups.push_back(html.substr(at, html.find("</g>", at) - at));
    return groups;
}

}  // namespace

TEST_CASE("Markup: text is escaped for content and attributes", "[html]") {
    CHECK(report::escape_markup("a<b>&\"'c") == "a&lt;b&gt;&amp;&quot;&#39;c");
    CHECK(report::escape_markup("专职 1:350 ≥") == "专职 1:350 ≥");
    CHECK(report::escape_markup(std::string("bell\x07!")) == "bell\xEF\xBF\xBD!");
    CHECK(report::escape_markup("tab\tnew\nline") == "tab\tnew\nline");
}

TEST_CASE("Markup: labels are cut by display width at a character boundary", "[html]") {
    CHECK(report::truncate_columns("专职思政课教师配备", 18) == "专职思政课教师配备");
    std::string cut = report::truncate_columns("专职思政课教师配备", 10);
    CHECK(cut == "专职思政…");
    CHECK(display_width(cut) <= 10);
    CHECK(is_valid_utf8(cut));
    CHECK(report::truncate_columns("abcdef", 4) == "abc…");
    CHECK(report::svg_number(12.0) == "12");
    CHECK(report::svg_number(-0.01) == "0");
    CHECK(report::svg_number(3.26) == "3.3");
}

TEST_CASE("HTML: one self-contained page that loads nothing", "[html]") {
    auto a = check_report(kPlan);
    auto b = check_report(kGoodPlan);
    std::string html = html_of({a.report, b.report});
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
    CHECK(contains(html, "<meta charset=\"utf-8\">"));
    CHECK(contains(html,
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                   "style-src 'unsafe-inline'; img-src data:\">"));
    CHECK(contains(html, "\"Noto Sans CJK SC\""));
    CHECK(contains(html, "\"Microsoft YaHei\""));
    for (const char* banned : {"http://", "https://", "<script", "<link", "<img", "<iframe",
                               "@import", "url(", " src=", "//cdn"})
        CHECK_FALSE(contains(html, banned));
    CHECK(html.ends_with("</body>\n</html>\n"));
    CHECK(html == html_of({a.report, b.report}));  // deterministic: no clock, no addresses
}

TEST_CASE("HTML: names from plans stay text", "[html]") {
    auto r = check_report(kHostilePlan);
    std::string html = html_of({r.report});
    CHECK_FALSE(contains(html, "<script"));
    CHECK_FALSE(contains(html, "<img"));
    CHECK(contains(html, "XX&lt;script&gt;alert(1)&lt;/script&gt;市"));
    CHECK(contains(html, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; 学院"));
}

TEST_CASE("HTML: summary, verdict, packs and the results table", "[html]") {
    auto r = check_report(kPlan);
    std::string html = html_of({r.report});
    CHECK(contains(html, "<section class=\"plan\" id=\"plan-1\">\n<h2>XX市行动计划 (2025)</h2>"));
    CHECK(contains(html, "fails — exit 1"));
    CHECK(contains(html, "<li class=\"st-fail\">✗ <b>"));
    CHECK(contains(html, "<b>test-pack</b> Test pack"));
    CHECK(contains(html, "<td class=\"status\">✗ fail</td>"));
    CHECK(
        contains(html, "<td class=\"gap\">4 more ideological-political teachers (9 → 13人)</td>"));
    CHECK(contains(html, "<div class=\"quote\" title=\"《测试》 s\">“q”</div>"));
    CHECK_FALSE(contains(html, "id=\"overview\""));  // one plan: no ranking, no heatmap
    std::string zh = html_of({r.report}, Lang::Zh);
    CHECK(contains(zh, "<html lang=\"zh-CN\">"));
    CHECK(contains(zh, "未通过 — 退出码 1"));
    CHECK(contains(zh, "专职思政课教师配备"));
}

TEST_CASE("HTML: the bars carry the actual and target the terminal shows", "[html]") {
    auto r = check_report(kPlan);
    std::string html = html_of({r.report});
    std::ostringstream term;
    report::TerminalReporter().write({r.report}, report::ReportOptions{}, term);
    auto groups = bar_groups(html);
    size_t numeric = 0;
    for (const auto& result : r.report.results) {
        if (result.indicator().is_requirement() || !result.actual || !result.target) continue;
        ++numeric;
        std::string actual = report::actual_text(result, Lang::En);
        std::string target = report::target_text(result, Lang::En);
        INFO(result.indicator().id << " " << actual << " " << target);
        CHECK(contains(term.str(), actual + "  needs " + target));
        bool drawn = std::any_of(groups.begin(), groups.end(), [&](const std::string& g) {
            return contains(g, "data-indicator=\"" + result.indicator().id + "\"") &&
                   // fmt, not `">" + text`: GCC 12 at -O3 warns falsely (-Wrestrict) on that.
                   contains(g, fmt::format(">{}</text>", report::escape_markup(actual))) &&
                   contains(g, fmt::format(">{}</text>", report::escape_markup(target)));
        });
        CHECK(drawn);
    }
    CHECK(numeric >= 5);
    CHECK(groups.size() == numeric);
    // The failing ratio is red with its target line; the passing share is green.
    auto ratio = std::find_if(groups.begin(), groups.end(), [](const std::string& g) {
        return contains(g, "data-indicator=\"ratio\"");
    });
    REQUIRE(ratio != groups.end());
    CHECK(contains(*ratio, "data-status=\"fail\""));
    CHECK(contains(*ratio, "fill=\"#cf222e\""));
    CHECK(contains(*ratio, "class=\"target-line\""));
    CHECK(contains(*ratio, ">1:500</text>"));
    CHECK(contains(*ratio, ">≥1:350</text>"));
}

TEST_CASE("HTML: a batch opens with pass rates, the furthest plans and a grouped heatmap",
          "[html]") {
    auto bad = check_report(kPlan);
    auto good = check_report(kGoodPlan);
    std::string html = html_of({bad.report, good.report});
    REQUIRE(contains(html, "<section id=\"overview\">"));
    // Aggregates before any plan's section.
    size_t overview = html.find("<section id=\"overview\">");
    CHECK(overview < html.find("<section class=\"plan\""));
    CHECK(contains(html, "<h2>Pass rate by indicator</h2>"));
    // The failing plan is furthest from its targets though it was given first, and links to its
    // collapsed section.
    size_t worst = html.find("<table class=\"results worst\">");
    REQUIRE(worst != std::string::npos);
    CHECK(html.find("href=\"#d-1\"", worst) < html.find("href=\"#d-2\"", worst));
    report::PassRate rate = report::pass_rate(bad.report.results);
    CHECK(contains(html, rate.percent() + "% (" + std::to_string(rate.passed) + "/" +
                             std::to_string(rate.counted) + ")"));
    CHECK(contains(html, "<details id=\"d-1\"><summary>✗ XX市行动计划</summary>"));
    std::string mark = summarize(good.report.results).failed(FailPolicy::standard()) ? "✗" : "✓";
    CHECK(contains(html, "<details id=\"d-2\"><summary>" + mark + " YY市行动计划</summary>"));
    // Heatmap cells carry the status mark as text, not only colour.
    CHECK(contains(html, "<div class=\"heat\">"));
    CHECK(contains(html, "<td class=\"st-fail\" title=\"fail\">✗<small>"));
    // A numeric indicator's values against the target, as a histogram.
    CHECK(contains(html, "<svg class=\"hist\""));
}

TEST_CASE("HTML: a heatmap cell with no result is empty", "[html]") {
    std::string pack = std::string(testing::kTestPack) +
                       "  - {id: extra, name: {zh: 额外指标, en: extra indicator}, subject: plan, "
                       "require: 'true', word: 设立, source: {file: f, section: s, quote: q}}\n";
    auto plain = check_report(kPlan);
    auto extended = check_report(kGoodPlan, pack);
    std::string html = html_of({plain.report, extended.report});
    CHECK(contains(html, "<th title=\"extra: extra indicator\">"));
    CHECK(contains(html, "<td></td>"));
}

TEST_CASE("HTML: inputs that could not be checked are rows of an errors table", "[html]") {
    auto good = check_report(kGoodPlan);
    report::HtmlReporter reporter;
    std::ostringstream out;
    reporter.begin({}, {}, out);
    reporter.plan(good.report, out);
    reporter.failure({InputError({"bad.yaml", 3, 7}, "expected a number, found 'x'"), "a: x"}, out);
    reporter.end({}, out);
    std::string html = out.str();
    CHECK(contains(html, "<h2>Inputs that could not be checked (1)</h2>"));
    CHECK(contains(html, "<code>bad.yaml:3:7</code></td><td>expected a number, found &#39;x&#39;"));
    CHECK(contains(html, "<section id=\"overview\">"));
}

TEST_CASE("HTML: --summary and the size budget leave the plans' sections out", "[html]") {
    auto bad = check_report(kPlan);
    auto good = check_report(kGoodPlan);
    report::ReportOptions summary;
    summary.summary = true;
    std::string html = write_report(report::HtmlReporter(), {bad.report, good.report}, summary);
    CHECK(contains(html, "<section id=\"overview\">"));
    CHECK_FALSE(contains(html, "<section class=\"plan\""));
    CHECK(contains(html, "Summary only (--summary)"));

    std::vector<report::PlanReport> many(report::kHtmlPlanBudget + 1, good.report);
    std::string big = html_of(many);
    CHECK_FALSE(contains(big, "<section class=\"plan\""));
    CHECK_FALSE(contains(big, "<details"));
    CHECK(contains(big, "501 plans, more than the page&#39;s budget of 500"));
    std::vector<report::PlanReport> budget(report::kHtmlPlanBudget, good.report);
    CHECK(contains(html_of(budget), "<details id=\"d-500\">"));
}

TEST_CASE("HTML: pass rate counts checks that apply and are due", "[html]") {
    std::vector<Result> results(6);
    results[0].status = Status::Pass;
    results[1].status = Status::Pass;
    results[2].status = Status::Fail;
    results[3].status = Status::NotApplicable;
    results[4].status = Status::NotDue;
    results[5].status = Status::Advisory;
    report::PassRate rate = report::pass_rate(results);
    CHECK(rate.passed == 2);
    CHECK(rate.counted == 4);
    CHECK(rate.percent() == "50");
    CHECK(report::PassRate{1, 3}.percent() == "33.3");
    CHECK(report::PassRate{}.percent().empty());
}

TEST_CASE("HTML: no plans still makes a page", "[html]") {
    std::string html = html_of({});
    CHECK(contains(html, "No plans were checked."));
    CHECK(html.ends_with("</html>\n"));
}
