#pragma once

#include <string_view>

// What each fuzz target does with one input, shared by the libFuzzer targets (fuzz/fuzz_*.cpp) and
// by the ordinary test that replays tests/fuzz-regressions/ (tests/FuzzRegressionTest.cpp), so that
// a saved input is replayed through exactly the code that found it.
//
// Input errors are expected and swallowed (InputError, and ArithmeticError where the library
// documents it). Anything else escapes: another exception, a failed property (std::logic_error), a
// crash or a sanitizer report is a bug.
namespace vetcheck::fuzz {

// parse_quantity and Rational::parse_decimal, then every way a quantity is shown.
void quantity(std::string_view data);
// parse, then check in both scopes against a small vocabulary, then evaluate for every subject of
// a small plan (with some facts missing, and with a what-if override).
void expression(std::string_view data);
// load_plan against the embedded packs and a small test pack, check_plan, every report format,
// the batch summary, and a diff of the plan against itself.
void plan(std::string_view data);
// plans_from_csv, load_plan_document for every row (a bad row is skipped), then as plan() does.
void csv(std::string_view data);
// load_pack, compile it with the packs it extends, check a synthetic plan against it, lint it,
// show it and explain each indicator.
void pack(std::string_view data);

// The target named "quantity", "expression", "plan", "csv" or "pack"; nullptr for another name.
using Target = void (*)(std::string_view);
Target find_target(std::string_view name);

}  // namespace vetcheck::fuzz
