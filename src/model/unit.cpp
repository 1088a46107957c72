#include "vetcheck/model/unit.hpp"

#include <algorithm>
#include <mutex>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "vetcheck/model/rational.hpp"

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
            throw ArithmeticError(Message("R-too-many-units", {{"count", kMaxUnits}}));
        it = units.insert(std::move(factors)).first;
    }
    u.factors_ = &*it;
    return u;
}

namespace {

// Plans write the same few units thousands of times ("4500人") and evaluation multiplies and
// divides the same few over and over: each thread remembers its answers, so that the shared
// table's lock is taken once per distinct unit. A short list, emptied when full: units are few,
// and a hostile input's many stay bounded.
template <typename Key, typename Probe, typename Compute>
Unit remembered(std::vector<std::pair<Key, Unit>>& known, const Probe& probe, Compute compute) {
    for (const auto& [key, unit] : known)
        if (key == probe) return unit;
    Unit unit = compute();
    if (known.size() >= 64) known.clear();
    known.emplace_back(Key(probe), unit);
    return unit;
}

using Operands = std::pair<const void*, const void*>;  // one list per operation

}  // namespace

Unit Unit::parse(std::string_view text) {
    if (text.empty()) return Unit{};
    thread_local std::vector<std::pair<std::string, Unit>> known;
    return remembered(known, text, [&] { return read(text); });
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
    thread_local std::vector<std::pair<Operands, Unit>> known;
    return remembered(known, Operands{a.factors_, b.factors_}, [&] {
        Unit::Factors out = a.factors();
        for (const auto& [name, exponent] : b.factors()) Unit::multiply(out, name, exponent);
        return Unit::of(std::move(out));
    });
}

Unit operator/(const Unit& a, const Unit& b) {
    if (b.none()) return a;
    thread_local std::vector<std::pair<Operands, Unit>> known;
    return remembered(known, Operands{a.factors_, b.factors_}, [&] {
        Unit::Factors out = a.factors();
        for (const auto& [name, exponent] : b.factors()) Unit::multiply(out, name, -exponent);
        return Unit::of(std::move(out));
    });
}

}  // namespace vetcheck
