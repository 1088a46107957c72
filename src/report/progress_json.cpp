#include "vetcheck/report/progress_json.hpp"

#include "vetcheck/engine/progress.hpp"
#include "vetcheck/report/progress_text.hpp"

namespace vetcheck::report {

void write_progress_json(JsonWriter& w, const Result& r, Lang lang,
                         std::string (*exact_text)(const Rational&)) {
    if (!r.progress) return;
    const Progress& p = *r.progress;
    w.key("progress").begin_object();
    w.key("on_track").value(p.on_track());
    w.key("base_year").value(p.base_year);
    w.key("year").value(p.year);
    w.key("deadline").value(p.deadline);
    w.key("figures").begin_array();
    for (const YearValue& f : p.figures) {
        w.begin_object();
        w.key("year").value(f.year);
        w.key("value").value(exact_text(f.value));
        w.end_object();
    }
    w.end_array();
    w.key("target").value(exact_text(p.target));
    w.key("time_elapsed").value(exact_text(p.time_elapsed));
    w.key("task_done").value(exact_text(p.task_done));
    w.key("level").value(exact_text(p.level));
    if (p.to_level && p.to_level->fact) {
        w.key("to_level").begin_object();
        w.key("fact").value(p.to_level->fact->key);
        w.key("current").value(exact_text(p.to_level->current));
        w.key("needed").value(exact_text(p.to_level->needed));
        w.key("change").value(exact_text(p.to_level->change()));
        w.end_object();
    } else {
        w.key("to_level").null();
    }
    if (p.projected_at_deadline)
        w.key("projected_at_deadline").value(exact_text(*p.projected_at_deadline));
    else
        w.key("projected_at_deadline").null();
    if (p.reached_in)
        w.key("reached_in").value(*p.reached_in);
    else
        w.key("reached_in").null();
    w.key("text").value(progress_text(r, lang));
    w.end_object();
}

}  // namespace vetcheck::report
