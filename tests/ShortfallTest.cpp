#include <catch2/catch.hpp>

#include "test_support.hpp"
#include "vetcheck/engine/shortfall.hpp"
#include "vetcheck/report/shortfall_text.hpp"

using namespace vetcheck;
using vetcheck::testing::check_text;

namespace {
const std::string kSchool =
    "plan: {name: 学校, level: school, type: 高职, year: 2023, packs: [test-pack]}\n";
const std::string kCity = "plan: {name: 城市, level: province, year: 2025, packs: [test-pack]}\n";
}  // namespace

TEST_CASE("Shortfall: 4500 students and 9 teachers need 4 more for 1:350", "[shortfall]") {
    auto c = check_text(kSchool +
                        "facts: {students.full_time: 4500, teachers.ideological_political: 9}\n");
    const Result& r = c->result("ratio");
    CHECK(r.status == Status::Fail);
    REQUIRE(r.shortfall);
    CHECK(r.shortfall->current == Rational(9));
    CHECK(r.shortfall->needed == Rational(13));
    CHECK(r.shortfall->change() == Rational(4));
}

TEST_CASE("Shortfall: a strict share needs one more than half", "[shortfall]") {
    auto c = check_text(kSchool +
                        "facts: {teachers.professional: 100, teachers.double_qualified: 40}\n");
    REQUIRE(c->result("share").shortfall);
    CHECK(c->result("share").shortfall->needed ==
          Rational(51));  // 超过 50%: 50 of 100 is not enough
}

TEST_CASE("Shortfall: an amount lever is not rounded", "[shortfall]") {
    auto c = check_text(kSchool + "facts: {hours.practical: 1000, hours.total: 2500}\n");
    REQUIRE(c->result("practical").shortfall);
    CHECK(c->result("practical").shortfall->needed == Rational(1250));
}

TEST_CASE("Shortfall: a relative target and a per-unit target", "[shortfall]") {
    auto c = check_text(kCity +
                        "facts: {funding.per_student: 9000, funding.per_student_general: 5000, "
                        "schools.strong: 40, region.cities: 11, region.counties: 10}\n");
    REQUIRE(c->result("relative").shortfall);
    CHECK(c->result("relative").shortfall->change() == Rational(1000));
    REQUIRE(c->result("per_unit").shortfall);
    CHECK(c->result("per_unit").shortfall->needed == Rational(65));
}

TEST_CASE("Shortfall: none when the lever cannot close the gap linearly", "[shortfall]") {
    FactDef lever;
    lever.type = FactType::Count;
    // measure = v², target 10: not linear in the lever.
    Difference square = [](const Rational& v) -> std::optional<Rational> {
        return v * v - Rational(10);
    };
    CHECK_FALSE(find_shortfall(Comparison::AtLeast, lever, Rational(1), square,
                               [](const Rational&) { return true; }));
    // Linear but the promised value does not pass when checked again.
    Difference line = [](const Rational& v) -> std::optional<Rational> { return v - Rational(5); };
    CHECK_FALSE(find_shortfall(Comparison::AtLeast, lever, Rational(1), line,
                               [](const Rational&) { return false; }));
    auto s = find_shortfall(Comparison::AtLeast, lever, Rational(1), line,
                            [](const Rational&) { return true; });
    REQUIRE(s);
    CHECK(s->needed == Rational(5));
    // An upper bound asks for fewer.
    auto down = find_shortfall(Comparison::AtMost, lever, Rational(9), line,
                               [](const Rational&) { return true; });
    REQUIRE(down);
    CHECK(down->change() == Rational(-4));
    // A strict bound on an amount cannot be met exactly: "more than".
    FactDef amount;
    amount.type = FactType::Amount;
    auto strict = find_shortfall(Comparison::MoreThan, amount, Rational(1), line,
                                 [](const Rational&) { return false; });
    REQUIRE(strict);
    CHECK(strict->strict);
}

TEST_CASE("Shortfall: an approximate target is met at the nearer edge of its band", "[shortfall]") {
    const char* pack = R"(
pack: {id: about-pack, title: A, period: {from: 2020, to: 2023}, level: national}
facts: [{key: n, zh: 数, unit: 个, type: count, subjects: [plan]}]
indicators:
  - {id: about, name: A, subject: plan, measure: n, op: about, target: 100个, tolerance: 10%, lever: n, word: 左右,
     source: {file: f, section: s, quote: q}}
  - {id: small, name: S, subject: plan, measure: n, op: about, target: 5个, tolerance: 1, lever: n, word: 左右,
     source: {file: f, section: s, quote: q}}
)";
    auto low = check_text(
        "plan: {name: x, level: national, year: 2023, packs: [about-pack]}\nfacts: {n: 80}\n",
        pack);
    REQUIRE(low->result("about").shortfall);
    CHECK(low->result("about").shortfall->needed == Rational(90));
    auto high = check_text(
        "plan: {name: x, level: national, year: 2023, packs: [about-pack]}\nfacts: {n: 120}\n",
        pack);
    REQUIRE(high->result("about").shortfall);
    CHECK(high->result("about").shortfall->needed == Rational(110));
    auto small = check_text(
        "plan: {name: x, level: national, year: 2023, packs: [about-pack]}\nfacts: {n: 4}\n", pack);
    CHECK(small->result("small").status == Status::Pass);  // an absolute tolerance of 1 around 5
    auto far = check_text(
        "plan: {name: x, level: national, year: 2023, packs: [about-pack]}\nfacts: {n: 8}\n", pack);
    CHECK(far->result("small").status == Status::Fail);
    CHECK(far->result("small").shortfall->needed == Rational(6));
}

namespace {
FactDef lever_fact(FactType type, const char* unit) {
    FactDef f;
    f.key = "training.headcount_annual";
    f.name = LocalizedText{"年培训人次", "annual training person-times"};
    f.type = type;
    f.unit = Unit::parse(unit);
    return f;
}
}  // namespace

TEST_CASE("Shortfall text: the gap is told in the lever fact's own unit, punctuated as Chinese",
          "[shortfall][i18n]") {
    FactDef training = lever_fact(FactType::Count, "人次");
    Shortfall s{&training, Rational(7600), Rational(9000), false};
    CHECK(report::shortfall_text(s, Lang::Zh) == "需增加1400人次（年培训人次7600→9000）");
    CHECK(report::shortfall_text(s, Lang::En) ==
          "1400 more annual training person-times (7600 → 9000人次)");
    Shortfall fewer{&training, Rational(9000), Rational(7600), false};
    CHECK(report::shortfall_text(fewer, Lang::Zh) == "需减少1400人次（年培训人次9000→7600）");
    FactDef share = lever_fact(FactType::Share, "");
    Shortfall strict{&share, Rational(45, 100), Rational(1, 2), true};
    CHECK(report::shortfall_text(strict, Lang::Zh) == "需增加超过5个百分点（年培训人次45%→>50%）");
    CHECK(report::shortfall_text(strict, Lang::En) ==
          "over 5 more points of annual training person-times (45% → > 50%)");
}
