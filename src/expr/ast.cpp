#include "vetcheck/expr/ast.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace vetcheck::expr {

Builtin builtin_named(std::string_view name, bool call) {
    struct Entry {
        std::string_view name;
        Builtin builtin;
    };
    static constexpr Entry kValues[] = {
        {"type", Builtin::Type}, {"level", Builtin::Level}, {"year", Builtin::Year}};
    static constexpr Entry kFunctions[] = {
        {"if", Builtin::If},       {"has", Builtin::Has},           {"baseline", Builtin::Baseline},
        {"least", Builtin::Least}, {"greatest", Builtin::Greatest}, {"sum", Builtin::Sum},
        {"min", Builtin::Min},     {"max", Builtin::Max},           {"avg", Builtin::Avg},
        {"count", Builtin::Count}, {"all", Builtin::All},           {"any", Builtin::Any}};
    if (call) {
        for (const Entry& e : kFunctions)
            if (e.name == name) return e.builtin;
    } else {
        for (const Entry& e : kValues)
            if (e.name == name) return e.builtin;
    }
    return Builtin::None;
}

bool is_aggregate(Builtin b) {
    switch (b) {
        case Builtin::Sum:
        case Builtin::Min:
        case Builtin::Max:
        case Builtin::Avg:
        case Builtin::Count:
        case Builtin::All:
        case Builtin::Any:
            return true;
        default:
            return false;
    }
}

const char* symbol(BinaryOp op) {
    switch (op) {
        case BinaryOp::Add:
            return "+";
        case BinaryOp::Sub:
            return "-";
        case BinaryOp::Mul:
            return "*";
        case BinaryOp::Div:
            return "/";
        case BinaryOp::Lt:
            return "<";
        case BinaryOp::Le:
            return "<=";
        case BinaryOp::Gt:
            return ">";
        case BinaryOp::Ge:
            return ">=";
        case BinaryOp::Eq:
            return "==";
        case BinaryOp::Ne:
            return "!=";
        case BinaryOp::And:
            return "and";
        case BinaryOp::Or:
            return "or";
    }
    return "?";
}

namespace {

int precedence(const Expr& e) {
    if (e.kind != Expr::Kind::Binary) return 10;
    switch (e.op) {
        case BinaryOp::Or:
            return 1;
        case BinaryOp::And:
            return 2;
        case BinaryOp::Add:
        case BinaryOp::Sub:
            return 5;
        case BinaryOp::Mul:
        case BinaryOp::Div:
            return 6;
        default:
            return 4;
    }
}

std::string operand(const Expr& child, int parent, bool right, Substitute sub, const void* ctx) {
    std::string s = to_source(child, sub, ctx);
    int p = precedence(child);
    return (p < parent || (right && p == parent)) ? "(" + s + ")" : s;
}

}  // namespace

std::string to_source(const Expr& e) {
    return to_source(e, nullptr, nullptr);
}

std::string to_source(const Expr& e, Substitute sub, const void* ctx) {
    switch (e.kind) {
        case Expr::Kind::Number:
            return e.number.to_string(4);
        case Expr::Kind::String:
            return fmt::format("\"{}\"", e.name);
        case Expr::Kind::Bool:
            return e.boolean ? "true" : "false";
        case Expr::Kind::Fact:
            if (sub) {
                std::string value = sub(e.name, ctx);
                if (!value.empty()) return value;
            }
            return e.name;
        case Expr::Kind::Builtin:
            return e.name;
        case Expr::Kind::Negate:
            // Appended, not `"-" + operand(…)`: GCC 12 at -O3 warns falsely (-Wrestrict) on that.
            return std::string("-").append(operand(*e.args[0], 7, false, sub, ctx));
        case Expr::Kind::Not:
            return "not " + operand(*e.args[0], 3, false, sub, ctx);
        case Expr::Kind::Binary: {
            int p = precedence(e);
            return fmt::format("{} {} {}", operand(*e.args[0], p, false, sub, ctx), symbol(e.op),
                               operand(*e.args[1], p, true, sub, ctx));
        }
        case Expr::Kind::Call: {
            std::string s = e.name + "(";
            // Inside an aggregate a fact is each institution's: no single value to show.
            bool aggregate = is_aggregate(e.builtin);
            for (size_t i = 0; i < e.args.size(); ++i)
                s += (i ? ", " : "") + to_source(*e.args[i], aggregate ? nullptr : sub, ctx);
            return s + ")";
        }
    }
    return "?";
}

namespace {
void collect_facts(const Expr& e, std::vector<std::string>* out) {
    if (e.kind == Expr::Kind::Fact && std::find(out->begin(), out->end(), e.name) == out->end())
        out->push_back(e.name);
    for (const auto& a : e.args) collect_facts(*a, out);
}
}  // namespace

std::vector<std::string> facts_read(const Expr& e) {
    std::vector<std::string> out;
    collect_facts(e, &out);
    return out;
}

}  // namespace vetcheck::expr
