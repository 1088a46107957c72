#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "vetcheck/expression/ast.hpp"
#include "vetcheck/plan.hpp"
#include "vetcheck/value.hpp"

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
    const Plan* plan = nullptr;
    const Subject* subject = nullptr;  // the plan's whole subject or one institution
    // Replaces a fact of `subject` for a what-if evaluation (how many more teachers would pass?).
    const struct Override* override = nullptr;
    std::vector<FactUse>* uses = nullptr;
};

// Evaluates a checked expression. Never throws for data problems: a fact the subject lacks gives
// Missing, a zero denominator or an overflow gives Uncomputable.
Value evaluate(const Expr& e, const EvalContext& context);

}  // namespace vetcheck::expr
