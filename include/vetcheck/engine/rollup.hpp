#pragma once

#include <optional>
#include <vector>

#include "vetcheck/compile/catalog.hpp"
#include "vetcheck/engine/engine.hpp"
#include "vetcheck/engine/result.hpp"
#include "vetcheck/model/plan.hpp"

namespace vetcheck {

// One lower-level plan's part of a total.
struct RollupShare {
    const Plan* plan = nullptr;
    std::optional<Rational> value;  // nullopt: the plan does not report the fact
    SourceLocation where;
};

// A total a plan commits to (its pack marks the indicator `rollup: sum`), against the sum of the
// commitments of the plans one level down: do the cities of a province add up to the province's own
// target?
struct RollupResult {
    const CompiledRule* rule = nullptr;
    Status status = Status::Missing;
    std::optional<Quantity> target;  // evaluated for the upper plan
    Quantity total;                  // the sum over the lower plans that report the fact
    std::optional<Quantity> gap;
    std::optional<Rational> upper_value;  // what the upper plan itself reports for the fact
    std::vector<RollupShare> shares;
    std::vector<std::string> missing;  // lower plans that do not report the fact
    Message reason;                    // an R- code

    const Indicator& indicator() const { return *rule->indicator; }
};

std::vector<RollupResult> check_rollup(const RuleSet& rules, const Plan& upper,
                                       const std::vector<const Plan*>& lower,
                                       const CheckOptions& options = {});

}  // namespace vetcheck
