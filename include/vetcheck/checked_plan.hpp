#pragma once

#include <memory>
#include <vector>

#include "vetcheck/catalog.hpp"
#include "vetcheck/plan.hpp"
#include "vetcheck/result.hpp"

namespace vetcheck {

// One checked plan: the plan, the rule set it was checked against and its results. What the
// engine hands to the reporters, which never evaluate anything themselves.
struct PlanReport {
    std::shared_ptr<const Plan> plan;
    std::shared_ptr<const RuleSet> rules;
    std::vector<Result> results;
};

}  // namespace vetcheck
