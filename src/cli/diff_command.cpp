#include <iostream>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "vetcheck/engine/diff.hpp"
#include "vetcheck/input/plan_loader.hpp"
#include "vetcheck/report/diff_text.hpp"
#include "vetcheck/report/output_files.hpp"

namespace vetcheck::cli {

namespace {

struct DiffArgs {
    std::string before;
    std::string after;
    report::TextFormat format = report::TextFormat::Terminal;
    std::string output;
};

int run_diff(const DiffArgs& cmd, const GlobalOptions& g, Catalog& catalog) {
    report::ReportOptions report = report_options(g);
    CheckOptions check = check_options(g);
    const Limits& limits = g.limits;
    report::OutputFiles::check_targets({cmd.output}, {cmd.before, cmd.after});
    if (cmd.format != report::TextFormat::Terminal || !cmd.output.empty()) report.color = false;
    auto load = [&](const std::string& path) {
        std::string name = path == "-" ? "<stdin>" : path;
        return load_plan(read_input_file(path, limits.max_file_bytes), name, catalog, limits);
    };
    LoadedPlan before = load(cmd.before);
    LoadedPlan after = load(cmd.after);
    auto before_results = check_plan(*before.rules, before.plan, check);
    auto after_results = check_plan(*after.rules, after.plan, check);
    PlanDiff diff =
        diff_plans(before.plan, before_results, after.plan, after_results, report.policy);
    std::ostringstream text;
    report::write_diff(diff, cmd.format, report, text);
    write_output(text.str(), cmd.output);
    return diff.worse() ? kExitFail : kExitPass;
}

}  // namespace

void add_diff_command(CLI::App& app, Commands* table) {
    auto cmd = std::make_shared<DiffArgs>();
    CLI::App* sub = app.add_subcommand(
        "diff", "compare two drafts of a plan: checks newly failing or passing, gaps, facts");
    // Options of the whole program (--lang, --as-of, --today, --pack FILE) may follow the
    // subcommand too.
    sub->fallthrough();
    sub->add_option("old", cmd->before, "the earlier draft")->required();
    sub->add_option("new", cmd->after, "the new draft")->required();
    add_text_format_option(sub, &cmd->format,
                           "the comparison (markdown: for a pull-request comment)");
    sub->add_option("-o,--output", cmd->output, "write the comparison to FILE");
    table->push_back({sub, [cmd](const GlobalOptions& g, Catalog& catalog) {
                          return run_diff(*cmd, g, catalog);
                      }});
}

}  // namespace vetcheck::cli
