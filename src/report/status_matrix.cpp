#include "vetcheck/report/status_matrix.hpp"

#include <unordered_map>

namespace vetcheck::report {

StatusMatrix status_matrix(const std::vector<PlanReport>& reports) {
    StatusMatrix m;
    std::unordered_map<std::string, size_t> column;
    for (const auto& report : reports) {
        for (const auto& r : report.results) {
            if (column.try_emplace(r.indicator->id, m.indicators.size()).second)
                m.indicators.push_back(r.indicator);
        }
    }
    for (const auto& report : reports) {
        std::vector<std::optional<Status>> row(m.indicators.size());
        for (const auto& r : report.results) {
            auto& cell = row[column.at(r.indicator->id)];
            cell = cell ? worse(*cell, r.status) : r.status;
        }
        m.cells.push_back(std::move(row));
    }
    return m;
}

}  // namespace vetcheck::report
