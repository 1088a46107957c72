#include "vetcheck/report/terminal_reporter.hpp"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "vetcheck/report/format.hpp"
#include "vetcheck/report/waiver_text.hpp"
#include "vetcheck/text.hpp"

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
    const Citation& c = r.indicator->source;
    lines.push_back(fmt::format("“{}” — {} {}", c.quote, c.file, c.section));
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
            r.indicator->name.in(o.lang),
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

void append_spaces(fmt::memory_buffer& line, int count) {
    for (; count > 0; --count) line.push_back(' ');
}

void write_rows(const std::vector<Row>& rows, const ReportOptions& o, std::ostream& out) {
    int name_w = 0, actual_w = 0, target_w = 0;
    for (const auto& r : rows) {
        name_w = std::max(name_w, r.name_width);
        actual_w = std::max(actual_w, r.actual_width);
        target_w = std::max(target_w, r.target_width);
    }
    std::string_view needs = label(Label::Needs, o.lang);
    fmt::memory_buffer line;
    for (const auto& r : rows) {
        // "   ✓ name  actual  needs target  gap", trailing spaces trimmed
        line.clear();
        line.append(std::string_view("   "));
        std::string_view mark = status_mark(r.status);
        if (o.color)
            line.append(paint(mark, color_of(r.status), true));
        else
            line.append(mark);
        line.push_back(' ');
        line.append(r.name);
        append_spaces(line, name_w - r.name_width + 2);
        append_spaces(line, actual_w - r.actual_width);
        line.append(r.actual);
        line.push_back(' ');
        line.push_back(' ');
        line.append(needs);
        line.push_back(' ');
        line.append(r.target);
        append_spaces(line, target_w - r.target_width);
        if (!r.gap.empty()) {
            line.append(std::string_view("  "));
            line.append(r.gap);
        }
        size_t size = line.size();
        while (size > 0 && line[size - 1] == ' ') --size;
        line.resize(size);
        line.push_back('\n');
        out.write(line.data(), static_cast<std::streamsize>(line.size()));
        for (const auto& e : r.explanation) out << "       " << e << '\n';
    }
}

// summary_text, but keeping the colon when there are no results at all ("0 checks: ").
std::string summary_line(const Summary& s, const ReportOptions& o) {
    return fmt::format("{} {}: {}", s.total, label(Label::Checks, o.lang),
                       status_counts_text(s.counts, o.lang));
}

void write_one_plan(const PlanReport& report, const ReportOptions& o, std::ostream& out) {
    const Plan& plan = *report.plan;
    out << paint(fmt::format("{} ({})", plan.name, plan.year), "1", o.color) << " — "
        << label(Label::Against, o.lang) << " " << against_text(*report.rules, o.lang) << '\n';
    out << "  " << plan.file << '\n';
    // Group by subject in the order subjects first appear: the plan as a whole, then institutions.
    // One pass: a plan with ten thousand institutions must not cost subjects × results.
    std::vector<const Subject*> order;
    std::unordered_map<const Subject*, std::vector<const Result*>> by_subject;
    for (const auto& r : report.results) {
        if (r.status == Status::NotApplicable && !o.show_all) continue;
        auto [it, first] = by_subject.try_emplace(r.subject);
        if (first) order.push_back(r.subject);
        it->second.push_back(&r);
    }
    std::stable_partition(order.begin(), order.end(),
                          [&](const Subject* s) { return s == &plan.whole; });
    std::vector<Row> rows;
    for (const Subject* subject : order) {
        const std::vector<const Result*>& results = by_subject[subject];
        rows.clear();
        for (const Result* r : results) rows.push_back(make_row(*r, o));
        out << "  " << subject_text(*results.back(), o.lang) << '\n';
        write_rows(rows, o, out);
    }
    for (const auto& w : waiver_warnings(plan, report.results, o.lang))
        out << "  " << (o.lang == Lang::Zh ? "警告" : "warning") << ": " << w << '\n';
    Summary s = summarize(report.results);
    out << "  " << summary_line(s, o) << "      " << label(Label::ExitCode, o.lang) << " "
        << (s.failed(o.policy) ? 1 : 0) << "\n";
}

}  // namespace

void TerminalReporter::write_plan(const PlanReport& report, const ReportOptions& options,
                                  std::ostream& out) {
    write_one_plan(report, options, out);
}

void TerminalReporter::write_total(size_t plans, const Summary& total, const ReportOptions& options,
                                   std::ostream& out) {
    if (plans > 1)
        out << '\n' << fmt::format("{} plans — {}", plans, summary_line(total, options)) << '\n';
}

void TerminalReporter::write(const std::vector<PlanReport>& reports, const ReportOptions& options,
                             std::ostream& out) {
    Summary total;
    for (size_t i = 0; i < reports.size(); ++i) {
        if (i) out << '\n';
        write_plan(reports[i], options, out);
        for (const auto& r : reports[i].results) total.add(r.status);
    }
    write_total(reports.size(), total, options, out);
}

}  // namespace vetcheck::report
