#pragma once

#include <memory>
#include <vector>

#include "vetcheck/compile/catalog.hpp"
#include "vetcheck/engine/result.hpp"
#include "vetcheck/model/plan.hpp"

namespace vetcheck {

// One checked plan: the plan, the rule set it was checked against and its results. What the
// engine hands to the reporters, which never evaluate anything themselves.
struct PlanReport {
    std::shared_ptr<const Plan> plan;
    std::shared_ptr<const RuleSet> rules;
    std::vector<Result> results;
};

}  // namespace vetcheck
