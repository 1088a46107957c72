#pragma once

#include <string>
#include <vector>

#include "vetcheck/base/date.hpp"
#include "vetcheck/base/source_location.hpp"

namespace vetcheck {

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

}  // namespace vetcheck
