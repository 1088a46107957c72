// The options of the whole program and what they mean for every command.
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "vetcheck/base/date.hpp"
#include "vetcheck/base/text.hpp"
#include "vetcheck/engine/batch.hpp"
#include "vetcheck/report/output_files.hpp"
#include "vetcheck/report/registry.hpp"

namespace vetcheck::cli {

Lang chosen_lang(const GlobalOptions& g) {
    Lang lang = lang_from_environment();
    if (!g.lang.empty()) parse_lang(g.lang, &lang);
    return lang;
}

report::ReportOptions report_options(const GlobalOptions& g) {
    report::ReportOptions o;
    o.lang = chosen_lang(g);
    bool tty = ::isatty(STDOUT_FILENO) && g.output.empty();
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    bool no = (no_color && *no_color) || (term && std::string_view(term) == "dumb");
    o.color = g.color == "always" || (g.color == "auto" && tty && !no);
    if (g.color == "always" && no_color && *no_color) o.color = false;
    o.show_all = g.show_all;
    o.explain = g.explain;
    o.summary = g.summary;
    if (!g.fail_on.empty()) {
        o.policy = FailPolicy{};
        for (const auto& name : g.fail_on) {
            Status st;
            if (name == "none") continue;
            if (parse_status(name, &st)) o.policy.fails[static_cast<int>(st)] = true;
        }
    }
    return o;
}

CheckOptions check_options(const GlobalOptions& g) {
    CheckOptions check;
    if (g.as_of) check.as_of = g.as_of;
    if (!g.today.empty()) check.today = Date::parse(g.today);
    return check;
}

void add_global_options(CLI::App& app, GlobalOptions* g) {
    app.add_option("plans", g->plans, "plan files, directories or - for standard input");
    app.add_option("--pack", g->pack_files, "add a target pack file (repeatable)")
        ->check(CLI::ExistingFile)
        ->allow_extra_args(false);
    app.add_option("--lang", g->lang, "report language: zh or en (default: from the locale)")
        ->check(CLI::IsMember({"zh", "en"}));
    app.add_option("--color", g->color, "auto, always or never (NO_COLOR is always honoured)")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    app.add_option(
           "--fail-on", g->fail_on,
           "statuses that fail the run (default: fail,missing,error); e.g. --fail-on fail,advisory")
        ->delimiter(',')
        ->allow_extra_args(false)
        ->check(CLI::IsMember(
            {"fail", "missing", "error", "advisory", "not-due", "behind", "waived", "none"}));
    std::string format_names;
    for (const auto& r : report::reporters())
        format_names += fmt::format("\n  {:<11} {}", r.name, r.description);
    app.add_option(
           "-f,--format", g->formats,
           "report format, repeatable; NAME=FILE writes that format to a file:" + format_names)
        ->allow_extra_args(false);
    app.add_option("-o,--output", g->output, "write the report to FILE (whole or not at all)");
    app.add_flag(
        "--summary", g->summary,
        "for a batch: pass rate per indicator, the plans that fare worst and the largest gaps, "
        "instead of every plan's report");
    app.add_flag("--explain", g->explain,
                 "show each formula with the plan's values, the facts and the source quote");
    app.add_flag("--all", g->show_all, "also list the checks that do not apply (n/a)");
    app.add_option("--as-of", g->as_of,
                   "year that decides which targets are due (default: the plan's year)")
        ->check(CLI::Range(1949, 2100));
    app.add_option("--history", g->history,
                   "take the figures of earlier plan years from a results database (-f sqlite)");
    app.add_option("-j,--jobs", g->jobs, "plans checked in parallel (default: the number of cores)")
        ->check(CLI::Range(1u, 1024u));
    app.add_option("--today", g->today,
                   "the date waivers are checked against, YYYY-MM-DD (default: the current date)")
        ->check([](const std::string& text) {
            return Date::parse(text) ? std::string() : "expected a date YYYY-MM-DD, got " + text;
        });
    // Limits on hostile input (docs/limits.md).
    Limits& l = g->limits;
    app.add_option("--max-file-size", l.max_file_bytes, "largest plan or pack file, in bytes")
        ->capture_default_str()
        ->check(CLI::Range(size_t{1}, kMaxFileBytesCeiling));
    app.add_option("--max-depth", l.yaml.max_depth, "deepest YAML nesting")
        ->capture_default_str()
        ->check(CLI::Range(1, kMaxYamlDepthCeiling));
    app.add_option("--max-nodes", l.yaml.max_nodes,
                   "most YAML values in one file, aliases expanded")
        ->capture_default_str()
        ->check(CLI::Range(size_t{1}, kMaxCountCeiling));
    app.add_option("--max-expression-length", l.expression.max_length,
                   "longest pack expression, in bytes")
        ->capture_default_str()
        ->check(CLI::Range(size_t{1}, kMaxCountCeiling));
    app.add_option("--max-expression-depth", l.expression.max_depth,
                   "deepest nesting of a pack expression")
        ->capture_default_str()
        ->check(CLI::Range(1, kMaxExpressionDepthCeiling));
    app.add_option("--max-institutions", l.max_institutions, "most institutions listed in one plan")
        ->capture_default_str()
        ->check(CLI::Range(size_t{1}, kMaxCountCeiling));
}

void add_text_format_option(CLI::App* sub, report::TextFormat* format, const char* what) {
    sub->add_option_function<std::string>(
           "-f,--format",
           [format](const std::string& name) { report::parse_text_format(name, format); },
           fmt::format("{}: term (default), markdown or json", what))
        ->check(CLI::IsMember(report::text_format_names()));
}

void write_output(const std::string& text, const std::string& file) {
    if (file.empty()) {
        std::cout << text;
        return;
    }
    report::OutputFiles files;
    files.open(file) << text;
    files.commit();
}

void print_failure(const InputFailure& f, bool color, Lang lang) {
    const InputError& e = f.error;
    std::string where = e.where().to_string();
    std::cerr << (color ? fmt::format("\x1b[1m{}:\x1b[0m ", where) : where + ": ")
              << e.message(lang) << '\n';
    if (f.source_line.empty() || e.where().column <= 0) return;
    std::cerr << "  " << f.source_line << '\n';
    // The caret sits under the column, counting wide characters as two.
    int column = 0;
    size_t pos = 0;
    for (int c = 1; c < e.where().column && pos < f.source_line.size(); ++c) {
        size_t before = pos;
        decode_utf8(f.source_line, pos);
        column += display_width(std::string_view(f.source_line).substr(before, pos - before));
    }
    std::cerr << "  " << std::string(static_cast<size_t>(column), ' ') << "^\n";
}

}  // namespace vetcheck::cli
