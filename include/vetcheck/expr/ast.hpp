#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vetcheck/model/quantity.hpp"

namespace vetcheck::expr {

enum class BinaryOp { Add, Sub, Mul, Div, Lt, Le, Gt, Ge, Eq, Ne, And, Or };

// The names an expression may use besides facts: values (type, level, year) and functions. The
// parser resolves a name to one of these once, when a pack is loaded, so that evaluating a rule
// for each of 11,000 schools never compares names.
enum class Builtin {
    None,  // a fact, or a call of a function that does not exist (the checker refuses it)
    Type,
    Level,
    Year,
    If,
    Has,
    Baseline,
    Least,
    Greatest,
    Sum,
    Min,
    Max,
    Avg,
    Count,
    All,
    Any
};
// The value or function a name stands for: `call` tells a function from a value of the same name.
Builtin builtin_named(std::string_view name, bool call);
// Functions that evaluate their first argument for each institution, an optional last a filter.
bool is_aggregate(Builtin b);

struct Expr;
using ExprPtr = std::shared_ptr<const Expr>;

// One node of a parsed expression. `offset` is the byte offset in the source text, so that errors
// point at the column where the offending token was written.
struct Expr {
    enum class Kind { Number, String, Bool, Fact, Builtin, Negate, Not, Binary, Call };

    Kind kind = Kind::Number;
    int offset = 0;
    Quantity number;                  // Number
    bool boolean = false;             // Bool
    std::string name;                 // String text, Fact key, Builtin or Call name
    Builtin builtin = Builtin::None;  // Builtin and Call: what `name` stands for
    BinaryOp op = BinaryOp::Add;      // Binary
    std::vector<ExprPtr> args;        // operands
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
