#include "vetcheck/expr/evaluator.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace vetcheck::expr {

namespace {

class Evaluator {
  public:
    explicit Evaluator(const EvalContext& context) : ctx_(context) {}

    Value eval(const Expr& e) {
        switch (e.kind) {
            case Expr::Kind::Number:
                return e.number;
            case Expr::Kind::String:
                return e.name;
            case Expr::Kind::Bool:
                return e.boolean;
            case Expr::Kind::Fact:
                return fact(e.name);
            case Expr::Kind::Builtin:
                return builtin(e.builtin);
            case Expr::Kind::Negate: {
                Value v = eval(*e.args[0]);
                if (!is_known(v)) return v;
                Quantity q = std::get<Quantity>(v);
                q.value = -q.value;
                return q;
            }
            case Expr::Kind::Not: {
                Value v = eval(*e.args[0]);
                if (!is_known(v)) return v;
                return !std::get<bool>(v);
            }
            case Expr::Kind::Binary:
                return binary(e);
            case Expr::Kind::Call:
                return call(e);
        }
        return Uncomputable{Message("R-unknown-expression")};
    }

  private:
    // Names a missing fact of another subject with that subject, so "XX技师学院:
    // teachers.professional".
    std::string missing_name(const std::string& key) const {
        if (ctx_.subject == root_ || ctx_.subject->name.empty()) return key;
        return fmt::format("{}: {}", ctx_.subject->name, key);
    }

    Value fact(const std::string& key) {
        if (ctx_.override && ctx_.subject == root_ && ctx_.override->key == key) {
            const Figure* fv = figure(*ctx_.subject, key);
            Quantity q = fv && std::holds_alternative<Quantity>(fv->value)
                             ? std::get<Quantity>(fv->value)
                             : Quantity{};
            q.value = ctx_.override->value;
            return q;
        }
        if (ctx_.pooled_types && ctx_.subject == root_) return pooled(key);
        const Figure* fv = figure(*ctx_.subject, key);
        if (!fv && ctx_.subject->find(key))  // given for other years than this one
            return Missing{{fmt::format("{} ({})", missing_name(key), year())}};
        if (!fv) return Missing{{missing_name(key)}};
        if (ctx_.uses) ctx_.uses->push_back(FactUse{key, ctx_.subject, fv->where});
        return fv->value;
    }

    int year() const { return ctx_.year ? ctx_.year : ctx_.plan.year; }
    const Figure* figure(const Subject& s, std::string_view key) const {
        return ctx_.figures_of_year_only ? s.find_in_year(key, year()) : s.find(key, year());
    }

    bool pooled_covers(const Subject& inst) const {
        if (!root_->type.empty()) return inst.type == root_->type;
        const auto& types = *ctx_.pooled_types;
        return types.empty() || std::find(types.begin(), types.end(), inst.type) != types.end();
    }

    // A regional fact: the sum over the covered institutions (numerators and denominators alike,
    // so a share is the region's, not an average of schools'), or the region's reported total.
    Value pooled(const std::string& key) {
        Quantity total;
        bool any = false;
        std::vector<std::string> missing;
        for (const Subject& inst : *ctx_.plan.institutions) {
            if (!pooled_covers(inst)) continue;
            any = true;
            const Figure* fv = figure(inst, key);
            if (!fv) {
                missing.push_back(fmt::format("{}: {}", inst.name, key));
                continue;
            }
            if (!std::holds_alternative<Quantity>(fv->value))
                return Uncomputable{Message("R-not-summable", {{"key", key}})};
            if (ctx_.uses) ctx_.uses->push_back(FactUse{key, &inst, fv->where});
            const Quantity& q = std::get<Quantity>(fv->value);
            if (total.unit.none()) total.unit = q.unit;
            total.notation = q.notation;
            total.value = total.value + q.value;
        }
        if (!missing.empty()) return Missing{std::move(missing)};
        if (any) return total;
        const Figure* fv = figure(*ctx_.plan.whole, key);
        if (!fv) return Missing{{key}};
        if (ctx_.uses) ctx_.uses->push_back(FactUse{key, ctx_.plan.whole, fv->where});
        return fv->value;
    }

    Value builtin(Builtin b) const {
        if (b == Builtin::Type) return ctx_.subject->type;
        if (b == Builtin::Level) return std::string(ctx_.plan.level);
        return Quantity{Rational(year()), Unit{}, Notation::Plain};
    }

    static Value arithmetic(BinaryOp op, const Quantity& a, const Quantity& b, const Expr& e) {
        Quantity out;
        out.notation = Notation::Plain;
        switch (op) {
            case BinaryOp::Add:
            case BinaryOp::Sub:
                out.value = op == BinaryOp::Add ? a.value + b.value : a.value - b.value;
                out.unit = a.unit.none() ? b.unit : a.unit;
                out.notation = a.notation;
                return out;
            case BinaryOp::Mul:
                out.value = a.value * b.value;
                out.unit = a.unit * b.unit;
                return out;
            case BinaryOp::Div:
                if (b.value.is_zero())
                    return Uncomputable{
                        Message("R-division-by-zero", {{"expression", to_source(*e.args[1])}})};
                out.value = a.value / b.value;
                out.unit = a.unit / b.unit;
                return out;
            default:
                break;
        }
        return Uncomputable{Message("R-not-arithmetic")};
    }

    static bool compare(BinaryOp op, const Value& a, const Value& b) {
        if (std::holds_alternative<Quantity>(a)) {
            const Rational& x = std::get<Quantity>(a).value;
            const Rational& y = std::get<Quantity>(b).value;
            switch (op) {
                case BinaryOp::Lt:
                    return x < y;
                case BinaryOp::Le:
                    return x <= y;
                case BinaryOp::Gt:
                    return x > y;
                case BinaryOp::Ge:
                    return x >= y;
                case BinaryOp::Eq:
                    return x == y;
                default:
                    return x != y;
            }
        }
        bool equal = std::holds_alternative<bool>(a)
                         ? std::get<bool>(a) == std::get<bool>(b)
                         : std::get<std::string>(a) == std::get<std::string>(b);
        return op == BinaryOp::Eq ? equal : !equal;
    }

    Value binary(const Expr& e) {
        if (e.op == BinaryOp::And || e.op == BinaryOp::Or) return logical(e);
        Value a = eval(*e.args[0]);
        Value b = eval(*e.args[1]);
        if (!is_known(a) || !is_known(b)) return combine_unknown(a, b);
        switch (e.op) {
            case BinaryOp::Add:
            case BinaryOp::Sub:
            case BinaryOp::Mul:
            case BinaryOp::Div:
                return arithmetic(e.op, std::get<Quantity>(a), std::get<Quantity>(b), e);
            default:
                return compare(e.op, a, b);
        }
    }

    // Three-valued: false and missing is false, true or missing is true: the answer does not
    // depend on the missing value, so nothing is assumed.
    Value logical(const Expr& e) {
        bool is_and = e.op == BinaryOp::And;
        Value a = eval(*e.args[0]);
        if (is_known(a) && std::get<bool>(a) != is_and) return !is_and;
        Value b = eval(*e.args[1]);
        if (is_known(b) && std::get<bool>(b) != is_and) return !is_and;
        if (!is_known(a) || !is_known(b))
            return combine_unknown(is_known(a) ? b : a, is_known(b) ? a : b);
        return is_and;
    }

    Value call(const Expr& e) {
        Builtin f = e.builtin;
        if (f == Builtin::If) {
            Value c = eval(*e.args[0]);
            if (!is_known(c)) return c;
            return eval(*e.args[std::get<bool>(c) ? 1 : 2]);
        }
        if (f == Builtin::Has) {
            const std::string& key = e.args[0]->name;
            return (ctx_.override && ctx_.override->key == key) ||
                   figure(*ctx_.subject, key) != nullptr;
        }
        if (f == Builtin::Baseline) return baseline(e.args[0]->name);
        if (f == Builtin::Least || f == Builtin::Greatest) {
            Value a = eval(*e.args[0]), b = eval(*e.args[1]);
            if (!is_known(a) || !is_known(b)) return combine_unknown(a, b);
            bool first = std::get<Quantity>(a).value < std::get<Quantity>(b).value;
            return (f == Builtin::Least) == first ? a : b;
        }
        return aggregate(e);
    }

    // 扩大, 提高, 增加 with no number: compared with where the plan started. The subject's own
    // figure of the earliest year it gives (a `baseline:` figure, or its first year), before the
    // year checked; a regional target reads the region's own figures here, not a sum. Missing when
    // the plan gives no earlier year: growth cannot be judged from one year.
    Value baseline(const std::string& key) {
        const FactValue* given = ctx_.subject->find(key);
        if (!given || given->by_year.empty() || given->by_year.front().first >= year())
            return Missing{{fmt::format("{} (≤{})", missing_name(key), year() - 1)}};
        const Figure& first = given->by_year.front().second;
        if (ctx_.uses) ctx_.uses->push_back(FactUse{key, ctx_.subject, first.where});
        return first.value;
    }

    Value aggregate(const Expr& e) {
        Builtin f = e.builtin;
        bool counts = f == Builtin::Count;
        const Expr* filter = e.args.size() > (counts ? 0u : 1u) ? e.args.back().get() : nullptr;
        Value unknown = Missing{};
        bool any_unknown = false;
        std::vector<Value> values;
        const Subject* saved = ctx_.subject;
        for (const Subject& inst : *ctx_.plan.institutions) {
            ctx_.subject = &inst;
            Value keep = filter ? eval(*filter) : Value{true};
            if (is_known(keep) && !std::get<bool>(keep)) continue;
            Value v = counts ? Value{true} : eval(*e.args[0]);
            if (!is_known(keep) || !is_known(v)) {
                unknown = any_unknown ? combine_unknown(unknown, is_known(keep) ? v : keep)
                                      : (is_known(keep) ? v : keep);
                any_unknown = true;
                continue;
            }
            values.push_back(std::move(v));
        }
        ctx_.subject = saved;
        if (f == Builtin::All || f == Builtin::Any) {
            bool want = f == Builtin::Any;
            for (const auto& v : values)
                if (std::get<bool>(v) == want) return want;
            if (any_unknown) return unknown;
            return !want;
        }
        if (any_unknown) return unknown;
        if (counts)
            return Quantity{Rational(static_cast<int64_t>(values.size())), Unit::parse("所"),
                            Notation::Plain};
        if (values.empty()) {
            if (f == Builtin::Sum) return Quantity{};
            return Missing{{fmt::format("{}(): no institutions to aggregate", e.name)}};
        }
        Quantity acc = std::get<Quantity>(values.front());
        for (size_t i = 1; i < values.size(); ++i) {
            const Rational& x = std::get<Quantity>(values[i]).value;
            if (f == Builtin::Sum || f == Builtin::Avg)
                acc.value = acc.value + x;
            else if (f == Builtin::Min && x < acc.value)
                acc.value = x;
            else if (f == Builtin::Max && x > acc.value)
                acc.value = x;
        }
        if (f == Builtin::Avg)
            acc.value = acc.value / Rational(static_cast<int64_t>(values.size()));
        return acc;
    }

    EvalContext ctx_;
    const Subject* root_ = ctx_.subject;
};

}  // namespace

Value evaluate(const Expr& e, const EvalContext& context) {
    try {
        return Evaluator(context).eval(e);
    } catch (const ArithmeticError& err) {
        return Uncomputable{err.message()};
    }
}

}  // namespace vetcheck::expr
