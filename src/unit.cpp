#include "vetcheck/unit.hpp"

#include <algorithm>

namespace vetcheck {

Unit Unit::parse(std::string_view text) {
    Unit u;
    int exponent = 1;
    size_t start = 0;
    while (start <= text.size()) {
        size_t slash = text.find('/', start);
        std::string_view part =
            text.substr(start, slash == std::string_view::npos ? text.npos : slash - start);
        if (!part.empty()) u.multiply(std::string(part), exponent);
        if (slash == std::string_view::npos) break;
        exponent = -1;
        start = slash + 1;
    }
    return u;
}

void Unit::multiply(const std::string& name, int exponent) {
    auto it = std::lower_bound(factors_.begin(), factors_.end(), name,
                               [](const auto& f, const std::string& n) { return f.first < n; });
    if (it != factors_.end() && it->first == name) {
        it->second += exponent;
        if (it->second == 0) factors_.erase(it);
    } else {
        factors_.insert(it, {name, exponent});
    }
}

std::string Unit::to_string() const {
    std::string numerator, denominator;
    for (const auto& [name, exponent] : factors_) {
        std::string& side = exponent > 0 ? numerator : denominator;
        for (int i = 0; i < std::abs(exponent); ++i) {
            if (!side.empty()) side += "·";
            side += name;
        }
    }
    if (denominator.empty()) return numerator;
    return (numerator.empty() ? "1" : numerator) + "/" + denominator;
}

Unit operator*(const Unit& a, const Unit& b) {
    Unit out = a;
    for (const auto& [name, exponent] : b.factors_) out.multiply(name, exponent);
    return out;
}

Unit operator/(const Unit& a, const Unit& b) {
    Unit out = a;
    for (const auto& [name, exponent] : b.factors_) out.multiply(name, -exponent);
    return out;
}

}  // namespace vetcheck
