#pragma once

#include <vector>

#include "vetcheck/model/fact.hpp"
#include "vetcheck/model/quantity.hpp"
#include "vetcheck/model/unit.hpp"
#include "vetcheck/pack/pack.hpp"

namespace vetcheck {

// An indicator as the engine evaluates it: the pack's parsed entry, which compiling never changes,
// with what compiling it against a rule set's merged facts found out. The parsed indicator is owned
// by its pack in the catalog, which outlives every rule set (see Catalog).
struct CompiledRule {
    const Indicator* indicator = nullptr;

    // How actual and target values are shown, and in which unit: from the types of the measure
    // and target. Plain and no unit for a requirement (a yes/no condition).
    Notation notation = Notation::Plain;
    Unit unit;

    // The versions of the same target in the packs this one's pack extends (same id, same subject),
    // each compiled: all of them bind, so a subject is checked against each and the strictest
    // outcome counts. Parents first.
    std::vector<CompiledRule> restated;
};

// Compiles one indicator and the versions of it its pack's parents state (parents first) against a
// rule set's merged facts, stage by stage (see compiled_rule.cpp): check its expressions' types,
// resolve its unit and notation, check its rollup and lever, then compile each restated version
// the same way. Throws InputError at the offending expression.
CompiledRule compile_rule(const Indicator& indicator, const std::vector<const Indicator*>& restated,
                          const FactTable& facts);

}  // namespace vetcheck
