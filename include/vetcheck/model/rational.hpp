#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "vetcheck/base/messages.hpp"

namespace vetcheck {

// A value too large or too precise to be held exactly. Caught where a rule is evaluated and turned
// into an error status: no result is ever decided by a rounded number.
class ArithmeticError : public std::runtime_error {
  public:
    explicit ArithmeticError(Message message)
        : std::runtime_error(render(message, Lang::En)), message_(std::move(message)) {}
    const Message& message() const { return message_; }

  private:
    Message message_;  // an R- code, said in the report's language
};

// Exact rational arithmetic on 64-bit numerator and denominator. Comparisons at a target's boundary
// (1 teacher for 350 students against 1:350) are decided exactly; overflow throws ArithmeticError.
// Intermediate products of two 64-bit terms are exact in 128 bits.
__extension__ typedef __int128 WideInt;

class Rational {
  public:
    constexpr Rational() = default;
    Rational(int64_t numerator, int64_t denominator = 1);

    // Parses "12000", "0.5", "-3", "1.25". No exponents, no inf/nan. nullopt when not a decimal
    // number.
    static std::optional<Rational> parse_decimal(std::string_view text);

    int64_t numerator() const { return num_; }
    int64_t denominator() const { return den_; }
    bool is_integer() const { return den_ == 1; }
    bool is_zero() const { return num_ == 0; }
    bool is_negative() const { return num_ < 0; }
    int sign() const { return (num_ > 0) - (num_ < 0); }

    Rational operator-() const;
    friend Rational operator+(const Rational& a, const Rational& b);
    friend Rational operator-(const Rational& a, const Rational& b);
    friend Rational operator*(const Rational& a, const Rational& b);
    friend Rational operator/(const Rational& a,
                              const Rational& b);  // throws ArithmeticError on b == 0
    friend bool operator==(const Rational& a, const Rational& b) = default;
    friend std::strong_ordering operator<=>(const Rational& a, const Rational& b);

    Rational abs() const { return num_ < 0 ? -*this : *this; }
    Rational floor() const;
    Rational ceil() const;
    Rational reciprocal() const;

    double to_double() const { return static_cast<double>(num_) / static_cast<double>(den_); }
    // Decimal text with at most `max_decimals` decimals, trailing zeros trimmed ("57", "57.5",
    // "0.33").
    std::string to_decimal(int max_decimals = 2) const;
    // The same for this value times `factor` (100 shows a share as a percentage), computed without
    // forming the product, which may not fit. factor * 10^max_decimals at most 10^18.
    std::string scaled_decimal(int64_t factor, int max_decimals = 2) const;

  private:
    static Rational from_wide(WideInt numerator, WideInt denominator);
    int64_t num_ = 0;
    int64_t den_ = 1;
};

}  // namespace vetcheck
