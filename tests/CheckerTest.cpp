#include <catch2/catch.hpp>

#include "test_support.hpp"
#include "vetcheck/expr/checker.hpp"
#include "vetcheck/expr/parser.hpp"
#include "vetcheck/pack/pack_loader.hpp"

using namespace vetcheck;
using namespace vetcheck::expr;

namespace {
FactTable test_facts() {
    FactTable t;
    for (auto& f : load_pack(testing::kTestPack, "test-pack.yaml").facts) t.emplace(f.key, f);
    return t;
}
// The error under the key `k`, as the pack's compiler says it.
std::string check_error(const std::string& text, Scope scope = Scope::Institution,
                        Lang lang = Lang::En) {
    SyntaxError se;
    ExprPtr e = parse(text, &se);
    REQUIRE(e);
    Type t;
    CheckError err;
    static const FactTable facts = test_facts();
    if (check(*e, facts, scope, &t, &err)) return "";
    return std::to_string(err.offset) + ": " + render(err.message.with({"key", "k"}), lang);
}
Type type_of(const std::string& text, Scope scope = Scope::Institution) {
    SyntaxError se;
    ExprPtr e = parse(text, &se);
    REQUIRE(e);
    Type t;
    CheckError err;
    static const FactTable facts = test_facts();
    INFO(render(err.message, Lang::En));
    REQUIRE(check(*e, facts, scope, &t, &err));
    return t;
}
}  // namespace

TEST_CASE("Checker: unknown facts and functions get a did-you-mean", "[checker]") {
    CHECK(
        check_error("teachers.double_qualifed / teachers.professional") ==
        "0: k: unknown fact 'teachers.double_qualifed', did you mean 'teachers.double_qualified'?");
    CHECK(check_error("summ(students.full_time)", Scope::Plan) ==
          "0: k: unknown function 'summ', did you mean 'sum'?");
    CHECK(check_error("if(true, 1)") == "0: k: if takes if(cond, a, b); got 2 arguments");
}

TEST_CASE("Checker: units must agree where they are compared or added", "[checker]") {
    CHECK(check_error("hours.practical + students.full_time") ==
          "16: k: units do not match: 学时 and 人");
    CHECK(check_error("hours.practical >= 16人") == "16: k: units do not match: 学时 and 人");
    CHECK(check_error("hours.practical >= 16学时").empty());
    CHECK(check_error("hours.practical >= 16").empty());  // a bare literal takes the unit
    CHECK(type_of("hours.practical / hours.total").unit.none());
    CHECK(type_of("funding.per_student / students.full_time", Scope::Plan).unit.to_string() ==
          "元/人");
    CHECK(type_of("2 * funding.per_student_general", Scope::Plan).unit.to_string() == "元");
}

TEST_CASE("Checker: types of operands", "[checker]") {
    CHECK(check_error("courses.labor_required + 1") == "0: k: '+' needs a number, got yes/no");
    CHECK(check_error("students.full_time and true") ==
          "0: k: 'and' needs yes/no, got a number in 人");
    CHECK(check_error("type == 3") == "5: k: cannot compare text with a number");
    CHECK(check_error("if(true, 1, false)") == "0: k: if() branches differ: a number and yes/no");
    CHECK(type_of("courses.labor_required and is_quality_school").kind == Type::Kind::Bool);
    // baseline() reads a fact's earliest figure: it names a fact, and keeps the fact's type.
    CHECK(check_error("baseline(2 * hours.practical)") == "11: k: baseline() takes a fact key");
    CHECK(type_of("baseline(hours.practical)").unit.to_string() == "学时");
    CHECK(check_error("hours.practical > baseline(hours.practical)").empty());
}

TEST_CASE("Checker: facts must be reported by the subject the rule is for", "[checker]") {
    CHECK(
        check_error("teachers.professional > 1", Scope::Plan) ==
        "0: k: 'teachers.professional' is reported by institutions, not by the plan; aggregate it, "
        "e.g. "
        "sum(teachers.professional)");
    CHECK(check_error("dropout_rate < 2%") ==
          "0: k: 'dropout_rate' is reported by the plan, not by institutions");
    CHECK(
        check_error("sum(students.full_time)") ==
        "0: k: sum() aggregates over a plan's institutions; it cannot be used for one institution");
    CHECK(check_error("type == \"中职\"", Scope::Plan).find("'type' is an institution's type") !=
          std::string::npos);
    CHECK(check_error("sum(teachers.professional, type == \"高职\") > 1", Scope::Plan).empty());
}

TEST_CASE("Checker: errors are said in Chinese with the key, what was expected and found",
          "[checker][i18n]") {
    CHECK(check_error("students.full_time and true", Scope::Institution, Lang::Zh) ==
          "0: k：运算符“and”应为是否判断，实为以人计的数值");
    CHECK(check_error("hours.practical >= 16人", Scope::Institution, Lang::Zh) ==
          "16: k：单位不一致：学时与人");
    CHECK(check_error("summ(students.full_time)", Scope::Plan, Lang::Zh) ==
          "0: k：无法识别的函数“summ”，是否应为“sum”？");
    CHECK(check_error("if(true, 1)", Scope::Institution, Lang::Zh) ==
          "0: k：if应写作if(cond, a, b)，实为2个参数");
}

TEST_CASE("Checker: the function table documents every function", "[checker]") {
    for (const auto& f : functions()) {
        CHECK_FALSE(f.signature.empty());
        CHECK_FALSE(f.description.empty());
        CHECK(find_function(f.name) == &f);
    }
}
