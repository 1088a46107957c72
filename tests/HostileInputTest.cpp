// Regression tests for what hostile or broken input did to vetcheck before it was hardened: each
// names the input that crashed, hung or was silently misread, and what happens now.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <string>

#include <fmt/format.h>

#include "test_support.hpp"
#include "vetcheck/base/text.hpp"
#include "vetcheck/engine/rollup.hpp"
#include "vetcheck/expr/checker.hpp"
#include "vetcheck/expr/evaluator.hpp"
#include "vetcheck/expr/parser.hpp"
#include "vetcheck/pack/limits.hpp"
#include "vetcheck/pack/pack_loader.hpp"
#include "vetcheck/read/yaml_loader.hpp"

using namespace vetcheck;
using vetcheck::testing::check_text;
using vetcheck::testing::plan_error;

namespace {

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

const std::string kSchool =
    "plan: {name: 学校, level: school, type: 高职, year: 2023, packs: [test-pack]}\n";

}  // namespace

TEST_CASE("Hostile: digits grouped by commas come in threes", "[hostile][rational]") {
    // "4,5" (a decimal comma) was read as 45.
    CHECK(Rational::parse_decimal("12,000") == Rational(12000));
    CHECK(Rational::parse_decimal("1,234,567.5") == Rational(2469135, 2));
    CHECK(Rational::parse_decimal("-1,000") == Rational(-1000));
    for (const char* bad :
         {"4,5", "1,2,3", "1,,000", "1,", ",100", "1234,567", "12,0000", "1,00.5"})
        CHECK_FALSE(Rational::parse_decimal(bad).has_value());
    CHECK(contains(plan_error(kSchool + "facts:\n  students.full_time: 4,5\n"),
                   "got \"4,5\" (\"4,5\" is not a number)"));
}

TEST_CASE("Hostile: a number that is not one is named whole", "[hostile][quantity]") {
    // ".inf" was reported as "\".\" is not a number".
    Message why;
    CHECK_FALSE(parse_quantity(".inf", &why));
    CHECK(render(why, Lang::En) == "\".inf\" is not a number");
    CHECK_FALSE(parse_quantity("-", &why));
    CHECK(render(why, Lang::En) == "\"-\" is not a number");
}

TEST_CASE("Hostile: a percentage too large to multiply by 100 is still shown", "[hostile]") {
    // The terminal report aborted on a share of 9×10^17 teachers over 1 (value × 100 overflowed).
    Quantity q{Rational(900'000'000'000'000'000), Unit{}, Notation::Percent};
    CHECK(q.to_string(1) == "90000000000000000000%");
    CHECK(Rational(1, 3).scaled_decimal(100, 2) == "33.33");
    CHECK(Rational(-1, 8).scaled_decimal(100, 1) == "-12.5");
    CHECK(Rational(std::numeric_limits<int64_t>::max()).scaled_decimal(100, 16).size() > 20);
    CHECK_THROWS_AS(Rational(1).scaled_decimal(100, 17), std::logic_error);
}

TEST_CASE("Hostile: aliases cannot build nesting deeper than the limit", "[hostile][yaml]") {
    // Anchors that nest aliases of each other built trees thousands of levels deep past a limit of
    // 200, deep enough to overflow the stack in the recursive copy, destructor and size count.
    std::string text;
    for (int i = 0; i < 5; ++i) {
        std::string inner = i ? "*a" + std::to_string(i - 1) : "x";
        text += fmt::format("a{}: &a{} {}{}{}\n", i, i, std::string(60, '['), inner,
                            std::string(60, ']'));
    }
    YamlLimits limits;
    limits.max_depth = 200;
    std::string error = error_of([&] { load_yaml(text, "deep.yaml", limits); });
    CHECK(error == "deep.yaml:4:69: nesting deeper than 200 levels; limit --max-depth");
    limits.max_depth = 400;
    CHECK_NOTHROW(load_yaml(text, "deep.yaml", limits));
}

TEST_CASE("Hostile: the deepest nesting the flags allow is held", "[hostile][yaml]") {
    // --max-depth 10000 was allowed and a file 7,400 levels deep overflowed the stack (SIGSEGV).
    int ceiling = kMaxYamlDepthCeiling;
    std::string deep = std::string(static_cast<size_t>(ceiling), '[') + "x" +
                       std::string(static_cast<size_t>(ceiling), ']');
    YamlLimits limits;
    limits.max_depth = ceiling;
    CHECK_NOTHROW(load_yaml(deep, "deep.yaml", limits));
    std::string deeper = "[" + deep + "]";
    CHECK(contains(error_of([&] { load_yaml(deeper, "deep.yaml", limits); }),
                   "nesting deeper than 1000 levels"));
}

TEST_CASE("Hostile: every operator of a chain counts toward the expression depth",
          "[hostile][expression]") {
    // a + a + ... + a nests one level per operator; the limit counted only the parser's recursion,
    // so a long chain (or a long expression with a raised length limit) built a tree deep enough
    // to overflow the stack in the checker, the evaluator and the printer.
    std::string chain = "a";
    for (int i = 0; i < 200; ++i) chain += " + a";
    expr::SyntaxError error;
    CHECK_FALSE(expr::parse(chain, &error));
    CHECK(error.message.code() == std::string("E-expr-too-deep"));
    CHECK(error.offset == 2 + 4 * 63);  // the 64th '+': a + a is already two levels
    expr::ParseLimits roomy;
    roomy.max_depth = 300;
    CHECK(expr::parse(chain, &error, roomy));
    // A 60-term chain and the shipped packs stay well within the default.
    std::string sixty = "a";
    for (int i = 0; i < 59; ++i) sixty += " + a";
    CHECK(expr::parse(sixty, &error));
    CHECK(expr::parse("-(-(-(a)))", &error));
    CHECK_FALSE(expr::parse(std::string(70, '-') + "a", &error));
}

TEST_CASE("Hostile: the deepest expression the flags allow is held", "[hostile][expression]") {
    // Under AddressSanitizer a chain of about 800 operators overflowed the stack in the checker,
    // which recurses once per level: the ceiling of --max-expression-depth is 500.
    FactTable facts;
    for (auto& f : load_pack(vetcheck::testing::kTestPack, "test-pack.yaml").facts)
        facts.emplace(f.key, f);
    expr::ParseLimits limits;
    limits.max_length = 100'000;
    limits.max_depth = kMaxExpressionDepthCeiling;
    Plan plan;
    plan.level = "city";
    plan.year = 2023;
    plan.whole.facts.emplace(
        "students.full_time",
        FactValue{Quantity{Rational(2), Unit::parse("人"), Notation::Plain}, {}});
    std::string chain = "students.full_time";
    for (int i = 1; i < kMaxExpressionDepthCeiling; ++i) chain += " + students.full_time";
    // Parentheses count as levels of the parser's recursion: with the top level and the '-', 498
    // of them reach the ceiling.
    std::string parens = std::string(static_cast<size_t>(kMaxExpressionDepthCeiling) - 2, '(') +
                         "-students.full_time" +
                         std::string(static_cast<size_t>(kMaxExpressionDepthCeiling) - 2, ')');
    for (const std::string& text : {chain, parens}) {
        expr::SyntaxError error;
        expr::ExprPtr tree = expr::parse(text, &error, limits);
        REQUIRE(tree);
        expr::Type type;
        expr::CheckError check_error;
        REQUIRE(expr::check(*tree, facts, expr::Scope::Plan, &type, &check_error));
        Value v =
            expr::evaluate(*tree, expr::EvalContext{plan.scope(), &plan.whole, nullptr, nullptr});
        REQUIRE(std::holds_alternative<Quantity>(v));
        CHECK(!expr::to_source(*tree).empty());
        CHECK_FALSE(expr::parse("-(" + text + ")", &error, limits));
    }
}

TEST_CASE("Hostile: a tolerance too large to hold is an input error", "[hostile][pack]") {
    // It escaped load_pack as ArithmeticError and aborted the program.
    std::string pack = R"(
pack: {id: p, title: t, period: {from: 2020, to: 2023}, level: city}
facts: [{key: a, type: number, subjects: [plan]}]
indicators:
  - {id: i, name: n, subject: plan, measure: a, op: about, target: 5,
     tolerance: 99999999999999999999999999999999999%, word: 左右,
     source: {file: f, section: s, quote: q}}
)";
    CHECK(error_of([&] { load_pack(pack, "p.yaml"); }) ==
          "p.yaml:6:17: i.tolerance: expected a tolerance (number too large to hold exactly), got "
          "\"99999999999999999999999999999999999%\"");
}

TEST_CASE("Hostile: a pack that is not a mapping says so", "[hostile][pack]") {
    CHECK(error_of([] { load_pack("- a\n", "p.yaml"); }) ==
          "p.yaml:1:1: a pack: expected a mapping with pack:, facts: and indicators:, got a list");
}

TEST_CASE("Hostile: a fact given twice under two spellings", "[hostile][plan]") {
    // The second value was dropped without a word.
    CHECK(
        plan_error(kSchool +
                   "facts:\n  teachers:\n    professional: 100\n  teachers.professional: 200\n") ==
        "plan.yaml:5:3: fact 'teachers.professional' given twice (first at line 4)");
}

TEST_CASE("Hostile: the number of institutions is limited", "[hostile][plan][limits]") {
    std::string plan =
        "plan: {name: 城市, level: city, year: 2025, packs: [test-pack]}\n"
        "institutions:\n";
    for (int i = 0; i < 5; ++i) plan += fmt::format("  - {{id: s{}, type: 中职}}\n", i);
    Catalog catalog;
    catalog.add_text(vetcheck::testing::kTestPack, "test-pack.yaml");
    Limits limits;
    limits.max_institutions = 4;
    CHECK(error_of([&] { load_plan(plan, "plan.yaml", catalog, limits); }) ==
          "plan.yaml:7:5: institutions: more than 4 institutions in one plan; limit "
          "--max-institutions");
    limits.max_institutions = 5;
    CHECK(load_plan(plan, "plan.yaml", catalog, limits).plan.institutions.size() == 5);
}

TEST_CASE("Hostile: did-you-mean does not compare a huge key letter by letter", "[hostile]") {
    // An explicit YAML key (? ...) of 300 KB took a second per unknown fact; 30 MB took minutes.
    std::string key(3'000'000, 'a');
    std::vector<std::string> candidates(300, "teachers.double_qualified");
    auto start = std::chrono::steady_clock::now();
    CHECK(did_you_mean(key, candidates).empty());
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
    CHECK(did_you_mean("teachers.double_qualifed", candidates) == "teachers.double_qualified");
    CHECK(shorten(key, 10) == "aaaaaaa...");
    CHECK(shorten("职业教育", 8) == "职...");  // never half a character
}

TEST_CASE("Hostile: input is never read past the size limit", "[hostile][limits]") {
    // A device (/dev/zero) or an endless pipe was read until memory ran out.
    if (std::filesystem::exists("/dev/zero"))
        CHECK(error_of([] { read_input_file("/dev/zero", 1000); }) ==
              "/dev/zero: file larger than the limit of 1000 bytes (--max-file-size)");
    std::filesystem::path file = std::filesystem::temp_directory_path() / "vetcheck-size-test.yaml";
    {
        std::ofstream out(file, std::ios::binary);
        out << std::string(1001, '#');
    }
    CHECK(contains(error_of([&] { read_input_file(file.string(), 1000); }),
                   "file larger than the limit of 1000 bytes (--max-file-size)"));
    CHECK(read_input_file(file.string(), 1001).size() == 1001);
    std::filesystem::remove(file);
}

TEST_CASE("Hostile: a roll-up total too large to add up is an error", "[hostile][rollup]") {
    // The sum threw ArithmeticError out of check_rollup and aborted `vetcheck rollup`.
    const char* pack = R"(
pack: {id: prov, title: 省, period: {from: 2021, to: 2023}, level: province}
facts: [{key: schools, zh: 学校, unit: 所, type: count, subjects: [plan]}]
indicators:
  - {id: schools, name: 学校, subject: plan, levels: [province], rollup: sum, measure: schools,
     op: ">=", target: 50所, word: 建设, source: {file: f, section: s, quote: q}}
)";
    Catalog catalog;
    catalog.add_text(pack, "prov.yaml");
    auto plan = [&](const char* level, const char* schools) {
        return load_plan(fmt::format("plan: {{name: x, level: {}, year: 2023, packs: [prov]}}\n"
                                     "facts: {{schools: {}}}\n",
                                     level, schools),
                         "p.yaml", catalog);
    };
    LoadedPlan upper = plan("province", "50");
    LoadedPlan a = plan("city", "9000000000000000000");
    LoadedPlan b = plan("city", "9000000000000000000");
    auto results = check_rollup(*upper.rules, upper.plan, {&a.plan, &b.plan});
    REQUIRE(results.size() == 1);
    CHECK(results[0].status == Status::Error);
    CHECK(render(results[0].reason, Lang::En) == "number too large to compute exactly");
}
