// Subcommands of the vetcheck command line that live outside main.cpp: each adds itself to the
// CLI11 app and runs from what it parsed. Errors in the input are thrown as InputError (exit 2).
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "vetcheck/catalog.hpp"
#include "vetcheck/engine.hpp"
#include "vetcheck/limits.hpp"
#include "vetcheck/report/reporter.hpp"

namespace vetcheck::cli {

// `vetcheck init --pack ID... [--level L] [--type T...] [-o FILE]`: a plan template.
struct InitCommand {
    CLI::App* app = nullptr;
    std::vector<std::string> packs;
    std::string level;
    std::vector<std::string> types;
    std::string output;
};
void add_init_command(CLI::App& app, InitCommand* cmd);
int run_init(const InitCommand& cmd, Catalog& catalog, Lang lang);

// `vetcheck diff OLD NEW [--format term|markdown|json] [-o FILE]`: exit 1 when NEW is worse on a
// required target.
struct DiffCommand {
    CLI::App* app = nullptr;
    std::string before;
    std::string after;
    std::string format = "term";
    std::string output;
};
void add_diff_command(CLI::App& app, DiffCommand* cmd);
int run_diff(const DiffCommand& cmd, Catalog& catalog, const CheckOptions& check,
             report::ReportOptions report, const Limits& limits);

// Examples at the foot of every subcommand's --help. Call after every subcommand is added.
void add_help_footers(CLI::App& app);

}  // namespace vetcheck::cli
