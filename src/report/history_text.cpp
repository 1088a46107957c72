#include "vetcheck/report/history_text.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "vetcheck/base/messages.hpp"
#include "vetcheck/base/text.hpp"
#include "vetcheck/engine/status.hpp"
#include "vetcheck/report/format.hpp"
#include "vetcheck/report/json_writer.hpp"

namespace vetcheck::report {

namespace {

// One target (an indicator for one subject) across the runs: its result in each run, or null
// where the run has none (n/a, or the plan no longer answers to its pack).
struct TargetHistory {
    const HistoryResult* first = nullptr;
    std::vector<const HistoryResult*> by_run;
    bool needs_attention = false;
};

Status status_of(const HistoryResult& r) {
    Status s = Status::Error;
    parse_status(r.status, &s);
    return s;
}

// The targets that needed attention in some run, in the order they first appear.
std::vector<TargetHistory> targets_needing_attention(const std::vector<HistoryRun>& runs) {
    std::vector<TargetHistory> targets;
    std::map<std::string, size_t> index;
    for (size_t i = 0; i < runs.size(); ++i) {
        for (const HistoryResult& r : runs[i].results) {
            std::string key = r.indicator + '\x1f' + r.subject_id;
            auto [it, added] = index.emplace(key, targets.size());
            if (added) {
                targets.push_back({&r, std::vector<const HistoryResult*>(runs.size()), false});
            }
            TargetHistory& t = targets[it->second];
            t.by_run[i] = &r;
            t.needs_attention |= status_info(status_of(r)).needs_attention;
        }
    }
    std::vector<TargetHistory> kept;
    for (auto& t : targets)
        if (t.needs_attention) kept.push_back(std::move(t));
    return kept;
}

// Whether the plan's results are for more than one subject (a city's institutions): then each
// target is named with its subject.
bool several_subjects(const std::vector<HistoryRun>& runs) {
    std::string seen;
    bool any = false;
    for (const auto& run : runs)
        for (const auto& r : run.results) {
            if (any && r.subject_id != seen) return true;
            seen = r.subject_id;
            any = true;
        }
    return false;
}

std::string target_name(const TargetHistory& t, bool with_subject, Lang lang) {
    const HistoryResult& r = *t.first;
    std::string name = lang == Lang::Zh ? (r.name_zh.empty() ? r.name_en : r.name_zh)
                                        : (r.name_en.empty() ? r.name_zh : r.name_en);
    if (name.empty()) name = r.indicator;
    if (with_subject && !r.subject_name.empty()) name += " — " + r.subject_name;
    return escape_controls(name);
}

// A yes/no is stored in the language of the run that wrote it: said in the language asked for.
std::string value_text(const std::string& actual, Lang lang) {
    bool zh = lang == Lang::Zh;
    if (actual == "yes" || actual == "是") return zh ? "是" : "yes";
    if (actual == "no" || actual == "否") return zh ? "否" : "no";
    return actual.empty() ? "—" : escape_controls(actual);
}

std::string date_of(const HistoryRun& run) {
    return run.started_at.substr(0, 10);
}

std::array<int, kStatusCount> status_counts(const HistoryRun& run) {
    std::array<int, kStatusCount> counts{};
    for (const auto& r : run.results) ++counts[static_cast<int>(status_of(r))];
    counts[static_cast<int>(Status::NotApplicable)] += run.not_applicable;
    return counts;
}

std::string year_text(int year) {
    return year ? std::to_string(year) : "—";
}

std::string progress_share(const HistoryResult& r, Lang lang) {
    if (!r.task_done || !r.time_elapsed) return "";
    return render(
        Message("P-progress-share", {{"done", fmt::format("{:.0f}", *r.task_done * 100)},
                                     {"elapsed", fmt::format("{:.0f}", *r.time_elapsed * 100)}}),
        lang);
}

// "1:500 → 1:410 → 1:340" and where the last run with a result left it: "(pass in run 3)",
// "(fail in run 2: 0.3 points short)", "(behind in run 2: progress 44% / time 50%)".
std::string movement(const TargetHistory& t, const std::vector<HistoryRun>& runs, Lang lang) {
    std::vector<std::string> values;
    size_t last = 0;
    for (size_t i = 0; i < runs.size(); ++i) {
        const HistoryResult* r = t.by_run[i];
        values.push_back(r ? value_text(r->actual, lang) : "—");
        if (r) last = i;
    }
    const HistoryResult& r = *t.by_run[last];
    Status status = status_of(r);
    std::string detail = progress_share(r, lang);
    // The gap is text in the language of the run that wrote it: said only in that language.
    if (detail.empty() && status_info(status).needs_attention &&
        runs[last].lang == (lang == Lang::Zh ? "zh" : "en"))
        detail = escape_controls(r.gap);
    Message where =
        detail.empty()
            ? Message("P-history-ended", {{"status", status_text(status, lang)}, {"run", last + 1}})
            : Message(
                  "P-history-ended-with",
                  {{"status", status_text(status, lang)}, {"run", last + 1}, {"detail", detail}});
    return fmt::format("{}  {}", join(values, " → "), render(where, lang));
}

void write_text(const std::string& plan_id, const std::string& database,
                const std::vector<HistoryRun>& runs, Lang lang, bool markdown, std::ostream& out) {
    std::string title = render(Message("P-history-title", {{"plan", escape_controls(plan_id)},
                                                           {"runs", runs.size()},
                                                           {"db", escape_controls(database)}}),
                               lang);
    out << (markdown ? "## " : "") << title << "\n\n";
    for (size_t i = 0; i < runs.size(); ++i) {
        const HistoryRun& run = runs[i];
        std::string packs = run.packs.empty() ? "—" : escape_controls(join(run.packs, ", "));
        out << (markdown ? "- " : "  ")
            << render(Message("P-history-run",
                              {{"run", i + 1},
                               {"date", date_of(run)},
                               {"file", escape_controls(run.file)},
                               {"year", year_text(run.year)},
                               {"packs", packs},
                               {"counts", status_counts_text(status_counts(run), lang)}}),
                      lang)
            << "\n";
    }
    out << "\n";
    std::vector<TargetHistory> targets = targets_needing_attention(runs);
    if (targets.empty()) {
        out << phrase("P-history-none", lang) << "\n";
        return;
    }
    out << (markdown ? "### " : "") << phrase("P-history-targets", lang) << "\n";
    if (markdown) out << "\n";
    bool with_subject = several_subjects(runs);
    int width = 0;
    for (const TargetHistory& t : targets)
        width = std::max(width, display_width(target_name(t, with_subject, lang)));
    for (const TargetHistory& t : targets) {
        std::string name = target_name(t, with_subject, lang);
        if (markdown) {
            out << "- " << name << ": " << movement(t, runs, lang) << "\n";
            continue;
        }
        out << "  " << name << std::string(width - display_width(name) + 2, ' ')
            << movement(t, runs, lang) << "\n";
    }
}

void write_json(const std::string& plan_id, const std::string& database,
                const std::vector<HistoryRun>& runs, std::ostream& out) {
    JsonWriter w(out);
    w.begin_object();
    w.key("schema").value("vetcheck-history/1");
    w.key("plan_id").value(plan_id);
    w.key("database").value(database);
    w.key("runs").begin_array();
    for (const HistoryRun& run : runs) {
        w.begin_object();
        w.key("run").value(static_cast<int64_t>(run.run));
        w.key("started_at").value(run.started_at);
        w.key("file").value(run.file);
        if (run.year)
            w.key("year").value(run.year);
        else
            w.key("year").null();
        w.key("packs").begin_array();
        for (const auto& p : run.packs) w.value(p);
        w.end_array();
        w.key("counts").begin_object();
        auto counts = status_counts(run);
        for (int s = 0; s < kStatusCount; ++s)
            if (counts[s]) w.key(status_name(static_cast<Status>(s))).value(counts[s]);
        w.end_object();
        w.end_object();
    }
    w.end_array();
    w.key("targets").begin_array();
    for (const TargetHistory& t : targets_needing_attention(runs)) {
        w.begin_object();
        w.key("indicator").value(t.first->indicator);
        w.key("subject_id").value(t.first->subject_id);
        w.key("runs").begin_array();
        for (const HistoryResult* r : t.by_run) {
            if (!r) {
                w.null();
                continue;
            }
            w.begin_object();
            w.key("status").value(r->status);
            w.key("actual").value(r->actual);
            w.key("gap").value(r->gap);
            if (r->task_done && r->time_elapsed) {
                w.key("task_done").number(*r->task_done);
                w.key("time_elapsed").number(*r->time_elapsed);
            }
            w.end_object();
        }
        w.end_array();
        w.end_object();
    }
    w.end_array();
    w.end_object();
    out << "\n";
}

}  // namespace

void write_history(const std::string& plan_id, const std::string& database,
                   const std::vector<HistoryRun>& runs, const ReportOptions& options,
                   TextFormat format, std::ostream& out) {
    if (format == TextFormat::Json) return write_json(plan_id, database, runs, out);
    write_text(plan_id, database, runs, options.lang, format == TextFormat::Markdown, out);
}

}  // namespace vetcheck::report
