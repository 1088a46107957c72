#include "vetcheck/report/terminal_reporter.hpp"

#include <sstream>

#include <algorithm>
#include <cstdint>
#include <stdexcept>

#include <fmt/format.h>

#include "vetcheck/base/messages.hpp"
#include "vetcheck/base/text.hpp"
#include "vetcheck/compile/conflicts.hpp"
#include "vetcheck/report/format.hpp"
#include "vetcheck/report/waiver_text.hpp"

namespace vetcheck::report {

namespace {

// The ANSI SGR colour of a status's mark.
const char* color_of(Status s) {
    static constexpr const char* kColors[] = {"32", "31", "33", "31", "36", "90", "33", "90"};
    return kColors[static_cast<int>(s)];
}

std::string paint(std::string_view text, const char* color, bool on) {
    return on ? fmt::format("\x1b[{}m{}\x1b[0m", color, text) : std::string(text);
}

std::vector<std::string> explanation_lines(const Result& r) {
    Explanation e = explain(r);
    std::vector<std::string> lines = {e.formula, "= " + e.substituted};
    for (const auto& f : e.facts)
        lines.push_back(fmt::format("{}{} = {}  ({})", f.subject.empty() ? "" : f.subject + ": ",
                                    f.key, f.value, f.where.to_string()));
    const Citation& c = r.indicator().source;
    lines.push_back(fmt::format("“{}” — {}", c.quote, c.reference()));
    return lines;
}

// One line of a subject's table. The texts' display widths are measured once, for both the column
// widths and the padding: a national batch writes hundreds of thousands of these lines.
struct Row {
    Status status;
    std::string_view name;  // the indicator's, which outlives the report
    std::string actual, target, gap;
    int name_width, actual_width, target_width;
    std::vector<std::string> explanation;
};

Row make_row(const Result& r, const ReportOptions& o) {
    Row row{r.status,
            r.indicator().name.in(o.lang),
            actual_text(r, o.lang),
            target_text(r, o.lang),
            gap_text(r, o.lang),
            0,
            0,
            0,
            o.explain ? explanation_lines(r) : std::vector<std::string>{}};
    row.name_width = display_width(row.name);
    row.actual_width = display_width(row.actual);
    row.target_width = display_width(row.target);
    return row;
}

using Buffer = fmt::memory_buffer;

void append(Buffer& out, std::string_view text) {
    out.append(text);
}

void append_spaces(Buffer& out, int count) {
    for (; count > 0; --count) out.push_back(' ');
}

void write_rows(const std::vector<Row>& rows, const ReportOptions& o, Buffer& out) {
    int name_w = 0, actual_w = 0, target_w = 0;
    for (const auto& r : rows) {
        name_w = std::max(name_w, r.name_width);
        actual_w = std::max(actual_w, r.actual_width);
        target_w = std::max(target_w, r.target_width);
    }
    std::string_view needs = label(Label::Needs, o.lang);
    for (const auto& r : rows) {
        // "   ✓ name  actual  needs target  gap", trailing spaces trimmed
        size_t start = out.size();
        append(out, "   ");
        std::string_view mark = status_mark(r.status);
        if (o.color)
            append(out, paint(mark, color_of(r.status), true));
        else
            append(out, mark);
        out.push_back(' ');
        append(out, r.name);
        append_spaces(out, name_w - r.name_width + 2);
        append_spaces(out, actual_w - r.actual_width);
        append(out, r.actual);
        append(out, "  ");
        append(out, needs);
        out.push_back(' ');
        append(out, r.target);
        append_spaces(out, target_w - r.target_width);
        if (!r.gap.empty()) {
            append(out, "  ");
            append(out, r.gap);
        }
        size_t size = out.size();
        while (size > start && out[size - 1] == ' ') --size;
        out.resize(size);
        out.push_back('\n');
        for (const auto& e : r.explanation) {
            append(out, "       ");
            append(out, e);
            out.push_back('\n');
        }
    }
}

// summary_text, but keeping the colon when there are no results at all ("0 checks: ").
std::string summary_line(const Summary& s, const ReportOptions& o) {
    return fmt::format("{} {}: {}", s.total, label(Label::Checks, o.lang),
                       status_counts_text(s.counts, o.lang));
}

// The results of each subject, in the order subjects first appear, the plan as a whole first. A
// subject is numbered by its place in the plan (0 the whole, then its institutions), so grouping
// is two passes over the results: a plan with ten thousand institutions must not cost subjects ×
// results, and a school report, with one subject, should cost no more than its results.
std::vector<std::vector<const Result*>> by_subject(const PlanReport& report,
                                                   const ReportOptions& o) {
    const Plan& plan = *report.plan;
    auto index_of = [&](const Subject* s) -> size_t {
        if (s == &plan.whole) return 0;
        auto within = [&](const std::vector<Subject>& list) {
            const Subject* first = list.data();
            return !std::less<const Subject*>{}(s, first) &&
                   std::less<const Subject*>{}(s, first + list.size());
        };
        if (within(plan.institutions)) return static_cast<size_t>(s - plan.institutions.data()) + 1;
        // A region's total of one institution type (a regional target checked per type).
        if (within(plan.type_totals))
            return static_cast<size_t>(s - plan.type_totals.data()) + 1 + plan.institutions.size();
        throw std::logic_error("a result's subject is not of its plan");
    };
    std::vector<size_t> group(plan.institutions.size() + plan.type_totals.size() + 1, SIZE_MAX);
    std::vector<std::vector<const Result*>> groups;
    for (const auto& r : report.results) {
        if (r.status == Status::NotApplicable && !o.show_all) continue;
        size_t& g = group[index_of(r.subject)];
        if (g == SIZE_MAX) {
            g = groups.size();
            groups.emplace_back();
        }
        groups[g].push_back(&r);
    }
    if (group[0] != SIZE_MAX && group[0] != 0)
        std::rotate(groups.begin(), groups.begin() + static_cast<std::ptrdiff_t>(group[0]),
                    groups.begin() + static_cast<std::ptrdiff_t>(group[0]) + 1);
    return groups;
}

void write_one_plan(const PlanReport& report, const ReportOptions& o, std::ostream& stream) {
    const Plan& plan = *report.plan;
    // The whole plan is written to the stream at once: one call, not one per piece of a line.
    Buffer out;
    // Names, paths and waiver reasons come from the input: escaped, so that a name holding a
    // newline or an escape sequence cannot write lines of its own into a terminal or a CI log.
    append(out, paint(fmt::format("{} ({})", escape_controls(plan.name), plan.year), "1", o.color));
    fmt::format_to(std::back_inserter(out), " — {} {}\n  {}\n", label(Label::Against, o.lang),
                   escape_controls(against_text(*report.rules, o.lang)),
                   escape_controls(plan.file));
    auto groups = by_subject(report, o);
    size_t shown = 0;
    for (const auto& results : groups) shown += results.size();
    out.reserve(512 + shown * 128);  // a line is about a hundred bytes: grown once, not three times
    std::vector<Row> rows;
    for (const auto& results : groups) {
        rows.clear();
        for (const Result* r : results) rows.push_back(make_row(*r, o));
        fmt::format_to(std::back_inserter(out), "  {}\n",
                       escape_controls(subject_text(*results.front(), o.lang)));
        write_rows(rows, o, out);
    }
    for (const auto& w : waiver_warnings(plan, report.results, o.lang))
        fmt::format_to(std::back_inserter(out), "  {}: {}\n",
                       o.lang == Lang::Zh ? "警告" : "warning", escape_controls(w));
    // The documents themselves disagree: said once per plan, after its results.
    for (const Conflict* c : conflicts_for(*report.rules, plan.level))
        fmt::format_to(std::back_inserter(out), "  {}\n",
                       escape_controls(conflict_text(*c, o.lang)));
    Summary s = summarize(report.results);
    fmt::format_to(std::back_inserter(out), "  {}      {} {}\n", summary_line(s, o),
                   label(Label::ExitCode, o.lang), s.failed(o.policy) ? 1 : 0);
    stream.write(out.data(), static_cast<std::streamsize>(out.size()));
}

}  // namespace

void TerminalReporter::write_plan(const PlanReport& report, const ReportOptions& options,
                                  std::ostream& out) {
    write_one_plan(report, options, out);
}

void TerminalReporter::write_total(size_t plans, const Summary& total, const ReportOptions& options,
                                   std::ostream& out) {
    if (plans > 1)
        out << '\n'
            << vetcheck::render(Message("L-batch-plans", {{"count", plans}}), options.lang) << " — "
            << summary_line(total, options) << '\n';
}

void TerminalReporter::plan(const PlanReport& report, std::ostream& out) {
    if (written_++) out << '\n';
    write_plan(report, options_, out);
}

std::string TerminalReporter::render(const PlanReport& report) const {
    std::ostringstream text;
    write_plan(report, options_, text);
    return std::move(text).str();
}

void TerminalReporter::plan_text(const PlanReport& report, std::string&& text, std::ostream& out) {
    if (text.empty()) return plan(report, out);
    if (written_++) out << '\n';
    out << text;
}

void TerminalReporter::end(const RunTotals& totals, std::ostream& out) {
    write_total(totals.plans, totals.total, options_, out);
}

void TerminalReporter::failure(const InputFailure& failure, std::ostream& out) {
    if (run_.file.empty()) return;
    const InputError& e = failure.error;
    out << escape_controls(e.where().to_string()) << ": "
        << escape_controls(e.message(options_.lang)) << "\n\n";
}

}  // namespace vetcheck::report
