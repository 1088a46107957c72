// Regression tests for what hostile or broken input did to vetcheck before it was hardened: each
// names the input that crashed, hung or was silently misread, and what happens now.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <string>

#include <fmt/format.h>

#include "test_support.hpp"
#include "vetcheck/expression/parser.hpp"
#include "vetcheck/limits.hpp"
#include "vetcheck/pack_loader.hpp"
#include "vetcheck/rollup.hpp"
#include "vetcheck/text.hpp"
#include "vetcheck/yaml_loader.hpp"

using namespace vetcheck;
using vetcheck::testing::check_text;
using vetcheck::testing::plan_error;

namespace {

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

const std::string kSchool =
    "plan: {name: 学校, level: school, type: 高职, year: 2023, packs: [test-pack]}\n";

}  // namespace

TEST_CASE("Hostile: the deepest nesting the flags allow is held", "[hostile][yaml]") {
    // --max-depth 10000 was allowed and a file 7,400 levels deep overflowed the stack (SIGSEGV).
    int ceiling = kMaxYamlDepthCeiling;
    std::string deep = std::string(static_cast<size_t>(ceiling), '[') + "x" +
                       std::string(static_cast<size_t>(ceiling), ']');
    YamlLimits limits;
    limits.max_depth = ceiling;
    CHECK_NOTHROW(load_yaml(deep, "deep.yaml", limits));
    std::string deeper = "[" + deep + "]";
    CHECK(contains(error_of([&] { load_yaml(deeper, "deep.yaml", limits); }),
                   "nesting deeper than 1000 levels"));
}

TEST_CASE("Hostile: the number of institutions is limited", "[hostile][plan][limits]") {
    std::string plan =
        "plan: {name: 城市, level: city, year: 2025, packs: [test-pack]}\n"
        "institutions:\n";
    for (int i = 0; i < 5; ++i) plan += fmt::format("  - {{id: s{}, type: 中职}}\n", i);
    Catalog catalog;
    catalog.add_text(vetcheck::testing::kTestPack, "test-pack.yaml");
    Limits limits;
    limits.max_institutions = 4;
    CHECK(error_of([&] { load_plan(plan, "plan.yaml", catalog, limits); }) ==
          "plan.yaml:7:5: institutions: more than 4 institutions in one plan; limit "
          "--max-institutions");
    limits.max_institutions = 5;
    CHECK(load_plan(plan, "plan.yaml", catalog, limits).plan.institutions.size() == 5);
}
