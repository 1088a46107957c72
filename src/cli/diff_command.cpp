#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "vetcheck/engine/diff.hpp"
#include "vetcheck/input/plan_loader.hpp"
#include "vetcheck/report/diff_text.hpp"
#include "vetcheck/report/output_files.hpp"

namespace vetcheck::cli {

void add_diff_command(CLI::App& app, DiffCommand* cmd) {
    cmd->app = app.add_subcommand(
        "diff", "compare two drafts of a plan: checks newly failing or passing, gaps, facts");
    // Options of the whole program (--lang, --as-of, --today, --pack FILE) may follow the
    // subcommand too.
    cmd->app->fallthrough();
    cmd->app->add_option("old", cmd->before, "the earlier draft")->required();
    cmd->app->add_option("new", cmd->after, "the new draft")->required();
    cmd->app
        ->add_option("-f,--format", cmd->format,
                     "term (default), markdown (for a pull-request comment) or json")
        ->check(CLI::IsMember({"term", "markdown", "json"}));
    cmd->app->add_option("-o,--output", cmd->output, "write the comparison to FILE");
}

int run_diff(const DiffCommand& cmd, Catalog& catalog, const CheckOptions& check,
             report::ReportOptions report, const Limits& limits) {
    report::OutputFiles::check_targets({cmd.output}, {cmd.before, cmd.after});
    report::DiffFormat format = report::DiffFormat::Terminal;
    report::parse_diff_format(cmd.format, &format);
    if (format != report::DiffFormat::Terminal || !cmd.output.empty()) report.color = false;
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
    report::write_diff(diff, format, report, text);
    if (cmd.output.empty()) {
        std::cout << text.str();
    } else {
        report::OutputFiles files;
        files.open(cmd.output) << text.str();
        files.commit();
    }
    return diff.worse() ? 1 : 0;
}

}  // namespace vetcheck::cli
