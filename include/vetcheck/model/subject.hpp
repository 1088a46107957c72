#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vetcheck/model/fact.hpp"

namespace vetcheck {

// Something indicators are evaluated for: the plan as a whole, or one of its institutions.
struct Subject {
    std::string id;
    std::string name;
    std::string type;  // 中职 | 高职 | 技工 | 职业本科; "" for a plan that is not a school
    FactMap facts;
    SourceLocation where;
    int baseline_year = 0;  // the year of its `baseline:` figures; 0 when it states none

    const FactValue* find(std::string_view key) const;
    // The figure of `key` checked in `year`: its figure for that year when the plan gives it by
    // year, else the value given once (which stands for whatever year is checked).
    const Figure* find(std::string_view key, int year) const;
    // Only a figure the plan gives for `year` itself: what progress reads for earlier years.
    const Figure* find_in_year(std::string_view key, int year) const;
};

// What an expression may read of a plan beyond its subject: the plan as a whole, its
// institutions, its level and year. Expressions get this view, never the plan itself (its file,
// packs and waivers are not theirs to read).
struct PlanScope {
    const Subject* whole = nullptr;
    const std::vector<Subject>* institutions = nullptr;
    std::string_view level;
    int year = 0;
};

}  // namespace vetcheck
