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

// The columns of a matrix known before any plan is checked: every indicator a plan could be
// checked against, one per id (the first pack to define it, parents before the packs that extend
// them, ties by pack id), from every pack of `catalog` or, without one, of `rules`.
std::vector<const Indicator*> matrix_columns(const Catalog& catalog);
std::vector<const Indicator*> matrix_columns(const RuleSet& rules);

}  // namespace vetcheck::report
