#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
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

// A plan's row of a streamed matrix: `result` folded into its indicator's cell (the worse status).
// `column` maps an indicator id to its cell; a result with no column is a program error
// (std::logic_error naming `format`), since the columns come from every pack a plan can name.
void add_to_row(std::vector<std::optional<Status>>& row,
                const std::unordered_map<std::string, size_t>& column, const Result& result,
                std::string_view format);

}  // namespace vetcheck::report
