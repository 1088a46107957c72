#pragma once

#include <string_view>

#include "vetcheck/expr/ast.hpp"
#include "vetcheck/expr/lexer.hpp"

namespace vetcheck::expr {

struct ParseLimits {
    size_t max_length = 4096;  // characters of one expression
    int max_depth = 64;        // nesting of operators, calls and parentheses; each operator of
                               // a chain (a + b + c) nests one level deeper
};

// Parses one expression; nullptr and *error on failure. Precedence, loosest first:
// or, and, not, comparisons, + -, * /, unary minus.
ExprPtr parse(std::string_view source, SyntaxError* error, const ParseLimits& limits = {});

}  // namespace vetcheck::expr
