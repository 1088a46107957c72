// The vetcheck command line: a table of commands (commands.hpp). main parses the arguments, runs
// the one command the user chose and turns what went wrong into an exit code. 0: every required
// check passes; 1: a required check fails or lacks data; 2: input not checkable.
#include <iostream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "vetcheck/engine/batch.hpp"
#include "vetcheck/report/output_files.hpp"

namespace {

using namespace vetcheck;
using namespace vetcheck::cli;

// The command the user chose: the deepest one parsed (`packs show` rather than `packs`).
const Command* chosen_command(const Commands& table) {
    for (const Command& c : table)
        if (c.app->parsed() && c.app->get_subcommands().empty()) return &c;
    return nullptr;
}

int run_command(int argc, char** argv) {
    GlobalOptions g;
    CLI::App app{
        "vetcheck — check vocational-education plans against the policy targets they must meet"};
    app.footer(
        "Examples:\n"
        "  vetcheck examples/school-pass.yaml      check one plan\n"
        "  vetcheck plans/                         check every .yaml under a directory\n"
        "  vetcheck --lang en plan.yaml            English labels\n"
        "  vetcheck packs                          list the target packs\n"
        "  vetcheck explain ideological_teacher_ratio\n"
        "  vetcheck init --pack cn-2020-7 --level school --type 高职 -o report.yaml\n"
        "  vetcheck diff draft-1.yaml draft-2.yaml\n\n"
        "Exit codes: 0 all required checks pass, 1 a required check fails or lacks data, 2 input "
        "error.");
    app.set_version_flag("--version", std::string("vetcheck ") + VETCHECK_VERSION);
    add_global_options(app, &g);
    Commands table;
    add_check_command(app, &table);
    add_pack_commands(app, &table);
    add_coverage_commands(*app.get_subcommand("packs"), &table);
    add_rollup_command(app, &table);
    add_init_command(app, &table);
    add_diff_command(app, &table);
    add_history_command(app, &table);
    add_help_footers(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? kExitPass : kExitInput;
    }
    const Command* command = chosen_command(table);
    // A word the subcommand did not take falls through to the plans of the top-level app.
    if (command && command->app != &app && !g.plans.empty()) {
        std::cerr << fmt::format("vetcheck: unexpected argument '{}'\n", g.plans.front());
        return kExitInput;
    }

    try {
        Catalog catalog;
        catalog.set_limits(g.limits);
        for (const auto& f : g.pack_files) catalog.add_file(f);
        return command->run(g, catalog);
    } catch (const InputError& e) {
        print_failure(InputFailure{e, ""}, false, chosen_lang(g));
        return kExitInput;
    } catch (const std::bad_alloc&) {
        std::cerr << "vetcheck: out of memory; the limits in docs/limits.md keep inputs smaller\n";
        return kExitInput;
    } catch (const std::exception& e) {
        // A bug, not the user's fault; still a message and an exit code rather than an abort.
        std::cerr << "vetcheck: internal error: " << e.what() << " (please report it)\n";
        return kExitInput;
    }
}

}  // namespace

int main(int argc, char** argv) {
    // Everything the program prints goes through iostreams: no need to keep in step with C's stdio,
    // which cost a locked fwrite for every piece of every report line.
    std::ios::sync_with_stdio(false);
    // A report that did not reach standard output (a full disk, `>&-`) is exit 2, whatever the
    // command.
    report::CheckedStandardOutput out;
    int code = run_command(argc, argv);
    return out.finish() ? code : kExitInput;
}
