#pragma once

#include <string>
#include <string_view>

#include "vetcheck/report/reporter.hpp"

namespace vetcheck::report {

// GitHub Actions workflow commands: one annotation per result that does not pass (::error for fail,
// missing and error; ::warning for advisory; ::notice for not-due) at the plan line of the deciding
// fact, then one plain summary line. Streams: each plan's annotations as it arrives; an input that
// could not be checked is an ::error annotation at its file:line:col.
class GithubReporter : public Reporter {
  public:
    void plan(const PlanReport& report, std::ostream& out) override;
    void failure(const InputFailure& failure, std::ostream& out) override;
    void end(const RunTotals& totals, std::ostream& out) override;
};

// GitHub's escaping for a command's message: % CR LF.
std::string github_escape_data(std::string_view text);
// For a property value (file=, title=): as for the message, and also ':' and ','.
std::string github_escape_property(std::string_view text);

}  // namespace vetcheck::report
