#include <catch2/catch.hpp>

#include <regex>

#include "test_support.hpp"
#include "vetcheck/engine/progress.hpp"
#include "vetcheck/report/html_reporter.hpp"
#include "vetcheck/report/progress_chart.hpp"

using namespace vetcheck;
using vetcheck::testing::check_report;
using vetcheck::testing::check_text;
using vetcheck::testing::write_report;

namespace {

// The test pack with its targets due in 2025, so that a 2023 plan is checked at mid-term.
std::string mid_term_pack(const std::string& replace = "", const std::string& with = "") {
    std::string pack = vetcheck::testing::kTestPack;
    std::string from = "period: {from: 2020, to: 2023}";
    pack.replace(pack.find(from), from.size(), "period: {from: 2020, to: 2025}");
    if (!replace.empty()) pack.replace(pack.find(replace), replace.size(), with);
    return pack;
}

// 3500 students; 5 teachers in 2020 (1:700), 8 in 2023, the target 1:350 (10 teachers) in 2025.
const std::string kTeachers =
    "plan: {name: 学校, level: school, type: 高职, year: 2023, packs: [test-pack]}\n"
    "baseline: {year: 2020, students.full_time: 3500, teachers.ideological_political: 5}\n"
    "facts: {students.full_time: 3500, teachers.ideological_political: 8}\n";

// Dropout down from 4% in 2020 to 2.9% in 2023, against ≤2% in 2025.
const std::string kDropout =
    "plan: {name: 市, level: city, year: 2023, packs: [test-pack]}\n"
    "baseline: {year: 2020, dropout_rate: 4%}\nfacts: {dropout_rate: 2.9%}\n";

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The first element of `tag` with class `cls`, as its text up to the closing '>'.
std::string element(const std::string& svg, const std::string& tag, const std::string& cls) {
    size_t at = svg.find("<" + tag + " class=\"" + cls + "\"");
    if (at == std::string::npos) return "";
    return svg.substr(at, svg.find('>', at) - at + 1);
}

double attribute(const std::string& elem, const std::string& name) {
    std::smatch m;
    std::regex re(" " + name + "=\"([-0-9.]+)\"");
    REQUIRE(std::regex_search(elem, m, re));
    return std::stod(m[1]);
}

}  // namespace

TEST_CASE(
    "Progress chart: the figures, the on-track line and the target where the scale puts "
    "them",
    "[html][progress]") {
    auto c = check_text(kTeachers, mid_term_pack());
    const Result& r = c->result("ratio");
    REQUIRE(r.progress);
    std::string svg = report::svg_progress_chart(r, Lang::En);
    // The plot runs from x 80 (2020) to 488 (2025), 81.6 a year, and from y 186 down to 24. The
    // ratio is plotted as teachers per student, 5, 8 and 10 in 3500, padded by a tenth of the span
    // (5) each side: 4.5/3500 at y 186, 10.5/3500 at y 24, 27 a teacher.
    CHECK(contains(svg, "points=\"80,172.5 324.8,91.5\""));
    CHECK(contains(svg, "<circle class=\"figure\" cx=\"80\" cy=\"172.5\""));
    CHECK(contains(svg, "<circle class=\"figure\" cx=\"324.8\" cy=\"91.5\""));
    // The on-track line: from the baseline in 2020 to the target in 2025.
    std::string pace = element(svg, "line", "pace");
    CHECK(attribute(pace, "x1") == 80);
    CHECK(attribute(pace, "y1") == 172.5);
    CHECK(attribute(pace, "x2") == 488);
    CHECK(attribute(pace, "y2") == 37.5);
    // 8 teachers is exactly on the line in 2023 (3/5 of the way): on track.
    CHECK(r.status == Status::OnTrack);
    CHECK(contains(svg, "data-status=\"on-track\""));
    // The values read in the target's notation, the year checked is marked.
    CHECK(contains(svg, ">1:700</text>"));
    CHECK(contains(svg, ">1:437.5</text>"));
    CHECK(contains(svg, "font-weight=\"bold\">≥1:350</text>"));
    CHECK(contains(svg, "<line class=\"checked\" x1=\"324.8\""));
    CHECK(contains(svg, "font-weight=\"bold\">2023</text>"));
    // Through two figures the projection is that line: 10 in 2025, dashed, from 8 in 2023.
    std::string projection = element(svg, "line", "projection");
    REQUIRE_FALSE(projection.empty());
    CHECK(contains(projection, "stroke-dasharray"));
    CHECK(attribute(projection, "x1") == 324.8);
    CHECK(attribute(projection, "y1") == 91.5);
    CHECK(attribute(projection, "y2") == 37.5);
}

TEST_CASE("Progress chart: the label says the figures in words, in both languages",
          "[html][progress]") {
    auto c = check_text(kTeachers, mid_term_pack());
    const Result& r = c->result("ratio");
    std::string en = report::svg_progress_chart(r, Lang::En);
    CHECK(contains(en, "aria-label=\"ideological teacher ratio: 1:700 in 2020, 1:437.5 in 2023; "));
    CHECK(contains(en, "1:700 in 2020"));
    CHECK(contains(en, "1:437.5 in 2023"));
    CHECK(contains(en, "; due 2025: ≥1:350; on track, progress 60% / time 60%"));
    CHECK(contains(en, "<title>ideological teacher ratio"));
    CHECK(contains(en, ">on-track line</text>"));
    std::string zh = report::svg_progress_chart(r, Lang::Zh);
    CHECK(contains(zh, "2020年1:700"));
    CHECK(contains(zh, "2025年到期：≥1:350；"));
    CHECK(contains(zh, "进度达标，进度60%，时间60%"));
    CHECK(contains(zh, ">进度线</text>"));
}

TEST_CASE("Progress chart: a reduction target is plotted downward", "[html][progress]") {
    auto c = check_text(kDropout, mid_term_pack());
    const Result& r = c->result("upper");
    REQUIRE(r.progress);
    CHECK(r.status == Status::Behind);
    std::string svg = report::svg_progress_chart(r, Lang::En);
    std::string pace = element(svg, "line", "pace");
    // SVG's y grows downward: the target (2%) is below the baseline (4%) on the page.
    CHECK(attribute(pace, "y2") > attribute(pace, "y1"));
    CHECK(attribute(pace, "y1") == Approx(186 - 162 * 2.2 / 2.4).margin(0.05));
    CHECK(attribute(pace, "y2") == Approx(186 - 162 * 0.2 / 2.4).margin(0.05));
    // 2.9% in 2023 is above the line's 2.8%: behind, drawn in the behind colour.
    CHECK(contains(svg, "data-status=\"behind\""));
    CHECK(contains(svg, ">2.9%</text>"));
    CHECK(contains(svg, ">4%</text>"));
}

TEST_CASE("Progress chart: no projection, no dashed line", "[html][progress]") {
    auto c = check_text(kTeachers, mid_term_pack());
    Result r = c->result("ratio");
    auto without = std::make_shared<Progress>(*r.progress);
    without->projected_at_deadline.reset();
    without->projected_at_year.reset();
    r.progress = without;
    std::string svg = report::svg_progress_chart(r, Lang::En);
    CHECK_FALSE(contains(svg, "class=\"projection\""));
    CHECK_FALSE(contains(svg, "class=\"projected\""));
    // The legend keeps its dashed sample; the plot has no other dash than the year checked.
    CHECK(contains(svg, "class=\"pace\""));
    Result plain = c->result("ratio");
    plain.progress.reset();
    CHECK(report::svg_progress_chart(plain, Lang::En).empty());
}

TEST_CASE("Progress chart: names from packs and plans stay text", "[html][progress]") {
    auto c = check_text(kTeachers, mid_term_pack("ideological teacher ratio",
                                                 "'<script>alert(1)</script> & \"ratio\"'"));
    const Result& r = c->result("ratio");
    std::string svg = report::svg_progress_chart(r, Lang::En);
    CHECK_FALSE(contains(svg, "<script>"));
    CHECK(contains(svg, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;ratio&quot;"));
}

TEST_CASE(
    "HTML: a plan's section has a chart per target with progress; a batch counts the plans "
    "on track per indicator",
    "[html][progress]") {
    auto on = check_report(kTeachers, mid_term_pack());
    auto behind = check_report(kDropout, mid_term_pack());
    std::string one = write_report(report::HtmlReporter(), {on.report}, Lang::En);
    CHECK(contains(one, "<h3>Progress toward targets not yet due</h3>"));
    CHECK(contains(one, "<figure class=\"progress st-on-track\">"));
    CHECK(contains(one, "<svg class=\"progress-chart\""));

    auto slow = check_report(
        "plan: {name: 学校二, level: school, type: 高职, year: 2023, packs: [test-pack]}\n"
        "baseline: {year: 2020, students.full_time: 3500, teachers.ideological_political: 5}\n"
        "facts: {students.full_time: 3500, teachers.ideological_political: 7}\n",
        mid_term_pack());
    std::string batch =
        write_report(report::HtmlReporter(), {on.report, slow.report, behind.report}, Lang::En);
    CHECK(contains(batch, "<h2>Targets on track by indicator</h2>"));
    // One of the two schools is on track for the ratio; the city's dropout is behind.
    CHECK(contains(batch,
                   "<td class=\"num st-on-track\">↑ 50% (1)</td><td class=\"num "
                   "st-behind\">↓ 1</td><td class=\"num\">2</td>"));
    CHECK(contains(batch,
                   "<td class=\"num st-on-track\">↑ 0% (0)</td><td class=\"num "
                   "st-behind\">↓ 1</td><td class=\"num\">1</td>"));
    // Without progress anywhere there is no such table.
    auto plain = check_report(
        "plan: {name: 市, level: city, year: 2025, packs: [test-pack]}\nfacts: {dropout_rate: "
        "1%}\n");
    std::string none = write_report(report::HtmlReporter(), {plain.report, plain.report}, Lang::En);
    CHECK_FALSE(contains(none, "Targets on track by indicator"));
}
