#pragma once

#include <string>

#include "vetcheck/base/i18n.hpp"
#include "vetcheck/engine/result.hpp"

namespace vetcheck::report {

// "需增加 4 人 (专职思政课教师数 9 → 13)": what a plan would change, in the lever fact's unit.
std::string shortfall_text(const Shortfall& s, Lang lang);

}  // namespace vetcheck::report
