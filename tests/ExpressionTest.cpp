#include <catch2/catch.hpp>

#include "test_support.hpp"
#include "vetcheck/expr/evaluator.hpp"
#include "vetcheck/expr/parser.hpp"

using namespace vetcheck;
using namespace vetcheck::expr;

namespace {
ExprPtr parsed(const std::string& text) {
    SyntaxError err;
    ExprPtr e = parse(text, &err);
    INFO(text << ": " << render(err.message, Lang::En));
    REQUIRE(e);
    return e;
}
SyntaxError syntax_error(const std::string& text, ParseLimits limits = {}) {
    SyntaxError err;
    CHECK_FALSE(parse(text, &err, limits));
    return err;
}
// The error as a pack's reader says it: under the key `k`, quoting the expression.
std::string syntax_message(const std::string& text, Lang lang = Lang::En) {
    Message m = syntax_error(text).message;
    return render(m.with({"key", "k"}).with({"expression", text}), lang);
}

// A plan with two institutions for evaluation tests.
struct Fixture {
    Plan plan;
    Fixture() {
        plan.level = "city";
        plan.year = 2025;
        plan.whole.id = "city";
        plan.whole.facts["funding.per_student"] =
            FactValue{Quantity{Rational(9000), Unit::parse("元")}, {}};
        plan.institutions.push_back(school("a", "中职", 1200, 30));
        plan.institutions.push_back(school("b", "高职", 4500, 9));
        plan.institutions.push_back(school("c", "中职", 800, 0));
        plan.institutions.back().facts.erase("teachers.ideological_political");
    }
    static Subject school(const char* id, const char* type, int students, int teachers) {
        Subject s;
        s.id = id;
        s.name = std::string(id) + "校";
        s.type = type;
        s.facts["students.full_time"] =
            FactValue{Quantity{Rational(students), Unit::parse("人")}, {}};
        s.facts["teachers.ideological_political"] =
            FactValue{Quantity{Rational(teachers), Unit::parse("人")}, {}};
        return s;
    }
    Value eval(const std::string& text, const Subject* subject = nullptr) {
        ExprPtr e = parsed(text);
        return evaluate(
            *e, EvalContext{plan.scope(), subject ? subject : &plan.whole, nullptr, nullptr});
    }
};
}  // namespace

TEST_CASE("Expression: precedence from loosest to tightest", "[expression]") {
    CHECK(to_source(*parsed("a + b * c")) == "a + b * c");
    CHECK(to_source(*parsed("(a + b) * c")) == "(a + b) * c");
    CHECK(to_source(*parsed("a - (b - c)")) == "a - (b - c)");
    CHECK(to_source(*parsed("not a and b or c")) == "not a and b or c");
    CHECK(to_source(*parsed("x / y >= 1:350")) == "x / y >= 1:350");
    CHECK(to_source(*parsed("sum(students.full_time, type == \"高职\")")) ==
          "sum(students.full_time, type == \"高职\")");
    CHECK(to_source(*parsed("-x * 2")) == "-x * 2");
    CHECK(to_source(*parsed("a && b || !c")) == "a and b or not c");
    // A comparison followed by a looser operator keeps both sides (a regression: the chained-
    // comparison check once overwrote the operator in hand).
    auto e = parsed("a == b or c == d");
    CHECK(e->op == BinaryOp::Or);
    CHECK(to_source(*e) == "a == b or c == d");
    auto f = parsed("x == false and y");
    CHECK(f->op == BinaryOp::And);
    CHECK(f->args[0]->op == BinaryOp::Eq);
}

TEST_CASE("Expression: literals inside expressions", "[expression]") {
    CHECK(parsed("1:350")->number.value == Rational(1, 350));
    CHECK(parsed("50%")->number.notation == Notation::Percent);
    CHECK(parsed("2倍")->number.value == Rational(2));
    CHECK(parsed("1.2万元")->number.value == Rational(12000));
    CHECK(parsed("12000[元/年]")->number.unit == Unit::parse("元/年"));
    CHECK(parsed("16学时")->number.unit == Unit::parse("学时"));
}

TEST_CASE("Expression: syntax errors point at the offending column", "[expression]") {
    auto e = syntax_error("a + * b");
    CHECK(e.offset == 4);
    CHECK(e.message.code() == std::string("E-expr-value-expected"));
    CHECK(syntax_message("a + * b") == "k: expected a value, got '*' in 'a + * b'");
    CHECK(syntax_message("(a + b") ==
          "k: expected ')' to close '(', got the end of the expression in '(a + b'");
    CHECK(syntax_message("sum(a") ==
          "k: expected ')' to close the call of sum, got the end of the expression in 'sum(a'");
    CHECK(syntax_message("a b") == "k: expected an operator or the end, got 'b' in 'a b'");
    CHECK(syntax_message("a ≥ b") == "k: write >= or <= instead of ≥ in 'a ≥ b'");
    CHECK(syntax_message("a # b") == "k: unexpected character '#' in 'a # b'");
    CHECK(syntax_message("a < b < c") ==
          "k: comparisons cannot be chained; join them with 'and' in 'a < b < c'");
    CHECK(syntax_message("\"open") == "k: unterminated string in '\"open'");
    CHECK(syntax_message("1:0") == "k: the second term of a ratio cannot be 0 in '1:0'");
    CHECK(syntax_message("a.") == "k: a name cannot end with '.' in 'a.'");
    CHECK(syntax_message("3[人") == "k: unclosed '[' in a unit in '3[人'");
}

TEST_CASE("Expression: syntax errors are said in Chinese, key and expression kept",
          "[expression][i18n]") {
    CHECK(syntax_message("a + * b", Lang::Zh) == "k：表达式“a + * b”中此处应为一个值，实为“*”");
    CHECK(syntax_message("(a + b", Lang::Zh) ==
          "k：表达式“(a + b”中应有“)”与“(”配对，实为表达式结尾");
    CHECK(syntax_message("1:0", Lang::Zh) == "k：表达式“1:0”中的数值有误：比值的后项不能为0");
    CHECK(syntax_message("a < b < c", Lang::Zh) ==
          "k：表达式“a < b < c”中的比较不能连写；请用“and”连接");
}

TEST_CASE("Expression: length and depth are limited", "[expression][limits]") {
    CHECK(render(syntax_error(std::string(5000, 'a')).message, Lang::En) ==
          ": expression longer than 4096 characters in ''");
    std::string deep = std::string(100, '(') + "1" + std::string(100, ')');
    CHECK(syntax_error(deep).message.code() == std::string("E-expr-too-deep"));
    CHECK(syntax_error(deep).message.arg_text("count") == "64");
    std::string negations;
    for (int i = 0; i < 100; ++i) negations += "not ";
    CHECK(syntax_error(negations + "true").message.code() == std::string("E-expr-too-deep"));
}

TEST_CASE("Expression: arithmetic is exact", "[expression]") {
    Fixture f;
    Value v = f.eval("0.1 + 0.2 == 0.3");
    CHECK(std::get<bool>(v));
    Value r = f.eval("1 / 3 * 3");
    CHECK(std::get<Quantity>(r).value == Rational(1));
}

TEST_CASE("Expression: missing facts propagate and are named", "[expression]") {
    Fixture f;
    const Subject& c = f.plan.institutions[2];
    Value v = f.eval("teachers.ideological_political / students.full_time", &c);
    REQUIRE(is_missing(v));
    CHECK(std::get<Missing>(v).facts == std::vector<std::string>{"teachers.ideological_political"});
    Value both = f.eval("teachers.ideological_political + teachers.professional", &c);
    CHECK(std::get<Missing>(both).facts.size() == 2);
}

TEST_CASE("Expression: and/or do not depend on a value they do not need", "[expression]") {
    Fixture f;
    const Subject& c = f.plan.institutions[2];
    CHECK(std::get<bool>(f.eval("false and teachers.ideological_political > 1", &c)) == false);
    CHECK(std::get<bool>(f.eval("true or teachers.ideological_political > 1", &c)) == true);
    CHECK(is_missing(f.eval("true and teachers.ideological_political > 1", &c)));
    CHECK(is_missing(f.eval("false or teachers.ideological_political > 1", &c)));
}

TEST_CASE("Expression: a zero denominator is uncomputable, not a crash", "[expression]") {
    Fixture f;
    const Subject& c = f.plan.institutions[2];
    Subject zero = c;
    zero.facts["students.full_time"] = FactValue{Quantity{Rational(0), Unit::parse("人")}, {}};
    Value v = f.eval("1 / students.full_time", &zero);
    REQUIRE(is_uncomputable(v));
    CHECK(render(std::get<Uncomputable>(v).reason, Lang::En) ==
          "division by zero: students.full_time is 0");
    CHECK(std::string(std::get<Uncomputable>(v).reason.code()) == "R-division-by-zero");
}

TEST_CASE("Expression: aggregates over institutions with filters", "[expression]") {
    Fixture f;
    CHECK(std::get<Quantity>(f.eval("sum(students.full_time)")).value == Rational(6500));
    CHECK(std::get<Quantity>(f.eval("sum(students.full_time, type == \"中职\")")).value ==
          Rational(2000));
    CHECK(std::get<Quantity>(f.eval("count(type == \"中职\")")).value == Rational(2));
    CHECK(std::get<Quantity>(f.eval("count()")).value == Rational(3));
    CHECK(std::get<Quantity>(f.eval("avg(students.full_time, type == \"中职\")")).value ==
          Rational(1000));
    CHECK(std::get<Quantity>(f.eval("min(students.full_time)")).value == Rational(800));
    CHECK(std::get<Quantity>(f.eval("max(students.full_time)")).value == Rational(4500));
    CHECK(std::get<bool>(f.eval("any(students.full_time > 4000)")));
    CHECK_FALSE(std::get<bool>(f.eval("all(students.full_time > 1000)")));
    Value m = f.eval("sum(teachers.ideological_political)");
    REQUIRE(is_missing(m));
    CHECK(std::get<Missing>(m).facts ==
          std::vector<std::string>{"c校: teachers.ideological_political"});
    CHECK(
        std::get<Quantity>(f.eval("sum(teachers.ideological_political, type == \"高职\")")).value ==
        Rational(9));
    CHECK(is_missing(f.eval("min(students.full_time, type == \"技工\")")));
    CHECK(std::get<Quantity>(f.eval("sum(students.full_time, type == \"技工\")")).value ==
          Rational(0));
}

TEST_CASE("Expression: if, has, least, greatest", "[expression]") {
    Fixture f;
    const Subject& a = f.plan.institutions[0];
    const Subject& c = f.plan.institutions[2];
    CHECK(std::get<Quantity>(f.eval("if(type == \"中职\", 89%, 80%)", &a)).value ==
          Rational(89, 100));
    CHECK(std::get<bool>(f.eval("has(teachers.ideological_political)", &a)));
    CHECK_FALSE(std::get<bool>(f.eval("has(teachers.ideological_political)", &c)));
    CHECK(std::get<Quantity>(f.eval("least(3, 5)")).value == Rational(3));
    CHECK(std::get<Quantity>(f.eval("greatest(3, 5)")).value == Rational(5));
    CHECK(std::get<Quantity>(f.eval("year")).value == Rational(2025));
    CHECK(std::get<std::string>(f.eval("level")) == "city");
}

TEST_CASE("Builtins are resolved when an expression is parsed", "[expr]") {
    expr::SyntaxError error;
    auto e = expr::parse("sum(teachers.total, type == \"中职\") + year + count()", &error);
    REQUIRE(e);
    // ((sum(...) + year) + count())
    const expr::Expr& sum = *e->args[0]->args[0];
    CHECK(sum.builtin == expr::Builtin::Sum);
    CHECK(sum.args[0]->builtin == expr::Builtin::None);  // a fact
    CHECK(sum.args[1]->args[0]->builtin == expr::Builtin::Type);
    CHECK(e->args[0]->args[1]->builtin == expr::Builtin::Year);
    CHECK(e->args[1]->builtin == expr::Builtin::Count);
    // A value's name called as a function, or a function's name read as a value, is neither.
    CHECK(expr::builtin_named("year", true) == expr::Builtin::None);
    CHECK(expr::builtin_named("sum", false) == expr::Builtin::None);
    CHECK(expr::is_aggregate(expr::Builtin::Any));
    CHECK_FALSE(expr::is_aggregate(expr::Builtin::Least));
}
