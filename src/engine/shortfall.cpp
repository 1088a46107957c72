#include "vetcheck/engine/shortfall.hpp"

namespace vetcheck {

std::optional<Shortfall> find_shortfall(Comparison comparison, const FactDef& lever,
                                        const Rational& current, const Difference& difference,
                                        const PassTest& passes) {
    if (comparison == Comparison::About || comparison == Comparison::Equal) return std::nullopt;
    try {
        auto d0 = difference(current);
        auto d1 = difference(current + Rational(1));
        auto d2 = difference(current + Rational(2));
        if (!d0 || !d1 || !d2) return std::nullopt;
        Rational slope = *d1 - *d0;
        if (slope.is_zero() || *d2 - *d1 != slope) return std::nullopt;  // not linear in the lever
        Rational root = current - *d0 / slope;
        bool whole = lever.type == FactType::Count;
        bool rising = slope.sign() > 0;
        // Which side of the root passes: d >= 0 for AtLeast, d <= 0 for AtMost.
        bool above =
            (comparison == Comparison::AtLeast || comparison == Comparison::MoreThan) == rising;
        bool strict = comparison == Comparison::MoreThan || comparison == Comparison::LessThan;
        Rational needed = root;
        if (whole) {
            if (above)
                needed = strict && root.is_integer() ? root + Rational(1) : root.ceil();
            else
                needed = strict && root.is_integer() ? root - Rational(1) : root.floor();
        }
        if (needed.is_negative()) return std::nullopt;
        Shortfall s{&lever, current, needed, strict && !whole};
        if (!s.strict && !passes(needed)) return std::nullopt;
        if (s.change().is_zero()) return std::nullopt;
        return s;
    } catch (const ArithmeticError&) {
        return std::nullopt;
    }
}

}  // namespace vetcheck
