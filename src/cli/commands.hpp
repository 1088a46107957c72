// The commands of the vetcheck command line: a table of them, each adding itself to the CLI11 app
// and running from what it parsed. main.cpp parses, picks the one command the user chose and runs
// it. Errors in the input are thrown as InputError (exit 2).
#pragma once

#include <functional>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>

#include "vetcheck/compile/catalog.hpp"
#include "vetcheck/engine/engine.hpp"
#include "vetcheck/pack/limits.hpp"
#include "vetcheck/report/reporter.hpp"
#include "vetcheck/report/text_format.hpp"

namespace vetcheck::cli {

constexpr int kExitPass = 0;
constexpr int kExitFail = 1;
constexpr int kExitInput = 2;

// The options of the whole program, given before or (for most subcommands) after the command.
struct GlobalOptions {
    std::vector<std::string> plans;
    std::vector<std::string> pack_files;
    std::string lang;
    std::string color = "auto";
    std::vector<std::string> fail_on;
    std::string output;
    std::vector<std::string> formats;  // NAME or NAME=FILE
    bool explain = false;
    bool summary = false;
    bool show_all = false;
    int as_of = 0;
    std::string history;  // --history FILE: figures of earlier plan years from a results database
    std::string today;    // YYYY-MM-DD: the day waivers are checked against (default: today)
    unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
    Limits limits;  // --max-file-size, --max-depth, --max-nodes, --max-expression-*, ...
};

// What the options mean, made in one place for every command.
Lang chosen_lang(const GlobalOptions& g);
report::ReportOptions report_options(const GlobalOptions& g);
CheckOptions check_options(const GlobalOptions& g);

// One command of the table: the CLI11 app it parses into, and what runs it when the user chose it.
struct Command {
    CLI::App* app = nullptr;
    std::function<int(const GlobalOptions&, Catalog&)> run;
};
using Commands = std::vector<Command>;

// The top-level options (--lang, --fail-on, -f, the limits, ...) on the program's app.
void add_global_options(CLI::App& app, GlobalOptions* g);

// `vetcheck PLAN...`: check plans; the program's own app.
void add_check_command(CLI::App& app, Commands* table);
// `vetcheck packs [show ID | lint ID]`, `vetcheck explain INDICATOR`, each with -f
// term|markdown|json.
void add_pack_commands(CLI::App& app, Commands* table);
// `vetcheck packs coverage ID --source FILE`, `vetcheck packs verify ID --source FILE`.
void add_coverage_commands(CLI::App& packs, Commands* table);
// `vetcheck rollup UPPER LOWER...`.
void add_rollup_command(CLI::App& app, Commands* table);
// `vetcheck init --pack ID...`: a plan template.
void add_init_command(CLI::App& app, Commands* table);
// `vetcheck diff OLD NEW`: exit 1 when NEW is worse on a required target.
void add_diff_command(CLI::App& app, Commands* table);
// `vetcheck history PLAN-ID --db FILE`: every run of a plan in a results database.
void add_history_command(CLI::App& app, Commands* table);

// A subcommand's -f term|markdown|json; --help lists the three and anything else is refused.
void add_text_format_option(CLI::App* sub, report::TextFormat* format, const char* what);
// Writes `text` to standard output, or to `file` whole or not at all.
void write_output(const std::string& text, const std::string& file);

// Examples at the foot of every subcommand's --help. Call after every subcommand is added.
void add_help_footers(CLI::App& app);

// An input error on standard error: file:line:column, the message, the line with a caret.
void print_failure(const InputFailure& f, bool color, Lang lang);

}  // namespace vetcheck::cli
