#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vetcheck/model/rational.hpp"
#include "vetcheck/model/unit.hpp"

namespace vetcheck {

// A unit written in place of another (data/units.yaml): `times` × a number in `written` is that
// number in `means` — 名 for 人 (times 1), 万元 for 元 (times 10000).
struct UnitAlias {
    Unit written;
    Unit means;
    Rational times{1};
};

std::string_view embedded_unit_aliases();
// Throws InputError at the file, line and column of a malformed entry.
std::vector<UnitAlias> load_unit_aliases(std::string_view yaml, const std::string& file_name);
// data/units.yaml, compiled in, read once.
const std::vector<UnitAlias>& default_unit_aliases();

// `value` written in `written`, in the unit `wanted`: the same number when the units are the same,
// scaled when one is an alias of the other or both are aliases of one unit; nullopt when they are
// different units (名 and 学时, 人 and 人次).
std::optional<Rational> in_unit(const Rational& value, const Unit& written, const Unit& wanted,
                                const std::vector<UnitAlias>& aliases = default_unit_aliases());

}  // namespace vetcheck
