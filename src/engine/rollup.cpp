#include "vetcheck/engine/rollup.hpp"

#include <algorithm>

#include "vetcheck/engine/engine.hpp"

namespace vetcheck {

namespace {

RollupResult roll_up(const CompiledRule& rule, const Plan& upper,
                     const std::vector<const Plan*>& lower, const CheckOptions& options) {
    const Indicator& ind = *rule.indicator;
    RollupResult r;
    r.rule = &rule;
    const std::string& key = ind.measure->tree->name;
    r.total = Quantity{Rational(0), rule.unit, Notation::Plain};
    Message overflow;  // a total too large to add up exactly: an error, never a verdict
    for (const Plan* plan : lower) {
        RollupShare share{plan, std::nullopt, plan->whole.where};
        if (const FactValue* fv = plan->whole.find(key);
            fv && std::holds_alternative<Quantity>(fv->value)) {
            share.value = std::get<Quantity>(fv->value).value;
            share.where = fv->where;
            try {
                r.total.value = r.total.value + *share.value;
            } catch (const ArithmeticError& e) {
                overflow = e.message();
            }
        } else {
            r.missing.push_back(plan->region.empty() ? plan->name : plan->region);
        }
        r.shares.push_back(share);
    }
    if (const FactValue* own = upper.whole.find(key);
        own && std::holds_alternative<Quantity>(own->value))
        r.upper_value = std::get<Quantity>(own->value).value;
    if (r.missing.size() == lower.size()) {
        r.status = Status::NotApplicable;
        r.reason = Message("R-no-lower-plan-reports", {{"key", key}});
        return r;
    }
    Value target = expr::evaluate(*ind.target->tree,
                                  expr::EvalContext{upper.scope(), &upper.whole, nullptr, nullptr});
    if (!std::holds_alternative<Quantity>(target)) {
        r.status = is_missing(target) ? Status::Missing : Status::Error;
        r.reason = is_missing(target)
                       ? Message("L-missing-facts", {{"facts", std::get<Missing>(target).facts}})
                       : std::get<Uncomputable>(target).reason;
        return r;
    }
    r.target = Quantity{std::get<Quantity>(target).value, rule.unit, Notation::Plain};
    if (!r.missing.empty()) {
        r.status = Status::Missing;
        return r;
    }
    bool due = options.as_of.value_or(upper.year) >= ind.deadline;
    try {
        if (!overflow.empty()) throw ArithmeticError(overflow);
        if (ind.holds(r.total.value, r.target->value)) {
            r.status = Status::Pass;
        } else {
            r.gap =
                Quantity{ind.distance(r.total.value, r.target->value), rule.unit, Notation::Plain};
            r.status = !due                                 ? Status::NotDue
                       : ind.severity == Severity::Advisory ? Status::Advisory
                                                            : Status::Fail;
        }
    } catch (const ArithmeticError& e) {
        r.status = Status::Error;
        r.reason = e.message();
    }
    return r;
}

}  // namespace

std::vector<RollupResult> check_rollup(const RuleSet& rules, const Plan& upper,
                                       const std::vector<const Plan*>& lower,
                                       const CheckOptions& options) {
    std::vector<RollupResult> out;
    for (const CompiledRule& rule : rules.rules) {
        const Indicator& ind = *rule.indicator;
        if (!ind.rollup) continue;
        if (!ind.levels.empty() &&
            std::find(ind.levels.begin(), ind.levels.end(), upper.level) == ind.levels.end())
            continue;
        out.push_back(roll_up(rule, upper, lower, options));
    }
    return out;
}

}  // namespace vetcheck
