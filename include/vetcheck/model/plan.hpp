#pragma once

#include <string>
#include <vector>

#include "vetcheck/base/messages.hpp"
#include "vetcheck/model/fact.hpp"
#include "vetcheck/model/subject.hpp"
#include "vetcheck/model/waiver.hpp"

namespace vetcheck {

struct Plan {
    std::string file;
    std::string id;
    std::string name;
    std::string region;
    std::string level;  // national | province | city | county | school
    int year = 0;
    std::vector<std::string> packs;  // empty = the national default
    SourceLocation packs_where;
    Subject whole;  // the plan's own facts; for a school report, the school itself
    std::vector<Subject> institutions;
    // One subject per institution type the plan lists ("Σ中职"), with no facts of its own: a
    // regional target that depends on the type is checked on each, summing its institutions' facts.
    std::vector<Subject> type_totals;
    std::vector<Waiver> waivers;  // approved exceptions (waiver.hpp)
    // Every year some fact is given for by year (baselines included), ascending: the years
    // progress toward a target not yet due is read from (engine/progress.hpp).
    std::vector<int> figure_years;

    bool is_school() const { return level == "school"; }
    PlanScope scope() const { return {&whole, &institutions, level, year}; }
};

// Fills plan.type_totals: one per institution type listed, in the order of institution_types().
void add_type_totals(Plan& plan);
// Fills plan.figure_years from the figures by year of the plan and its institutions.
void collect_figure_years(Plan& plan);

const std::vector<std::string>& plan_levels();
// A level as a report names it (省级, "province"): one of plan_levels().
Message level_name(const std::string& level);
const std::vector<std::string>& institution_types();

}  // namespace vetcheck
