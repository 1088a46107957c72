#include "vetcheck/report/markdown_reporter.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "vetcheck/base/text.hpp"
#include "vetcheck/report/format.hpp"

namespace vetcheck::report {

namespace {

bool zh(Lang lang) {
    return lang == Lang::Zh;
}

// The order of the attention table: the status table's, worst first, from not-due up; pass, n/a
// and waived results are not in it.
int attention_rank(Status s) {
    int floor = severity_rank(Status::NotDue);
    return severity_rank(s) >= floor ? kStatusCount - severity_rank(s) : -1;
}

std::string status_cell(Status s, Lang lang) {
    return markdown_escape(fmt::format("{} {}", status_mark(s), status_text(s, lang)));
}

std::string row(const std::vector<std::string>& cells) {
    return "| " + fmt::format("{}", fmt::join(cells, " | ")) + " |\n";
}

void table_head(std::ostream& out, const std::vector<std::string>& titles) {
    out << row(titles) << row(std::vector<std::string>(titles.size(), "---"));
}

std::vector<const Result*> attention(const PlanReport& report) {
    std::vector<const Result*> out;
    for (const auto& r : report.results)
        if (attention_rank(r.status) >= 0) out.push_back(&r);
    std::stable_sort(out.begin(), out.end(), [](const Result* a, const Result* b) {
        return attention_rank(a->status) < attention_rank(b->status);
    });
    return out;
}

void write_attention(const std::vector<const Result*>& results, Lang lang, std::ostream& out) {
    if (zh(lang))
        table_head(out, {"状态", "指标", "对象", "实际", "目标", "差距"});
    else
        table_head(out, {"Status", "Indicator", "Subject", "Actual", "Target", "Gap"});
    for (const Result* r : results)
        out << row({status_cell(r->status, lang), markdown_escape(r->indicator->name.in(lang)),
                    markdown_escape(subject_text(*r, lang)), markdown_escape(actual_text(*r, lang)),
                    markdown_escape(target_text(*r, lang)), markdown_escape(gap_text(*r, lang))});
}

// Passing (and waived) results, or n/a ones with their reason, folded into a <details> block.
void write_folded(const PlanReport& report, bool not_applicable, Lang lang, std::ostream& out) {
    std::vector<const Result*> rows;
    for (const auto& r : report.results)
        if ((r.status == Status::NotApplicable) == not_applicable && attention_rank(r.status) < 0)
            rows.push_back(&r);
    if (rows.empty()) return;
    bool one = rows.size() == 1;
    std::string what = not_applicable ? (zh(lang) ? "项不适用"
                                         : one    ? "check does not apply"
                                                  : "checks do not apply")
                                      : (zh(lang) ? "项达标"
                                         : one    ? "check passes"
                                                  : "checks pass");
    out << fmt::format("<details>\n<summary>{} {}</summary>\n\n", rows.size(), what);
    std::string last =
        not_applicable ? (zh(lang) ? "原因" : "Reason") : (zh(lang) ? "目标" : "Target");
    if (zh(lang))
        table_head(out, {"状态", "指标", "对象", "实际", last});
    else
        table_head(out, {"Status", "Indicator", "Subject", "Actual", last});
    for (const Result* r : rows)
        out << row(
            {status_cell(r->status, lang), markdown_escape(r->indicator->name.in(lang)),
             markdown_escape(subject_text(*r, lang)), markdown_escape(actual_text(*r, lang)),
             markdown_escape(not_applicable ? r->reason.text(lang) : target_text(*r, lang))});
    out << "\n</details>\n";
}

std::string verdict(bool failed, Lang lang) {
    if (zh(lang)) return failed ? "❌ 未通过" : "✅ 通过";
    return failed ? "❌ fails" : "✅ passes";
}

void write_plan(const PlanReport& report, const ReportOptions& o, std::ostream& out) {
    const Plan& plan = *report.plan;
    Summary s = summarize(report.results);
    bool failed = s.failed(o.policy);
    out << fmt::format("### {} ({})\n\n", markdown_escape(plan.name), plan.year);
    out << fmt::format("{} {} · {}\n\n", zh(o.lang) ? "对照" : "Against",
                       markdown_escape(against_text(*report.rules, o.lang)),
                       markdown_escape(plan.file));
    out << fmt::format("**{}** — {} · {} {}\n\n", verdict(failed, o.lang),
                       markdown_escape(summary_text(s, o.lang)), label(Label::ExitCode, o.lang),
                       failed ? 1 : 0);
    if (report.results.empty()) out << label(Label::NoIndicators, o.lang) << "\n\n";
    auto needs_attention = attention(report);
    if (!needs_attention.empty()) {
        write_attention(needs_attention, o.lang, out);
        out << '\n';
    }
    write_folded(report, false, o.lang, out);
    if (o.show_all) write_folded(report, true, o.lang, out);
}

}  // namespace

std::string markdown_escape(std::string_view raw) {
    // Other control characters (CR included) have no place in a comment: shown escaped.
    std::string text = escape_controls(raw, "\n\t\r");
    std::string out;
    for (char c : text) {
        if (c == '\n') {
            out += "<br>";
            continue;
        }
        if (c == '\t') {  // a tab reads as a space
            out += ' ';
            continue;
        }
        if (c == '\r') continue;  // a line break is its LF
        // Any ASCII punctuation may be backslash-escaped in CommonMark; these are the ones that
        // could start markup (emphasis, links, HTML, code, math, a heading's closing #) or end a
        // table cell.
        if (std::string_view("\\`*_[]<>|~&$#").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

void MarkdownReporter::begin(const RunInfo& run, const ReportOptions& options, std::ostream& out) {
    Reporter::begin(run, options, out);
    entries_ = 0;
}

void MarkdownReporter::plan(const PlanReport& report, std::ostream& out) {
    if (entries_++) out << '\n';
    write_plan(report, options_, out);
}

void MarkdownReporter::failure(const InputFailure& failure, std::ostream& out) {
    // In input order among the plans, so the comment says which input it is and where it broke.
    if (entries_++) out << '\n';
    const InputError& e = failure.error;
    out << fmt::format("### ⚠️ {}\n\n**{}** — {}\n", markdown_escape(e.where().to_string()),
                       zh(options_.lang) ? "无法检查" : "could not be checked",
                       markdown_escape(e.message()));
}

void MarkdownReporter::end(const RunTotals& totals, std::ostream& out) {
    if (totals.plans > 1)
        out << fmt::format("\n**{} {}** — {}\n", totals.plans,
                           zh(options_.lang) ? "个规划" : "plans",
                           markdown_escape(summary_text(totals.total, options_.lang)));
}

}  // namespace vetcheck::report
