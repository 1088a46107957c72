#include "vetcheck/plan.hpp"

namespace vetcheck {

const FactValue* Subject::find(std::string_view key) const {
    auto it = facts.find(key);
    return it == facts.end() ? nullptr : &it->second;
}

const std::vector<std::string>& plan_levels() {
    static const std::vector<std::string> kLevels = {"national", "province", "city", "county",
                                                     "school"};
    return kLevels;
}

const std::vector<std::string>& institution_types() {
    static const std::vector<std::string> kTypes = {"中职", "高职", "技工", "职业本科"};
    return kTypes;
}

}  // namespace vetcheck
