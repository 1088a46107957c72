#include "vetcheck/report/progress_text.hpp"

#include <fmt/format.h>

#include "vetcheck/engine/progress.hpp"
#include "vetcheck/report/shortfall_text.hpp"

namespace vetcheck::report {

namespace {

bool zh(Lang lang) {
    return lang == Lang::Zh;
}

// A value of the target's measure as the target is written: 86%, 1:320, 2.1倍.
std::string measure_text(const Result& r, const Rational& v) {
    return Quantity{v, r.rule->unit, r.rule->notation}.to_string(1);
}

std::string pace_text(const Result& r, const Progress& p, Lang lang) {
    std::string years = fmt::format("{}–{}", p.base_year, p.year);
    std::string at_deadline;
    if (p.projected_at_deadline)
        at_deadline = zh(lang) ? fmt::format("按 {} 年的速度, {} 年为 {}", years, p.deadline,
                                             measure_text(r, *p.projected_at_deadline))
                               : fmt::format("at the {} pace, {} in {}", years,
                                             measure_text(r, *p.projected_at_deadline), p.deadline);
    std::string reached = p.reached_in ? (zh(lang) ? fmt::format("{} 年达到", *p.reached_in)
                                                   : fmt::format("reached in {}", *p.reached_in))
                                       : (zh(lang) ? "按此速度无法达到" : "not at this pace");
    if (at_deadline.empty()) return reached;
    return at_deadline + (zh(lang) ? "; " : ", ") + reached;
}

}  // namespace

std::string progress_share_text(const Result& r, Lang lang) {
    if (!r.progress) return "";
    const Progress& p = *r.progress;
    return fmt::format("{} {}% / {} {}%", zh(lang) ? "进度" : "progress",
                       p.task_done.scaled_decimal(100, 0), zh(lang) ? "时间" : "time",
                       p.time_elapsed.scaled_decimal(100, 0));
}

std::string progress_text(const Result& r, Lang lang) {
    if (!r.progress) return "";
    const Progress& p = *r.progress;
    std::string text = progress_share_text(r, lang);
    if (!p.on_track()) {
        std::string level =
            p.to_level ? shortfall_text(*p.to_level, lang) : measure_text(r, p.level);
        text += zh(lang) ? fmt::format("; 与进度持平: {}", level)
                         : fmt::format("; level with the pace: {}", level);
    }
    return text + "; " + pace_text(r, p, lang);
}

}  // namespace vetcheck::report
