#include "vetcheck/unit.hpp"

#include <algorithm>

namespace vetcheck {

const Unit::Factors& Unit::factors() const {
    static const Factors kNone;
    return factors_ ? *factors_ : kNone;
}

Unit Unit::of(Factors factors) {
    Unit u;
    if (!factors.empty()) u.factors_ = std::make_shared<const Factors>(std::move(factors));
    return u;
}

Unit Unit::parse(std::string_view text) {
    Factors factors;
    int exponent = 1;
    size_t start = 0;
    while (start <= text.size()) {
        size_t slash = text.find('/', start);
        std::string_view part =
            text.substr(start, slash == std::string_view::npos ? text.npos : slash - start);
        if (!part.empty()) multiply(factors, std::string(part), exponent);
        if (slash == std::string_view::npos) break;
        exponent = -1;
        start = slash + 1;
    }
    return of(std::move(factors));
}

void Unit::multiply(Factors& factors, const std::string& name, int exponent) {
    auto it = std::lower_bound(factors.begin(), factors.end(), name,
                               [](const auto& f, const std::string& n) { return f.first < n; });
    if (it != factors.end() && it->first == name) {
        it->second += exponent;
        if (it->second == 0) factors.erase(it);
    } else {
        factors.insert(it, {name, exponent});
    }
}

std::string Unit::to_string() const {
    std::string numerator, denominator;
    for (const auto& [name, exponent] : factors()) {
        std::string& side = exponent > 0 ? numerator : denominator;
        for (int i = 0; i < std::abs(exponent); ++i) {
            if (!side.empty()) side += "·";
            side += name;
        }
    }
    if (denominator.empty()) return numerator;
    return (numerator.empty() ? "1" : numerator) + "/" + denominator;
}

bool operator==(const Unit& a, const Unit& b) {
    return a.factors_ == b.factors_ || a.factors() == b.factors();
}

Unit operator*(const Unit& a, const Unit& b) {
    if (b.none()) return a;
    if (a.none()) return b;
    Unit::Factors out = a.factors();
    for (const auto& [name, exponent] : b.factors()) Unit::multiply(out, name, exponent);
    return Unit::of(std::move(out));
}

Unit operator/(const Unit& a, const Unit& b) {
    if (b.none()) return a;
    Unit::Factors out = a.factors();
    for (const auto& [name, exponent] : b.factors()) Unit::multiply(out, name, -exponent);
    return Unit::of(std::move(out));
}

}  // namespace vetcheck
