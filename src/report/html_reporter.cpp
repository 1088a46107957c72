#include "vetcheck/report/html_reporter.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "vetcheck/report/format.hpp"
#include "vetcheck/report/markup.hpp"
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

void write_head(const std::vector<PlanReport>& reports, Lang lang, std::ostream& out) {
    std::string title = reports.size() == 1 ? reports[0].plan->name
                                            : fmt::format("{} {}", reports.size(),
                                                          lang == Lang::Zh ? "份规划" : "plans");
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

// A batch opens with its totals, the ranking and the heatmap; one plan opens with its own section.
void write_overview(const std::vector<PlanReport>& reports, const ReportOptions& o,
                    std::ostream& out) {
    out << "<header>\n<h1>" << word(Word::Title, o.lang) << "</h1>\n";
    if (reports.size() < 2) {
        out << "</header>\n";
        return;
    }
    Summary total;
    int passing = 0;
    for (const auto& r : reports) {
        passing += !summarize(r.results).failed(o.policy);
        for (const auto& result : r.results) total.add(result.status);
    }
    out << "<p class=\"meta\">"
        << esc(fmt::format(fmt::runtime(word(Word::Plans, o.lang)), reports.size(), total.total))
        << " · "
        << esc(fmt::format(fmt::runtime(word(Word::PlansPassing, o.lang)), passing, reports.size()))
        << "</p>\n"
        << counts_list(total, o.lang) << "</header>\n";
    out << "<section id=\"overview\">\n<h2>" << word(Word::Ranking, o.lang)
        << "</h2>\n<p class=\"note\">" << word(Word::RankingNote, o.lang)
        << "</p>\n<figure class=\"ranking\">\n"
        << svg_ranking(reports, o.lang) << "</figure>\n";
    out << "<h2>" << word(Word::Heatmap, o.lang) << "</h2>\n<p class=\"note\">"
        << word(Word::HeatmapNote, o.lang) << "</p>\n"
        << legend(o.lang) << "<figure class=\"heatmap scroll\">\n"
        << svg_heatmap(reports, status_matrix(reports), o.lang) << "</figure>\n</section>\n";
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
    const Citation& c = r.indicator->source;
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
        esc(r.indicator->id), esc(r.indicator->name.in(lang)), quote, esc(subject_text(r, lang)),
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

}  // namespace

void HtmlReporter::write_batch(const std::vector<PlanReport>& reports, const ReportOptions& options,
                               std::ostream& out) {
    write_head(reports, options.lang, out);
    if (reports.empty())
        out << "<h1>" << word(Word::Title, options.lang) << "</h1>\n<p>"
            << word(Word::NoPlans, options.lang) << "</p>\n";
    else
        write_overview(reports, options, out);
    for (size_t i = 0; i < reports.size(); ++i) write_plan(reports[i], i, options, out);
    out << "</body>\n</html>\n";
}

}  // namespace vetcheck::report
