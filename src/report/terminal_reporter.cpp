#include "vetcheck/report/terminal_reporter.hpp"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "vetcheck/report/format.hpp"
#include "vetcheck/text.hpp"

namespace vetcheck::report {

namespace {

struct Style {
    const char* mark;
    const char* color;  // ANSI SGR
};

Style style_of(Status s) {
    switch (s) {
        case Status::Pass:
            return {"✓", "32"};
        case Status::Fail:
            return {"✗", "31"};
        case Status::Missing:
            return {"?", "33"};
        case Status::Error:
            return {"!", "31"};
        case Status::NotDue:
            return {"…", "36"};
        case Status::NotApplicable:
            return {"-", "90"};
        case Status::Advisory:
            return {"*", "33"};
        case Status::Waived:
            return {"~", "90"};
    }
    return {"?", "0"};
}

std::string paint(const std::string& text, const char* color, bool on) {
    return on ? fmt::format("\x1b[{}m{}\x1b[0m", color, text) : text;
}

struct Row {
    std::string mark, name, actual, target, gap;
    Status status;
    std::vector<std::string> explanation;
};

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

void write_rows(const std::vector<Row>& rows, const ReportOptions& o, std::ostream& out) {
    int name_w = 0, actual_w = 0, target_w = 0;
    for (const auto& r : rows) {
        name_w = std::max(name_w, display_width(r.name));
        actual_w = std::max(actual_w, display_width(r.actual));
        target_w = std::max(target_w, display_width(r.target));
    }
    std::string needs = label(Label::Needs, o.lang);
    for (const auto& r : rows) {
        std::string line =
            fmt::format("   {} {}  {}  {} {}", paint(r.mark, style_of(r.status).color, o.color),
                        pad_right(r.name, name_w), pad_left(r.actual, actual_w), needs,
                        pad_right(r.target, target_w));
        if (!r.gap.empty()) line += "  " + r.gap;
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out << line << '\n';
        for (const auto& e : r.explanation) out << "       " << e << '\n';
    }
}

std::string summary_line(const Summary& s, const ReportOptions& o) {
    std::vector<std::string> parts;
    for (int i = 0; i < kStatusCount; ++i) {
        if (s.counts[i] == 0) continue;
        parts.push_back(
            fmt::format("{} {}", s.counts[i], status_text(static_cast<Status>(i), o.lang)));
    }
    if (o.lang == Lang::Zh) return fmt::format("{} 项检查: {}", s.total, join(parts, " · "));
    return fmt::format("{} checks: {}", s.total, join(parts, " · "));
}

void write_plan(const PlanReport& report, const ReportOptions& o, std::ostream& out) {
    const Plan& plan = *report.plan;
    out << paint(fmt::format("{} ({})", plan.name, plan.year), "1", o.color) << " — "
        << label(Label::Against, o.lang) << " " << against_text(*report.rules, o.lang) << '\n';
    out << "  " << plan.file << '\n';
    // Group by subject in the order subjects first appear: the plan as a whole, then institutions.
    // One pass over the results (a plan may list thousands of institutions).
    std::vector<const Subject*> order;
    std::unordered_map<const Subject*, std::vector<const Result*>> by_subject;
    for (const auto& r : report.results) {
        auto [it, first] = by_subject.try_emplace(r.subject);
        if (first) order.push_back(r.subject);
        it->second.push_back(&r);
    }
    std::stable_partition(order.begin(), order.end(),
                          [&](const Subject* s) { return s == &plan.whole; });
    for (const Subject* subject : order) {
        std::vector<Row> rows;
        std::string heading;
        for (const Result* result : by_subject[subject]) {
            const Result& r = *result;
            if (r.status == Status::NotApplicable && !o.show_all) continue;
            heading = subject_text(r, o.lang);
            rows.push_back(Row{style_of(r.status).mark, r.indicator->name.in(o.lang),
                               actual_text(r, o.lang), target_text(r, o.lang), gap_text(r, o.lang),
                               r.status,
                               o.explain ? explanation_lines(r) : std::vector<std::string>{}});
        }
        if (rows.empty()) continue;
        out << "  " << heading << '\n';
        write_rows(rows, o, out);
    }
    Summary s = summarize(report.results);
    out << "  " << summary_line(s, o) << "      " << label(Label::ExitCode, o.lang) << " "
        << (s.failed(o.policy) ? 1 : 0) << "\n";
}

}  // namespace

void TerminalReporter::write(const std::vector<PlanReport>& reports, const ReportOptions& options,
                             std::ostream& out) {
    Summary total;
    for (size_t i = 0; i < reports.size(); ++i) {
        if (i) out << '\n';
        write_plan(reports[i], options, out);
        for (const auto& r : reports[i].results) total.add(r.status);
    }
    if (reports.size() > 1)
        out << '\n'
            << fmt::format("{} plans — {}", reports.size(), summary_line(total, options)) << '\n';
}

}  // namespace vetcheck::report
