#pragma once

#include <optional>
#include <vector>

#include "vetcheck/base/date.hpp"
#include "vetcheck/compile/catalog.hpp"
#include "vetcheck/engine/result.hpp"
#include "vetcheck/model/plan.hpp"

namespace vetcheck {

struct CheckOptions {
    std::optional<int>
        as_of;  // the year that decides which targets are due; default the plan's year
    std::optional<Date> today;  // the day waivers are in force on; default the current date
};

// Evaluates every indicator of a compiled rule set for every subject it applies to. The results
// point into `rules` and `plan`, which must outlive them. Results come in indicator order, then
// subject order, so output is the same however plans are scheduled. The plan's waivers are applied
// (waiver.hpp).
std::vector<Result> check_plan(const RuleSet& rules, const Plan& plan,
                               const CheckOptions& options = {});

// One indicator for one subject.
Result check_indicator(const CompiledRule& rule, const RuleSet& rules, const Plan& plan,
                       const Subject& subject, const CheckOptions& options = {});

}  // namespace vetcheck
