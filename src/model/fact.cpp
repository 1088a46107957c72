#include "vetcheck/model/fact.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace vetcheck {

namespace {
struct TypeName {
    FactType type;
    const char* name;
};
constexpr TypeName kTypeNames[] = {{FactType::Count, "count"},    {FactType::Amount, "amount"},
                                   {FactType::Number, "number"},  {FactType::Share, "share"},
                                   {FactType::Ratio, "ratio"},    {FactType::Multiple, "multiple"},
                                   {FactType::Boolean, "boolean"}};
}  // namespace

bool parse_fact_type(std::string_view text, FactType* out) {
    for (const auto& t : kTypeNames) {
        if (text == t.name) {
            *out = t.type;
            return true;
        }
    }
    return false;
}

const char* fact_type_name(FactType type) {
    for (const auto& t : kTypeNames)
        if (t.type == type) return t.name;
    return "?";
}

bool FactDef::same_definition(const FactDef& other) const {
    return key == other.key && unit == other.unit && type == other.type;
}

namespace {

std::string expected_for(const FactDef& def) {
    std::string unit = def.unit.none() ? "" : " " + def.unit.to_string();
    switch (def.type) {
        case FactType::Count:
            return fmt::format("a whole number{} (e.g. 4500)", unit);
        case FactType::Amount:
            return fmt::format("an amount{} (e.g. 12000 or 1.2万)", unit);
        case FactType::Number:
            return "a number";
        case FactType::Share:
            return "a percentage or a share (e.g. 57% or 0.57)";
        case FactType::Ratio:
            return "a ratio (e.g. 1:350)";
        case FactType::Multiple:
            return "a multiple (e.g. 2倍 or 2)";
        case FactType::Boolean:
            return "yes or no (true/false, 是/否)";
    }
    return "a value";
}

}  // namespace

const Figure* FactValue::in_year(int year) const {
    auto it = std::lower_bound(by_year.begin(), by_year.end(), year,
                               [](const auto& figure, int y) { return figure.first < y; });
    return it != by_year.end() && it->first == year ? &it->second : nullptr;
}

FactValue read_fact_value(const FactDef& def, const Node& node) {
    auto fail = [&](const std::string& detail) -> FactValue {
        std::string got = node.describe();
        throw InputError(node.where(),
                         fmt::format("{}: expected {}, got {}{}", def.key, expected_for(def), got,
                                     detail.empty() ? "" : " (" + detail + ")"));
    };
    if (!node.is_scalar()) return fail("");
    if (def.type == FactType::Boolean) {
        bool b = false;
        if (!parse_bool_word(node.text(), &b)) return fail("");
        return {b, node.where()};
    }
    std::string why;
    std::optional<Quantity> q;
    try {
        q = parse_quantity(node.text(), &why);
    } catch (const ArithmeticError& e) {
        return fail(e.what());
    }
    if (!q) return fail(why);
    if (q->notation == Notation::Percent && def.type != FactType::Share &&
        def.type != FactType::Number)
        return fail("a percentage is only for shares");
    if (q->notation == Notation::Ratio && def.type != FactType::Ratio)
        return fail("a ratio is only for ratios");
    if (q->notation == Notation::Multiple && def.type != FactType::Multiple) return fail("");
    if (!q->unit.none() && !(q->unit == def.unit))
        return fail(fmt::format("unit {} does not match the fact's unit {}", q->unit.to_string(),
                                def.unit.none() ? "(none)" : def.unit.to_string()));
    q->unit = def.unit;
    bool negative = q->value.is_negative();
    switch (def.type) {
        case FactType::Count:
            if (negative) return fail("a count cannot be negative");
            if (!q->value.is_integer()) return fail("a count is a whole number");
            break;
        case FactType::Amount:
        case FactType::Multiple:
            if (negative) return fail("cannot be negative");
            break;
        case FactType::Share:
            if (negative || q->value > Rational(1)) return fail("a share lies between 0% and 100%");
            q->notation = Notation::Percent;
            break;
        case FactType::Ratio:
            // "-5" read as a ratio would pass every cap ("<= 20:1"): a ratio of people or money
            // is never below zero (docs/packs.md).
            if (negative) return fail("a ratio cannot be negative");
            q->notation = Notation::Ratio;
            break;
        case FactType::Number:
        case FactType::Boolean:
            break;
    }
    if (def.type == FactType::Multiple) q->notation = Notation::Multiple;
    return {*q, node.where()};
}

}  // namespace vetcheck
