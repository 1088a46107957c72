#include "vetcheck/model/fact.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "vetcheck/model/unit_alias.hpp"

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

bool parse_bare_share(std::string_view text, BareShare* out) {
    if (text == "percent")
        *out = BareShare::Percent;
    else if (text == "fraction")
        *out = BareShare::Fraction;
    else
        return false;
    return true;
}

const char* bare_share_name(BareShare reading) {
    switch (reading) {
        case BareShare::Percent:
            return "percent";
        case BareShare::Fraction:
            return "fraction";
        case BareShare::Refused:
            break;
    }
    return "";
}

bool FactDef::same_definition(const FactDef& other) const {
    return key == other.key && unit == other.unit && type == other.type && bare == other.bare;
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
            switch (def.bare) {
                case BareShare::Percent:
                    return Message("P-expect-share-bare-percent");
                case BareShare::Fraction:
                    return Message("P-expect-share-bare-fraction");
                case BareShare::Refused:
                    break;
            }
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

// "write 1% or 100%" for 1; "write 50%" for 50, which cannot be a fraction of one.
Message bare_share_refusal(const Rational& value) {
    std::string as_percent = value.to_decimal(6) + "%";
    if (value > Rational(1)) return Message("P-share-bare-one-reading", {{"percent", as_percent}});
    return Message("P-share-bare-two-readings",
                   {{"percent", as_percent}, {"fraction", value.scaled_decimal(100, 6) + "%"}});
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
    if (!q->unit.none() && !(q->unit == def.unit)) {
        // 3200名 for a fact in 人, 1.2亿元 for one in 万元 (data/units.yaml); 16名 for 学时 is not.
        std::optional<Rational> converted;
        if (!def.unit.none()) converted = in_unit(q->value, q->unit, def.unit);
        if (!converted)
            return fail(def.unit.none()
                            ? Message("P-unit-not-expected", {{"unit", q->unit.to_string()}})
                            : Message("P-unit-mismatch", {{"unit", q->unit.to_string()},
                                                          {"expected", def.unit.to_string()}}));
        q->value = *converted;
    }
    q->unit = def.unit;
    if (def.type == FactType::Share && q->notation == Notation::Plain && !q->value.is_zero() &&
        !q->value.is_negative()) {
        // 1 may mean 1% or 100%: read a bare number only as the pack says, never guessed.
        switch (def.bare) {
            case BareShare::Percent:
                q->value = q->value / Rational(100);
                break;
            case BareShare::Fraction:
                break;
            case BareShare::Refused:
                return fail(bare_share_refusal(q->value));
        }
    }
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
