#pragma once

#include <memory>
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

    bool none() const { return !factors_ || factors_->empty(); }
    std::string to_string() const;

    friend Unit operator*(const Unit& a, const Unit& b);
    friend Unit operator/(const Unit& a, const Unit& b);
    friend bool operator==(const Unit& a, const Unit& b);

  private:
    using Factors = std::vector<std::pair<std::string, int>>;  // sorted by name, exponents never 0
    static Unit of(Factors factors);
    static void multiply(Factors& factors, const std::string& name, int exponent);
    const Factors& factors() const;
    // Shared and immutable: every quantity carries its unit, and copying a pointer is what keeps
    // evaluation free of allocations.
    std::shared_ptr<const Factors> factors_;
};

}  // namespace vetcheck
