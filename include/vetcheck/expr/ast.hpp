#pragma once

#include <memory>
#include <string>
#include <vector>

#include "vetcheck/model/quantity.hpp"

namespace vetcheck::expr {

enum class BinaryOp { Add, Sub, Mul, Div, Lt, Le, Gt, Ge, Eq, Ne, And, Or };

struct Expr;
using ExprPtr = std::shared_ptr<const Expr>;

// One node of a parsed expression. `offset` is the byte offset in the source text, so that errors
// point at the column where the offending token was written.
struct Expr {
    enum class Kind { Number, String, Bool, Fact, Builtin, Negate, Not, Binary, Call };

    Kind kind = Kind::Number;
    int offset = 0;
    Quantity number;              // Number
    bool boolean = false;         // Bool
    std::string name;             // String text, Fact key, Builtin or Call name
    BinaryOp op = BinaryOp::Add;  // Binary
    std::vector<ExprPtr> args;    // operands
};

const char* symbol(BinaryOp op);
// The expression written back as source text, for formulas shown in reports and messages.
std::string to_source(const Expr& e);
// The same, with facts outside aggregates replaced by what `substitute` returns for them (when it
// returns a value): "9 / 4500 >= 1:350".
using Substitute = std::string (*)(const std::string& key, const void* context);
std::string to_source(const Expr& e, Substitute substitute, const void* context);
// Every fact key an expression reads, in order of first appearance.
std::vector<std::string> facts_read(const Expr& e);

}  // namespace vetcheck::expr
