#pragma once

#include <string>
#include <vector>

#include "vetcheck/base/i18n.hpp"
#include "vetcheck/engine/result.hpp"

namespace vetcheck::report {

// What a waiver did to one result, in the report's words: "waived until 2025-12-31 (approved by
// 市教育局): 新校区 2026 年投入使用", "waiver expired 2024-06-30 (approved by 市教育局)"; "" when
// no waiver names the result.
std::string waiver_text(const Result& r, Lang lang);

// The warnings a report gives about the plan's waivers, one per waiver that did not waive
// anything: "plan.yaml:31:5: waiver for X is unnecessary: the check passes".
std::vector<std::string> waiver_warnings(const Plan& plan, const std::vector<Result>& results,
                                         Lang lang);

}  // namespace vetcheck::report
