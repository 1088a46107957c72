#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "vetcheck/catalog.hpp"
#include "vetcheck/i18n.hpp"
#include "vetcheck/result.hpp"

namespace vetcheck::report {

// One checked plan: what reporters see. They never evaluate anything themselves.
struct PlanReport {
    std::shared_ptr<const Plan> plan;
    std::shared_ptr<const RuleSet> rules;
    std::vector<Result> results;
};

struct ReportOptions {
    Lang lang = Lang::En;
    bool color = false;
    bool show_all = false;  // also list n/a results, which are otherwise only counted
    bool explain =
        false;  // the formula with the plan's values, the facts used and their lines, the quote
    FailPolicy policy = FailPolicy::standard();
};

class Reporter {
  public:
    virtual ~Reporter() = default;
    virtual void write(const std::vector<PlanReport>& reports, const ReportOptions& options,
                       std::ostream& out) = 0;
};

}  // namespace vetcheck::report
