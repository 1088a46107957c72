#pragma once

#include <functional>
#include <optional>

#include "vetcheck/engine/result.hpp"

namespace vetcheck {

// Evaluates measure − target with the lever fact set to a value; nullopt when not computable.
using Difference = std::function<std::optional<Rational>(const Rational& lever_value)>;
// Evaluates whether the indicator passes with the lever fact set to a value.
using PassTest = std::function<bool(const Rational& lever_value)>;

// Finds the value of the lever fact at which the indicator passes, when measure − target is linear
// in it (every ratio, share, multiple and count shape is). The linear root is rounded to a whole
// number for counts and then confirmed by evaluating the rule again, so what the report promises
// ("4 more teachers") is exactly what passes. nullopt when no such value exists or the shape is
// not linear in the lever.
std::optional<Shortfall> find_shortfall(Comparison comparison, const FactDef& lever,
                                        const Rational& current, const Difference& difference,
                                        const PassTest& passes);

}  // namespace vetcheck
