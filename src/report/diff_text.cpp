#include "vetcheck/report/diff_text.hpp"
#include "vetcheck/report/json_writer.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "vetcheck/base/text.hpp"
#include "vetcheck/report/format.hpp"

namespace vetcheck::report {

namespace {

using Kind = ResultChangeKind;

bool zh(const ReportOptions& o) {
    return o.lang == Lang::Zh;
}

struct Section {
    Kind kind;
    const char* zh;
    const char* en;
};
constexpr Section kSections[] = {
    {Kind::NewlyFailing, "新增未达标", "newly failing"},
    {Kind::GapGrew, "差距扩大", "gap grew"},
    {Kind::NewlyPassing, "转为达标或不再未达标", "newly passing"},
    {Kind::GapShrank, "差距缩小", "gap shrank"},
    {Kind::StatusChanged, "其他状态变化", "other status changes"},
    {Kind::Removed, "不再检查 (原未达标)", "no longer checked (were failing)"},
};

// The status table's mark (a string literal, so its data() ends in a NUL).
const char* mark_of(Status s) {
    return status_info(s).mark.data();
}

std::string value_text(const FactValue* v, const ReportOptions& o) {
    if (!v) return "";
    if (const bool* b = std::get_if<bool>(&v->value))
        return zh(o) ? (*b ? "是" : "否") : (*b ? "yes" : "no");
    return describe(v->value);
}

// Whom a fact or a check is about; "" for a school's own report, where there is only the school.
std::string fact_subject(const FactChange& f, const ReportOptions& o) {
    if (f.whole_plan && !f.subject->type.empty()) return "";
    if (f.whole_plan) return label(Label::WholePlan, o.lang);
    return f.subject->name;
}

std::string check_subject(const Result& r, const ReportOptions& o) {
    return r.on_whole_plan() && r.plan->is_school() ? "" : subject_text(r, o.lang);
}

std::string with_subject(const std::string& what, const std::string& subject) {
    return subject.empty() ? what : what + " · " + subject;
}

std::string under_subject(const std::string& subject, const std::string& what) {
    return subject.empty() ? what : subject + " · " + what;
}

std::string status_of(const Result* r, const ReportOptions& o) {
    return r ? status_text(r->status, o.lang) : (zh(o) ? "未检查" : "not checked");
}

// The words for a check in the new draft (or the old one when it was removed): its value against
// the target, and its gap.
std::string detail(const ResultChange& c, const ReportOptions& o) {
    const Result& r = c.any();
    if (c.kind == Kind::GapGrew || c.kind == Kind::GapShrank)
        return fmt::format("{} → {}", gap_text(*c.before, o.lang), gap_text(*c.after, o.lang));
    std::string value = fmt::format("{} {} {}", actual_text(r, o.lang), label(Label::Needs, o.lang),
                                    target_text(r, o.lang));
    std::string gap = gap_text(r, o.lang);
    return gap.empty() ? value : value + "  " + gap;
}

std::string summary(const PlanDiff& d, const ReportOptions& o) {
    std::vector<std::string> parts;
    for (const Section& s : kSections)
        if (int n = d.count(s.kind)) parts.push_back(fmt::format("{} {}", n, zh(o) ? s.zh : s.en));
    parts.push_back(fmt::format("{} {}", d.unchanged, zh(o) ? "项未变" : "unchanged"));
    int code = d.worse() ? 1 : 0;
    std::string verdict = d.worse() ? (zh(o) ? "新稿变差 (必达目标)" : "worse on a required target")
                                    : (zh(o) ? "必达目标未变差" : "no required target worse");
    return fmt::format("{} — {}      {} {}", join(parts, " · "), verdict,
                       label(Label::ExitCode, o.lang), code);
}

std::string paint(const std::string& text, const char* color, bool on) {
    return on ? fmt::format("\x1b[{}m{}\x1b[0m", color, text) : text;
}

// ---- terminal ----

void write_terminal(const PlanDiff& d, const ReportOptions& o, std::ostream& out) {
    out << paint(fmt::format("{} → {}", d.before->file, d.after->file), "1", o.color) << '\n';
    out << fmt::format("  {} ({})\n", d.after->name, d.after->year);
    for (const auto& f : d.plan_fields)
        out << fmt::format("  plan.{}: {} → {}\n", f.field, f.before, f.after);
    for (const Section& s : kSections) {
        std::vector<const ResultChange*> rows;
        for (const auto& c : d.results)
            if (c.kind == s.kind) rows.push_back(&c);
        if (rows.empty()) continue;
        out << "  " << (zh(o) ? s.zh : s.en) << ":\n";
        int name_w = 0, status_w = 0;
        std::vector<std::array<std::string, 3>> cells;
        for (const auto* c : rows) {
            const Result& r = c->any();
            std::string name = with_subject(r.indicator().name.in(o.lang), check_subject(r, o));
            std::string status =
                fmt::format("{} → {}", status_of(c->before, o), status_of(c->after, o));
            name_w = std::max(name_w, display_width(name));
            status_w = std::max(status_w, display_width(status));
            cells.push_back({name, status, detail(*c, o)});
        }
        for (size_t i = 0; i < rows.size(); ++i) {
            const ResultChange& c = *rows[i];
            Status shown = c.after ? c.after->status : c.before->status;
            const char* color = c.worse                        ? "31"
                                : c.kind == Kind::NewlyPassing ? "32"
                                : c.kind == Kind::GapShrank    ? "32"
                                                               : "33";
            std::string line = fmt::format(
                "   {} {}  {}  {}", paint(mark_of(shown), color, o.color),
                pad_right(cells[i][0], name_w), pad_right(cells[i][1], status_w), cells[i][2]);
            if (c.worse) line += zh(o) ? "  [变差]" : "  [worse]";
            while (!line.empty() && line.back() == ' ') line.pop_back();
            out << line << '\n';
        }
    }
    if (!d.facts.empty()) {
        out << "  " << (zh(o) ? "数据变化" : "facts changed") << ":\n";
        for (const auto& f : d.facts) {
            std::string subject = fact_subject(f, o);
            switch (f.kind) {
                case FactChangeKind::Changed:
                    out << fmt::format("   ~ {}: {} → {}\n", under_subject(subject, f.key),
                                       value_text(f.before, o), value_text(f.after, o));
                    break;
                case FactChangeKind::Added:
                    out << fmt::format("   + {}: {}\n", under_subject(subject, f.key),
                                       value_text(f.after, o));
                    break;
                case FactChangeKind::Removed:
                    out << fmt::format("   - {}: {}\n", under_subject(subject, f.key),
                                       value_text(f.before, o));
                    break;
                case FactChangeKind::Renamed:
                    out << fmt::format("   ↔ {}: {} ({})\n",
                                       under_subject(subject, f.old_key + " → " + f.key),
                                       value_text(f.after, o),
                                       zh(o) ? "可能是改名: 删除的键与新增的键取值相同"
                                             : "possible rename: a key removed and one added "
                                               "with the same value");
                    break;
            }
        }
    }
    if (!d.institutions.empty()) {
        out << "  " << (zh(o) ? "学校变化" : "institutions") << ":\n";
        for (const auto& i : d.institutions)
            out << fmt::format("   {} {} {} ({})\n", i.added ? "+" : "-", i.institution->id,
                               i.institution->name, i.institution->type);
    }
    if (d.results.empty() && d.facts.empty() && d.institutions.empty() && d.plan_fields.empty())
        out << "  " << (zh(o) ? "两稿相同" : "no changes") << '\n';
    out << "  " << summary(d, o) << '\n';
}

// ---- markdown ----

std::string cell(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n' || c == '\r')
            out += ' ';
        else
            out += c;
    }
    return out;
}

void write_markdown(const PlanDiff& d, const ReportOptions& o, std::ostream& out) {
    out << fmt::format("### vetcheck diff: `{}` → `{}`\n\n", d.before->file, d.after->file);
    out << fmt::format("**{}** ({})\n\n", cell(d.after->name), d.after->year);
    out << (d.worse() ? (zh(o) ? ":x: **新稿在必达目标上变差。**"
                               : ":x: **The new draft is worse on a required target.**")
                      : (zh(o) ? ":white_check_mark: 必达目标没有变差。"
                               : ":white_check_mark: No required target got worse."))
        << "\n\n";
    for (const auto& f : d.plan_fields)
        out << fmt::format("- `plan.{}`: {} → {}\n", f.field, cell(f.before), cell(f.after));
    if (!d.plan_fields.empty()) out << '\n';
    for (const Section& s : kSections) {
        bool any = false;
        for (const auto& c : d.results) {
            if (c.kind != s.kind) continue;
            if (!any) {
                out << fmt::format("#### {}\n\n", zh(o) ? s.zh : s.en);
                out << (zh(o) ? "| | 指标 | 对象 | 原稿 | 新稿 | 说明 |\n"
                              : "| | Indicator | Subject | Before | After | Detail |\n");
                out << "|---|---|---|---|---|---|\n";
                any = true;
            }
            const Result& r = c.any();
            Status shown = c.after ? c.after->status : c.before->status;
            out << fmt::format("| {} | {}{} | {} | {} | {} | {} |\n", mark_of(shown),
                               cell(r.indicator().name.in(o.lang)),
                               c.worse ? (zh(o) ? " **(变差)**" : " **(worse)**") : "",
                               cell(check_subject(r, o)), status_of(c.before, o),
                               status_of(c.after, o), cell(detail(c, o)));
        }
        if (any) out << '\n';
    }
    if (!d.facts.empty()) {
        out << (zh(o) ? "#### 数据变化\n\n| | 对象 | 数据项 | 原稿 | 新稿 |\n"
                      : "#### Facts changed\n\n| | Subject | Fact | Before | After |\n");
        out << "|---|---|---|---|---|\n";
        for (const auto& f : d.facts) {
            std::string key = f.kind == FactChangeKind::Renamed
                                  ? fmt::format("`{}` → `{}` ({})", f.old_key, f.key,
                                                zh(o) ? "可能是改名" : "possible rename")
                                  : fmt::format("`{}`", f.key);
            const char* sign = f.kind == FactChangeKind::Added     ? "+"
                               : f.kind == FactChangeKind::Removed ? "−"
                               : f.kind == FactChangeKind::Renamed ? "↔"
                                                                   : "~";
            out << fmt::format("| {} | {} | {} | {} | {} |\n", sign, cell(fact_subject(f, o)), key,
                               cell(value_text(f.before, o)), cell(value_text(f.after, o)));
        }
        out << '\n';
    }
    if (!d.institutions.empty()) {
        for (const auto& i : d.institutions)
            out << fmt::format("- {} `{}` {} ({})\n",
                               i.added ? (zh(o) ? "新增学校" : "institution added")
                                       : (zh(o) ? "删除学校" : "institution removed"),
                               i.institution->id, cell(i.institution->name), i.institution->type);
        out << '\n';
    }
    out << summary(d, o) << '\n';
}

// ---- json ----

// The shared JSON quoting of the JSON report (json_writer).
std::string js(std::string_view s) {
    return json_string(s);
}

std::string js_or_null(const std::string& s, bool present) {
    return present ? js(s) : "null";
}

std::string json_check(const Result* r, const ReportOptions& o) {
    if (!r) return "null";
    return fmt::format(R"({{"status": {}, "actual": {}, "target": {}, "gap": {}}})",
                       js(status_name(r->status)), js(actual_text(*r, o.lang)),
                       js(target_text(*r, o.lang)), js(gap_text(*r, o.lang)));
}

std::string json_plan(const Plan& p) {
    return fmt::format(R"({{"file": {}, "id": {}, "name": {}, "year": {}}})", js(p.file), js(p.id),
                       js(p.name), p.year);
}

void write_json(const PlanDiff& d, const ReportOptions& o, std::ostream& out) {
    out << "{\n  \"schema\": \"vetcheck-diff/1\",\n";
    out << "  \"before\": " << json_plan(*d.before) << ",\n";
    out << "  \"after\": " << json_plan(*d.after) << ",\n";
    out << "  \"worse\": " << (d.worse() ? "true" : "false") << ",\n";
    out << "  \"unchanged\": " << d.unchanged << ",\n";
    out << "  \"plan\": [";
    for (size_t i = 0; i < d.plan_fields.size(); ++i) {
        const auto& f = d.plan_fields[i];
        out << (i ? ",\n" : "\n")
            << fmt::format(R"(    {{"field": {}, "before": {}, "after": {}}})", js(f.field),
                           js(f.before), js(f.after));
    }
    out << (d.plan_fields.empty() ? "],\n" : "\n  ],\n");
    out << "  \"results\": [";
    for (size_t i = 0; i < d.results.size(); ++i) {
        const auto& c = d.results[i];
        const Result& r = c.any();
        out << (i ? ",\n" : "\n")
            << fmt::format(
                   R"(    {{"change": {}, "indicator": {}, "name": {}, "subject": {}, "required": {}, "worse": {}, "before": {}, "after": {}}})",
                   js(result_change_name(c.kind)), js(r.indicator().id),
                   js(r.indicator().name.in(o.lang)), js_or_null(r.subject->id, !r.on_whole_plan()),
                   c.required ? "true" : "false", c.worse ? "true" : "false",
                   json_check(c.before, o), json_check(c.after, o));
    }
    out << (d.results.empty() ? "],\n" : "\n  ],\n");
    out << "  \"facts\": [";
    for (size_t i = 0; i < d.facts.size(); ++i) {
        const auto& f = d.facts[i];
        out << (i ? ",\n" : "\n")
            << fmt::format(
                   R"(    {{"change": {}, "subject": {}, "key": {}, "old_key": {}, "before": {}, "after": {}}})",
                   js(fact_change_name(f.kind)), js_or_null(f.subject->id, !f.whole_plan),
                   js(f.key), js_or_null(f.old_key, f.kind == FactChangeKind::Renamed),
                   js_or_null(value_text(f.before, o), f.before != nullptr),
                   js_or_null(value_text(f.after, o), f.after != nullptr));
    }
    out << (d.facts.empty() ? "],\n" : "\n  ],\n");
    out << "  \"institutions\": [";
    for (size_t i = 0; i < d.institutions.size(); ++i) {
        const auto& inst = d.institutions[i];
        out << (i ? ",\n" : "\n")
            << fmt::format(R"(    {{"change": {}, "id": {}, "name": {}, "type": {}}})",
                           js(inst.added ? "added" : "removed"), js(inst.institution->id),
                           js(inst.institution->name), js(inst.institution->type));
    }
    out << (d.institutions.empty() ? "]\n" : "\n  ]\n");
    out << "}\n";
}

}  // namespace

void write_diff(const PlanDiff& diff, TextFormat format, const ReportOptions& options,
                std::ostream& out) {
    switch (format) {
        case TextFormat::Terminal:
            write_terminal(diff, options, out);
            break;
        case TextFormat::Markdown:
            write_markdown(diff, options, out);
            break;
        case TextFormat::Json:
            write_json(diff, options, out);
            break;
    }
}

}  // namespace vetcheck::report
