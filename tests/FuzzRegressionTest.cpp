// Replays every input the fuzzers found (tests/fuzz-regressions/TARGET/*) through the same code the
// fuzz target runs (fuzz/harness.cpp): each must load or be refused as input, never crash, never
// fail a property and never throw anything but an input error. Under VETCHECK_SANITIZE=ON the
// sanitizers watch the replay too.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "../fuzz/harness.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

TEST_CASE("Fuzz regressions: every saved input replays cleanly", "[fuzz][hostile]") {
    fs::path root = fs::path(VETCHECK_SOURCE_DIR) / "tests" / "fuzz-regressions";
    REQUIRE(fs::is_directory(root));
    int replayed = 0;
    for (const char* target : {"quantity", "expression", "plan", "csv", "pack"}) {
        auto run = vetcheck::fuzz::find_target(target);
        REQUIRE(run != nullptr);
        fs::path dir = root / target;
        if (!fs::is_directory(dir)) continue;
        std::vector<fs::path> inputs;
        for (const auto& entry : fs::directory_iterator(dir))
            if (entry.is_regular_file() && entry.path().filename() != "README.md")
                inputs.push_back(entry.path());
        std::sort(inputs.begin(), inputs.end());
        for (const fs::path& input : inputs) {
            INFO(target << ": " << input.filename().string());
            std::string data = vetcheck::testing::read_file(input.string());
            CHECK_NOTHROW(run(data));
            ++replayed;
        }
    }
    CHECK(replayed > 0);
}

TEST_CASE("Fuzz regressions: the harness runs the repository's own files", "[fuzz][hostile]") {
    // The seeds the fuzzers start from are accepted or refused cleanly as well.
    fs::path root(VETCHECK_SOURCE_DIR);
    for (const char* pack : {"data/packs/cn-2020-7.yaml", "data/packs/zj-2021.yaml"})
        CHECK_NOTHROW(vetcheck::fuzz::pack(vetcheck::testing::read_file((root / pack).string())));
    for (const char* plan : {"examples/school-fail.yaml", "examples/xx-city.yaml"})
        CHECK_NOTHROW(vetcheck::fuzz::plan(vetcheck::testing::read_file((root / plan).string())));
    for (const char* e : {"sum(f.count, type == \"高职\") / 1人 >= 1:350", "if(f.flag, 1, 2) + -3",
                          "any(f.flag) or not has(f.flag2)"})
        CHECK_NOTHROW(vetcheck::fuzz::expression(e));
    for (const char* q : {"1.2万元", "57%", "1:350", "-10.00000000000005", "12,000"})
        CHECK_NOTHROW(vetcheck::fuzz::quantity(q));
}
