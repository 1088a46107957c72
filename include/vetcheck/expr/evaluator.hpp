#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "vetcheck/expr/ast.hpp"
#include "vetcheck/model/subject.hpp"
#include "vetcheck/model/value.hpp"

namespace vetcheck::expr {

// A fact an evaluation read, and where the plan wrote it: reports point at these lines. The key is
// the expression's own (a result points into its rule set already), not a copy per result.
struct FactUse {
    std::string_view key;
    const Subject* subject = nullptr;
    SourceLocation where;
};

// A fact taken to have another value than the plan's.
struct Override {
    std::string_view key;
    Rational value;
};

struct EvalContext {
    PlanScope plan;
    const Subject* subject = nullptr;  // the plan's whole subject or one institution
    // Replaces a fact of `subject` for a what-if evaluation (how many more teachers would pass?).
    const struct Override* override = nullptr;
    std::vector<FactUse>* uses = nullptr;
    // The value of `year`; 0 = the plan's year. `--as-of` sets it, as it sets what is due. It is
    // also the year whose figure is read of a fact the plan gives by year.
    int year = 0;
    // Reads only figures the plan gives for `year` itself, not values given once: progress reads
    // the years before the one checked this way (a value given once is the checked year's).
    bool figures_of_year_only = false;
    // Set for a regional target (Binding::Region) on a region's plan: a fact of `subject` is the
    // sum over the plan's institutions of these types (all when empty; only `subject`'s own type
    // when it has one), or, when no such institution is listed, the region's own reported total.
    const std::vector<std::string>* pooled_types = nullptr;
};

// Evaluates a checked expression. Never throws for data problems: a fact the subject lacks gives
// Missing, a zero denominator or an overflow gives Uncomputable.
Value evaluate(const Expr& e, const EvalContext& context);

}  // namespace vetcheck::expr
