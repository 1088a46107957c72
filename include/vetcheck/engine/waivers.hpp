#pragma once

#include <vector>

#include "vetcheck/engine/result.hpp"
#include "vetcheck/model/plan.hpp"

namespace vetcheck {

// Applies the plan's waivers to its results, as of `today`: a failing result named by a waiver in
// force becomes Status::Waived (its gap and shortfall kept, the reason the waiver's). Every result
// a waiver names but does not waive (expired, an error) is marked with it, keeping its status.
void apply_waivers(const Plan& plan, std::vector<Result>& results, const Date& today);

// One line per waiver of the plan: what it did over all the results it names. An Unnecessary or
// Expired waiver is what a report warns about.
struct WaiverFinding {
    enum class Why { Passes, NotDue, DoesNotApply };  // why an Unnecessary waiver is not needed

    const Waiver* waiver = nullptr;
    WaiverState state = WaiverState::Unnecessary;
    int waived = 0;  // results it waived
    Why why = Why::DoesNotApply;
};
std::vector<WaiverFinding> waiver_findings(const Plan& plan, const std::vector<Result>& results);

}  // namespace vetcheck
