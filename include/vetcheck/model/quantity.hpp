#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "vetcheck/model/rational.hpp"
#include "vetcheck/model/unit.hpp"

namespace vetcheck {

// How a number was written, so that it is shown back the same way: 1:350 stays a ratio, 57% a
// percentage, 2倍 a multiple.
enum class Notation { Plain, Percent, Ratio, Multiple };

struct Quantity {
    Rational value;
    Unit unit;
    Notation notation = Notation::Plain;

    // "57%", "1:350", "2倍", "1.2万元", "4500人"; `decimals` for the shown number.
    std::string to_string(int decimals = 2) const;
};

// Parses a quantity as people write it in these documents: 12000, 0.5, 57%, 57％, 1:350, 1.2:1,
// 2倍, 1.2万, 1.2万元, 16学时, 12,000. Returns nullopt and sets *why for anything else ("八十",
// "80 %", "eighty", "inf"). Throws ArithmeticError for numbers too large to hold exactly.
std::optional<Quantity> parse_quantity(std::string_view text, Message* why);

}  // namespace vetcheck
