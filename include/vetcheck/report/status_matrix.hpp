#pragma once

#include <optional>
#include <string>
#include <vector>

#include "vetcheck/report/reporter.hpp"

namespace vetcheck::report {

// Plans × indicators, each cell the worst status of that indicator over the plan's subjects.
// Indicators are identified by id (a child pack restating a target keeps its id) and kept in the
// order they first appear across the plans.
struct StatusMatrix {
    std::vector<const Indicator*> indicators;               // the first one seen for each id
    std::vector<std::vector<std::optional<Status>>> cells;  // [plan][indicator]; empty: no result
};
StatusMatrix status_matrix(const std::vector<PlanReport>& reports);

}  // namespace vetcheck::report
