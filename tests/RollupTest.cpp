#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "test_support.hpp"
#include "vetcheck/engine/rollup.hpp"

using namespace vetcheck;

namespace {
const char* kProvincePack = R"yaml(
pack: {id: prov, title: 省, period: {from: 2021, to: 2023}, level: province}
facts:
  - {key: schools.high_level, zh: 高水平学校, unit: 所, type: count, subjects: [plan]}
  - {key: specialties.high_level, zh: 高水平专业, unit: 个, type: count, subjects: [plan]}
  - {key: region.cities, zh: 地市数, type: count, subjects: [plan]}
  - {key: dropout, zh: 流生率, type: share, subjects: [plan]}
indicators:
  - {id: schools, name: 高水平学校, subject: plan, levels: [province], rollup: sum, measure: schools.high_level,
     op: ">=", target: 50所, word: 建设, source: {file: f, section: s, quote: q}}
  - {id: specialties, name: 高水平专业, subject: plan, levels: [province], rollup: sum,
     measure: specialties.high_level, op: ">=", target: 15个 * region.cities, word: 建设,
     source: {file: f, section: s, quote: q}}
  - {id: dropout, name: 流生率, subject: plan, measure: dropout, op: "<=", target: 2%, word: 以内,
     source: {file: f, section: s, quote: q}}
)yaml";

struct Fixture {
    Catalog catalog;
    std::vector<LoadedPlan> plans;
    Fixture() { catalog.add_text(kProvincePack, "prov.yaml"); }
    const Plan& add(const std::string& text) {
        // fmt, not `"p" + std::to_string(…)`: GCC 12 at -O3 warns falsely (-Wrestrict) on that.
        plans.push_back(load_plan(text, fmt::format("p{}.yaml", plans.size()), catalog));
        return plans.back().plan;
    }
};
}  // namespace

TEST_CASE("Rollup: the cities fall short of the province's total by a known amount", "[rollup]") {
    Fixture f;
    f.add(
        "plan: {name: 省, region: 某省, level: province, year: 2023, packs: [prov]}\n"
        "facts: {schools.high_level: 50, region.cities: 3}\n");
    f.add(
        "plan: {name: 甲市规划, region: 甲市, level: city, year: 2023, packs: [prov]}\n"
        "facts: {schools.high_level: 20, specialties.high_level: 15}\n");
    f.add(
        "plan: {name: 乙市规划, region: 乙市, level: city, year: 2023, packs: [prov]}\n"
        "facts: {schools.high_level: 17, specialties.high_level: 20}\n");
    f.add(
        "plan: {name: 丙市规划, region: 丙市, level: city, year: 2023, packs: [prov]}\n"
        "facts: {schools.high_level: 8}\n");
    std::vector<const Plan*> cities = {&f.plans[1].plan, &f.plans[2].plan, &f.plans[3].plan};
    auto results = check_rollup(*f.plans[0].rules, f.plans[0].plan, cities);
    REQUIRE(results.size() == 2);  // only the `rollup: sum` indicators
    const RollupResult& schools = results[0];
    CHECK(schools.status == Status::Fail);
    CHECK(schools.total.value == Rational(45));
    CHECK(schools.gap->value == Rational(5));
    CHECK(*schools.upper_value == Rational(50));
    REQUIRE(schools.shares.size() == 3);
    CHECK(*schools.shares[0].value == Rational(20));
    CHECK(schools.shares[0].where.to_string() == "p1.yaml:2:29");
    const RollupResult& specialties = results[1];
    CHECK(specialties.status == Status::Missing);
    CHECK(specialties.missing == std::vector<std::string>{"丙市"});
    CHECK(specialties.target->value == Rational(45));  // 15 × 3 cities, the province's own figure
}

TEST_CASE("Rollup: totals nobody reports are n/a, sums that meet the target pass", "[rollup]") {
    Fixture f;
    f.add(
        "plan: {name: 省, level: province, year: 2023, packs: [prov]}\nfacts: {region.cities: "
        "1}\n");
    f.add(
        "plan: {name: 甲市, level: city, year: 2023, packs: [prov]}\nfacts: {schools.high_level: "
        "50}\n");
    auto results = check_rollup(*f.plans[0].rules, f.plans[0].plan, {&f.plans[1].plan});
    CHECK(results[0].status == Status::Pass);
    CHECK(results[1].status == Status::NotApplicable);
    CHECK(render(results[1].reason, Lang::En) == "no lower plan reports specialties.high_level");
}

TEST_CASE("Rollup: only counts and amounts add up", "[rollup]") {
    Catalog catalog;
    catalog.add_text(R"yaml(
pack: {id: bad, title: B, period: {from: 2021, to: 2023}, level: province}
facts: [{key: dropout, zh: 流生率, type: share, subjects: [plan]}]
indicators:
  - {id: d, name: D, subject: plan, rollup: sum, measure: dropout, op: "<=", target: 2%, word: 以内,
     source: {file: f, section: s, quote: q}}
)yaml",
                     "bad.yaml");
    CHECK_THROWS_WITH(
        catalog.compile({"bad"}, SourceLocation{"t"}),
        Catch::Contains("d.rollup: 'dropout' is a share; only counts and amounts add up"));
}
