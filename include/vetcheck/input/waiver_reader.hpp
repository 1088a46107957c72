#pragma once

#include <vector>

#include "vetcheck/compile/catalog.hpp"
#include "vetcheck/model/plan.hpp"
#include "vetcheck/read/document.hpp"

namespace vetcheck {

// Reads a plan's `waivers:` list against the plan's compiled packs and institutions: an unknown
// indicator or institution is an InputError at its line and column, with a did-you-mean.
std::vector<Waiver> read_waivers(const Node& list, const RuleSet& rules, const Plan& plan);

}  // namespace vetcheck
