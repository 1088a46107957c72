#include "vetcheck/model/unit_alias.hpp"

#include <utility>

#include "vetcheck/read/document.hpp"
#include "vetcheck/read/yaml_loader.hpp"

namespace vetcheck {

std::vector<UnitAlias> load_unit_aliases(std::string_view yaml, const std::string& file_name) {
    Node root = load_yaml(yaml, file_name);
    if (!root.is_map()) fail_expected(root, "units", Message("P-a-mapping"));
    MapReader r(root, "");
    r.reject_unknown({"aliases"});
    std::vector<UnitAlias> out;
    const Node* list = r.optional("aliases");
    if (!list) return out;
    if (!list->is_seq()) fail_expected(*list, "aliases", Message("P-a-list"));
    for (const Node& item : list->items()) {
        if (!item.is_map()) fail_expected(item, "aliases[]", Message("P-a-mapping"));
        MapReader a(item, "aliases[]");
        a.reject_unknown({"written", "means", "times"});
        UnitAlias alias;
        alias.written = Unit::parse(a.required_string("written"));
        alias.means = Unit::parse(a.required_string("means"));
        if (const Node* times = a.optional("times")) {
            auto value = Rational::parse_decimal(expect_string(*times, "times"));
            if (!value || value->is_negative() || value->is_zero())
                fail_expected(*times, "times", Message("P-a-positive-number"));
            alias.times = *value;
        }
        out.push_back(std::move(alias));
    }
    return out;
}

const std::vector<UnitAlias>& default_unit_aliases() {
    static const std::vector<UnitAlias> aliases =
        load_unit_aliases(embedded_unit_aliases(), "data/units.yaml");
    return aliases;
}

namespace {

// A unit as `times` × the unit it is an alias of (itself, times 1, when it is none).
std::pair<Unit, Rational> in_base(const Unit& unit, const std::vector<UnitAlias>& aliases) {
    for (const UnitAlias& a : aliases)
        if (a.written == unit) return {a.means, a.times};
    return {unit, Rational(1)};
}

}  // namespace

std::optional<Rational> in_unit(const Rational& value, const Unit& written, const Unit& wanted,
                                const std::vector<UnitAlias>& aliases) {
    if (written == wanted) return value;
    auto [from, from_times] = in_base(written, aliases);
    auto [to, to_times] = in_base(wanted, aliases);
    if (!(from == to)) return std::nullopt;
    return value * from_times / to_times;
}

}  // namespace vetcheck
