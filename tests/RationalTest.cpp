#include <catch2/catch.hpp>

#include "vetcheck/model/rational.hpp"

using vetcheck::ArithmeticError;
using vetcheck::Rational;

TEST_CASE("Rational: decimals parse exactly", "[rational]") {
    CHECK(*Rational::parse_decimal("0.5") == Rational(1, 2));
    CHECK(*Rational::parse_decimal("1.25") == Rational(5, 4));
    CHECK(*Rational::parse_decimal("-3") == Rational(-3));
    CHECK(*Rational::parse_decimal("12,000") == Rational(12000));
    CHECK(*Rational::parse_decimal("0.1") + *Rational::parse_decimal("0.2") ==
          *Rational::parse_decimal("0.3"));
    CHECK_FALSE(Rational::parse_decimal("1e5"));
    CHECK_FALSE(Rational::parse_decimal("inf"));
    CHECK_FALSE(Rational::parse_decimal("nan"));
    CHECK_FALSE(Rational::parse_decimal("1."));
    CHECK_FALSE(Rational::parse_decimal(""));
    CHECK_FALSE(Rational::parse_decimal("-"));
}

TEST_CASE("Rational: comparisons at a ratio boundary are exact", "[rational]") {
    Rational target(1, 350);
    CHECK(Rational(1) / Rational(350) >= target);
    CHECK_FALSE(Rational(1) / Rational(351) >= target);
    CHECK(Rational(89) / Rational(100) >= *Rational::parse_decimal("0.89"));
    CHECK(Rational(13) / Rational(4500) >= target);
    CHECK_FALSE(Rational(12) / Rational(4500) >= target);
}

TEST_CASE("Rational: arithmetic normalises and keeps signs", "[rational]") {
    CHECK(Rational(2, 4) == Rational(1, 2));
    CHECK(Rational(1, -2) == Rational(-1, 2));
    CHECK((Rational(1, 3) * Rational(3)).is_integer());
    CHECK(Rational(7, 2).floor() == Rational(3));
    CHECK(Rational(7, 2).ceil() == Rational(4));
    CHECK(Rational(-7, 2).floor() == Rational(-4));
    CHECK(Rational(-7, 2).ceil() == Rational(-3));
    CHECK(Rational(4500, 350).ceil() == Rational(13));
}

TEST_CASE("Rational: division by zero and overflow throw instead of rounding", "[rational]") {
    CHECK_THROWS_AS(Rational(1) / Rational(0), ArithmeticError);
    CHECK_THROWS_AS(Rational(1, 0), ArithmeticError);
    Rational big(INT64_MAX / 2);
    CHECK_THROWS_AS(big * big, ArithmeticError);
    CHECK_THROWS_AS(Rational::parse_decimal("123456789012345678901234567890123"), ArithmeticError);
}

TEST_CASE("Rational: decimal text rounds half away from zero", "[rational]") {
    CHECK(Rational(1, 3).to_decimal(2) == "0.33");
    CHECK(Rational(2, 3).to_decimal(1) == "0.7");
    CHECK(Rational(57).to_decimal(2) == "57");
    CHECK(Rational(115, 2).to_decimal(1) == "57.5");
    CHECK(Rational(-1, 8).to_decimal(2) == "-0.13");
    CHECK(Rational(1, 1000).to_decimal(1) == "0");
}
