#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vetcheck {

// A unit of measure as a product of named base units with exponents: 人, 元/人, 学时. Units are
// kept as written in the documents and never converted: adding 人 to 学时 is an error, not a guess.
class Unit {
  public:
    Unit() = default;
    // "人", "元/年", "元/人/年"; "" is no unit.
    static Unit parse(std::string_view text);

    bool none() const { return factors_ == nullptr; }
    std::string to_string() const;

    friend Unit operator*(const Unit& a, const Unit& b);
    friend Unit operator/(const Unit& a, const Unit& b);
    // Every unit is kept once (see of()): the same unit is the same object.
    friend bool operator==(const Unit& a, const Unit& b) { return a.factors_ == b.factors_; }

    // How many different units one run may know: making one more throws ArithmeticError, which
    // every reader of units reports like a number too large (a hostile `a * a * a …` makes a new
    // unit per factor).
    static constexpr size_t kMaxUnits = 10000;

  private:
    using Factors = std::vector<std::pair<std::string, int>>;  // sorted by name, exponents never 0
    // The run's one copy of these factors; nullptr for none. Units are few (人, 元, 学时, 元/人)
    // and every quantity carries one: a plain pointer is copied without the atomic reference
    // count a shared one costs on every copy, and never freed.
    static Unit of(Factors factors);
    static Unit read(std::string_view text);  // parse, without remembering
    static void multiply(Factors& factors, const std::string& name, int exponent);
    const Factors& factors() const;
    const Factors* factors_ = nullptr;
};

}  // namespace vetcheck
