#include "vetcheck/report/progress_text.hpp"

#include <fmt/format.h>

#include "vetcheck/base/messages.hpp"
#include "vetcheck/engine/progress.hpp"
#include "vetcheck/report/shortfall_text.hpp"

namespace vetcheck::report {

std::string measure_text(const Result& r, const Rational& v) {
    return Quantity{v, r.rule->unit, r.rule->notation}.to_string(1);
}

namespace {

std::string pace_text(const Result& r, const Progress& p, Lang lang) {
    std::string years = fmt::format("{}–{}", p.base_year, p.year);
    std::string reached =
        p.reached_in ? render(Message("P-progress-reached", {{"year", *p.reached_in}}), lang)
                     : phrase("P-progress-not-reached", lang);
    if (!p.projected_at_deadline) return reached;
    return render(Message("P-progress-pace", {{"years", years},
                                              {"value", measure_text(r, *p.projected_at_deadline)},
                                              {"year", p.deadline},
                                              {"reached", reached}}),
                  lang);
}

}  // namespace

std::string progress_share_text(const Result& r, Lang lang) {
    if (!r.progress) return "";
    const Progress& p = *r.progress;
    return render(Message("P-progress-share", {{"done", p.task_done.scaled_decimal(100, 0)},
                                               {"elapsed", p.time_elapsed.scaled_decimal(100, 0)}}),
                  lang);
}

std::string progress_text(const Result& r, Lang lang) {
    if (!r.progress) return "";
    const Progress& p = *r.progress;
    std::string text = progress_share_text(r, lang);
    if (!p.on_track()) {
        std::string level =
            p.to_level ? shortfall_text(*p.to_level, lang) : measure_text(r, p.level);
        text += render(Message("P-progress-level", {{"level", level}}), lang);
    }
    return render(Message("P-progress-then", {{"text", text}, {"pace", pace_text(r, p, lang)}}),
                  lang);
}

}  // namespace vetcheck::report
