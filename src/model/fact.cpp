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

Message expected_for(const FactDef& def) {
    // Appended, not `" " + to_string()`: GCC 12 at -O3 warns falsely (-Wrestrict) on that.
    std::string unit = def.unit.none() ? "" : std::string(" ").append(def.unit.to_string());
    switch (def.type) {
        case FactType::Count:
            return Message("P-expect-count", {{"unit", unit}});
        case FactType::Amount:
            return Message("P-expect-amount", {{"unit", unit}});
        case FactType::Number:
            return Message("P-expect-number");
        case FactType::Share:
            return Message("P-expect-share");
        case FactType::Ratio:
            return Message("P-expect-ratio");
        case FactType::Multiple:
            return Message("P-expect-multiple");
        case FactType::Boolean:
            return Message("P-expect-boolean");
    }
    return Message("P-expect-number");
}

}  // namespace

const Figure* FactValue::in_year(int year) const {
    auto it = std::lower_bound(by_year.begin(), by_year.end(), year,
                               [](const auto& figure, int y) { return figure.first < y; });
    return it != by_year.end() && it->first == year ? &it->second : nullptr;
}

FactValue read_fact_value(const FactDef& def, const Node& node) {
    auto fail = [&](Message detail) -> FactValue {
        if (detail.empty())
            throw InputError(node.where(), Message("E-expected", {{"key", def.key},
                                                                  {"expected", expected_for(def)},
                                                                  {"found", node.describe()}}));
        throw InputError(node.where(), Message("E-value-invalid", {{"key", def.key},
                                                                   {"expected", expected_for(def)},
                                                                   {"found", node.describe()},
                                                                   {"detail", std::move(detail)}}));
    };
    if (!node.is_scalar()) return fail(Message());
    if (def.type == FactType::Boolean) {
        bool b = false;
        if (!parse_bool_word(node.text(), &b)) return fail(Message());
        return {b, node.where()};
    }
    Message why;
    std::optional<Quantity> q;
    try {
        q = parse_quantity(node.text(), &why);
    } catch (const ArithmeticError& e) {
        return fail(e.message());
    }
    if (!q) return fail(why);
    if (q->notation == Notation::Percent && def.type != FactType::Share &&
        def.type != FactType::Number)
        return fail(Message("P-percent-only-for-shares"));
    if (q->notation == Notation::Ratio && def.type != FactType::Ratio)
        return fail(Message("P-ratio-only-for-ratios"));
    if (q->notation == Notation::Multiple && def.type != FactType::Multiple) return fail(Message());
    if (!q->unit.none() && !(q->unit == def.unit))
        return fail(def.unit.none()
                        ? Message("P-unit-not-expected", {{"unit", q->unit.to_string()}})
                        : Message("P-unit-mismatch", {{"unit", q->unit.to_string()},
                                                      {"expected", def.unit.to_string()}}));
    q->unit = def.unit;
    bool negative = q->value.is_negative();
    switch (def.type) {
        case FactType::Count:
            if (negative) return fail(Message("P-count-negative"));
            if (!q->value.is_integer()) return fail(Message("P-count-whole"));
            break;
        case FactType::Amount:
        case FactType::Multiple:
            if (negative) return fail(Message("P-negative"));
            break;
        case FactType::Share:
            if (negative || q->value > Rational(1)) return fail(Message("P-share-range"));
            q->notation = Notation::Percent;
            break;
        case FactType::Ratio:
            // "-5" read as a ratio would pass every cap ("<= 20:1"): a ratio of people or money
            // is never below zero (docs/packs.md).
            if (negative) return fail(Message("P-ratio-negative"));
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
