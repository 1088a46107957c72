#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "test_support.hpp"
#include "vetcheck/report/junit_reporter.hpp"
#include "vetcheck/report/xml_writer.hpp"

using namespace vetcheck;

namespace {

struct Rendered : testing::CheckedReport {
    std::string xml;
};

Rendered render(report::ReportOptions o = {}) {
    Rendered r{testing::check_report(testing::kEveryStatusPlan), ""};
    r.xml = testing::write_report(report::JunitReporter(), {r.report}, o);
    return r;
}

int occurrences(const std::string& text, const std::string& what) {
    int n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// The element of one testcase, from its start tag to its end.
std::string testcase(const std::string& xml, const std::string& indicator,
                     const std::string& subject) {
    std::string start = "<testcase name=\"" + indicator + " @ " + subject + " — ";
    size_t at = xml.find(start);
    if (at == std::string::npos) FAIL("no testcase for " << indicator << " on " << subject);
    size_t end = xml.find("</testcase>", at);
    size_t tag_end = xml.find('>', at);
    if (xml[tag_end - 1] == '/') end = tag_end;
    return xml.substr(at, end - at + 1);
}

// The report as written to a file (which the totals go into at the end), read back.
std::string written_to_file(const std::vector<report::PlanReport>& reports) {
    std::string path = (std::filesystem::temp_directory_path() /
                        ("vetcheck-junit-" + std::to_string(::getpid()) + ".xml"))
                           .string();
    {
        std::ofstream out(path, std::ios::binary);
        report::JunitReporter reporter;
        report::RunInfo run;
        run.file = path;
        run.target = "report.xml";
        reporter.begin(run, {}, out);
        for (const auto& r : reports) reporter.plan(r, out);
        reporter.end({}, out);
    }
    std::string text = testing::read_file(path);
    std::filesystem::remove(path);
    return text;
}

// The name attributes of the testcases of `xml`, in order.
std::vector<std::string> case_names(const std::string& xml) {
    std::vector<std::string> names;
    const std::string start = "<testcase name=\"";
    for (size_t at = xml.find(start); at != std::string::npos; at = xml.find(start, at + 1)) {
        size_t from = at + start.size();
        names.push_back(xml.substr(from, xml.find('"', from) - from));
    }
    return names;
}

}  // namespace

TEST_CASE("JUnit: declaration, one suite per plan with its counts", "[junit]") {
    Rendered r = render();
    INFO(r.xml);
    // Streamed to standard output, the root cannot know the totals: it has none (optional in
    // junit-10.xsd; readers sum the suites).
    CHECK(r.xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"vetcheck\">\n"
                      "  <testsuite ",
                      0) == 0);
    CHECK(r.xml.size() >= 15);
    CHECK(r.xml.substr(r.xml.size() - 14) == "</testsuites>\n");
    Summary s = summarize(r.report.results);
    REQUIRE(s.count(Status::Fail) == 4);
    REQUIRE(s.count(Status::Missing) + s.count(Status::Error) == 4);
    REQUIRE(s.count(Status::NotApplicable) + s.count(Status::NotDue) == 4);
    std::string counts = fmt::format("tests=\"{}\" failures=\"4\" errors=\"4\"", s.total);
    CHECK(r.xml.find(counts + " skipped=\"4\" time=\"0\" file=\"plan.yaml\">") !=
          std::string::npos);
    CHECK(occurrences(r.xml, "<testsuite ") == 1);
    CHECK(occurrences(r.xml, "<testcase ") == s.total);
    CHECK(occurrences(r.xml, "<failure ") == 4);
    CHECK(occurrences(r.xml, "<error ") == 4);
    CHECK(occurrences(r.xml, "<skipped ") == 4);
    CHECK(r.xml.find("<property name=\"against\" value=\"Test pack 2020–2023\"/>") !=
          std::string::npos);
}

TEST_CASE("JUnit: names, quotes and markup are escaped", "[junit]") {
    std::string xml = render().xml;
    INFO(xml);
    CHECK(xml.find("<testsuite name=\"计划 &lt;A&amp;B&gt; &quot;草案&quot;\"") !=
          std::string::npos);
    // In element text quotes stay as they are; the tab of the name is kept.
    CHECK(xml.find("subject: Dept \"A\" &amp; &lt;B&gt;\tC (高职)") != std::string::npos);
    CHECK(xml.find("<B>") == std::string::npos);
    CHECK(xml.find(" & ") == std::string::npos);
}

TEST_CASE("JUnit: a failure names the gap, the values, the line and the source", "[junit]") {
    std::string t = testcase(render().xml, "ratio", "poly");
    INFO(t);
    CHECK(t.find("<testcase name=\"ratio @ poly — ideological teacher ratio\" "
                 "classname=\"draft.test-pack\" file=\"plan.yaml\" line=\"17\" time=\"0\">") == 0);
    CHECK(t.find("<failure message=\"1:500, needs ≥1:350; 4 more ideological-political teachers "
                 "(9 → 13人)\" type=\"fail\">") != std::string::npos);
    CHECK(t.find("actual: 1:500\ntarget: ≥1:350\nshortfall: 4 more") != std::string::npos);
    CHECK(t.find("at: plan.yaml:17:39") != std::string::npos);
    CHECK(t.find("source: 《测试》 s\n“q”</failure>") != std::string::npos);
}

TEST_CASE("JUnit: each status maps to what CI servers count", "[junit]") {
    std::string xml = render().xml;
    INFO(xml);
    CHECK(testcase(xml, "share", "poly").find("<failure") == std::string::npos);
    CHECK(testcase(xml, "share", "poly").find("/>") != std::string::npos);  // a pass is empty
    CHECK(testcase(xml, "yesno", "poly")
              .find("<error message=\"missing data: courses.labor_required\" type=\"missing\">") !=
          std::string::npos);
    CHECK(testcase(xml, "practical", "mid").find("type=\"error\"") != std::string::npos);
    CHECK(testcase(xml, "multiple", "poly")
              .find("<skipped message=\"n/a: condition not met: is_quality_school\"/>") !=
          std::string::npos);
    CHECK(testcase(xml, "index", "draft")
              .find("<skipped message=\"not due: due 2025; missing data: index.contribution\"/>") !=
          std::string::npos);
    std::string advisory = testcase(xml, "practical", "poly");
    CHECK(advisory.find("<failure") == std::string::npos);
    CHECK(advisory.find(
              "<system-out>advisory — does not fail this run (see --fail-on)\nactual: 40%") !=
          std::string::npos);
}

TEST_CASE("JUnit: a waiver passes with its reason", "[junit]") {
    Rendered r = render();
    for (auto& result : r.report.results) {
        if (result.indicator().id != "ratio") continue;
        result.status = Status::Waived;
        result.reason = Message("R-waiver", {{"reason", "exemption 2024-3 until 2025"}});
    }
    std::ostringstream out;
    report::JunitReporter().write({r.report}, {}, out);
    std::string t = testcase(out.str(), "ratio", "poly");
    INFO(t);
    CHECK(t.find("<failure") == std::string::npos);
    CHECK(t.find("<system-out>waived: exemption 2024-3 until 2025 — does not fail this run") !=
          std::string::npos);
}

TEST_CASE("JUnit: failures and errors follow --fail-on, like the exit code", "[junit]") {
    report::ReportOptions o;
    o.policy.fails[static_cast<int>(Status::Advisory)] = true;
    std::string strict = render(o).xml;
    CHECK(testcase(strict, "practical", "poly")
              .find("<failure message=\"40%, needs ≥50%; advisory;") != std::string::npos);
    CHECK(testcase(strict, "practical", "poly").find("type=\"advisory\"") != std::string::npos);

    o.policy = FailPolicy{};
    o.policy.fails[static_cast<int>(Status::Fail)] = true;  // --fail-on fail
    std::string lenient = render(o).xml;
    INFO(lenient);
    CHECK(lenient.find("failures=\"4\" errors=\"0\" skipped=\"8\"") != std::string::npos);
    CHECK(testcase(lenient, "yesno", "poly")
              .find("<skipped message=\"missing data: courses.labor_required\"/>") !=
          std::string::npos);
}

TEST_CASE("JUnit: --explain adds the formula with the plan's values", "[junit]") {
    report::ReportOptions o;
    o.explain = true;
    std::string t = testcase(render(o).xml, "ratio", "poly");
    INFO(t);
    CHECK(t.find("teachers.ideological_political / students.full_time &gt;= 1:350\n= 9 / 4500 "
                 "&gt;= 1:350\n") != std::string::npos);
    CHECK(t.find("teachers.ideological_political = 9人  (plan.yaml:17:39)") != std::string::npos);
}

TEST_CASE("JUnit: Chinese labels under --lang zh", "[junit]") {
    report::ReportOptions o;
    o.lang = Lang::Zh;
    std::string t = testcase(render(o).xml, "ratio", "poly");
    INFO(t);
    CHECK(t.find("name=\"ratio @ poly — 专职思政课教师配备\"") != std::string::npos);
    CHECK(t.find("message=\"1:500，需 ≥1:350；需增加4人") != std::string::npos);
    CHECK(t.find("实际: 1:500\n目标: ≥1:350\n差距: 需增加4人") != std::string::npos);
}

TEST_CASE("JUnit: byte-identical from run to run, no time stamps or host names", "[junit]") {
    std::string a = render().xml;
    CHECK(a == render().xml);
    CHECK(a.find("timestamp") == std::string::npos);
    CHECK(a.find("hostname") == std::string::npos);
}

TEST_CASE("JUnit: several plans, one suite each, streamed as they arrive", "[junit]") {
    Rendered one = render();
    report::JunitReporter reporter;
    std::ostringstream out;
    reporter.begin({}, {}, out);
    reporter.plan(one.report, out);
    CHECK(occurrences(out.str(), "</testsuite>") == 1);  // out before the run ends
    long plan_uses = one.report.plan.use_count();
    reporter.plan(one.report, out);
    CHECK(one.report.plan.use_count() == plan_uses);  // nothing of a plan is kept
    reporter.end({}, out);
    CHECK(occurrences(out.str(), "<testsuite ") == 2);
}

TEST_CASE("JUnit: written to a file, the root gets the totals at the end", "[junit]") {
    Rendered one = render();
    std::string streamed = testing::write_report(report::JunitReporter(), {one.report, one.report});
    std::string file = written_to_file({one.report, one.report});
    INFO(file);
    int tests = static_cast<int>(one.report.results.size());
    std::string root = fmt::format(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"vetcheck\" tests=\"{}\" "
        "failures=\"8\" errors=\"8\"",
        2 * tests);
    REQUIRE(file.rfind(root, 0) == 0);
    // Then only the spaces left of the room, and the rest as streamed.
    size_t tag_end = file.find(">\n", root.size());
    CHECK(file.find_first_not_of(' ', root.size()) == tag_end);
    CHECK(file.substr(tag_end) == streamed.substr(streamed.find(">\n", 50)));
}

TEST_CASE("JUnit: testcase names are unique in each plan's suite", "[junit]") {
    Rendered r = render();
    auto names = case_names(r.xml);
    CHECK(names.size() == r.report.results.size());
    CHECK(std::set<std::string>(names.begin(), names.end()).size() == names.size());
    // The same indicator on the same subject twice (a restated indicator for another scope on an
    // institution with the plan's id): the second is numbered.
    r.report.results.push_back(r.report.results.front());
    auto twice = case_names(testing::write_report(report::JunitReporter(), {r.report}));
    CHECK(twice.back() == twice.front() + " (2)");
    CHECK(std::set<std::string>(twice.begin(), twice.end()).size() == twice.size());
}

TEST_CASE("XML writer: escaping keeps every character XML can carry", "[junit]") {
    CHECK(report::xml_attribute("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c'");
    CHECK(report::xml_text("a<b>&\"c'") == "a&lt;b&gt;&amp;\"c'");
    CHECK(report::xml_attribute("1\t2\n3\r4") == "1&#9;2&#10;3&#13;4");
    CHECK(report::xml_text("1\t2\n3\r4") == "1\t2\n3&#13;4");
    // Characters XML 1.0 cannot carry, and bytes that are not UTF-8, become U+FFFD.
    CHECK(report::xml_text(std::string("a\0b\x01"
                                       "c\x1b",
                                       6)) == "a\uFFFDb\uFFFDc\uFFFD");
    CHECK(report::xml_text("\xff"
                           "x\xEF\xBF\xBE") == "\uFFFDx\uFFFD");
    CHECK(report::xml_text("专职 ✓ 😀") == "专职 ✓ 😀");
}

TEST_CASE("XML writer: indentation, empty elements and text kept inline", "[junit]") {
    std::ostringstream out;
    report::XmlWriter xml(out);
    xml.open("a").attribute("n", 1);
    xml.open("b").close();
    xml.element("c", "x\ny");
    xml.close();
    CHECK(out.str() ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a n=\"1\">\n  <b/>\n  <c>x\ny</c>\n</a>\n");
    CHECK_THROWS_AS(xml.close(), std::logic_error);
}

TEST_CASE("JUnit: an input that could not be checked is an error case of its own suite",
          "[junit]") {
    auto checked = testing::check_report(testing::kEveryStatusPlan);
    report::JunitReporter reporter;
    std::ostringstream out;
    reporter.begin({}, {}, out);
    reporter.plan(checked.report, out);
    SourceLocation at{FileName("drafts/bad <1>.yaml"), 6, 9};
    reporter.failure(InputFailure{InputError(at, "plan.year: expected a whole number"), ""}, out);
    reporter.end({}, out);
    std::string xml = out.str();
    INFO(xml);
    // The bad file's own suite, counted as an error, beside the checked plan's.
    CHECK(xml.find("<testsuite name=\"drafts/bad &lt;1&gt;.yaml\" tests=\"1\" failures=\"0\" "
                   "errors=\"1\"") != std::string::npos);
    CHECK(xml.find("line=\"6\"") != std::string::npos);
    CHECK(xml.find("<error message=\"drafts/bad &lt;1&gt;.yaml:6:9: plan.year: expected a whole "
                   "number\" type=\"input\"/>") != std::string::npos);
    CHECK(occurrences(xml, "<testsuite ") == 2);
}
