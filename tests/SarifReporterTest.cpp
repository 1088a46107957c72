#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>
#include <set>
#include <sstream>

#include "test_support.hpp"
#include "vetcheck/report/sarif_reporter.hpp"

using namespace vetcheck;

namespace {

struct Rendered : testing::CheckedReport {
    std::string sarif;
};

// The report of kEveryStatusPlan; `edit` may change the results first (a waiver, a path).
template <typename Edit>
Rendered render(report::ReportOptions o, Edit edit) {
    Rendered r{testing::check_report(testing::kEveryStatusPlan), ""};
    for (auto& result : r.report.results) edit(result);
    r.sarif = testing::write_report(report::SarifReporter(), {r.report}, o);
    return r;
}

Rendered render(report::ReportOptions o = {}) {
    return render(o, [](Result&) {});
}

std::vector<std::string> all_matches(const std::string& text, const std::string& pattern) {
    std::vector<std::string> out;
    std::regex re(pattern);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
         ++it)
        out.push_back((*it)[1]);
    return out;
}

// One result object, from its ruleId to the next result (or the end of the results).
std::string result_for(const std::string& sarif, const std::string& rule,
                       const std::string& subject) {
    std::string start = "\"ruleId\": \"" + rule + "\"";
    for (size_t at = sarif.find(start); at != std::string::npos; at = sarif.find(start, at + 1)) {
        std::string rest = sarif.substr(at, sarif.find("\"ruleId\"", at + 1) - at);
        if (rest.find("\"subject\": \"" + subject + "\"") != std::string::npos) return rest;
    }
    FAIL("no result for " << rule << " on " << subject);
    return "";
}

}  // namespace

TEST_CASE("SARIF: one run of vetcheck, version 2.1.0", "[sarif]") {
    std::string s = render().sarif;
    INFO(s);
    CHECK(s.rfind("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
                  "  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"tool\": {\n"
                  "        \"driver\": {\n          \"name\": \"vetcheck\",\n",
                  0) == 0);
    CHECK(s.find("\"semanticVersion\": \"") != std::string::npos);
    CHECK(s.find("\"columnKind\": \"unicodeCodePoints\"") != std::string::npos);
    CHECK(s.back() == '\n');
}

TEST_CASE("SARIF: a result for each finding, none for passes and n/a", "[sarif]") {
    Rendered r = render();
    INFO(r.sarif);
    Summary sum = summarize(r.report.results);
    int findings = sum.count(Status::Fail) + sum.count(Status::Error) + sum.count(Status::Missing) +
                   sum.count(Status::Advisory) + sum.count(Status::NotDue);
    REQUIRE(findings == 10);
    std::vector<std::string> levels =
        all_matches(r.sarif, "\"level\": \"(\\w+)\",\n\\s*\"message\"");
    CHECK(levels.size() == 10);
    // Missing data fails the run, so it is an error as in the exit code and JUnit.
    CHECK(std::count(levels.begin(), levels.end(), "error") == 8);  // 4 fail + 1 error + 3 missing
    CHECK(std::count(levels.begin(), levels.end(), "warning") == 1);    // 1 advisory
    CHECK(std::count(levels.begin(), levels.end(), "note") == 1);       // not due
    CHECK(r.sarif.find("\"ruleId\": \"share\"") != std::string::npos);  // missing at mid
    CHECK(result_for(r.sarif, "share", "mid").find("\"status\": \"missing\"") != std::string::npos);
    CHECK(r.sarif.find("\"status\": \"pass\"") == std::string::npos);
    CHECK(r.sarif.find("\"status\": \"n/a\"") == std::string::npos);
}

TEST_CASE("SARIF: levels follow the status", "[sarif]") {
    std::string s = render().sarif;
    INFO(s);
    CHECK(result_for(s, "ratio", "poly").find("\"level\": \"error\"") != std::string::npos);
    CHECK(result_for(s, "practical", "mid").find("\"level\": \"error\"") != std::string::npos);
    CHECK(result_for(s, "practical", "poly").find("\"level\": \"warning\"") != std::string::npos);
    CHECK(result_for(s, "yesno", "poly").find("\"level\": \"error\"") != std::string::npos);
    CHECK(result_for(s, "index", "draft").find("\"level\": \"note\"") != std::string::npos);
}

TEST_CASE("SARIF: one rule per indicator found, ruleIndex in rule order", "[sarif]") {
    std::string s = render().sarif;
    INFO(s);
    std::string rules = s.substr(0, s.find("\"results\""));
    std::vector<std::string> ids = all_matches(rules, "\"id\": \"([a-z_]+)\"");
    // The order results come in: indicators as the pack lists them, each for every subject.
    CHECK(ids == std::vector<std::string>{"ratio", "share", "practical", "relative", "upper",
                                          "about", "yesno", "index"});
    std::regex pair("\"ruleId\": \"([a-z_]+)\",\n\\s*\"ruleIndex\": (\\d+)");
    int results = 0;
    for (auto it = std::sregex_iterator(s.begin(), s.end(), pair); it != std::sregex_iterator();
         ++it, ++results)
        CHECK(ids.at(std::stoul((*it)[2])) == (*it)[1]);
    CHECK(results == 10);
}

TEST_CASE("SARIF: a rule carries the name, formula, source and pack", "[sarif]") {
    std::string s = render().sarif;
    INFO(s);
    CHECK(s.find(R"(              "id": "ratio",
              "name": "Ratio",
              "shortDescription": {
                "text": "ideological teacher ratio"
              },
              "fullDescription": {
                "text": "teachers.ideological_political / students.full_time >= 1:350"
              },
              "help": {
                "text": "《测试》 s (f): “q”",
                "markdown": "《测试》 s (f)\n\n> q"
              },
              "defaultConfiguration": {
                "level": "error"
              },
              "properties": {
                "pack": "test-pack",
                "severity": "required",
                "deadline": 2023
              })") != std::string::npos);
    CHECK(s.find(R"("severity": "advisory")") != std::string::npos);
    CHECK(s.find(R"("name": "Practical")") != std::string::npos);
}

TEST_CASE("SARIF: the message gives the gap, the location the deciding line", "[sarif]") {
    std::string r = result_for(render().sarif, "ratio", "poly");
    INFO(r);
    // The institution's name carries quotes, a tab, & and <: JSON escapes only what it must.
    CHECK(
        r.find(
            R"x("text": "ideological teacher ratio — Dept \"A\" & <B>\tC (高职): 1:500, needs ≥1:350; 4 more ideological-political teachers (9 → 13人)")x") !=
        std::string::npos);
    CHECK(r.find(R"("artifactLocation": {
                  "uri": "plan.yaml",
                  "uriBaseId": "%SRCROOT%"
                },
                "region": {
                  "startLine": 17,
                  "startColumn": 39
                })") != std::string::npos);
    CHECK(r.find(R"("vetcheckResult/v1": "draft/ratio/poly")") != std::string::npos);
}

TEST_CASE("SARIF: fingerprints are distinct and output is byte-identical", "[sarif]") {
    std::string s = render().sarif;
    std::vector<std::string> prints = all_matches(s, "\"vetcheckResult/v1\": \"([^\"]+)\"");
    CHECK(prints.size() == 10);
    CHECK(std::set<std::string>(prints.begin(), prints.end()).size() == prints.size());
    CHECK(s == render().sarif);
    CHECK(s.find("Time") == std::string::npos);  // no startTimeUtc or the like
}

TEST_CASE("SARIF: paths become URI references", "[sarif]") {
    auto with_file = [](std::string file) {
        return render({}, [file](Result& r) { r.deciding.file = file; }).sarif;
    };
    std::string chinese = with_file("./plans/规划 1.yaml");
    CHECK(chinese.find(R"("uri": "plans/%E8%A7%84%E5%88%92%201.yaml",
                  "uriBaseId": "%SRCROOT%")") != std::string::npos);
    std::string absolute = with_file("/srv/plans/a#b.yaml");
    CHECK(absolute.find(R"("uri": "file:///srv/plans/a%23b.yaml"
                },)") != std::string::npos);
    CHECK(absolute.find("uriBaseId") == std::string::npos);
}

TEST_CASE("SARIF: a waived result is reported as suppressed", "[sarif]") {
    auto waive = [](Result& r) {
        if (r.indicator().id != "ratio") return;
        r.status = Status::Waived;
        r.reason = Message("R-waiver", {{"reason", "exemption 2024-3 until 2025"}});
    };
    std::string r = result_for(render({}, waive).sarif, "ratio", "poly");
    INFO(r);
    CHECK(r.find(R"("level": "note")") != std::string::npos);
    CHECK(r.find(R"("suppressions": [
            {
              "kind": "external",
              "justification": "exemption 2024-3 until 2025"
            }
          ])") != std::string::npos);
}

TEST_CASE("SARIF: control characters and bytes that are not UTF-8 stay valid JSON", "[sarif]") {
    auto waive = [](Result& r) {
        r.status = Status::Waived;
        r.reason = Message("R-waiver", {{"reason", std::string("a\x01"
                                                               "b\xff"
                                                               "c\\")}});
    };
    CHECK(render({}, waive).sarif.find(R"("justification": "a\u0001b\ufffdc\\")") !=
          std::string::npos);
}

TEST_CASE("SARIF: no findings is an empty result list", "[sarif]") {
    auto pass_all = [](Result& r) { r.status = Status::Pass; };
    std::string s = render({}, pass_all).sarif;
    CHECK(s.find("\"rules\": []") != std::string::npos);
    CHECK(s.find("\"results\": []") != std::string::npos);
}

TEST_CASE("SARIF: Chinese descriptions under --lang zh", "[sarif]") {
    report::ReportOptions o;
    o.lang = Lang::Zh;
    std::string s = render(o).sarif;
    CHECK(s.find(R"("text": "专职思政课教师配备")") != std::string::npos);
    CHECK(s.find("1:500，需 ≥1:350；需增加4人") != std::string::npos);
}

TEST_CASE(
    "SARIF: past the results limit the most severe are kept and the rest counted, not dropped",
    "[sarif]") {
    // 10 findings: 1 error, 4 fail, 3 missing (all SARIF errors), 1 advisory, 1 not due.
    Rendered r{testing::check_report(testing::kEveryStatusPlan), ""};
    std::string s = testing::write_report(report::SarifReporter(8), {r.report}, {});
    INFO(s);
    std::vector<std::string> levels = all_matches(s.substr(0, s.find("\"invocations\"")),
                                                  "\"level\": \"(\\w+)\",\n\\s*\"message\"");
    CHECK(levels.size() == 8);
    CHECK(std::count(levels.begin(), levels.end(), "error") == 8);  // the advisory and note go
    CHECK(s.find("\"omittedResults\": 2") != std::string::npos);
    CHECK(s.find("\"advisory\": 1") != std::string::npos);
    CHECK(s.find("\"not-due\": 1") != std::string::npos);
    CHECK(s.find("\"toolExecutionNotifications\"") != std::string::npos);
    CHECK(s.find("2 results left out") != std::string::npos);
    // Under the limit, nothing is said of omissions.
    std::string whole = testing::write_report(report::SarifReporter(10), {r.report}, {});
    CHECK(whole.find("omittedResults") == std::string::npos);
    CHECK(whole.find("toolExecutionNotifications") == std::string::npos);
}

TEST_CASE("SARIF: streams, holding at most the results it may keep and no plan", "[sarif]") {
    Rendered r{testing::check_report(testing::kEveryStatusPlan), ""};
    // 10 findings a plan; three plans, a limit of 8: 30 findings seen, never more than 8 held.
    report::SarifReporter reporter(8);
    std::ostringstream out;
    reporter.begin({}, {}, out);
    long plan_uses = r.report.plan.use_count();
    for (int i = 0; i < 3; ++i) {
        reporter.plan(r.report, out);
        CHECK(reporter.results_held() <= 8);
        CHECK(r.report.plan.use_count() == plan_uses);
    }
    reporter.end({}, out);
    std::string s = out.str();
    INFO(s);
    // The most severe are kept, in input order within a rank: the error of the first plan first
    // (the error ranks above fail and missing), then all that follow it in rank and order.
    std::vector<std::string> statuses = all_matches(s, "\"status\": \"([a-z/-]+)\"");
    REQUIRE(statuses.size() == 8);
    CHECK(std::count(statuses.begin(), statuses.end(), "error") == 3);  // one error per plan
    CHECK(s.find("\"omittedResults\": 22") != std::string::npos);
    // Exactly the 8 that sorting the whole batch would keep: by rank, input order within a rank,
    // then listed in input order.
    std::vector<std::pair<int, std::string>> findings;  // (rank, indicator/subject), input order
    for (int i = 0; i < 3; ++i)
        for (const auto& result : r.report.results)
            if (status_info(result.status).sarif != SarifLevel::None)
                findings.emplace_back(severity_rank(result.status),
                                      result.indicator().id + "/" + result.subject->id);
    std::vector<size_t> order(findings.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return findings[a].first > findings[b].first; });
    order.resize(8);
    std::sort(order.begin(), order.end());
    std::vector<std::string> expected;
    for (size_t i : order) expected.push_back(findings[i].second);
    std::vector<std::string> rules = all_matches(s, "\"ruleId\": \"([a-z_]+)\"");
    std::vector<std::string> subjects = all_matches(s, "\"subject\": \"([a-z_-]+)\"");
    REQUIRE(rules.size() == 8);
    REQUIRE(subjects.size() == 8);
    std::vector<std::string> got;
    for (size_t i = 0; i < 8; ++i) got.push_back(rules[i] + "/" + subjects[i]);
    CHECK(got == expected);
}

TEST_CASE("SARIF: an input that could not be checked is a tool execution notification", "[sarif]") {
    auto checked = testing::check_report(testing::kEveryStatusPlan);
    report::SarifReporter reporter;
    std::ostringstream out;
    reporter.begin({}, {}, out);
    reporter.plan(checked.report, out);
    SourceLocation at{FileName("drafts/bad.yaml"), 6, 9};
    reporter.failure(InputFailure{InputError(at, "plan.year: expected a whole number"), ""}, out);
    reporter.end({}, out);
    std::string s = out.str();
    INFO(s);
    // The run did not succeed, and says why, where: never a silent omission.
    CHECK(s.find("\"executionSuccessful\": false") != std::string::npos);
    size_t note = s.find("\"toolExecutionNotifications\"");
    REQUIRE(note != std::string::npos);
    std::string tail = s.substr(note);
    CHECK(tail.find("\"level\": \"error\"") != std::string::npos);
    CHECK(tail.find("plan.year: expected a whole number") != std::string::npos);
    CHECK(tail.find("\"uri\": \"drafts/bad.yaml\"") != std::string::npos);
    CHECK(tail.find("\"startLine\": 6") != std::string::npos);
    CHECK(tail.find("\"startColumn\": 9") != std::string::npos);
    // The checked plan's findings are still there.
    CHECK(!all_matches(s, "\"ruleId\": \"([a-z_]+)\"").empty());
}
