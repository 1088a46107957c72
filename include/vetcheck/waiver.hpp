#pragma once

#include <string>
#include <vector>

#include "vetcheck/date.hpp"
#include "vetcheck/source_location.hpp"

namespace vetcheck {

class Node;
struct Plan;
struct Result;
struct RuleSet;

// An approved exception written in a plan's `waivers:` list: a failing target the plan is allowed
// to miss, for a reason, until a date (see docs/plans.md).
struct Waiver {
    std::string indicator;
    std::string institution;  // "" = every subject the indicator is checked for
    std::string reason;
    std::string approved_by;
    Date expires;  // in force up to and including this day
    SourceLocation where;
};

// What a waiver did, for one result or (waiver_findings) for the waiver as a whole.
enum class WaiverState {
    Applied,      // the result failed (fail, missing or advisory) and is reported as waived
    Expired,      // it would have applied, but expired before today: the result still fails
    NotWaivable,  // the result is an error (cannot be computed): fix the data, not waivable
    Unnecessary,  // nothing it names fails: it passes, is not due or does not apply
};
const char* waiver_state_name(WaiverState s);  // "applied", "expired", "not-waivable", ...

// Reads a plan's `waivers:` list against the plan's compiled packs and institutions: an unknown
// indicator or institution is an InputError at its line and column, with a did-you-mean.
std::vector<Waiver> read_waivers(const Node& list, const RuleSet& rules, const Plan& plan);

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
