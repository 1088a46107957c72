#pragma once

#include <string>
#include <vector>

#include "vetcheck/compile/catalog.hpp"

namespace vetcheck {

// One way a pack's indicator is weaker than the version of a pack it extends, or a parent indicator
// it drops. `explained` when the pack says why (an indicator's `relaxes:` or a drop's `reason:`).
struct LintFinding {
    std::string pack;
    std::string indicator;
    std::string parent_pack;
    std::string message;
    std::string explanation;
    SourceLocation where;

    bool explained() const { return !explanation.empty(); }
};

// Compares every indicator the pack states with the versions of the packs it extends: a lower
// threshold, a looser comparison, a later deadline, a softer severity, fewer institution types or
// plan levels. Thresholds are compared where the target does not depend on a plan's facts.
std::vector<LintFinding> lint_pack(Catalog& catalog, const std::string& pack_id);

}  // namespace vetcheck
