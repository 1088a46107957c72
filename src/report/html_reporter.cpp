#include "vetcheck/report/html_reporter.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include <fmt/format.h>

#include "vetcheck/base/messages.hpp"
#include "vetcheck/engine/progress.hpp"
#include "vetcheck/report/format.hpp"
#include "vetcheck/report/markup.hpp"
#include "vetcheck/report/progress_chart.hpp"
#include "vetcheck/report/progress_text.hpp"
#include "vetcheck/report/status_matrix.hpp"
#include "vetcheck/report/svg_charts.hpp"

namespace vetcheck::report {

namespace {

// The page's own words, in both languages side by side so that neither can be forgotten.
enum class Word {
    Title,
    Plans,
    PlansPassing,
    Ranking,
    RankingNote,
    Heatmap,
    HeatmapNote,
    Passes,
    Fails,
    CheckedAgainst,
    Figures,
    FiguresNote,
    Results,
    Status,
    Indicator,
    Subject,
    Actual,
    Target,
    Gap,
    HiddenNa,
    NoPlans,
    Worst,
    WorstNote,
    IndicatorRates,
    IndicatorRatesNote,
    GroupedNote,
    Errors,
    PlanSections,
    Omitted,
    SummaryOnly,
    Group,
    Rate,
    Spread,
    Input,
    Message,
};

const char* word(Word w, Lang lang) {
    struct Pair {
        const char* zh;
        const char* en;
    };
    static constexpr Pair kWords[] = {
        {"vetcheck 检查报告", "vetcheck report"},
        {"{} 份规划 · {} 项检查", "{} plans · {} checks"},
        {"{} / {} 份规划通过", "{} of {} plans pass"},
        {"各规划达标率排名", "Plans ranked by pass rate"},
        {"达标率 = 达标项 ÷ 适用且已到期的检查项（不计不适用、未到期和已豁免）。色条按状态分段。",
         "Pass rate = checks passed ÷ checks that apply and are due (n/a, not-due and waived are "
         "left "
         "out). Each bar is split by status."},
        {"规划 × 指标", "Plans × indicators"},
        {"每格为该指标在该规划各对象上的最差状态（无法计算 > 未达标 > 缺少数据 > 建议性未达标 > "
         "未到期 > "
         "已豁免 > 达标 > 不适用）；对所有规划都不适用的指标不列出。悬停可见名称与状态。",
         "Each cell is the worst status of the indicator over the plan's subjects (error > fail > "
         "missing > advisory > not due > waived > pass > n/a); indicators that apply to no plan "
         "are "
         "left out. Hover for names and status."},
        {"通过", "passes"},
        {"未通过", "fails"},
        {"对照的目标", "Checked against"},
        {"各项数值与目标", "Figures against their targets"},
        {"色条为实际数值，深色竖线为目标，虚线框为“左右”目标的允许范围。",
         "The bar is the actual figure, the dark line the target, a dashed box the tolerance of an "
         "“about” target."},
        {"检查结果", "Results"},
        {"状态", "Status"},
        {"指标", "Indicator"},
        {"对象", "Subject"},
        {"实际", "Actual"},
        {"目标", "Target"},
        {"差距", "What it takes"},
        {"另有 {} 项不适用的检查已计数、未列出（--all 可列出）。",
         "{} checks that do not apply are counted but not listed (--all lists them)."},
        {"没有检查任何规划。", "No plans were checked."},
        {"离目标最远的规划", "Plans furthest from their targets"},
        {"按达标率由低到高，达标率相同时未达标项多者在前；最多列出 {} 份。",
         "Lowest pass rate first, then most failures; at most {} plans."},
        {"各指标达标率", "Pass rate by indicator"},
        {"达标率 = 达标 ÷ 适用且已到期的检查。分布图为实际值 ÷ 目标（竖线为目标）。",
         "Pass rate = checks passed ÷ checks that apply and are due. The strip shows actual ÷ "
         "target over every subject (the line is the target)."},
        {"按地区和层级分组；每格为该组最差状态的标记，以及达标数/计入数。",
         "Grouped by region and level; each cell is the mark of the group's worst status and "
         "passed/counted."},
        {"无法检查的输入", "Inputs that could not be checked"},
        {"各规划详情", "Each plan"},
        {"共 {} 份规划，超过 {} 份的上限，各规划详情从略；请用 json 或 csv 查看。",
         "{} plans, more than the page's budget of {}: each plan's section is left out; use json "
         "or csv for them."},
        {"仅摘要（--summary）：各规划详情从略。",
         "Summary only (--summary): each plan's section is left out."},
        {"分组", "Group"},
        {"达标率", "Pass rate"},
        {"分布", "Spread"},
        {"输入", "Input"},
        {"原因", "Message"},
    };
    const Pair& p = kWords[static_cast<int>(w)];
    return lang == Lang::Zh ? p.zh : p.en;
}

std::string esc(std::string_view text) {
    return escape_markup(text);
}

// A CJK face is listed by name for each platform, because a generic family alone may fall back to
// a font without Chinese glyphs and show boxes.
constexpr const char* kFonts =
    "system-ui, -apple-system, \"Segoe UI\", \"Noto Sans\", \"Noto Sans CJK SC\", "
    "\"Source Han Sans SC\", \"WenQuanYi Micro Hei\", \"WenQuanYi Zen Hei\", \"PingFang SC\", "
    "\"Hiragino Sans GB\", \"Microsoft YaHei\", sans-serif";

constexpr const char* kStyle = R"(
body { font-family: FONTS; color: #1f2328; background: #fff; margin: 0 auto; max-width: 1200px;
       padding: 16px 24px 48px; line-height: 1.5; font-size: 15px; }
h1 { font-size: 26px; margin: 8px 0 4px; }
h2 { font-size: 21px; margin: 40px 0 4px; padding-bottom: 4px; border-bottom: 2px solid #d0d7de; }
h3 { font-size: 17px; margin: 24px 0 4px; }
.meta, .note { color: #57606a; font-size: 13px; margin: 2px 0 8px; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 13px; }
.verdict { font-size: 17px; font-weight: 600; margin: 8px 0; color: var(--ink); }
ul.counts { list-style: none; padding: 0; margin: 4px 0 8px; }
ul.counts li { display: inline-block; margin: 0 8px 6px 0; padding: 1px 10px; border-radius: 12px;
               background: #f6f8fa; border: 1px solid #d0d7de; border-left: 6px solid var(--fill);
               color: var(--ink); }
ul.packs { margin: 2px 0 8px; padding-left: 20px; font-size: 14px; }
table.results { border-collapse: collapse; width: 100%; font-size: 14px; margin-top: 8px; }
table.results th { text-align: left; background: #f6f8fa; border-bottom: 2px solid #d0d7de;
                   padding: 6px 8px; white-space: nowrap; }
table.results td { padding: 5px 8px; border-bottom: 1px solid #eaeef2; vertical-align: top; }
table.results td.status { white-space: nowrap; font-weight: 600; color: var(--ink);
                          border-left: 4px solid var(--fill); }
table.results th.num { text-align: right; }
table.results td.subject { min-width: 8em; }
table.results td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.results td.target { white-space: nowrap; }
tr.st-fail, tr.st-error { background: #fff5f5; }
.quote { color: #57606a; font-size: 12px; margin-top: 2px; }
figure { margin: 8px 0; }
.scroll { overflow-x: auto; }
svg { max-width: 100%; height: auto; }
.scroll svg { max-width: none; }
svg { fill: #1f2328; }
svg a text { fill: #0969da; }
ul.legend { list-style: none; padding: 0; margin: 4px 0; font-size: 13px; }
ul.legend li { display: inline-block; margin-right: 12px; }
ul.legend span { display: inline-block; width: 12px; height: 12px; margin-right: 4px;
                 vertical-align: -1px; background: var(--fill); border: 1px solid #d0d7de; }
ul.legend li.none { --fill: #fff; }
details { border-bottom: 1px solid #eaeef2; }
details > summary { cursor: pointer; padding: 4px 0; }
div.heat { overflow: auto; max-height: 70vh; border: 1px solid #d0d7de; }
table.heat { border-collapse: separate; border-spacing: 0; font-size: 12px; }
table.heat thead th { position: sticky; top: 0; background: #f6f8fa; vertical-align: bottom;
                      height: 150px; padding: 2px; border-bottom: 1px solid #d0d7de; z-index: 1; }
table.heat thead th span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; }
table.heat tbody th { position: sticky; left: 0; background: #fff; text-align: left;
                      white-space: nowrap; padding: 2px 8px; font-weight: normal; }
table.heat td { text-align: center; min-width: 34px; padding: 1px 2px; color: #fff;
                background: var(--fill); border: 1px solid #fff; white-space: nowrap; }
table.heat td small { display: block; font-size: 9px; }
table.heat td.st-na { color: #57606a; }
.hist { vertical-align: middle; }
figure.progress figcaption { font-size: 14px; }
figure.progress figcaption b { color: var(--ink); }
@media print { body { max-width: none; } h2 { break-before: page; } tr { break-inside: avoid; } }
)";

// A status as a class name: "n/a" has a slash, which a class selector cannot hold as written.
std::string status_class(Status s) {
    std::string name = status_name(s);
    std::erase(name, '/');
    return "st-" + name;
}

std::string status_css() {
    std::string css;
    for (int i = 0; i < kStatusCount; ++i) {
        auto s = static_cast<Status>(i);
        StatusStyle st = status_style(s);
        css += fmt::format(".{} {{ --fill: {}; --ink: {}; }}\n", status_class(s), st.fill, st.ink);
    }
    return css;
}

void write_head(const std::string& title, Lang lang, std::ostream& out) {
    std::string style = kStyle;
    style.replace(style.find("FONTS"), 5, kFonts);
    out << "<!DOCTYPE html>\n<html lang=\"" << (lang == Lang::Zh ? "zh-CN" : "en")
        << "\">\n<head>\n"
        << "<meta charset=\"utf-8\">\n"
        // Nothing may load from anywhere: the page is one file, readable offline and safe to mail.
        << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
           "style-src 'unsafe-inline'; img-src data:\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<meta name=\"generator\" content=\"vetcheck\">\n"
        << "<title>vetcheck — " << esc(title) << "</title>\n<style>" << style << status_css()
        << "</style>\n</head>\n<body>\n";
}

std::string counts_list(const Summary& s, Lang lang) {
    std::string out = "<ul class=\"counts\">";
    for (int i = 0; i < kStatusCount; ++i) {
        if (s.counts[i] == 0) continue;
        auto st = static_cast<Status>(i);
        out += fmt::format("<li class=\"{}\">{} <b>{}</b> {}</li>", status_class(st),
                           status_style(st).mark, s.counts[i], esc(status_text(st, lang)));
    }
    return out + "</ul>\n";
}

std::string legend(Lang lang) {
    std::string out = "<ul class=\"legend\">";
    for (Status s : {Status::Error, Status::Fail, Status::Missing, Status::Advisory, Status::NotDue,
                     Status::Waived, Status::Pass, Status::NotApplicable})
        out += fmt::format("<li class=\"{}\"><span></span>{}</li>", status_class(s),
                           esc(status_text(s, lang)));
    return out + "<li class=\"none\"><span></span>" + (lang == Lang::Zh ? "无结果" : "no result") +
           "</li></ul>\n";
}

std::string pack_line(const Pack& p, Lang lang) {
    const PackInfo& i = p.info;
    std::string head = i.document_number.empty() ? i.id : i.document_number;
    std::string issuer = i.issuer.in(lang).empty() ? "" : " · " + i.issuer.in(lang);
    return fmt::format("<li><b>{}</b> {}{} · {}–{} <code>{}</code></li>", esc(head),
                       esc(i.title.in(lang)), esc(issuer), i.period_from, i.period_to, esc(i.id));
}

void write_summary(const PlanReport& report, const ReportOptions& o, std::ostream& out) {
    Summary s = summarize(report.results);
    bool failed = s.failed(o.policy);
    Status shown = failed ? Status::Fail : Status::Pass;
    out << fmt::format("<p class=\"verdict {}\">{} {} — {} {}</p>\n", status_class(shown),
                       status_style(shown).mark, word(failed ? Word::Fails : Word::Passes, o.lang),
                       label(Label::ExitCode, o.lang), failed ? 1 : 0);
    out << counts_list(s, o.lang);
    out << "<p class=\"meta\">" << word(Word::CheckedAgainst, o.lang)
        << ":</p>\n<ul class=\"packs\">";
    for (const Pack* p : report.rules->packs) out << pack_line(*p, o.lang);
    out << "</ul>\n";
}

// Results grouped by subject in the order subjects first appear, the plan as a whole first, as the
// terminal report lists them.
std::vector<const Result*> ordered_results(const PlanReport& report, bool show_all) {
    std::vector<const Subject*> order;
    for (const auto& r : report.results)
        if (std::find(order.begin(), order.end(), r.subject) == order.end())
            order.push_back(r.subject);
    std::stable_partition(order.begin(), order.end(),
                          [&](const Subject* s) { return s == &report.plan->whole; });
    std::vector<const Result*> out;
    for (const Subject* subject : order)
        for (const auto& r : report.results)
            if (r.subject == subject && (show_all || r.status != Status::NotApplicable))
                out.push_back(&r);
    return out;
}

std::string result_row(const Result& r, Lang lang) {
    const Citation& c = r.indicator().source;
    std::string cite = c.reference();
    std::string quote =
        c.quote.empty()
            ? ""
            : fmt::format("<div class=\"quote\" title=\"{}\">“{}”</div>", esc(cite), esc(c.quote));
    return fmt::format(
        "<tr class=\"{0}\"><td class=\"status\">{1} {2}</td><td class=\"indicator\">"
        "<span title=\"{3}\">{4}</span>{5}</td><td class=\"subject\">{6}</td><td "
        "class=\"num\">{7}</td>"
        "<td class=\"target\">{8}</td><td class=\"gap\">{9}</td></tr>\n",
        status_class(r.status), status_style(r.status).mark, esc(status_text(r.status, lang)),
        esc(r.indicator().id), esc(r.indicator().name.in(lang)), quote, esc(subject_text(r, lang)),
        esc(actual_text(r, lang)), esc(target_text(r, lang)), esc(gap_text(r, lang)));
}

void write_table(const std::vector<const Result*>& rows, Lang lang, std::ostream& out) {
    out << "<table class=\"results\">\n<thead><tr><th>" << word(Word::Status, lang) << "</th><th>"
        << word(Word::Indicator, lang) << "</th><th>" << word(Word::Subject, lang)
        << "</th><th class=\"num\">" << word(Word::Actual, lang) << "</th><th>"
        << word(Word::Target, lang) << "</th><th>" << word(Word::Gap, lang)
        << "</th></tr></thead>\n<tbody>\n";
    for (const Result* r : rows) out << result_row(*r, lang);
    out << "</tbody>\n</table>\n";
}

// One line chart per target with progress, captioned with its status and progress in words.
void write_progress_charts(const std::vector<const Result*>& rows, Lang lang, std::ostream& out) {
    bool any = std::any_of(rows.begin(), rows.end(), [](const Result* r) { return r->progress; });
    if (!any) return;
    out << "<h3>" << esc(phrase("P-chart-heading", lang)) << "</h3>\n<p class=\"note\">"
        << esc(phrase("P-chart-note", lang)) << "</p>\n";
    for (const Result* r : rows) {
        if (!r->progress) continue;
        std::string name = r->indicator().name.in(lang);
        if (!r->on_whole_plan()) name += " · " + subject_text(*r, lang);
        out << fmt::format(
            "<figure class=\"progress {}\">\n<figcaption><b>{} {}</b> {} — {}</figcaption>\n{}"
            "</figure>\n",
            status_class(r->status), status_style(r->status).mark,
            esc(status_text(r->status, lang)), esc(name), esc(progress_text(*r, lang)),
            svg_progress_chart(*r, lang));
    }
}

void write_plan(const PlanReport& report, size_t index, const ReportOptions& o, std::ostream& out) {
    const Plan& plan = *report.plan;
    out << fmt::format("<section class=\"plan\" id=\"plan-{}\">\n<h2>{} ({})</h2>\n", index + 1,
                       esc(plan.name), plan.year);
    out << fmt::format("<p class=\"meta\"><code>{}</code> · {} · {}</p>\n", esc(plan.file),
                       esc(plan.region), esc(plan.level));
    write_summary(report, o, out);
    std::vector<const Result*> rows = ordered_results(report, o.show_all);
    std::string bars = svg_target_bars(rows, o.lang);
    if (!bars.empty())
        out << "<h3>" << word(Word::Figures, o.lang) << "</h3>\n<p class=\"note\">"
            << word(Word::FiguresNote, o.lang) << "</p>\n<figure class=\"bars\">\n"
            << bars << "</figure>\n";
    write_progress_charts(rows, o.lang, out);
    out << "<h3>" << word(Word::Results, o.lang) << "</h3>\n";
    if (rows.empty())
        out << "<p>" << label(Label::NoIndicators, o.lang) << "</p>\n";
    else
        write_table(rows, o.lang, out);
    int hidden = o.show_all ? 0 : summarize(report.results).count(Status::NotApplicable);
    if (hidden > 0)
        out << "<p class=\"note\">"
            << esc(fmt::format(fmt::runtime(word(Word::HiddenNa, o.lang)), hidden)) << "</p>\n";
    out << "</section>\n";
}

constexpr size_t kWorstShown = 20;

// What is kept of a plan for the list of the furthest from their targets.
struct PlanLine {
    size_t index = 0;  // counting plans from 0, in input order
    std::string name, file;
    PassRate rate;
    int fails = 0;
};

// Lowest pass rate first (compared exactly), then most failures; plans with nothing to count last.
bool further(const PlanLine& a, const PlanLine& b) {
    if (a.rate.counted == 0 || b.rate.counted == 0)
        return a.rate.counted != 0 && b.rate.counted == 0;
    int64_t l = int64_t{a.rate.passed} * b.rate.counted,
            r = int64_t{b.rate.passed} * a.rate.counted;
    if (l != r) return l < r;
    if (a.fails != b.fails) return a.fails > b.fails;
    return a.index < b.index;
}

// Plans whose target not yet due is on track or behind (时间过半、任务过半), for one indicator.
struct TrackCount {
    int on_track = 0;
    int behind = 0;
    int counted() const { return on_track + behind; }
};

struct IndicatorTotals {
    const Indicator* indicator = nullptr;
    PassRate rate;
    ValueHistogram values;
    TrackCount track;
};

struct GroupRow {
    std::string name;
    std::vector<std::optional<Status>> worst;  // by indicator column
    std::vector<PassRate> rates;               // by indicator column
    size_t plans = 0;
};

bool counts_for_rate(Status s) {
    return s != Status::NotApplicable && s != Status::NotDue && s != Status::Waived;
}

std::string percent_text(const PassRate& rate) {
    return rate.counted == 0 ? "—" : rate.percent() + "%";
}

}  // namespace

struct HtmlReporter::State {
    std::FILE* side = nullptr;  // the plans' sections, collapsed, appended at the end
    std::string first;          // the first plan's section, open, until a second plan comes
    std::string first_name, first_mark;
    size_t plans = 0, passing = 0;
    Summary total;
    std::vector<IndicatorTotals> indicators;
    std::unordered_map<std::string, size_t> column;  // indicator id → index in indicators
    std::vector<GroupRow> groups;
    std::unordered_map<std::string, size_t> group_index;
    std::vector<PlanLine> worst;  // at most kWorstShown, worst first
    std::vector<InputFailure> failures;

    ~State() {
        if (side) std::fclose(side);
    }
    bool sections() const { return side != nullptr; }
    void spill(const std::string& text) {
        if (side && std::fwrite(text.data(), 1, text.size(), side) != text.size())
            throw std::runtime_error("cannot write the HTML report's temporary file");
    }
};

HtmlReporter::HtmlReporter() = default;
HtmlReporter::~HtmlReporter() = default;

void HtmlReporter::begin(const RunInfo& run, const ReportOptions& options, std::ostream& out) {
    Reporter::begin(run, options, out);
    state_ = std::make_unique<State>();
    if (!options.summary) {
        state_->side = std::tmpfile();
        if (!state_->side)
            throw std::runtime_error("cannot create the HTML report's temporary file");
    }
}

void HtmlReporter::plan(const PlanReport& report, std::ostream&) {
    State& st = *state_;
    size_t index = st.plans++;
    Summary s = summarize(report.results);
    st.total.add(s);
    st.passing += !s.failed(options_.policy);

    const Plan& plan = *report.plan;
    std::string group_name = plan.region.empty() ? plan.level : plan.region + " · " + plan.level;
    auto [g, added] = st.group_index.try_emplace(group_name, st.groups.size());
    if (added) st.groups.push_back({group_name, {}, {}, 0});
    GroupRow& group = st.groups[g->second];
    ++group.plans;

    // A plan is behind on an indicator when any of its subjects is: index → behind.
    std::vector<std::pair<size_t, bool>> tracked;
    for (const Result& r : report.results) {
        auto [c, fresh] = st.column.try_emplace(r.indicator().id, st.indicators.size());
        if (fresh) st.indicators.push_back({&r.indicator(), {}, {}, {}});
        IndicatorTotals& t = st.indicators[c->second];
        if (counts_for_rate(r.status)) {
            ++t.rate.counted;
            t.rate.passed += r.status == Status::Pass;
        }
        if (!r.indicator().is_requirement() && r.actual && r.target &&
            r.target->value.to_double() != 0)
            t.values.add(r.actual->value.to_double() / r.target->value.to_double());
        if (group.worst.size() <= c->second) {
            group.worst.resize(c->second + 1);
            group.rates.resize(c->second + 1);
        }
        if (r.progress) {
            // A copy, not the binding: clang 14 refuses a structured binding in a lambda.
            size_t column = c->second;
            auto it = std::find_if(tracked.begin(), tracked.end(),
                                   [column](const auto& seen) { return seen.first == column; });
            if (it == tracked.end()) it = tracked.insert(tracked.end(), {column, false});
            it->second = it->second || !r.progress->on_track();
        }
        auto& cell = group.worst[c->second];
        cell = cell ? vetcheck::worse(*cell, r.status) : r.status;
        if (counts_for_rate(r.status)) {
            ++group.rates[c->second].counted;
            group.rates[c->second].passed += r.status == Status::Pass;
        }
    }

    for (const auto& [column, behind] : tracked)
        ++(behind ? st.indicators[column].track.behind : st.indicators[column].track.on_track);

    PlanLine line{index, plan.name, plan.file, pass_rate(report.results), s.count(Status::Fail)};
    auto at = std::lower_bound(st.worst.begin(), st.worst.end(), line, further);
    if (static_cast<size_t>(at - st.worst.begin()) < kWorstShown) {
        st.worst.insert(at, std::move(line));
        if (st.worst.size() > kWorstShown) st.worst.pop_back();
    }

    if (!st.sections()) return;
    if (st.plans > kHtmlPlanBudget) {  // over budget: the sections already written are dropped
        std::fclose(st.side);
        st.side = nullptr;
        st.first.clear();
        return;
    }
    std::ostringstream section;
    write_plan(report, index, options_, section);
    std::string verdict = s.failed(options_.policy) ? "✗" : "✓";
    auto collapsed = [&](const std::string& name, size_t i, const std::string& mark,
                         const std::string& body) {
        return fmt::format("<details id=\"d-{}\"><summary>{} {}</summary>\n{}</details>\n", i + 1,
                           mark, esc(name), body);
    };
    if (index == 0) {
        st.first = section.str();
        st.first_name = plan.name;
        st.first_mark = verdict;
        return;
    }
    if (index == 1) st.spill(collapsed(st.first_name, 0, st.first_mark, st.first));
    st.first.clear();
    st.spill(collapsed(plan.name, index, verdict, section.str()));
}

void HtmlReporter::failure(const InputFailure& failure, std::ostream&) {
    state_->failures.push_back(failure);
}

namespace {

void write_worst(const std::vector<PlanLine>& worst, bool linked, Lang lang, std::ostream& out) {
    out << "<h2>" << word(Word::Worst, lang) << "</h2>\n<p class=\"note\">"
        << esc(fmt::format(fmt::runtime(word(Word::WorstNote, lang)), kWorstShown))
        << "</p>\n<table class=\"results worst\">\n<thead><tr><th>#</th><th>"
        << word(Word::Subject, lang) << "</th><th class=\"num\">" << word(Word::Rate, lang)
        << "</th><th class=\"num\">" << esc(status_text(Status::Fail, lang))
        << "</th></tr></thead>\n<tbody>\n";
    for (size_t i = 0; i < worst.size(); ++i) {
        const PlanLine& p = worst[i];
        std::string name = linked
                               ? fmt::format("<a href=\"#d-{}\">{}</a>", p.index + 1, esc(p.name))
                               : esc(p.name);
        out << fmt::format(
            "<tr><td class=\"num\">{}</td><td>{} <code>{}</code></td><td class=\"num\">{} "
            "({}/{})</td><td class=\"num\">{}</td></tr>\n",
            i + 1, name, esc(p.file), percent_text(p.rate), p.rate.passed, p.rate.counted, p.fails);
    }
    out << "</tbody>\n</table>\n";
}

void write_indicator_rates(const std::vector<IndicatorTotals>& indicators, Lang lang,
                           std::ostream& out) {
    std::vector<const IndicatorTotals*> shown;
    for (const auto& t : indicators)
        if (t.rate.counted > 0) shown.push_back(&t);
    // Lowest pass rate first: the indicators that most need attention open the table.
    std::stable_sort(shown.begin(), shown.end(), [](const auto* a, const auto* b) {
        return int64_t{a->rate.passed} * b->rate.counted <
               int64_t{b->rate.passed} * a->rate.counted;
    });
    out << "<h2>" << word(Word::IndicatorRates, lang) << "</h2>\n<p class=\"note\">"
        << word(Word::IndicatorRatesNote, lang)
        << "</p>\n<table class=\"results rates\">\n<thead><tr><th>" << word(Word::Indicator, lang)
        << "</th><th class=\"num\">" << word(Word::Rate, lang) << "</th><th>"
        << word(Word::Spread, lang) << "</th></tr></thead>\n<tbody>\n";
    for (const IndicatorTotals* t : shown)
        out << fmt::format(
            "<tr><td><span title=\"{}\">{}</span></td><td class=\"num\">{} ({}/{})</td><td>{}</td>"
            "</tr>\n",
            esc(t->indicator->id), esc(t->indicator->name.in(lang)), percent_text(t->rate),
            t->rate.passed, t->rate.counted, svg_histogram(t->values, lang));
    out << "</tbody>\n</table>\n";
}

// Plans on track per indicator, for the indicators with progress results; the lowest share of
// plans on track first. Nothing when no plan has a target measured at mid-term.
void write_track_rates(const std::vector<IndicatorTotals>& indicators, Lang lang,
                       std::ostream& out) {
    std::vector<const IndicatorTotals*> shown;
    for (const auto& t : indicators)
        if (t.track.counted() > 0) shown.push_back(&t);
    if (shown.empty()) return;
    std::stable_sort(shown.begin(), shown.end(), [](const auto* a, const auto* b) {
        return int64_t{a->track.on_track} * b->track.counted() <
               int64_t{b->track.on_track} * a->track.counted();
    });
    out << "<h2>" << esc(phrase("P-track-heading", lang)) << "</h2>\n<p class=\"note\">"
        << esc(phrase("P-track-note", lang))
        << "</p>\n<table class=\"results track\">\n<thead><tr><th>" << word(Word::Indicator, lang)
        << "</th><th class=\"num\">" << esc(status_text(Status::OnTrack, lang))
        << "</th><th class=\"num\">" << esc(status_text(Status::Behind, lang))
        << "</th><th class=\"num\">" << esc(phrase("P-track-counted", lang))
        << "</th></tr></thead>\n<tbody>\n";
    for (const IndicatorTotals* t : shown) {
        PassRate share{t->track.on_track, t->track.counted()};
        out << fmt::format(
            "<tr><td><span title=\"{}\">{}</span></td><td class=\"num {}\">{} {} ({})</td>"
            "<td class=\"num {}\">{} {}</td><td class=\"num\">{}</td></tr>\n",
            esc(t->indicator->id), esc(t->indicator->name.in(lang)), status_class(Status::OnTrack),
            status_style(Status::OnTrack).mark, percent_text(share), t->track.on_track,
            status_class(Status::Behind), status_style(Status::Behind).mark, t->track.behind,
            t->track.counted());
    }
    out << "</tbody>\n</table>\n";
}

// Groups × indicators as a table: it scrolls inside its box with the header and the group names
// kept in view, and every cell carries the status mark as text, so colour is never the only cue.
void write_grouped_heatmap(const std::vector<GroupRow>& groups,
                           const std::vector<IndicatorTotals>& indicators, Lang lang,
                           std::ostream& out) {
    std::vector<size_t> columns;
    for (size_t c = 0; c < indicators.size(); ++c) {
        bool any = false;
        for (const auto& g : groups)
            any = any || (c < g.worst.size() && g.worst[c] && *g.worst[c] != Status::NotApplicable);
        if (any) columns.push_back(c);
    }
    out << "<h2>" << word(Word::Heatmap, lang) << "</h2>\n<p class=\"note\">"
        << word(Word::GroupedNote, lang) << "</p>\n"
        << legend(lang) << "<div class=\"heat\">\n<table class=\"heat\">\n<thead><tr><th>"
        << word(Word::Group, lang) << "</th>";
    for (size_t c : columns) {
        const Indicator& ind = *indicators[c].indicator;
        out << fmt::format("<th title=\"{}\"><span>{}</span></th>",
                           esc(ind.id + ": " + ind.name.in(lang)),
                           esc(truncate_columns(ind.name.in(lang), 28)));
    }
    out << "</tr></thead>\n<tbody>\n";
    for (const auto& g : groups) {
        out << fmt::format("<tr><th>{} <small>({})</small></th>", esc(g.name), g.plans);
        for (size_t c : columns) {
            if (c >= g.worst.size() || !g.worst[c]) {
                out << "<td></td>";
                continue;
            }
            Status s = *g.worst[c];
            const PassRate& r = g.rates[c];
            std::string rate = r.counted == 0 ? "" : fmt::format("{}/{}", r.passed, r.counted);
            out << fmt::format("<td class=\"{}\" title=\"{}\">{}<small>{}</small></td>",
                               status_class(s), esc(status_text(s, lang)), status_style(s).mark,
                               rate);
        }
        out << "</tr>\n";
    }
    out << "</tbody>\n</table>\n</div>\n";
}

void write_failures(const std::vector<InputFailure>& failures, Lang lang, std::ostream& out) {
    if (failures.empty()) return;
    out << "<section id=\"errors\">\n<h2>" << word(Word::Errors, lang) << " (" << failures.size()
        << ")</h2>\n<table class=\"results errors\">\n<thead><tr><th>" << word(Word::Status, lang)
        << "</th><th>" << word(Word::Input, lang) << "</th><th>" << word(Word::Message, lang)
        << "</th></tr></thead>\n<tbody>\n";
    for (const InputFailure& f : failures) {
        StatusStyle st = status_style(Status::Error);
        out << fmt::format(
            "<tr class=\"{}\"><td class=\"status\">{} {}</td><td><code>{}</code></td><td>{}{}</td>"
            "</tr>\n",
            status_class(Status::Error), st.mark, esc(status_text(Status::Error, lang)),
            esc(f.error.where().to_string()), esc(f.error.message(lang)),
            f.source_line.empty()
                ? ""
                : "<div class=\"quote\"><code>" + esc(f.source_line) + "</code></div>");
    }
    out << "</tbody>\n</table>\n</section>\n";
}

}  // namespace

void HtmlReporter::end(const RunTotals&, std::ostream& out) {
    State& st = *state_;
    Lang lang = options_.lang;
    bool one = st.plans == 1 && st.failures.empty() && st.sections();
    std::string title =
        one ? st.first_name : fmt::format("{} {}", st.plans, lang == Lang::Zh ? "份规划" : "plans");
    write_head(title, lang, out);
    out << "<header>\n<h1>" << word(Word::Title, lang) << "</h1>\n";
    if (st.plans == 0) out << "<p>" << word(Word::NoPlans, lang) << "</p>\n";
    if (one) {
        out << "</header>\n" << st.first << "</body>\n</html>\n";
        return;
    }
    if (st.plans > 0)
        out << "<p class=\"meta\">"
            << esc(fmt::format(fmt::runtime(word(Word::Plans, lang)), st.plans, st.total.total))
            << " · "
            << esc(fmt::format(fmt::runtime(word(Word::PlansPassing, lang)), st.passing, st.plans))
            << "</p>\n"
            << counts_list(st.total, lang);
    out << "</header>\n";
    write_failures(st.failures, lang, out);
    if (st.plans > 0) {
        out << "<section id=\"overview\">\n";
        write_indicator_rates(st.indicators, lang, out);
        write_track_rates(st.indicators, lang, out);
        write_worst(st.worst, st.sections(), lang, out);
        write_grouped_heatmap(st.groups, st.indicators, lang, out);
        out << "</section>\n";
    }
    if (st.plans > 0) {
        out << "<section id=\"plans\">\n<h2>" << word(Word::PlanSections, lang) << "</h2>\n";
        if (options_.summary)
            out << "<p class=\"note\">" << word(Word::SummaryOnly, lang) << "</p>\n";
        else if (!st.sections())
            out << "<p class=\"note\">"
                << esc(fmt::format(fmt::runtime(word(Word::Omitted, lang)), st.plans,
                                   kHtmlPlanBudget))
                << "</p>\n";
        else if (st.plans == 1)
            out << st.first;
        else {
            std::rewind(st.side);
            char buffer[1 << 16];
            for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, st.side)) > 0;)
                out.write(buffer, static_cast<std::streamsize>(n));
        }
        out << "</section>\n";
    }
    out << "</body>\n</html>\n";
    state_.reset();
}

}  // namespace vetcheck::report
