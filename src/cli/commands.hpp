// Subcommands of the vetcheck command line that live outside main.cpp: each adds itself to the
// CLI11 app and runs from what it parsed. Errors in the input are thrown as InputError (exit 2).
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "vetcheck/compile/catalog.hpp"
#include "vetcheck/engine/engine.hpp"
#include "vetcheck/pack/limits.hpp"
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

// `vetcheck packs coverage ID --source FILE [--unaccounted]`: each directive sentence of the source
// with the indicators or the not_encoded reason accounting for it; exit 1 below 100%.
// `vetcheck packs verify ID --source FILE`: exit 1 when a quote of the pack is not in the source.
struct CoverageCommand {
    CLI::App* coverage = nullptr;
    CLI::App* verify = nullptr;
    std::string pack_id;
    std::string source;
    bool unaccounted_only = false;
};
void add_coverage_commands(CLI::App& packs, CoverageCommand* cmd);
int run_coverage(const CoverageCommand& cmd, Catalog& catalog, const Limits& limits);
int run_verify(const CoverageCommand& cmd, Catalog& catalog, const Limits& limits);

// `vetcheck packs lint ID`: where the pack is weaker than the packs it extends, and the conflicts
// between documents that concern it; exit 1 when a weakness is unexplained.
int run_lint(Catalog& catalog, const std::string& pack_id, Lang lang);

// Examples at the foot of every subcommand's --help. Call after every subcommand is added.
void add_help_footers(CLI::App& app);

}  // namespace vetcheck::cli
