#include "vetcheck/report/lint_text.hpp"

#include <fmt/format.h>

#include "vetcheck/report/json_writer.hpp"
#include "vetcheck/report/markdown_reporter.hpp"

namespace vetcheck::report {

namespace {

size_t unexplained(const std::vector<LintFinding>& findings) {
    size_t n = 0;
    for (const auto& f : findings) n += !f.explained();
    return n;
}

void write_json(const std::string& pack_id, const std::vector<LintFinding>& findings,
                std::ostream& out) {
    JsonWriter w(out);
    w.begin_object();
    w.key("schema").value("vetcheck-lint/1");
    w.key("pack").value(pack_id);
    w.key("findings").begin_array();
    for (const auto& f : findings) {
        w.begin_object();
        w.key("indicator").value(f.indicator);
        w.key("parent_pack").value(f.parent_pack);
        w.key("message").value(f.message);
        w.key("explained").value(f.explained());
        w.key("explanation").value(f.explanation);
        w.key("file").value(f.where.file.str());
        w.key("line").value(f.where.line);
        w.key("column").value(f.where.column);
        w.end_object();
    }
    w.end_array();
    w.key("unexplained").value(static_cast<int64_t>(unexplained(findings)));
    w.end_object();
    w.finish();
}

void write_markdown(const std::string& pack_id, const std::vector<LintFinding>& findings, Lang lang,
                    std::ostream& out) {
    bool zh = lang == Lang::Zh;
    out << fmt::format("# {} `{}`\n\n", zh ? "检查文件" : "lint of", pack_id);
    if (!findings.empty()) {
        out << (zh ? "| 位置 | 指标 | 上级文件 | 问题 | 说明 |\n"
                   : "| where | indicator | parent | finding | explained |\n");
        out << "|---|---|---|---|---|\n";
        for (const auto& f : findings)
            out << fmt::format(
                "| {} | `{}` | `{}` | {} | {} |\n", markdown_escape(f.where.to_string()),
                f.indicator, f.parent_pack, markdown_escape(f.message),
                f.explained() ? markdown_escape(f.explanation) : (zh ? "**未说明**" : "**no**"));
        out << '\n';
    }
    if (zh)
        out << fmt::format("{} 处弱于上级文件，{} 处未说明。\n", findings.size(),
                           unexplained(findings));
    else
        out << fmt::format("{} finding(s), {} unexplained.\n", findings.size(),
                           unexplained(findings));
}

}  // namespace

void write_lint(const std::string& pack_id, const std::vector<LintFinding>& findings, Lang lang,
                TextFormat format, std::ostream& out) {
    if (format == TextFormat::Json) return write_json(pack_id, findings, out);
    if (format == TextFormat::Markdown) return write_markdown(pack_id, findings, lang, out);
    for (const auto& f : findings) {
        out << fmt::format("{}: {}: {} ({})\n", f.where.to_string(), f.indicator, f.message,
                           f.parent_pack);
        if (f.explained()) out << fmt::format("    explained: {}\n", f.explanation);
    }
    out << fmt::format("{}: {} finding{}, {} unexplained\n", pack_id, findings.size(),
                       findings.size() == 1 ? "" : "s", unexplained(findings));
}

}  // namespace vetcheck::report
