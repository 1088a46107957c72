#pragma once

#include <array>
#include <string>

#include "vetcheck/base/i18n.hpp"
#include "vetcheck/compile/catalog.hpp"
#include "vetcheck/engine/result.hpp"

namespace vetcheck::report {

// The words every reporter uses for one result, so that terminal, Markdown and HTML say the same.
std::string actual_text(const Result& r, Lang lang);  // "1:500", "57%", "是", "—"
std::string target_text(const Result& r, Lang lang);  // "≥ 1:350", "≈ 1000所 ±10%", "是"
// The target as shown when it is a constant ("≥50%"), whatever the plan; "" when the target is
// computed from the plan's facts or the rule is a requirement.
std::string constant_target_text(const CompiledRule& rule);
std::string gap_text(const Result& r,
                     Lang lang);  // "还需 4 人 (专职思政课教师数 9 → 13)", "差 3.5 个百分点"
std::string subject_text(const Result& r,
                         Lang lang);  // "XX职业技术学院 (高职)" or the plan as a whole
std::string status_text(Status s, Lang lang);
// A status as one character, for text reports: ✓ ✗ ? ! … - * ~ in status order.
const char* status_mark(Status s);
// "7 pass · 6 fail · 1 missing data": each status that has results, in status order; "" if none.
std::string status_counts_text(const std::array<int, kStatusCount>& counts, Lang lang);
std::string against_text(const RuleSet& rules, Lang lang);  // "教职成〔2020〕7号, 浙江省 2021–2023"
// "71 checks: 7 pass · 6 fail · 1 missing data"; statuses with no results are left out.
std::string summary_text(const Summary& s, Lang lang);
// What a result found, in one line, for formats that have no columns (JUnit, SARIF):
// "1:500, needs ≥1:350; 4 more teachers (9 → 13)", or just the gap when there is no value.
std::string outcome_text(const Result& r, Lang lang);

// What --explain shows for one result.
struct FactLine {
    std::string key;
    std::string value;  // as the plan reported it, in its notation
    SourceLocation where;
    std::string subject;  // the institution's name, or "" for the subject of the result
};
struct Explanation {
    std::string formula;      // as the pack writes it
    std::string substituted;  // with the subject's values in place of its facts
    std::vector<FactLine> facts;
};
Explanation explain(const Result& r);

}  // namespace vetcheck::report
