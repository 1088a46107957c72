#include <catch2/catch.hpp>

#include "test_support.hpp"
#include "vetcheck/pack/pack_loader.hpp"

using namespace vetcheck;

namespace {
const std::string kHeader = R"(pack:
  id: p
  title: T
  period: {from: 2020, to: 2023}
  level: province
facts:
  - {key: x, zh: X, type: count, unit: 人, subjects: [plan]}
  - {key: y, zh: Y, type: count, unit: 人, subjects: [plan]}
indicators:
)";
std::string pack_error(const std::string& indicators) {
    try {
        Catalog c;
        c.add_text(kHeader + indicators, "p.yaml");
        c.compile({"p"}, SourceLocation{"test"});
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}
}  // namespace

TEST_CASE("PackLoader: a valid indicator loads with its defaults", "[pack]") {
    Pack p = load_pack(kHeader + R"(  - id: a
    name: {zh: 甲, en: A}
    subject: plan
    measure: x / y
    op: ">="
    target: 1:350
    word: 不低于
    source: {file: f.txt, section: s, quote: q}
)",
                       "p.yaml");
    REQUIRE(p.indicators.size() == 1);
    const Indicator& a = p.indicators[0];
    CHECK(a.deadline == 2023);
    CHECK(a.severity == Severity::Required);
    CHECK(a.formula() == "x / y >= 1:350");
    CHECK(a.measure->where.to_string() == "p.yaml:13:14");
}

TEST_CASE("PackLoader: the comparison word must match the operator", "[pack]") {
    CHECK(pack_error(R"(  - id: a
    name: A
    subject: plan
    measure: x
    op: ">="
    target: 5
    word: 超过
    source: {file: f, section: s, quote: q}
)") == "p.yaml:14:9: a: op >= does not match the source word '超过' (expects >)");
    CHECK(pack_error(R"(  - id: a
    name: A
    subject: plan
    measure: x
    op: ">="
    target: 5
    word: 原则上…以上
    source: {file: f, section: s, quote: q}
)") == "p.yaml:10:5: a: the source word '原则上' makes it advisory");
    CHECK(comparison_for_word("不超过") == Comparison::AtMost);
    CHECK(comparison_for_word("控制在…以内") == Comparison::AtMost);
    CHECK(comparison_for_word("100个左右") == Comparison::About);
    CHECK(comparison_for_word("达到…以上") == Comparison::AtLeast);
    CHECK_FALSE(comparison_for_word("建立"));
}

TEST_CASE("PackLoader: structural errors name the field", "[pack]") {
    CHECK(pack_error("  - id: a\n    name: A\n    subject: plan\n    measure: x\n    op: \">=\"\n  "
                     "  word: 不低于\n"
                     "    source: {file: f, section: s, quote: q}\n") ==
          "p.yaml:10:5: indicators[]: missing required field 'target'");
    CHECK(pack_error("  - id: a\n    name: A\n    subject: plan\n    mesure: x\n") ==
          "p.yaml:13:5: indicators[]: unknown field 'mesure', did you mean 'measure'?");
    CHECK(pack_error("  - id: a\n    name: A\n    subject: everyone\n") ==
          "p.yaml:12:14: a.subject: expected one of plan, institution, got \"everyone\"");
    CHECK(pack_error("  - id: a\n    name: A\n    subject: plan\n    measure: x\n    op: about\n   "
                     " target: 5\n"
                     "    word: 左右\n    source: {file: f, section: s, quote: q}\n") ==
          "p.yaml:10:5: a: op about needs a tolerance (e.g. tolerance: 10%)");
}

TEST_CASE("PackLoader: expression errors point into the expression", "[pack]") {
    CHECK(pack_error(
              "  - id: a\n    name: A\n    subject: plan\n    measure: x + * y\n    op: \">=\"\n"
              "    target: 5\n    word: 不低于\n    source: {file: f, section: s, quote: q}\n") ==
          "p.yaml:13:18: a.measure: expected a value, got '*' in 'x + * y'");
    CHECK(
        pack_error(
            "  - id: a\n    name: A\n    subject: plan\n    measure: x + z\n    op: \">=\"\n"
            "    target: 5\n    word: 不低于\n    source: {file: f, section: s, quote: q}\n") ==
        "p.yaml:13:18: a.measure: unknown fact 'z'");  // one letter off one letter is no suggestion
    CHECK(
        pack_error(
            "  - id: a\n    name: A\n    subject: plan\n    measure: x\n    op: \">=\"\n"
            "    target: 5学时\n    word: 不低于\n    source: {file: f, section: s, quote: q}\n") ==
        "p.yaml:15:13: a: the target is in 学时 but the measure is in 人");
    CHECK(pack_error("  - id: a\n    name: A\n    subject: plan\n    require: x\n    word: 建立\n"
                     "    source: {file: f, section: s, quote: q}\n") ==
          "p.yaml:13:14: a.require: expected a yes/no condition, got a number in 人");
    CHECK(pack_error(
              "  - id: a\n    name: A\n    subject: plan\n    measure: x\n    op: \">=\"\n    "
              "target: 5\n"
              "    lever: y\n    word: 不低于\n    source: {file: f, section: s, quote: q}\n") ==
          "p.yaml:10:5: a.lever: 'y' is not read by the measure or target");
}

TEST_CASE("PackLoader: extends cycles and unknown parents are errors", "[pack]") {
    Catalog c;
    c.add_text(
        "pack: {id: a, title: A, period: {from: 2020}, level: national, extends: [b]}\nindicators: "
        "[]\n",
        "a.yaml");
    c.add_text(
        "pack: {id: b, title: B, period: {from: 2020}, level: national, extends: [a]}\nindicators: "
        "[]\n",
        "b.yaml");
    c.add_text(
        "pack: {id: s, title: S, period: {from: 2020}, level: national, extends: [s]}\nindicators: "
        "[]\n",
        "s.yaml");
    c.add_text(
        "pack: {id: u, title: U, period: {from: 2020}, level: national, extends: "
        "[cn-2020-8]}\nindicators: []\n",
        "u.yaml");
    auto error = [&](const std::string& id) {
        try {
            c.compile({id}, SourceLocation{"plan.yaml", 1, 1});
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    // The cycle is reported where it closes: b's extends names a again.
    CHECK(error("a") == "b.yaml:1:73: packs extend each other in a cycle: a → b → a");
    CHECK(error("s") == "s.yaml:1:73: packs extend each other in a cycle: s → s");
    CHECK(error("u") == "u.yaml:1:73: unknown pack 'cn-2020-8', did you mean 'cn-2020-7'?");
    CHECK(error("nope").find("plan.yaml:1:1: unknown pack 'nope'") == 0);
}

TEST_CASE("PackLoader: a fact declared differently by two packs is an error", "[pack]") {
    Catalog c;
    c.add_text(
        "pack: {id: a, title: A, period: {from: 2020}, level: national}\n"
        "facts: [{key: students.full_time, type: amount, unit: 元}]\nindicators: []\n",
        "a.yaml");
    CHECK_THROWS_WITH(
        c.compile({"cn-2020-7", "a"}, SourceLocation{"t"}),
        Catch::Contains("fact 'students.full_time' is declared differently in pack 'cn-2020-7'"));
}

// A pack author's errors that were English prose (E-unclassified): each has its own code and
// reads as Chinese under --lang zh.

namespace {
struct Raised {
    std::string code, zh;
};

Raised pack_raised(const std::string& indicators, const std::string& header = kHeader) {
    try {
        Catalog c;
        c.add_text(header + indicators, "p.yaml");
        c.compile({"p"}, SourceLocation{"test"});
    } catch (const InputError& e) {
        return {e.code(), e.message(Lang::Zh)};
    }
    return {};
}

std::string plan_indicator(const std::string& extra, const std::string& word = "不低于",
                           const std::string& op = ">=") {
    return "  - id: a\n    name: A\n    subject: plan\n    measure: x\n    op: \"" + op +
           "\"\n    target: 5\n    word: " + word +
           "\n    source: {file: f, section: s, quote: q}\n" + extra;
}
}  // namespace

TEST_CASE("PackErrorCodes: an indicator's fields that do not go together", "[i18n][pack]") {
    Raised r = pack_raised(plan_indicator("    types: [高职]\n"));
    CHECK(r.code == "E-pack-types-for-plan");
    CHECK(r.zh == "a：只有院校类指标才能写types:");

    r = pack_raised(plan_indicator("    scope: region\n"));
    CHECK(r.code == "E-pack-region-for-plan");

    r = pack_raised(plan_indicator("    require: x > 1\n"));
    CHECK(r.code == "E-pack-require-and-measure");
    CHECK(r.zh == "a：require:与measure:、op:、target:只能二选一");

    r = pack_raised(plan_indicator("    about: at_least\n"));
    CHECK(r.code == "E-pack-about-without-op");

    r = pack_raised(plan_indicator("", "左右", "about"));
    CHECK(r.code == "E-pack-about-needs-tolerance");
    CHECK(r.zh == "a：op: about须给出容差（如tolerance: 10%）");
}

TEST_CASE("PackErrorCodes: the source word decides the operator and the severity", "[i18n][pack]") {
    Raised r = pack_raised(plan_indicator("", "超过"));
    CHECK(r.code == "E-pack-op-word-mismatch");
    CHECK(r.zh == "a：运算符>=与原文用语“超过”不符（应为>）");

    r = pack_raised(plan_indicator("", "原则上…以上"));
    CHECK(r.code == "E-pack-in-principle-advisory");
    CHECK(r.zh == "a：原文用语为“原则上”，应标为建议性（severity: advisory）");

    r = pack_raised(plan_indicator("", "逐步达到"));
    CHECK(r.code == "E-pack-gradual-advisory");
}

TEST_CASE("PackErrorCodes: a fact or an indicator declared twice", "[i18n][pack]") {
    Raised r = pack_raised(plan_indicator("") + plan_indicator(""));
    CHECK(r.code == "E-pack-indicator-twice");
    CHECK(r.zh == "指标“a”重复声明");

    std::string header = kHeader;
    header.insert(header.find("indicators:"),
                  "  - {key: x, zh: X, type: count, unit: 人, subjects: [plan]}\n");
    r = pack_raised(plan_indicator(""), header);
    CHECK(r.code == "E-pack-fact-twice");
    CHECK(r.zh == "数据项“x”重复声明");
}
