#include "vetcheck/compile/compiled_rule.hpp"

#include <algorithm>

#include "vetcheck/base/source_location.hpp"
#include "vetcheck/expr/checker.hpp"

namespace vetcheck {

namespace {

expr::Type check_expression(const SourceExpr& e, const FactTable& facts, expr::Scope scope,
                            const std::string& what) {
    expr::Type type;
    expr::CheckError err;
    if (!expr::check(*e.tree, facts, scope, &type, &err))
        throw InputError(e.at(err.offset), std::move(err.message.with({"key", what})));
    return type;
}

void require_kind(const SourceExpr& e, const expr::Type& t, expr::Type::Kind kind,
                  const std::string& what) {
    if (t.kind != kind)
        throw InputError(e.at(0),
                         Message("E-expected", {{"key", what},
                                                {"expected", Message(kind == expr::Type::Kind::Bool
                                                                         ? "P-type-condition"
                                                                         : "P-type-number")},
                                                {"found", expr::describe(t)}}));
}

Message unit_phrase(const Unit& unit) {
    return unit.none() ? Message("P-no-unit") : Message("P-unit", {{"unit", unit.to_string()}});
}

// The types of a comparison's two sides; a requirement has none.
struct ComparisonTypes {
    expr::Type measure;
    expr::Type target;
};

// Stage 1: every expression reads known facts in the indicator's scope, conditions are yes/no and
// the two sides of a comparison are numbers in the same unit.
std::optional<ComparisonTypes> check_types(const Indicator& ind, const FactTable& facts) {
    using Kind = expr::Type::Kind;
    if (ind.when)
        require_kind(*ind.when, check_expression(*ind.when, facts, ind.subject, ind.id + ".when"),
                     Kind::Bool, ind.id + ".when");
    if (ind.require) {
        require_kind(*ind.require,
                     check_expression(*ind.require, facts, ind.subject, ind.id + ".require"),
                     Kind::Bool, ind.id + ".require");
        return std::nullopt;
    }
    expr::Type m = check_expression(*ind.measure, facts, ind.subject, ind.id + ".measure");
    expr::Type t = check_expression(*ind.target, facts, ind.subject, ind.id + ".target");
    require_kind(*ind.measure, m, Kind::Number, ind.id + ".measure");
    require_kind(*ind.target, t, Kind::Number, ind.id + ".target");
    if (!m.free_unit && !t.free_unit && !(m.unit == t.unit))
        throw InputError(ind.target->at(0),
                         Message("E-rule-units-differ", {{"key", ind.id},
                                                         {"target", unit_phrase(t.unit)},
                                                         {"measure", unit_phrase(m.unit)}}));
    return ComparisonTypes{m, t};
}

// Stage 2: the unit values are shown in (the measure's, unless it is a bare number) and the
// notation (the target's when it has one: a target of 1:350 shows the measure as a ratio too).
void resolve_unit_and_notation(const ComparisonTypes& types, CompiledRule& rule) {
    const expr::Type& m = types.measure;
    const expr::Type& t = types.target;
    rule.unit = m.free_unit ? t.unit : m.unit;
    rule.notation = t.notation != Notation::Plain ? t.notation : m.notation;
}

// Stage 3: a total that plans one level down add up to must be a count or an amount.
void check_rollup(const Indicator& ind, const FactTable& facts) {
    if (!ind.rollup) return;
    const FactDef& f = facts.at(ind.measure->tree->name);
    if (f.type != FactType::Count && f.type != FactType::Amount)
        throw InputError(ind.where,
                         Message("E-rule-rollup-type", {{"key", ind.id + ".rollup"},
                                                        {"fact", f.key},
                                                        {"type", fact_type_name(f.type)}}));
}

// Stage 4: the fact a shortfall is told in must be one the comparison reads.
void check_lever(const Indicator& ind) {
    if (ind.lever.empty()) return;
    auto reads = expr::facts_read(*ind.measure->tree);
    auto target_reads = expr::facts_read(*ind.target->tree);
    reads.insert(reads.end(), target_reads.begin(), target_reads.end());
    if (std::find(reads.begin(), reads.end(), ind.lever) == reads.end())
        throw InputError(ind.where, Message("E-rule-lever-unread",
                                            {{"key", ind.id + ".lever"}, {"fact", ind.lever}}));
}

CompiledRule compile_version(const Indicator& indicator, const FactTable& facts) {
    CompiledRule rule;
    rule.indicator = &indicator;
    std::optional<ComparisonTypes> types = check_types(indicator, facts);
    if (!types) return rule;  // a requirement: nothing to show in a unit
    resolve_unit_and_notation(*types, rule);
    check_rollup(indicator, facts);
    check_lever(indicator);
    return rule;
}

}  // namespace

CompiledRule compile_rule(const Indicator& indicator, const std::vector<const Indicator*>& restated,
                          const FactTable& facts) {
    CompiledRule rule = compile_version(indicator, facts);
    // Stage 5: the restated versions, each compiled on its own, since each binds.
    rule.restated.reserve(restated.size());
    for (const Indicator* version : restated)
        rule.restated.push_back(compile_version(*version, facts));
    return rule;
}

}  // namespace vetcheck
