#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vetcheck/base/messages.hpp"
#include "vetcheck/expr/ast.hpp"
#include "vetcheck/model/fact.hpp"

namespace vetcheck::expr {

// Functions are declared as data; the checker reads only these declarations, the evaluator
// implements them, and the same table documents the language.
struct FunctionDecl {
    std::string_view name;
    int min_args;
    int max_args;
    bool aggregate;  // first argument evaluated for each institution, optional second a filter
    std::string_view signature;
    std::string_view description;
};
const std::vector<FunctionDecl>& functions();
const FunctionDecl* find_function(std::string_view name);

// Which subject an expression is evaluated for: the plan as a whole or one institution.
enum class Scope { Plan, Institution };

struct Type {
    enum class Kind { Number, Bool, String } kind = Kind::Number;
    Unit unit;
    bool free_unit = false;  // a bare number literal takes the unit of what it is compared with
    Notation notation = Notation::Plain;

    static Type boolean() { return Type{Kind::Bool, Unit{}, false, Notation::Plain}; }
    static Type text() { return Type{Kind::String, Unit{}, false, Notation::Plain}; }
    static Type number(Unit unit, bool free_unit = false, Notation notation = Notation::Plain) {
        return Type{Kind::Number, std::move(unit), free_unit, notation};
    }
};

// An expression that reads wrongly; the message is an E-expr- code whose {key} the compiler adds.
struct CheckError {
    int offset = 0;
    Message message;
};

// Infers the type of an expression against the facts vocabulary: unknown facts (with a
// did-you-mean), unknown functions, wrong arity, unit mismatches, and facts used in a scope that
// does not report them are errors before any plan is evaluated.
bool check(const Expr& e, const FactTable& facts, Scope scope, Type* out, CheckError* error);

// What a type is, as a phrase of the catalogue ("a number in 人").
Message describe(const Type& t);

}  // namespace vetcheck::expr
