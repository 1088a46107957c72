#include "vetcheck/report/status_matrix.hpp"

#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

namespace vetcheck::report {

namespace {

std::vector<const Indicator*> indicators_by_id(const std::vector<const Pack*>& packs) {
    std::vector<const Indicator*> columns;
    std::unordered_set<std::string_view> seen;
    for (const Pack* pack : packs)
        for (const Indicator& ind : pack->indicators)
            if (seen.insert(ind.id).second) columns.push_back(&ind);
    return columns;
}

}  // namespace

std::vector<const Indicator*> matrix_columns(const Catalog& catalog) {
    return indicators_by_id(catalog.packs_in_order());
}

std::vector<const Indicator*> matrix_columns(const RuleSet& rules) {
    return indicators_by_id(rules.packs);
}

StatusMatrix status_matrix(const std::vector<PlanReport>& reports) {
    StatusMatrix m;
    std::unordered_map<std::string, size_t> column;
    for (const auto& report : reports) {
        for (const auto& r : report.results) {
            if (column.try_emplace(r.indicator().id, m.indicators.size()).second)
                m.indicators.push_back(&r.indicator());
        }
    }
    for (const auto& report : reports) {
        std::vector<std::optional<Status>> row(m.indicators.size());
        for (const auto& r : report.results) {
            auto& cell = row[column.at(r.indicator().id)];
            cell = cell ? worse(*cell, r.status) : r.status;
        }
        m.cells.push_back(std::move(row));
    }
    return m;
}

void add_to_row(std::vector<std::optional<Status>>& row,
                const std::unordered_map<std::string, size_t>& column, const Result& result,
                std::string_view format) {
    auto it = column.find(result.indicator().id);
    if (it == column.end())
        throw std::logic_error(std::string(format) + ": indicator '" + result.indicator().id +
                               "' is in none of the packs the columns were made from");
    auto& cell = row[it->second];
    cell = cell ? worse(*cell, result.status) : result.status;
}

}  // namespace vetcheck::report
