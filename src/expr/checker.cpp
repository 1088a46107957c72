#include "vetcheck/expr/checker.hpp"

#include <algorithm>

#include <fmt/format.h>

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

std::string describe(const Type& t) {
    switch (t.kind) {
        case Type::Kind::Bool:
            return "yes/no";
        case Type::Kind::String:
            return "text";
        case Type::Kind::Number:
            break;
    }
    if (t.unit.none()) return "a number";
    return "a number in " + t.unit.to_string();
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
                        fail(e,
                             "'type' is an institution's type; use it inside an aggregate such as "
                             "count(type == \"中职\")");
                    return Type::text();
                }
                if (e.builtin == Builtin::Level) return Type::text();
                return Type::number(Unit{});  // year
            case Expr::Kind::Negate:
                return require_number(*e.args[0], scope, "'-'");
            case Expr::Kind::Not: {
                require(*e.args[0], scope, Kind::Bool, "'not'");
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
    [[noreturn]] void fail(const Expr& at, std::string message) {
        throw CheckError{at.offset, std::move(message)};
    }

    Type fact(const Expr& e, Scope scope) {
        auto it = facts_.find(e.name);
        if (it == facts_.end()) {
            std::vector<std::string> keys;
            for (const auto& [k, v] : facts_) keys.push_back(k);
            fail(e, fmt::format("unknown fact '{}'{}", e.name, suggestion_suffix(e.name, keys)));
        }
        const FactDef& def = it->second;
        if (scope == Scope::Plan && !def.on_plan)
            fail(
                e,
                fmt::format(
                    "'{}' is reported by institutions, not by the plan; aggregate it, e.g. sum({})",
                    e.name, e.name));
        if (scope == Scope::Institution && !def.on_institution)
            fail(e, fmt::format("'{}' is reported by the plan, not by institutions", e.name));
        if (def.type == FactType::Boolean) return Type::boolean();
        Notation n = def.type == FactType::Share      ? Notation::Percent
                     : def.type == FactType::Ratio    ? Notation::Ratio
                     : def.type == FactType::Multiple ? Notation::Multiple
                                                      : Notation::Plain;
        return Type::number(def.unit, false, n);
    }

    Type require(const Expr& e, Scope scope, Kind kind, std::string_view context) {
        Type t = infer(e, scope);
        if (t.kind != kind)
            fail(e, fmt::format("{} needs {}, got {}", context,
                                kind == Kind::Bool ? "yes/no" : "a number", describe(t)));
        return t;
    }

    Type require_number(const Expr& e, Scope scope, std::string_view context) {
        return require(e, scope, Kind::Number, context);
    }

    // Units of two operands that must agree; a bare literal adopts the other side's unit.
    Unit agree(const Expr& at, const Type& l, const Type& r) {
        if (l.free_unit) return r.unit;
        if (r.free_unit) return l.unit;
        if (!(l.unit == r.unit))
            fail(at, fmt::format("units do not match: {} and {}", unit_name(l.unit),
                                 unit_name(r.unit)));
        return l.unit;
    }

    static std::string unit_name(const Unit& u) { return u.none() ? "no unit" : u.to_string(); }

    Type binary(const Expr& e, Scope scope) {
        const Expr& a = *e.args[0];
        const Expr& b = *e.args[1];
        std::string context = fmt::format("'{}'", symbol(e.op));
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
                    fail(e, fmt::format("cannot compare {} with {}", describe(l), describe(r)));
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
                    fail(e, err.what());
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
            fail(e,
                 fmt::format("unknown function '{}'{}", e.name, suggestion_suffix(e.name, names)));
        }
        int n = static_cast<int>(e.args.size());
        if (n < f->min_args || n > f->max_args)
            fail(e, fmt::format("{} takes {}; got {} argument{}", e.name, f->signature, n,
                                n == 1 ? "" : "s"));
        std::string context = fmt::format("{}()", e.name);
        if (f->aggregate) {
            if (scope == Scope::Institution)
                fail(e, fmt::format("{}() aggregates over a plan's institutions; it cannot be used "
                                    "for one institution",
                                    e.name));
            return aggregate(e, context);
        }
        if (e.builtin == Builtin::If) {
            require(*e.args[0], scope, Kind::Bool, context);
            Type a = infer(*e.args[1], scope), b = infer(*e.args[2], scope);
            if (a.kind != b.kind)
                fail(e, fmt::format("if() branches differ: {} and {}", describe(a), describe(b)));
            if (a.kind == Kind::Number)
                return Type::number(agree(e, a, b), a.free_unit && b.free_unit, a.notation);
            return a;
        }
        if (e.builtin == Builtin::Has) {
            if (e.args[0]->kind != Expr::Kind::Fact) fail(*e.args[0], "has() takes a fact key");
            infer(*e.args[0], scope);
            return Type::boolean();
        }
        if (e.builtin == Builtin::Baseline) {
            if (e.args[0]->kind != Expr::Kind::Fact)
                fail(*e.args[0], "baseline() takes a fact key");
            return infer(*e.args[0], scope);
        }
        Type a = require_number(*e.args[0], scope, context),
             b = require_number(*e.args[1], scope, context);
        return Type::number(agree(e, a, b), a.free_unit && b.free_unit, a.notation);
    }

    Type aggregate(const Expr& e, const std::string& context) {
        bool counts = e.builtin == Builtin::Count;
        if (e.args.size() > (counts ? 0u : 1u))
            require(*e.args.back(), Scope::Institution, Kind::Bool, context + " filter");
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
        *error = CheckError{e.offset, err.what()};
        return false;
    }
}

}  // namespace vetcheck::expr
