#pragma once

#include <string>

#include "vetcheck/base/i18n.hpp"
#include "vetcheck/engine/result.hpp"

namespace vetcheck::report {

// "进度 60% / 时间 67%" — the share of the task done beside the share of the time elapsed — for a
// result with progress; "" for one without.
std::string progress_share_text(const Result& r, Lang lang);
// The progress line of a report: the shares, what it takes to be level with the pace when behind,
// and where the pace leads ("按 2021–2023 年的速度, 2025 年为 86%; 2027 年达到"). "" without
// progress.
std::string progress_text(const Result& r, Lang lang);
// A value of the target's measure as the target is written: 86%, 1:320, 2.1倍.
std::string measure_text(const Result& r, const Rational& v);

}  // namespace vetcheck::report
