#include "vetcheck/model/plan.hpp"

#include <set>

namespace vetcheck {

const FactValue* Subject::find(std::string_view key) const {
    auto it = facts.find(key);
    return it == facts.end() ? nullptr : &it->second;
}

const Figure* Subject::find(std::string_view key, int year) const {
    const FactValue* fv = find(key);
    if (!fv) return nullptr;
    if (const Figure* f = fv->in_year(year)) return f;
    return fv->given_once() ? fv : nullptr;
}

const Figure* Subject::find_in_year(std::string_view key, int year) const {
    const FactValue* fv = find(key);
    return fv ? fv->in_year(year) : nullptr;
}

void collect_figure_years(Plan& plan) {
    std::set<int> years;
    auto add = [&](const Subject& s) {
        for (const auto& [key, fv] : s.facts)
            for (const auto& [year, figure] : fv.by_year) years.insert(year);
    };
    add(plan.whole);
    for (const Subject& inst : plan.institutions) add(inst);
    plan.figure_years.assign(years.begin(), years.end());
}

void add_type_totals(Plan& plan) {
    plan.type_totals.clear();
    for (const std::string& type : institution_types()) {
        for (const Subject& inst : plan.institutions) {
            if (inst.type != type) continue;
            Subject total;
            total.id = "sum:" + type;
            total.name = "Σ";  // shown with its type: "Σ (中职)"
            total.type = type;
            total.where = plan.whole.where;
            plan.type_totals.push_back(std::move(total));
            break;
        }
    }
}

const std::vector<std::string>& plan_levels() {
    static const std::vector<std::string> kLevels = {"national", "province", "city", "county",
                                                     "school"};
    return kLevels;
}

Message level_name(const std::string& level) {
    return Message("L-level-" + level);
}

const std::vector<std::string>& institution_types() {
    static const std::vector<std::string> kTypes = {"中职", "高职", "技工", "职业本科"};
    return kTypes;
}

}  // namespace vetcheck
