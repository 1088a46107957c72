#include "vetcheck/unit.hpp"

#include <algorithm>
#include <mutex>
#include <set>

#include <fmt/format.h>

#include "vetcheck/rational.hpp"

namespace vetcheck {

const Unit::Factors& Unit::factors() const {
    static const Factors kNone;
    return factors_ ? *factors_ : kNone;
}

Unit Unit::of(Factors factors) {
    Unit u;
    if (factors.empty()) return u;
    static std::mutex mutex;
    static std::set<Factors> units;  // nodes never move: every Unit points at one
    std::lock_guard lock(mutex);
    auto it = units.find(factors);
    if (it == units.end()) {
        // Kept for the whole run: a hostile plan that writes a new unit after every number must
        // not make the table grow with the input.
        if (units.size() >= kMaxUnits)
            throw ArithmeticError(
                fmt::format("more than {} different units in one run", kMaxUnits));
        it = units.insert(std::move(factors)).first;
    }
    u.factors_ = &*it;
    return u;
}

namespace {

// Evaluation multiplies and divides the same few units over and over: each thread remembers the
// answers, so that the shared table's lock is taken once per distinct product.
template <typename Compute>
Unit remembered(const void* a, const void* b, char op, Compute compute) {
    struct Known {
        const void* a;
        const void* b;
        char op;
        Unit result;
    };
    thread_local std::vector<Known> known;
    for (const Known& k : known)
        if (k.a == a && k.b == b && k.op == op) return k.result;
    Unit result = compute();
    if (known.size() >= 64) known.clear();  // units are few; a hostile pack's many stay bounded
    known.push_back(Known{a, b, op, result});
    return result;
}

}  // namespace

Unit Unit::parse(std::string_view text) {
    if (text.empty()) return Unit{};
    // Plans write the same few units thousands of times ("4500人"): each thread remembers them.
    thread_local std::vector<std::pair<std::string, Unit>> known;
    for (const auto& [written, unit] : known)
        if (written == text) return unit;
    Unit unit = read(text);
    if (known.size() >= 64) known.clear();
    known.emplace_back(std::string(text), unit);
    return unit;
}

Unit Unit::read(std::string_view text) {
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

Unit operator*(const Unit& a, const Unit& b) {
    if (b.none()) return a;
    if (a.none()) return b;
    return remembered(a.factors_, b.factors_, '*', [&] {
        Unit::Factors out = a.factors();
        for (const auto& [name, exponent] : b.factors()) Unit::multiply(out, name, exponent);
        return Unit::of(std::move(out));
    });
}

Unit operator/(const Unit& a, const Unit& b) {
    if (b.none()) return a;
    return remembered(a.factors_, b.factors_, '/', [&] {
        Unit::Factors out = a.factors();
        for (const auto& [name, exponent] : b.factors()) Unit::multiply(out, name, -exponent);
        return Unit::of(std::move(out));
    });
}

}  // namespace vetcheck
