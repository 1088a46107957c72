#pragma once

#include <string>

#include "vetcheck/catalog.hpp"
#include "vetcheck/i18n.hpp"
#include "vetcheck/result.hpp"

namespace vetcheck::report {

// The words every reporter uses for one result, so that terminal, Markdown and HTML say the same.
std::string actual_text(const Result& r, Lang lang);  // "1:500", "57%", "是", "—"
std::string target_text(const Result& r, Lang lang);  // "≥ 1:350", "≈ 1000所 ±10%", "是"
std::string gap_text(const Result& r,
                     Lang lang);  // "还需 4 人 (专职思政课教师数 9 → 13)", "差 3.5 个百分点"
std::string subject_text(const Result& r,
                         Lang lang);  // "XX职业技术学院 (高职)" or the plan as a whole
std::string status_text(Status s, Lang lang);
std::string against_text(const RuleSet& rules, Lang lang);  // "教职成〔2020〕7号, 浙江省 2021–2023"

}  // namespace vetcheck::report
