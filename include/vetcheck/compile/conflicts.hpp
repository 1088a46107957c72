#pragma once

#include <string>
#include <vector>

#include "vetcheck/base/i18n.hpp"
#include "vetcheck/compile/catalog.hpp"

namespace vetcheck {

// The declared conflicts of a rule set that bind a plan of `level`: both sides' packs are in the
// rule set, and a side that names an indicator is one checked at that level (a province's 3+4
// through-training does not contradict anything on a city plan that is not asked for it).
std::vector<const Conflict*> conflicts_for(const RuleSet& rules, const std::string& level);

// "cn-2020-7 «逐步取消中职本科贯通» (001_….txt) ↔ cn-2022-opinion
// secondary_bachelor_through_training «…» (004_….txt): note" — what every format shows of a
// conflict, in both languages.
std::string conflict_text(const Conflict& conflict, Lang lang);
std::string conflict_side_text(const ConflictSide& side);

}  // namespace vetcheck
