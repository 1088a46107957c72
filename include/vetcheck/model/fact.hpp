#pragma once

#include <map>
#include <string>
#include <variant>
#include <vector>

#include "vetcheck/base/i18n.hpp"
#include "vetcheck/model/quantity.hpp"
#include "vetcheck/model/value.hpp"
#include "vetcheck/read/document.hpp"

namespace vetcheck {

enum class FactType { Count, Amount, Number, Share, Ratio, Multiple, Boolean };

bool parse_fact_type(std::string_view text, FactType* out);
const char* fact_type_name(FactType type);

// How a share written as a bare number (1, 0.9) is read: only as the pack declares it (`bare:
// percent` reads 1 as 1%, `bare: fraction` reads 0.9 as 90%); with neither it is refused, since 1
// may mean 1% or 100%.
enum class BareShare { Refused, Percent, Fraction };

bool parse_bare_share(std::string_view text, BareShare* out);
const char* bare_share_name(BareShare reading);

// One entry of a pack's facts vocabulary: what a plan may report, in what unit, for which subjects.
struct FactDef {
    std::string key;
    LocalizedText name;
    Unit unit;
    FactType type = FactType::Number;
    BareShare bare = BareShare::Refused;  // shares only
    bool on_plan = false;
    bool on_institution = false;
    std::string pack_id;  // the pack that declared it
    SourceLocation where;

    bool same_definition(const FactDef& other) const;
};

// A value a plan reports, with where it was written.
struct Figure {
    Value value;  // a Quantity or a bool
    SourceLocation where;
};

// A fact as a plan reports it: once (the plan's figure, whatever year is checked), or for several
// years (`teachers.double_qualified: {2021: 150, 2022: 165}`, and the figures of `baseline:`).
// A fact given only by year has a Missing `value`: the year checked picks its figure.
struct FactValue : Figure {
    FactValue() = default;
    FactValue(Value v, SourceLocation at) : Figure{std::move(v), std::move(at)} {}

    std::vector<std::pair<int, Figure>> by_year;  // sorted by year

    bool given_once() const { return !is_missing(value); }
    // The figure of `year`, or nullptr: a year not given is missing, never interpolated.
    const Figure* in_year(int year) const;
};

// Reads a plan's scalar as the fact's type: "57%" for a share, "4500" for a count. Throws
// InputError naming the key, what was expected and what was found.
FactValue read_fact_value(const FactDef& def, const Node& node);

using FactMap = std::map<std::string, FactValue, std::less<>>;

// The merged vocabulary of the packs a plan answers to, by key.
using FactTable = std::map<std::string, FactDef, std::less<>>;

}  // namespace vetcheck
