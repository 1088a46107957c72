#include <catch2/catch.hpp>

#include "vetcheck/model/fact.hpp"
#include "vetcheck/model/unit_alias.hpp"
#include "vetcheck/read/yaml_loader.hpp"

using namespace vetcheck;

namespace {

FactDef fact(const char* key, const char* unit, FactType type,
             BareShare bare = BareShare::Refused) {
    FactDef f;
    f.key = key;
    f.unit = Unit::parse(unit);
    f.type = type;
    f.bare = bare;
    return f;
}

Quantity read(const FactDef& def, const char* written) {
    Node node = load_yaml(written, "t.yaml");
    FactValue v = read_fact_value(def, node);
    return std::get<Quantity>(v.value);
}

std::string refusal(const FactDef& def, const char* written) {
    Node node = load_yaml(written, "t.yaml");
    try {
        read_fact_value(def, node);
    } catch (const InputError& e) {
        return e.message(Lang::En);
    }
    return "";
}

}  // namespace

TEST_CASE("Unit aliases: data/units.yaml, compiled in", "[units]") {
    const auto& aliases = default_unit_aliases();
    REQUIRE(aliases.size() >= 4);
    CHECK(in_unit(Rational(3200), Unit::parse("名"), Unit::parse("人")) == Rational(3200));
    CHECK(in_unit(Rational(3200), Unit::parse("人"), Unit::parse("名")) == Rational(3200));
    CHECK(in_unit(Rational(120000000), Unit::parse("元"), Unit::parse("万元")) == Rational(12000));
    CHECK(in_unit(Rational(3), Unit::parse("亿元"), Unit::parse("万元")) == Rational(30000));
    CHECK(in_unit(Rational(2), Unit::parse("万人"), Unit::parse("名")) == Rational(20000));
    CHECK_FALSE(in_unit(Rational(16), Unit::parse("名"), Unit::parse("学时")));
    CHECK_FALSE(in_unit(Rational(16), Unit::parse("人"), Unit::parse("人次")));
    CHECK_FALSE(in_unit(Rational(16), Unit::parse("元"), Unit::parse("人")));
}

TEST_CASE("Unit aliases: a malformed table is refused where it is wrong", "[units]") {
    CHECK_THROWS_WITH(
        load_unit_aliases("aliases:\n  - {written: 名, means: 人, times: 0}\n", "u.yaml"),
        Catch::Contains("times: expected a number greater than 0"));
    CHECK_THROWS_WITH(load_unit_aliases("aliases:\n  - {written: 名, mean: 人}\n", "u.yaml"),
                      Catch::Contains("mean"));
    CHECK(load_unit_aliases("aliases: []\n", "u.yaml").empty());
}

TEST_CASE("Values as written: units read through their aliases", "[units]") {
    FactDef people = fact("students.full_time", "人", FactType::Count);
    CHECK(read(people, "3200名").value == Rational(3200));
    CHECK(read(people, "3200名").unit == Unit::parse("人"));
    CHECK(read(people, "1.2万人").value == Rational(12000));
    CHECK(read(people, "３２００ 名").value == Rational(3200));
    FactDef wan = fact("funds", "万元", FactType::Amount);
    CHECK(read(wan, "1.2亿元").value == Rational(12000));
    CHECK(read(wan, "50000元").value == Rational(5));
    CHECK(read(wan, "12000万元").value == Rational(12000));
    CHECK(read(wan, "12000").value == Rational(12000));
    FactDef yuan = fact("funds", "元", FactType::Amount);
    CHECK(read(yuan, "1.2亿元").value == Rational(120000000));
    FactDef times = fact("training", "人次", FactType::Count);
    CHECK(read(times, "1.2万人次").value == Rational(12000));
    CHECK(refusal(times, "3000人").find("unit 人 does not match the fact's unit 人次") !=
          std::string::npos);
    FactDef hours = fact("hours", "学时", FactType::Amount);
    CHECK(refusal(hours, "16名").find("unit 名 does not match the fact's unit 学时") !=
          std::string::npos);
    // A fractional count reached through an alias is still not a whole number.
    CHECK(refusal(fact("n", "万人", FactType::Count), "3名").find("whole number") !=
          std::string::npos);
}

TEST_CASE("Values as written: a bare share is read only as the pack declares", "[units]") {
    FactDef refused = fact("rate", "", FactType::Share);
    CHECK(refusal(refused, "1") ==
          "rate: expected a percentage (e.g. 57%), got \"1\" (a bare number may mean "
          "either: write 1% or 100%)");
    CHECK(refusal(refused, "0.9").find("write 0.9% or 90%") != std::string::npos);
    CHECK(refusal(refused, "50").find("a share is written with %: write 50%") != std::string::npos);
    CHECK(refusal(refused, "-1").find("a share lies between 0% and 100%") != std::string::npos);
    CHECK(read(refused, "0").value.is_zero());
    CHECK(read(refused, "57%").value == Rational(57, 100));
    FactDef percent = fact("rate", "", FactType::Share, BareShare::Percent);
    CHECK(read(percent, "1").value == Rational(1, 100));
    CHECK(read(percent, "57").value == Rational(57, 100));
    CHECK(read(percent, "57%").value == Rational(57, 100));
    CHECK(read(percent, "57").notation == Notation::Percent);
    CHECK(refusal(percent, "120").find("a share lies between 0% and 100%") != std::string::npos);
    FactDef fraction = fact("rate", "", FactType::Share, BareShare::Fraction);
    CHECK(read(fraction, "0.9").value == Rational(9, 10));
    CHECK(read(fraction, "1").value == Rational(1));
    CHECK(refusal(fraction, "50").find("a share lies between 0% and 100%") != std::string::npos);
    CHECK(refusal(fraction, "x").find("expected a percentage or a fraction of 1") !=
          std::string::npos);
    // bare: is part of a fact's definition: two packs that read it differently disagree.
    CHECK_FALSE(percent.same_definition(fraction));
}

TEST_CASE("Values as written: the refusals in Chinese", "[units]") {
    FactDef refused = fact("rate", "", FactType::Share);
    Node node = load_yaml("1", "t.yaml");
    try {
        read_fact_value(refused, node);
        FAIL("read");
    } catch (const InputError& e) {
        CHECK(e.message(Lang::Zh).find("不带%的数字含义不明：请写作1%或100%") != std::string::npos);
    }
}
