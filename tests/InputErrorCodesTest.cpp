#include <catch2/catch.hpp>

#include <sstream>

#include "test_support.hpp"
#include "vetcheck/report/plan_template.hpp"

using namespace vetcheck;
using vetcheck::testing::check_text;

// Errors that were English prose (E-unclassified) before the catalogue: each now has its own code
// and reads as Chinese under --lang zh.

namespace {
const std::string kCity = "plan: {name: 城市, level: city, year: 2025, packs: [test-pack]}\n";

struct Raised {
    std::string code, zh;
};

template <typename F>
Raised raised(F&& f) {
    try {
        f();
    } catch (const InputError& e) {
        return {e.code(), e.message(Lang::Zh)};
    }
    return {};
}

Raised plan_raised(const std::string& text) {
    return raised([&] { check_text(text); });
}

Raised template_raised(std::vector<std::string> packs, std::string level,
                       std::vector<std::string> types) {
    return raised([&] {
        Catalog catalog;
        TemplateOptions o;
        o.packs = std::move(packs);
        o.level = std::move(level);
        o.types = std::move(types);
        o.lang = Lang::Zh;
        write_plan_template(catalog, o);
    });
}
}  // namespace

TEST_CASE("InputErrorCodes: a fact given twice, and twice for a year", "[i18n][plan]") {
    Raised r = plan_raised(kCity +
                           "facts:\n  students: {full_time: 1}\n"
                           "  students.full_time: 2\n");
    CHECK(r.code == "E-fact-twice");
    CHECK(r.zh == "数据项“students.full_time”填了两次（第一次在第3行）");

    r = plan_raised(kCity +
                    "baseline: {year: 2020, dropout_rate: 4%}\n"
                    "facts: {dropout_rate: {2020: 3%}}\n");
    CHECK(r.code == "E-fact-twice-for-year");
    CHECK(r.zh == "数据项“dropout_rate”的2020年数值填了两次（第一次在第2行）");
}

TEST_CASE("InputErrorCodes: a baseline without its year", "[i18n][plan]") {
    Raised r = plan_raised(kCity + "baseline: {dropout_rate: 4%}\nfacts: {dropout_rate: 3%}\n");
    CHECK(r.code == "E-baseline-year-missing");
    CHECK(r.zh == "基准数据（baseline:）缺少year:（基准年份，如2020）");
}

TEST_CASE("InputErrorCodes: init's options", "[i18n][init]") {
    Raised r = template_raised({}, "city", {});
    CHECK(r.code == "E-template-no-pack");
    CHECK(r.zh == "请至少指定一个规则包（可用的规则包见vetcheck packs）");

    r = template_raised({"cn-2020-7"}, "school", {});
    CHECK(r.code == "E-template-school-one-type");
    CHECK(r.zh ==
          "学校质量报告（--level school）须指定一个且仅一个--type：中职、高职、技工、职业本科");

    r = template_raised({"cn-2020-7"}, "schol", {});
    CHECK(r.code == "E-option-not-one-of");
    CHECK(r.zh.find("应为以下之一：") == 0);
    CHECK(r.zh.find("“school”") != std::string::npos);  // the did-you-mean
}
