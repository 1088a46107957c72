// `vetcheck history PLAN-ID --db FILE`: every run of a plan in a results database (-f sqlite).
#include <iostream>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "vetcheck/input/results_history.hpp"
#include "vetcheck/report/history_text.hpp"

namespace vetcheck::cli {

namespace {

struct HistoryArgs {
    std::string plan_id;
    std::string database;
    report::TextFormat format = report::TextFormat::Terminal;
    std::string output;
};

int run_history(const HistoryArgs& args, const GlobalOptions& g) {
    report::ReportOptions options = report_options(g);
    std::vector<HistoryRun> runs = read_plan_history(args.database, args.plan_id);
    std::ostringstream text;
    report::write_history(args.plan_id, args.database, runs, options, args.format, text);
    write_output(text.str(), args.output);
    return kExitPass;
}

}  // namespace

void add_history_command(CLI::App& app, Commands* table) {
    auto args = std::make_shared<HistoryArgs>();
    CLI::App* sub = app.add_subcommand(
        "history", "every run of a plan in a results database (-f sqlite), and how its gaps moved");
    sub->fallthrough();  // --lang may follow the command
    sub->add_option("plan-id", args->plan_id, "the plan's id (plan: id: in its file)")->required();
    sub->add_option("--db", args->database, "the results database (written with -f sqlite=FILE)")
        ->required();
    add_text_format_option(sub, &args->format, "the history");
    sub->add_option("-o,--output", args->output, "write the history to FILE");
    table->push_back(
        {sub, [args](const GlobalOptions& g, Catalog&) { return run_history(*args, g); }});
}

}  // namespace vetcheck::cli
