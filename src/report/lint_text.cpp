#include "vetcheck/report/lint_text.hpp"

#include <fmt/format.h>

#include "vetcheck/compile/conflicts.hpp"
#include "vetcheck/compile/lint_messages.hpp"
#include "vetcheck/report/json_writer.hpp"
#include "vetcheck/report/markdown_reporter.hpp"

namespace vetcheck::report {

namespace {

size_t unexplained(const std::vector<LintFinding>& findings) {
    size_t n = 0;
    for (const auto& f : findings) n += !f.explained();
    return n;
}

// "cn-2020-7" or, for a target restated under a new id, "cn-2020-7 training_headcount_multiple".
std::string parent_of(const LintFinding& f) {
    return f.parent_indicator == f.indicator ? f.parent_pack
                                             : f.parent_pack + " " + f.parent_indicator;
}

void write_json(const std::string& pack_id, const std::vector<LintFinding>& findings,
                const std::vector<const Conflict*>& conflicts, Lang lang, std::ostream& out) {
    JsonWriter w(out);
    w.begin_object();
    w.key("schema").value("vetcheck-lint/1");
    w.key("pack").value(pack_id);
    w.key("findings").begin_array();
    for (const auto& f : findings) {
        w.begin_object();
        w.key("indicator").value(f.indicator);
        w.key("parent_pack").value(f.parent_pack);
        w.key("parent_indicator").value(f.parent_indicator);
        w.key("message").value(f.message.in(lang));
        w.key("explained").value(f.explained());
        w.key("explanation").value(f.explanation);
        w.key("file").value(f.where.file.str());
        w.key("line").value(f.where.line);
        w.key("column").value(f.where.column);
        w.key("parent_where").value(f.parent_where.to_string());
        w.end_object();
    }
    w.end_array();
    w.key("conflicts").begin_array();
    for (const Conflict* c : conflicts) {
        w.begin_object();
        w.key("declared_by").value(c->pack);
        w.key("where").value(c->where.to_string());
        w.key("text").value(conflict_text(*c, lang));
        w.end_object();
    }
    w.end_array();
    w.key("unexplained").value(static_cast<int64_t>(unexplained(findings)));
    w.end_object();
    w.finish();
}

void write_markdown(const std::string& pack_id, const std::vector<LintFinding>& findings,
                    const std::vector<const Conflict*>& conflicts, Lang lang, std::ostream& out) {
    bool zh = lang == Lang::Zh;
    out << fmt::format("# {} `{}`\n\n", zh ? "检查文件" : "lint of", pack_id);
    if (!findings.empty()) {
        out << (zh ? "| 位置 | 指标 | 上级文件 | 问题 | 说明 |\n"
                   : "| where | indicator | parent | finding | explained |\n");
        out << "|---|---|---|---|---|\n";
        for (const auto& f : findings)
            out << fmt::format(
                "| {} | `{}` | `{}` | {} | {} |\n", markdown_escape(f.where.to_string()),
                f.indicator, parent_of(f), markdown_escape(f.message.in(lang)),
                f.explained() ? markdown_escape(f.explanation) : (zh ? "**未说明**" : "**no**"));
        out << '\n';
    }
    for (const Conflict* c : conflicts)
        out << fmt::format("- {}\n", markdown_escape(conflict_text(*c, lang)));
    if (!conflicts.empty()) out << '\n';
    if (zh)
        out << fmt::format("{} 处弱于上级文件，{} 处未说明。\n", findings.size(),
                           unexplained(findings));
    else
        out << fmt::format("{} finding(s), {} unexplained.\n", findings.size(),
                           unexplained(findings));
}

}  // namespace

void write_lint(const std::string& pack_id, const std::vector<LintFinding>& findings,
                const std::vector<const Conflict*>& conflicts, Lang lang, TextFormat format,
                std::ostream& out) {
    if (format == TextFormat::Json) return write_json(pack_id, findings, conflicts, lang, out);
    if (format == TextFormat::Markdown)
        return write_markdown(pack_id, findings, conflicts, lang, out);
    for (const auto& f : findings) {
        // Both places: the pack's version and the parent's it is weaker than.
        out << fmt::format("{}: {}: {} ({}, {})\n", f.where.to_string(), f.indicator,
                           f.message.in(lang), parent_of(f), f.parent_where.to_string());
        if (f.explained())
            out << fmt::format("    {}\n", lint_text::explained(f.explanation).in(lang));
    }
    for (const Conflict* c : conflicts)
        out << fmt::format("{}: {}\n", c->where.to_string(), conflict_text(*c, lang));
    out << lint_text::summary(pack_id, findings.size(), unexplained(findings), conflicts.size())
               .in(lang)
        << '\n';
}

}  // namespace vetcheck::report
