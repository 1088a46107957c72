// Compiling a rule set: each indicator of the packs becomes a CompiledRule by named stages (types
// checked, unit and notation resolved, rollup and lever checked, restated versions compiled), and
// the parsed indicators the packs hold are pointed at, never copied or changed.
#include <catch2/catch.hpp>

#include "test_support.hpp"
#include "vetcheck/compile/catalog.hpp"
#include "vetcheck/report/format.hpp"

using namespace vetcheck;

namespace {

const char* kParent = R"yaml(
pack: {id: parent, title: P, period: {from: 2020, to: 2023}, level: national}
facts:
  - {key: teachers.professional, zh: 专业课教师数, unit: 人, type: count, subjects: [institution]}
  - {key: teachers.double_qualified, zh: 双师型教师数, unit: 人, type: count, subjects: [institution]}
  - {key: funding.per_student, zh: 生均拨款, unit: 元/年, type: amount, subjects: [plan]}
  - {key: has_plan, zh: 有规划, type: boolean, subjects: [plan]}
indicators:
  - {id: share, name: 双师型, subject: institution, measure: teachers.double_qualified / teachers.professional,
     op: ">", target: 50%, word: 超过, deadline: 2023, lever: teachers.double_qualified,
     source: {file: f, section: s, quote: q}}
  - {id: funding, name: 生均拨款, subject: plan, measure: funding.per_student,
     op: ">=", target: 12000, word: 不低于, deadline: 2023, source: {file: f, section: s, quote: q}}
  - {id: planned, name: 规划, subject: plan, require: has_plan, deadline: 2023,
     source: {file: f, section: s, quote: q}}
)yaml";

const char* kChild = R"yaml(
pack: {id: child, title: C, period: {from: 2021, to: 2025}, level: province, extends: [parent]}
indicators:
  - {id: share, name: 双师型, subject: institution, types: [中职, 高职], measure: teachers.double_qualified / teachers.professional,
     op: ">=", target: "if(type == \"中职\", 89%, 80%)", word: 达到, deadline: 2025, lever: teachers.double_qualified,
     source: {file: f, section: s, quote: q}}
)yaml";

const CompiledRule& rule_of(const RuleSet& rules, const std::string& id) {
    for (const CompiledRule& rule : rules.rules)
        if (rule.indicator->id == id) return rule;
    FAIL("no rule " << id);
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("Compiled rules: unit and notation are resolved from the measure and the target",
          "[compile]") {
    Catalog catalog;
    catalog.add_text(kParent, "parent.yaml");
    auto rules = catalog.compile({"parent"}, SourceLocation{"test"});
    const CompiledRule& share = rule_of(*rules, "share");
    CHECK(share.notation == Notation::Percent);  // the target's 50%
    CHECK(share.unit.none());                    // 人 / 人
    const CompiledRule& funding = rule_of(*rules, "funding");
    CHECK(funding.notation == Notation::Plain);
    CHECK(funding.unit == Unit::parse("元/年"));  // the measure's: the target is a bare number
    const CompiledRule& planned = rule_of(*rules, "planned");
    CHECK(planned.notation == Notation::Plain);  // a requirement shows no value
    CHECK(planned.unit.none());
}

TEST_CASE("Compiled rules: the parsed indicators are the packs', pointed at and unchanged",
          "[compile]") {
    Catalog catalog;
    catalog.add_text(kParent, "parent.yaml");
    const Pack& pack = catalog.get("parent", SourceLocation{"test"});
    auto rules = catalog.compile({"parent"}, SourceLocation{"test"});
    REQUIRE(rules->rules.size() == pack.indicators.size());
    for (size_t i = 0; i < pack.indicators.size(); ++i)
        CHECK(rules->rules[i].indicator == &pack.indicators[i]);
    // Compiling again for another rule set points at the same parsed indicator.
    catalog.add_text(kChild, "child.yaml");
    auto child = catalog.compile({"child"}, SourceLocation{"test"});
    const Pack& reparsed = catalog.get("parent", SourceLocation{"test"});
    CHECK(rule_of(*child, "funding").indicator == &reparsed.indicators[1]);
}

TEST_CASE("Compiled rules: a constant target's text is the reports', a computed one has none",
          "[compile][report]") {
    Catalog catalog;
    catalog.add_text(kParent, "parent.yaml");
    catalog.add_text(kChild, "child.yaml");
    auto parent = catalog.compile({"parent"}, SourceLocation{"test"});
    CHECK(report::constant_target_text(rule_of(*parent, "share")) == ">50%");
    CHECK(report::constant_target_text(rule_of(*parent, "funding")) == "≥12000元/年");
    CHECK(report::constant_target_text(rule_of(*parent, "planned")).empty());
    auto child = catalog.compile({"child"}, SourceLocation{"test"});
    CHECK(report::constant_target_text(rule_of(*child, "share")).empty());  // depends on the type
}

TEST_CASE("Compiled rules: a restated version is compiled beside the rule that restates it",
          "[compile]") {
    Catalog catalog;
    catalog.add_text(kParent, "parent.yaml");
    catalog.add_text(kChild, "child.yaml");
    auto rules = catalog.compile({"child"}, SourceLocation{"test"});
    REQUIRE(rules->rules.size() == 3);
    const CompiledRule& share = rules->rules[0];  // in the parent's place
    CHECK(share.indicator->pack_id == "child");
    REQUIRE(share.restated.size() == 1);
    const CompiledRule& parent_version = share.restated[0];
    CHECK(parent_version.indicator->pack_id == "parent");
    CHECK(parent_version.notation == Notation::Percent);
    CHECK(parent_version.restated.empty());
    CHECK(report::constant_target_text(parent_version) == ">50%");
}

TEST_CASE("Compiled rules: a stage that fails names the indicator and where", "[compile]") {
    std::string pack = kParent;
    // The lever stage: a lever the comparison does not read.
    std::string bad_lever = pack;
    bad_lever.replace(bad_lever.find("lever: teachers.double_qualified"),
                      std::string("lever: teachers.double_qualified").size(),
                      "lever: teachers.professional_x");
    Catalog catalog;
    catalog.add_text(bad_lever, "parent.yaml");
    try {
        catalog.compile({"parent"}, SourceLocation{"test"});
        FAIL("compiled a lever the comparison does not read");
    } catch (const InputError& e) {
        CHECK(e.message().find("share.lever: 'teachers.professional_x' is not read by "
                               "the measure or target") != std::string::npos);
        CHECK(e.where().to_string().rfind("parent.yaml:", 0) == 0);
    }
    // The type stage: a target in another unit than its measure.
    std::string bad_unit = pack;
    bad_unit.replace(bad_unit.find("target: 12000"), std::string("target: 12000").size(),
                     "target: 12000人");
    Catalog other;
    other.add_text(bad_unit, "parent.yaml");
    CHECK_THROWS_WITH(other.compile({"parent"}, SourceLocation{"test"}),
                      Catch::Contains("funding: the target is in 人 but the measure is in 元/年"));
}
