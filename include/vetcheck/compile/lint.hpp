#pragma once

#include <string>
#include <vector>

#include "vetcheck/base/i18n.hpp"
#include "vetcheck/compile/catalog.hpp"

namespace vetcheck {

// One way a pack's indicator is weaker than the version of a pack it extends, or a parent indicator
// it drops. `explained` when the pack says why (an indicator's `relaxes:` or a drop's `reason:`).
struct LintFinding {
    std::string pack;
    std::string indicator;
    std::string parent_pack;
    std::string parent_indicator;  // the same id, but for a target restated under a new id
    LocalizedText message;         // what changed, parent's → child's
    std::string explanation;
    SourceLocation where;
    SourceLocation parent_where;  // the parent's version (the pack's `extends` for a drop)

    bool explained() const { return !explanation.empty(); }
};

// Compares every indicator the pack states with the versions of the packs it extends: a lower
// threshold, a looser comparison, a later deadline, a softer severity, fewer institution types or
// plan levels, a new `when:`, a changed measure, a region scope, a one-sided or shifted or wider
// 左右; and each new indicator with a parent one of the same measure (a weaker target under a new
// id). Thresholds are compared where the target does not depend on a plan's facts.
std::vector<LintFinding> lint_pack(Catalog& catalog, const std::string& pack_id);

// The conflicts between documents that concern the pack: those it declares, and those of its rule
// set (between packs it extends). Not findings of weakness: the documents themselves disagree.
std::vector<const Conflict*> lint_conflicts(Catalog& catalog, const std::string& pack_id);

}  // namespace vetcheck
