#include <catch2/catch.hpp>

#include <sstream>

#include "test_support.hpp"
#include "vetcheck/engine/diff.hpp"
#include "vetcheck/report/diff_text.hpp"

using namespace vetcheck;
using vetcheck::testing::check_text;

namespace {

// A city with a 高职 college (1:350 with 10 teachers for 3500 students) and a 中职 school; the
// arguments replace some of their facts.
std::string city(const std::string& poly_facts, const std::string& sec_facts = "",
                 const std::string& plan_facts = "dropout_rate: 1.5%") {
    return "plan: {name: 测试市, level: city, year: 2023, packs: [test-pack]}\n"
           "facts: {" +
           plan_facts +
           "}\n"
           "institutions:\n"
           "  - id: poly\n    name: 测试职业技术学院\n    type: 高职\n    facts: {" +
           poly_facts +
           "}\n"
           "  - id: sec\n    name: 测试中职学校\n    type: 中职\n    facts: "
           "{teachers.professional: "
           "100, teachers.double_qualified: 60" +
           sec_facts + "}\n";
}

const std::string kPoly =
    "students.full_time: 3500, teachers.ideological_political: 10, hours.practical: 1000, "
    "hours.total: 2000";

struct Compared {
    std::unique_ptr<vetcheck::testing::Checked> before, after;
    PlanDiff diff;

    const ResultChange* change(const std::string& indicator, const std::string& subject) const {
        for (const auto& c : diff.results)
            if (c.any().indicator().id == indicator && c.any().subject->id == subject) return &c;
        return nullptr;
    }
    std::string render(report::TextFormat format) const {
        std::ostringstream out;
        report::ReportOptions o;
        report::write_diff(diff, format, o, out);
        return out.str();
    }
};

Compared compare(const std::string& before, const std::string& after) {
    Compared c{check_text(before), check_text(after), {}};
    c.diff = diff_plans(c.before->loaded.plan, c.before->results, c.after->loaded.plan,
                        c.after->results);
    return c;
}

}  // namespace

TEST_CASE("Diff: two identical drafts have no changes and are not worse", "[diff]") {
    auto c = compare(city(kPoly), city(kPoly));
    CHECK(c.diff.results.empty());
    CHECK(c.diff.facts.empty());
    CHECK(c.diff.institutions.empty());
    CHECK(c.diff.plan_fields.empty());
    CHECK(c.diff.unchanged == static_cast<int>(c.after->results.size()));
    CHECK_FALSE(c.diff.worse());
    CHECK(c.render(report::TextFormat::Terminal).find("no changes") != std::string::npos);
}

TEST_CASE("Diff: a draft that fixes failures is better", "[diff]") {
    auto c = compare(
        city("students.full_time: 3500, teachers.ideological_political: 8, hours.practical: 800, "
             "hours.total: 2000",
             "", "dropout_rate: 3%"),
        city(kPoly));
    CHECK_FALSE(c.diff.worse());
    const ResultChange* ratio = c.change("ratio", "poly");
    REQUIRE(ratio);
    CHECK(ratio->kind == ResultChangeKind::NewlyPassing);
    CHECK(ratio->before->status == Status::Fail);
    CHECK(ratio->after->status == Status::Pass);
    CHECK(c.change("practical", "poly")->kind == ResultChangeKind::NewlyPassing);  // advisory
    CHECK(c.change("upper", c.after->loaded.plan.whole.id)->kind == ResultChangeKind::NewlyPassing);
    REQUIRE(c.diff.facts.size() == 3);
    CHECK(c.diff.facts[0].kind == FactChangeKind::Changed);
    CHECK(c.diff.facts[0].whole_plan);
    CHECK(c.diff.facts[0].key == "dropout_rate");
    CHECK(c.diff.facts[1].subject->id == "poly");
    CHECK(c.diff.facts[1].key == "hours.practical");
}

TEST_CASE("Diff: a required check newly failing, or a gap growing, makes the draft worse",
          "[diff]") {
    // The 中职 school loses double-qualified teachers: its share fails (was passing).
    auto worse = compare(city(kPoly),
                         "plan: {name: 测试市, level: city, year: 2023, packs: [test-pack]}\n"
                         "facts: {dropout_rate: 1.5%}\n"
                         "institutions:\n"
                         "  - {id: poly, name: 测试职业技术学院, type: 高职, facts: {" +
                             kPoly +
                             "}}\n"
                             "  - {id: sec, name: 测试中职学校, type: 中职, facts: "
                             "{teachers.professional: 100, teachers.double_qualified: 40}}\n");
    CHECK(worse.diff.worse());
    const ResultChange* share = worse.change("share", "sec");
    REQUIRE(share);
    CHECK(share->kind == ResultChangeKind::NewlyFailing);
    CHECK(share->required);
    CHECK(share->worse);

    // A gap that grows on a required target is worse; one that shrinks is not.
    std::string short_by_2 = "students.full_time: 3500, teachers.ideological_political: 8";
    std::string short_by_4 = "students.full_time: 3500, teachers.ideological_political: 6";
    auto grew = compare(city(short_by_2), city(short_by_4));
    const ResultChange* ratio = grew.change("ratio", "poly");
    REQUIRE(ratio);
    CHECK(ratio->kind == ResultChangeKind::GapGrew);
    CHECK(ratio->worse);
    CHECK(grew.diff.worse());
    auto shrank = compare(city(short_by_4), city(short_by_2));
    CHECK(shrank.change("ratio", "poly")->kind == ResultChangeKind::GapShrank);
    CHECK_FALSE(shrank.diff.worse());

    // An advisory target that starts failing is listed, but is not "worse".
    auto advisory = compare(city(kPoly), city("students.full_time: 3500, "
                                              "teachers.ideological_political: 10, "
                                              "hours.practical: 900, hours.total: 2000"));
    CHECK(advisory.change("practical", "poly")->kind == ResultChangeKind::NewlyFailing);
    CHECK_FALSE(advisory.change("practical", "poly")->required);
    CHECK_FALSE(advisory.diff.worse());

    // Data taken out: a passing check now lacks data. That is worse too.
    auto removed = compare(city(kPoly), city("teachers.ideological_political: 10, "
                                             "hours.practical: 1000, hours.total: 2000"));
    CHECK(removed.change("ratio", "poly")->after->status == Status::Missing);
    CHECK(removed.diff.worse());
    REQUIRE(removed.diff.facts.size() == 1);
    CHECK(removed.diff.facts[0].kind == FactChangeKind::Removed);
    CHECK(removed.diff.facts[0].key == "students.full_time");
}

TEST_CASE("Diff: a key removed and another added with the same value is a possible rename",
          "[diff]") {
    auto c = compare(city(kPoly, "", "dropout_rate: 1.5%, region.cities: 11"),
                     city(kPoly, "", "dropout_rate: 1.5%, region.counties: 11"));
    REQUIRE(c.diff.facts.size() == 1);
    const FactChange& f = c.diff.facts[0];
    CHECK(f.kind == FactChangeKind::Renamed);
    CHECK(f.old_key == "region.cities");
    CHECK(f.key == "region.counties");
    CHECK(f.before);
    CHECK(f.after);
    CHECK_FALSE(c.diff.worse());
    std::string term = c.render(report::TextFormat::Terminal);
    CHECK(term.find("↔ plan as a whole · region.cities → region.counties: 11个 (possible rename") !=
          std::string::npos);
    // A different value is a removal and an addition, not a rename.
    auto d = compare(city(kPoly, "", "dropout_rate: 1.5%, region.cities: 11"),
                     city(kPoly, "", "dropout_rate: 1.5%, region.counties: 12"));
    REQUIRE(d.diff.facts.size() == 2);
    CHECK(d.diff.facts[0].kind == FactChangeKind::Removed);
    CHECK(d.diff.facts[1].kind == FactChangeKind::Added);
}

TEST_CASE("Diff: institutions added and removed; their new failures count", "[diff]") {
    std::string before = city(kPoly);
    std::string after = before.substr(0, before.find("  - id: sec")) +
                        "  - {id: new, name: 新学校, type: 高职, facts: {students.full_time: 700, "
                        "teachers.ideological_political: 1}}\n";
    auto c = compare(before, after);
    REQUIRE(c.diff.institutions.size() == 2);
    CHECK(c.diff.institutions[0].added);
    CHECK(c.diff.institutions[0].institution->id == "new");
    CHECK_FALSE(c.diff.institutions[1].added);
    CHECK(c.diff.institutions[1].institution->id == "sec");
    const ResultChange* ratio = c.change("ratio", "new");
    REQUIRE(ratio);
    CHECK(ratio->kind == ResultChangeKind::NewlyFailing);
    CHECK(ratio->before == nullptr);
    CHECK(c.diff.worse());
}

TEST_CASE("Diff: markdown and JSON forms", "[diff]") {
    auto c = compare(city("students.full_time: 3500, teachers.ideological_political: 8"),
                     city("students.full_time: 3500, teachers.ideological_political: 6"));
    std::string md = c.render(report::TextFormat::Markdown);
    CHECK(md.find("### vetcheck diff: `plan.yaml` → `plan.yaml`") == 0);
    CHECK(md.find(":x: **The new draft is worse on a required target.**") != std::string::npos);
    CHECK(md.find("| ✗ | ideological teacher ratio **(worse)** | 测试职业技术学院 (高职) | fail | "
                  "fail | 2 more ideological-political teachers (8 → 10人) → 4 more "
                  "ideological-political teachers (6 → 10人) |") != std::string::npos);
    CHECK(md.find("| ~ | 测试职业技术学院 | `teachers.ideological_political` | 8人 | 6人 |") !=
          std::string::npos);
    std::string json = c.render(report::TextFormat::Json);
    CHECK(json.find("\"schema\": \"vetcheck-diff/1\"") != std::string::npos);
    CHECK(json.find("\"worse\": true") != std::string::npos);
    CHECK(
        json.find(
            R"("change": "gap-grew", "indicator": "ratio", "name": "ideological teacher ratio", "subject": "poly", "required": true, "worse": true)") !=
        std::string::npos);
    CHECK(
        json.find(
            R"("change": "changed", "subject": "poly", "key": "teachers.ideological_political", "old_key": null, "before": "8人", "after": "6人")") !=
        std::string::npos);
    report::TextFormat f;
    CHECK(report::parse_text_format("markdown", &f));
    CHECK(f == report::TextFormat::Markdown);
    CHECK_FALSE(report::parse_text_format("html", &f));
}
