#include "vetcheck/model/plan.hpp"

namespace vetcheck {

const FactValue* Subject::find(std::string_view key) const {
    auto it = facts.find(key);
    return it == facts.end() ? nullptr : &it->second;
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
