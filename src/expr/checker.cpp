#include "vetcheck/expr/checker.hpp"

#include <algorithm>

#include "vetcheck/base/text.hpp"

namespace vetcheck::expr {

const std::vector<FunctionDecl>& functions() {
    static const std::vector<FunctionDecl> kFunctions = {
        {"if", 3, 3, false, "if(cond, a, b)", "a when cond holds, otherwise b"},
        {"has", 1, 1, false, "has(fact)", "true when the subject reports the fact"},
        {"baseline", 1, 1, false, "baseline(fact)",
         "the fact's figure in the earliest year the plan gives, before the year checked"},
        {"least", 2, 2, false, "least(a, b)", "the smaller of two numbers"},
        {"greatest", 2, 2, false, "greatest(a, b)", "the larger of two numbers"},
        {"sum", 1, 2, true, "sum(e[, filter])", "sum of e over the plan's institutions"},
        {"min", 1, 2, true, "min(e[, filter])", "smallest e among the plan's institutions"},
        {"max", 1, 2, true, "max(e[, filter])", "largest e among the plan's institutions"},
        {"avg", 1, 2, true, "avg(e[, filter])", "mean of e over the plan's institutions"},
        {"count", 0, 1, true, "count([filter])",
         "number of the plan's institutions (that match filter)"},
        {"all", 1, 2, true, "all(cond[, filter])", "cond holds for every institution"},
        {"any", 1, 2, true, "any(cond[, filter])", "cond holds for at least one institution"},
    };
    return kFunctions;
}

const FunctionDecl* find_function(std::string_view name) {
    for (const auto& f : functions())
        if (f.name == name) return &f;
    return nullptr;
}

Message describe(const Type& t) {
    switch (t.kind) {
        case Type::Kind::Bool:
            return Message("P-type-yes-no");
        case Type::Kind::String:
            return Message("P-type-text");
        case Type::Kind::Number:
            break;
    }
    if (t.unit.none()) return Message("P-type-number");
    return Message("P-type-number-in", {{"unit", t.unit.to_string()}});
}

namespace {

using Kind = Type::Kind;

class Checker {
  public:
    explicit Checker(const FactTable& facts) : facts_(facts) {}

    Type infer(const Expr& e, Scope scope) {
        switch (e.kind) {
            case Expr::Kind::Number:
                return Type::number(e.number.unit, e.number.unit.none(), e.number.notation);
            case Expr::Kind::String:
                return Type::text();
            case Expr::Kind::Bool:
                return Type::boolean();
            case Expr::Kind::Fact:
                return fact(e, scope);
            case Expr::Kind::Builtin:
                if (e.builtin == Builtin::Type) {
                    if (scope != Scope::Institution)
                        fail(e, Message("E-expr-type-outside-aggregate",
                                        {{"example", "count(type == \"中职\")"}}));
                    return Type::text();
                }
                if (e.builtin == Builtin::Level) return Type::text();
                return Type::number(Unit{});  // year
            case Expr::Kind::Negate:
                return require_number(*e.args[0], scope, operator_phrase("-"));
            case Expr::Kind::Not: {
                require(*e.args[0], scope, Kind::Bool, operator_phrase("not"));
                return Type::boolean();
            }
            case Expr::Kind::Binary:
                return binary(e, scope);
            case Expr::Kind::Call:
                return call(e, scope);
        }
        return Type::boolean();
    }

  private:
    [[noreturn]] void fail(const Expr& at, Message message) {
        throw CheckError{at.offset, std::move(message)};
    }

    Type fact(const Expr& e, Scope scope) {
        auto it = facts_.find(e.name);
        if (it == facts_.end()) {
            std::vector<std::string> keys;
            for (const auto& [k, v] : facts_) keys.push_back(k);
            fail(e, Message("E-expr-fact-unknown",
                            {{"fact", e.name}, {"suggestion", suggestion(e.name, keys)}}));
        }
        const FactDef& def = it->second;
        if (scope == Scope::Plan && !def.on_plan)
            fail(e, Message("E-expr-fact-of-institutions",
                            {{"fact", e.name}, {"example", "sum(" + e.name + ")"}}));
        if (scope == Scope::Institution && !def.on_institution)
            fail(e, Message("E-expr-fact-of-plan", {{"fact", e.name}}));
        if (def.type == FactType::Boolean) return Type::boolean();
        Notation n = def.type == FactType::Share      ? Notation::Percent
                     : def.type == FactType::Ratio    ? Notation::Ratio
                     : def.type == FactType::Multiple ? Notation::Multiple
                                                      : Notation::Plain;
        return Type::number(def.unit, false, n);
    }

    static Message operator_phrase(std::string_view op) {
        return Message("P-expr-operator", {{"operator", op}});
    }

    // `context` says what needs the operand: an operator, a function or a function's filter.
    Type require(const Expr& e, Scope scope, Kind kind, const Message& context) {
        Type t = infer(e, scope);
        if (t.kind != kind)
            fail(e, Message("E-expr-operand",
                            {{"context", context},
                             {"expected",
                              Message(kind == Kind::Bool ? "P-type-yes-no" : "P-type-number")},
                             {"found", describe(t)}}));
        return t;
    }

    Type require_number(const Expr& e, Scope scope, const Message& context) {
        return require(e, scope, Kind::Number, context);
    }

    // Units of two operands that must agree; a bare literal adopts the other side's unit.
    Unit agree(const Expr& at, const Type& l, const Type& r) {
        if (l.free_unit) return r.unit;
        if (r.free_unit) return l.unit;
        if (!(l.unit == r.unit))
            fail(at, Message("E-expr-units-differ",
                             {{"left", unit_name(l.unit)}, {"right", unit_name(r.unit)}}));
        return l.unit;
    }

    static Message unit_name(const Unit& u) {
        return u.none() ? Message("P-no-unit") : Message("P-unit", {{"unit", u.to_string()}});
    }

    Type binary(const Expr& e, Scope scope) {
        const Expr& a = *e.args[0];
        const Expr& b = *e.args[1];
        Message context = operator_phrase(symbol(e.op));
        switch (e.op) {
            case BinaryOp::And:
            case BinaryOp::Or:
                require(a, scope, Kind::Bool, context);
                require(b, scope, Kind::Bool, context);
                return Type::boolean();
            case BinaryOp::Eq:
            case BinaryOp::Ne: {
                Type l = infer(a, scope), r = infer(b, scope);
                if (l.kind != r.kind)
                    fail(e, Message("E-expr-cannot-compare",
                                    {{"left", describe(l)}, {"right", describe(r)}}));
                if (l.kind == Kind::Number) agree(e, l, r);
                return Type::boolean();
            }
            case BinaryOp::Lt:
            case BinaryOp::Le:
            case BinaryOp::Gt:
            case BinaryOp::Ge: {
                Type l = require_number(a, scope, context), r = require_number(b, scope, context);
                agree(e, l, r);
                return Type::boolean();
            }
            case BinaryOp::Add:
            case BinaryOp::Sub: {
                Type l = require_number(a, scope, context), r = require_number(b, scope, context);
                Unit u = agree(e, l, r);
                return Type::number(u, l.free_unit && r.free_unit, l.notation);
            }
            case BinaryOp::Mul:
            case BinaryOp::Div: {
                Type l = require_number(a, scope, context), r = require_number(b, scope, context);
                Unit u;
                try {
                    u = e.op == BinaryOp::Mul ? l.unit * r.unit : l.unit / r.unit;
                } catch (const ArithmeticError& err) {  // the run's limit of units
                    fail(e, Message("E-expr-arithmetic", {{"problem", err.message()}}));
                }
                // A bare literal scales a value without changing its unit: 2 * funds stays in 元.
                bool free = l.free_unit && r.free_unit;
                Notation n = r.free_unit ? l.notation : l.free_unit ? r.notation : Notation::Plain;
                return Type::number(u, free, n);
            }
        }
        return Type::boolean();
    }

    Type call(const Expr& e, Scope scope) {
        const FunctionDecl* f = find_function(e.name);
        if (!f) {
            std::vector<std::string> names;
            for (const auto& d : functions()) names.emplace_back(d.name);
            fail(e, Message("E-expr-function-unknown",
                            {{"function", e.name}, {"suggestion", suggestion(e.name, names)}}));
        }
        int n = static_cast<int>(e.args.size());
        if (n < f->min_args || n > f->max_args)
            fail(e, Message("E-expr-arity",
                            {{"function", e.name},
                             {"expected", f->signature},
                             {"found", n == 1 ? Message("P-expr-one-argument")
                                              : Message("P-expr-arguments", {{"count", n}})}}));
        std::string call_text = e.name + "()";
        Message context("P-expr-function", {{"call", call_text}});
        if (f->aggregate) {
            if (scope == Scope::Institution)
                fail(e, Message("E-expr-aggregate-for-institution", {{"call", call_text}}));
            return aggregate(e, context);
        }
        if (e.builtin == Builtin::If) {
            require(*e.args[0], scope, Kind::Bool, context);
            Type a = infer(*e.args[1], scope), b = infer(*e.args[2], scope);
            if (a.kind != b.kind)
                fail(e,
                     Message("E-expr-branches-differ",
                             {{"call", call_text}, {"left", describe(a)}, {"right", describe(b)}}));
            if (a.kind == Kind::Number)
                return Type::number(agree(e, a, b), a.free_unit && b.free_unit, a.notation);
            return a;
        }
        if (e.builtin == Builtin::Has) {
            if (e.args[0]->kind != Expr::Kind::Fact)
                fail(*e.args[0], Message("E-expr-fact-key-expected", {{"call", "has()"}}));
            infer(*e.args[0], scope);
            return Type::boolean();
        }
        if (e.builtin == Builtin::Baseline) {
            if (e.args[0]->kind != Expr::Kind::Fact)
                fail(*e.args[0], Message("E-expr-fact-key-expected", {{"call", "baseline()"}}));
            return infer(*e.args[0], scope);
        }
        Type a = require_number(*e.args[0], scope, context),
             b = require_number(*e.args[1], scope, context);
        return Type::number(agree(e, a, b), a.free_unit && b.free_unit, a.notation);
    }

    Type aggregate(const Expr& e, const Message& context) {
        bool counts = e.builtin == Builtin::Count;
        if (e.args.size() > (counts ? 0u : 1u))
            require(*e.args.back(), Scope::Institution, Kind::Bool,
                    Message("P-expr-filter", {{"call", e.name + "()"}}));
        if (counts) return Type::number(Unit::parse("所"), false, Notation::Plain);
        if (e.builtin == Builtin::All || e.builtin == Builtin::Any) {
            require(*e.args[0], Scope::Institution, Kind::Bool, context);
            return Type::boolean();
        }
        Type t = require_number(*e.args[0], Scope::Institution, context);
        t.free_unit = false;
        return t;
    }

    const FactTable& facts_;
};

}  // namespace

bool check(const Expr& e, const FactTable& facts, Scope scope, Type* out, CheckError* error) {
    try {
        *out = Checker(facts).infer(e, scope);
        return true;
    } catch (const CheckError& err) {
        *error = err;
        return false;
    } catch (const ArithmeticError& err) {  // a unit past the run's limit, made where not caught
        *error = CheckError{e.offset, Message("E-expr-arithmetic", {{"problem", err.message()}})};
        return false;
    }
}

}  // namespace vetcheck::expr
