#include <thread>

#include <catch2/catch.hpp>

#include "vetcheck/model/quantity.hpp"

using namespace vetcheck;

namespace {
Quantity q(const char* text) {
    Message why;
    auto r = parse_quantity(text, &why);
    INFO(text << ": " << render(why, Lang::En));
    REQUIRE(r);
    return *r;
}
std::string error_of(const char* text) {
    Message why;
    auto r = parse_quantity(text, &why);
    return r ? "" : render(why, Lang::En);
}
}  // namespace

TEST_CASE("Quantity: literals as people write them", "[quantity]") {
    CHECK(q("1:350").value == Rational(1, 350));
    CHECK(q("1:350").notation == Notation::Ratio);
    CHECK(q("1.2:1").value == Rational(6, 5));
    CHECK(q("1：350").value == Rational(1, 350));
    CHECK(q("50%").value == Rational(1, 2));
    CHECK(q("50%").notation == Notation::Percent);
    CHECK(q("57％").value == Rational(57, 100));
    CHECK(q("2倍").value == Rational(2));
    CHECK(q("2倍").notation == Notation::Multiple);
    CHECK(q("1.2万元").value == Rational(12000));
    CHECK(q("1.2万元").unit == Unit::parse("元"));
    CHECK(q("1.2万").value == Rational(12000));
    CHECK(q("1.2万").unit.none());
    CHECK(q("12000").value == Rational(12000));
    CHECK(q("12,000").value == Rational(12000));
    CHECK(q("0.5").value == Rational(1, 2));
    CHECK(q("16学时").unit == Unit::parse("学时"));
    CHECK(q("1.2万元/年").unit == Unit::parse("元/年"));
    CHECK(q("3亿").value == Rational(300000000));
    CHECK(q("-5").value == Rational(-5));
}

TEST_CASE("Quantity: what is not a number says so", "[quantity]") {
    CHECK(error_of("八十") == "\"八十\" is not a number");
    CHECK(error_of("eighty") == "\"eighty\" is not a number");
    CHECK(error_of("80 %").find("has a space inside") != std::string::npos);
    CHECK(error_of("inf") == "\"inf\" is not a number");
    CHECK(error_of("nan") == "\"nan\" is not a number");
    CHECK(error_of("1:0") == "the second term of a ratio cannot be 0");
    CHECK(error_of("1:-3") == "a ratio cannot have negative terms");
    CHECK(error_of("") == "empty value");
    CHECK(error_of("1e5") == "\"1e5\" is not a number with a unit");
    CHECK_THROWS_AS(q("99999999999999999999999999999999999"), ArithmeticError);
}

TEST_CASE("Quantity: shown back in the notation it was written in", "[quantity]") {
    CHECK(q("1:350").to_string() == "1:350");
    CHECK((Quantity{Rational(9, 4500), Unit{}, Notation::Ratio}).to_string(1) == "1:500");
    CHECK(q("1.2:1").to_string() == "1.2:1");
    CHECK(q("57.5%").to_string(1) == "57.5%");
    CHECK(q("2倍").to_string() == "2倍");
    CHECK(q("1.2万元").to_string() == "12000元");
    CHECK(q("16学时").to_string() == "16学时");
}

TEST_CASE("Unit: products and quotients cancel", "[quantity]") {
    Unit person = Unit::parse("人"), yuan = Unit::parse("元");
    CHECK((person / person).none());
    CHECK((yuan / person).to_string() == "元/人");
    CHECK((yuan / person * person) == yuan);
    CHECK(Unit::parse("元/人/年").to_string() == "元/人·年");
    CHECK(Unit::parse("").none());
}

TEST_CASE("Unit: one object per unit, however it was reached", "[quantity]") {
    Unit yuan = Unit::parse("元"), person = Unit::parse("人"), year = Unit::parse("年");
    // Written the same, written in another order, or computed: the same unit.
    CHECK(Unit::parse("元/人/年") == Unit::parse("元/年/人"));
    CHECK(yuan / person / year == Unit::parse("元/人/年"));
    CHECK(yuan / (person * year) == Unit::parse("元/人/年"));
    // Remembered answers are the right ones, asked again and in the other order.
    for (int i = 0; i < 3; ++i) {
        CHECK(yuan / person == Unit::parse("元/人"));
        CHECK(person / yuan == Unit::parse("人/元"));
        CHECK(!(yuan / person == person / yuan));
    }
    CHECK((person / person).none());
    CHECK(!(yuan == person));
}

TEST_CASE("Unit: made on two threads at once, the same objects", "[quantity]") {
    std::vector<Unit> first, second;
    auto make = [](std::vector<Unit>* out) {
        for (int i = 0; i < 200; ++i)
            out->push_back(Unit::parse("单位" + std::to_string(i % 50)) / Unit::parse("人"));
    };
    std::thread a(make, &first), b(make, &second);
    a.join();
    b.join();
    REQUIRE(first.size() == second.size());
    for (size_t i = 0; i < first.size(); ++i) CHECK(first[i] == second[i]);
    CHECK(first[0].to_string() == "单位0/人");
}

TEST_CASE("Quantity: full-width digits, signs and punctuation read as ASCII", "[quantity]") {
    CHECK(q("５７％").value == Rational(57, 100));
    CHECK(q("５７％").notation == Notation::Percent);
    CHECK(q("１：３５０").value == Rational(1, 350));
    CHECK(q("４５００").value == Rational(4500));
    CHECK(q("１．２万元").value == Rational(12000));
    CHECK(q("－５").value == Rational(-5));
    CHECK(q("−5").value == Rational(-5));
    CHECK(q("１２，０００").value == Rational(12000));
}

TEST_CASE("Quantity: one space between a number and its unit word", "[quantity]") {
    CHECK(q("3000 学时").value == Rational(3000));
    CHECK(q("3000 学时").unit == Unit::parse("学时"));
    CHECK(q("1.2 万元").value == Rational(12000));
    CHECK(q("３０００ 学时").value == Rational(3000));
    CHECK(error_of("80 %").find("has a space inside") != std::string::npos);
    CHECK(error_of("3 000").find("has a space inside") != std::string::npos);
    CHECK(error_of("3000  学时").find("has a space inside") != std::string::npos);
}
