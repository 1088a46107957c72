// `vetcheck rollup UPPER LOWER...`: does a plan's total add up from the plans one level down?
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "vetcheck/engine/rollup.hpp"
#include "vetcheck/input/plan_loader.hpp"
#include "vetcheck/report/rollup_text.hpp"

namespace vetcheck::cli {

namespace {

struct RollupArgs {
    std::string upper;
    std::vector<std::string> lower;
    report::TextFormat format = report::TextFormat::Terminal;
};

int run_rollup(const RollupArgs& args, const GlobalOptions& g, Catalog& catalog) {
    const Limits& limits = g.limits;
    auto load = [&](const std::string& path) {
        return load_plan(read_input_file(path, limits.max_file_bytes), path, catalog, limits);
    };
    LoadedPlan upper = load(args.upper);
    std::vector<LoadedPlan> lower;
    for (const auto& path : expand_inputs(args.lower)) lower.push_back(load(path));
    std::vector<const Plan*> plans;
    for (const auto& l : lower) plans.push_back(&l.plan);
    auto results = check_rollup(*upper.rules, upper.plan, plans, check_options(g));
    report::ReportOptions o = report_options(g);
    if (args.format != report::TextFormat::Terminal) o.color = false;
    report::write_rollup(upper.plan, *upper.rules, results, o, args.format, std::cout);
    Summary summary;
    for (const auto& r : results) summary.add(r.status);
    return summary.failed(o.policy) ? kExitFail : kExitPass;
}

}  // namespace

void add_rollup_command(CLI::App& app, Commands* table) {
    auto args = std::make_shared<RollupArgs>();
    CLI::App* sub = app.add_subcommand(
        "rollup", "check a plan's totals against the sum of the plans one level down");
    sub->add_option("plan", args->upper, "the upper plan (e.g. a province's)")->required();
    sub->add_option("lower", args->lower,
                    "the lower plans (files or directories, e.g. its cities')")
        ->required();
    sub->fallthrough();  // --lang, --pack, ... may follow the command
    add_text_format_option(sub, &args->format, "the roll-up");
    table->push_back({sub, [args](const GlobalOptions& g, Catalog& catalog) {
                          return run_rollup(*args, g, catalog);
                      }});
}

}  // namespace vetcheck::cli
