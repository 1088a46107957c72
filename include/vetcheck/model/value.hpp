#pragma once

#include <string>
#include <variant>
#include <vector>

#include "vetcheck/base/messages.hpp"
#include "vetcheck/model/quantity.hpp"

namespace vetcheck {

// A fact the subject does not report. Anything computed from it is missing too: never a pass.
struct Missing {
    std::vector<std::string> facts;
};

// The data is there but the rule cannot be computed from it (a zero denominator, an overflow).
struct Uncomputable {
    Message reason;  // an R- code: the reports say it in their language
};

using Value = std::variant<Missing, Uncomputable, Quantity, bool, std::string>;

inline bool is_missing(const Value& v) {
    return std::holds_alternative<Missing>(v);
}
inline bool is_uncomputable(const Value& v) {
    return std::holds_alternative<Uncomputable>(v);
}
inline bool is_known(const Value& v) {
    return !is_missing(v) && !is_uncomputable(v);
}

// When an operand is not known, the result of the operation is that operand's state: missing facts
// are gathered from every operand so the report names all of them at once.
Value combine_unknown(const Value& a, const Value& b);

std::string describe(const Value& v);

}  // namespace vetcheck
