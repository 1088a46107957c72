#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "vetcheck/pack/limits.hpp"
#include "vetcheck/pack/pack.hpp"

namespace vetcheck {

// Reads one pack file into a Pack; expressions are parsed (syntax errors point at their column) but
// checked against facts only when the pack is compiled with the packs it extends. `limits` bounds
// the YAML (depth, values) and each expression (length, depth).
Pack load_pack(std::string_view text, const std::string& file_name, const Limits& limits = {});

// The comparison a source word demands: 不低于/以上/达到/不少于 → AtLeast, 超过 → MoreThan,
// 以内/控制在/不超过 → AtMost, 左右 → About. nullopt for words that fix no comparison.
std::optional<Comparison> comparison_for_word(std::string_view word);

}  // namespace vetcheck
