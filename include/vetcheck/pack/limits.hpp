#pragma once

#include <cstddef>

#include "vetcheck/expr/parser.hpp"
#include "vetcheck/read/yaml_loader.hpp"

namespace vetcheck {

// Every limit on what an input may ask of vetcheck, in one place: a hostile or broken file is
// refused with a message naming the limit and its flag, never by running out of memory or stack.
// docs/limits.md lists them with their defaults and flags.
struct Limits {
    size_t max_file_bytes = 64u << 20;  // --max-file-size: a plan or pack file
    YamlLimits yaml;                    // --max-depth, --max-nodes
    expr::ParseLimits expression;       // --max-expression-length, --max-expression-depth
    size_t max_institutions = 20'000;   // --max-institutions: institutions listed in one plan
};

// The most a flag may raise the nesting limits to. The YAML loader keeps its own stack, but the
// tree it builds is copied and destroyed recursively; the expression checker, evaluator and
// printer recurse once per level of the tree. Under AddressSanitizer, whose frames are several
// times larger, a chain of about 800 operators already overflowed an 8 MB stack in the checker.
inline constexpr int kMaxYamlDepthCeiling = 1000;
// The most the size and count limits may be raised to: far beyond what a machine holds, and far
// from the top of size_t, where "one byte past the limit" would wrap to zero and read every file as
// empty (--max-file-size 18446744073709551615 did).
inline constexpr size_t kMaxFileBytesCeiling = size_t{1} << 40;
inline constexpr size_t kMaxCountCeiling = size_t{1} << 40;
inline constexpr int kMaxExpressionDepthCeiling = 500;

}  // namespace vetcheck
