#pragma once

#include <string>

#include "vetcheck/base/i18n.hpp"
#include "vetcheck/engine/result.hpp"

namespace vetcheck::report {

// "需增加4人（专职思政课教师数9→13）": what a plan would change, in the lever fact's own unit
// (人次 where it counts 人次; percentage points for a share).
std::string shortfall_text(const Shortfall& s, Lang lang);

}  // namespace vetcheck::report
