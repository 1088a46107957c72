#pragma once

#include <string>
#include <vector>

#include "vetcheck/catalog.hpp"
#include "vetcheck/engine.hpp"
#include "vetcheck/plan_loader.hpp"

namespace vetcheck::testing {

// A pack small enough to read in a test, declaring the facts the unit tests use.
extern const char* const kTestPack;

// A city plan for kTestPack with every status but waived: fail, pass, advisory, missing, error,
// n/a and not-due (the plan's year is 2024, the contribution index is due 2025). Its names carry
// characters that report formats must escape.
extern const char* const kEveryStatusPlan;

// A plan checked against `pack_text` (plus the embedded packs), kept alive with its results.
struct Checked {
    Catalog catalog;
    LoadedPlan loaded;
    std::vector<Result> results;

    const Result& result(const std::string& indicator, const std::string& subject = "") const;
};

std::unique_ptr<Checked> check_text(const std::string& plan_text,
                                    const std::string& pack_text = kTestPack);

// The InputError message load_plan gives for a plan, or "" when it loads.
std::string plan_error(const std::string& plan_text, const std::string& pack_text = kTestPack);

std::string read_file(const std::string& path);

}  // namespace vetcheck::testing
