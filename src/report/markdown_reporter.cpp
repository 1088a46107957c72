#include "vetcheck/report/markdown_reporter.hpp"

#include <algorithm>
#include <limits>
#include <sstream>

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
        out << row({status_cell(r->status, lang), markdown_escape(r->indicator().name.in(lang)),
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
            {status_cell(r->status, lang), markdown_escape(r->indicator().name.in(lang)),
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
}

void write_plan_folded(const PlanReport& report, const ReportOptions& o, std::ostream& out) {
    write_folded(report, false, o.lang, out);
    if (o.show_all) write_folded(report, true, o.lang, out);
}

// Characters as GitHub counts them: code points.
size_t chars_of(std::string_view utf8) {
    size_t n = 0;
    for (char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// The room kept for the end: the totals line and what was left out (their numbers and the
// command line are short; the inputs are named up to 300 bytes).
constexpr size_t kEndRoom = 1200;

// How to get every result, for the line that says what was left out.
std::string full_report_command(const std::vector<std::string>& inputs) {
    std::string named = join(inputs, " ");
    if (named.size() > 300 || named.empty()) named = shorten(named, 300) + " …";
    return "vetcheck -f html=report.html " + named;
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
    held_.clear();
    chars_ = 0;
    seq_ = 0;
    folded_cut_ = plans_cut_ = failing_cut_ = inputs_cut_ = 0;
}

size_t MarkdownReporter::section_budget() const {
    return budget_ > kEndRoom ? budget_ - kEndRoom : 0;
}

void MarkdownReporter::add(size_t seq, Section section) {
    // A blank line between sections: counted with each one after the first.
    chars_ += section.text_chars + section.folded_chars + (held_.empty() ? 0 : 1);
    held_.emplace(seq, std::move(section));
    // Passing checks go first, the latest plan's first, so that earlier plans keep theirs.
    for (auto it = held_.rbegin(); chars_ > section_budget() && it != held_.rend(); ++it) {
        Section& s = it->second;
        if (s.folded.empty()) continue;
        chars_ -= s.folded_chars;
        s.folded.clear();
        s.folded_chars = 0;
        s.folded_cut = true;
        ++folded_cut_;
    }
    // Then whole sections, the least severe first, the latest first among equals.
    while (chars_ > section_budget() && !held_.empty()) {
        auto least = held_.begin();
        for (auto it = held_.begin(); it != held_.end(); ++it)
            if (it->second.rank <= least->second.rank) least = it;
        const Section& s = least->second;
        chars_ -= s.text_chars + s.folded_chars + (held_.size() > 1 ? 1 : 0);
        bool input = s.rank == std::numeric_limits<int>::max();
        inputs_cut_ += input;
        plans_cut_ += !input;
        failing_cut_ += !input && s.failed;
        folded_cut_ -= s.folded_cut;  // counted with the plan now
        held_.erase(least);
    }
}

void MarkdownReporter::plan(const PlanReport& report, std::ostream&) {
    Section s;
    s.rank = -1;
    for (const auto& r : report.results) s.rank = std::max(s.rank, severity_rank(r.status));
    s.failed = summarize(report.results).failed(options_.policy);
    std::ostringstream text, folded;
    write_plan(report, options_, text);
    write_plan_folded(report, options_, folded);
    s.text = std::move(text).str();
    s.folded = std::move(folded).str();
    s.text_chars = chars_of(s.text);
    s.folded_chars = chars_of(s.folded);
    add(seq_++, std::move(s));
}

void MarkdownReporter::failure(const InputFailure& failure, std::ostream&) {
    // In input order among the plans, so the comment says which input it is and where it broke.
    const InputError& e = failure.error;
    Section s;
    s.rank = std::numeric_limits<int>::max();
    s.failed = true;
    s.text = fmt::format("### ⚠️ {}\n\n**{}** — {}\n", markdown_escape(e.where().to_string()),
                         zh(options_.lang) ? "无法检查" : "could not be checked",
                         markdown_escape(shorten(e.message(options_.lang), 2000)));
    s.text_chars = chars_of(s.text);
    add(seq_++, std::move(s));
}

void MarkdownReporter::end(const RunTotals& totals, std::ostream& out) {
    bool first = true;
    for (const auto& [seq, s] : held_) {
        if (!first) out << '\n';
        first = false;
        out << s.text << s.folded;
    }
    held_.clear();
    bool zh_text = zh(options_.lang);
    if (totals.plans > 1)
        out << fmt::format("\n**{} {}** — {}\n", totals.plans, zh_text ? "个规划" : "plans",
                           markdown_escape(summary_text(totals.total, options_.lang)));
    if (!folded_cut_ && !plans_cut_ && !inputs_cut_) return;
    std::vector<std::string> parts;
    if (folded_cut_)
        parts.push_back(zh_text ? fmt::format("{} 个规划的达标检查明细", folded_cut_)
                                : fmt::format("the passing checks of {} plans", folded_cut_));
    if (plans_cut_)
        parts.push_back(zh_text ? fmt::format("{} 个问题最轻的规划（{} 个未通过，{} 个通过）",
                                              plans_cut_, failing_cut_, plans_cut_ - failing_cut_)
                                : fmt::format("{} plans, the least severe ({} failing, {} passing)",
                                              plans_cut_, failing_cut_, plans_cut_ - failing_cut_));
    if (inputs_cut_)
        parts.push_back(zh_text ? fmt::format("{} 个无法检查的输入", inputs_cut_)
                                : fmt::format("{} inputs that could not be checked", inputs_cut_));
    std::string command = markdown_escape(full_report_command(run_.inputs));
    if (zh_text)
        out << fmt::format(
            "\n**为不超过 GitHub 评论的 {} 字符上限，已省略**：{}。完整结果：{}"
            "（或 -f json、-f csv）。\n",
            budget_, join(parts, "；"), command);
    else
        out << fmt::format(
            "\n**Left out** to keep within GitHub's {}-character comment limit: {}. "
            "Every result: {} (or -f json, -f csv).\n",
            budget_, join(parts, "; "), command);
}

}  // namespace vetcheck::report
