#include <iostream>
#include <memory>

#include "commands.hpp"
#include "vetcheck/model/plan.hpp"
#include "vetcheck/report/output_files.hpp"
#include "vetcheck/report/plan_template.hpp"

namespace vetcheck::cli {

namespace {

struct InitArgs {
    std::vector<std::string> packs;
    std::string level;
    std::vector<std::string> types;
    std::string output;
};

int run_init(const InitArgs& cmd, Catalog& catalog, Lang lang) {
    TemplateOptions options;
    options.packs = cmd.packs;
    options.level = cmd.level;
    options.types = cmd.types;
    options.lang = lang;
    write_output(write_plan_template(catalog, options), cmd.output);
    return kExitPass;
}

}  // namespace

void add_init_command(CLI::App& app, Commands* table) {
    auto cmd = std::make_shared<InitArgs>();
    CLI::App* sub = app.add_subcommand(
        "init", "write a plan template with every fact the chosen packs need, left empty");
    // Options of the whole program (--lang, --as-of, --today, --pack FILE) may follow the
    // subcommand too.
    sub->fallthrough();
    sub->add_option("--pack", cmd->packs, "pack id (repeatable; see vetcheck packs)")
        ->required()
        ->allow_extra_args(false)
        ->delimiter(',');
    std::vector<std::string> levels = plan_levels();
    sub->add_option("--level", cmd->level,
                    "plan level (default: the level of the packs, e.g. city for a city pack)")
        ->check(CLI::IsMember(levels));
    std::vector<std::string> types = institution_types();
    sub->add_option("--type", cmd->types,
                    "institution type (repeatable): which example institutions to write; for "
                    "--level school the school's type")
        ->allow_extra_args(false)
        ->delimiter(',')
        ->check(CLI::IsMember(types));
    sub->add_option("-o,--output", cmd->output, "write the template to FILE");
    table->push_back({sub, [cmd](const GlobalOptions& g, Catalog& catalog) {
                          return run_init(*cmd, catalog, chosen_lang(g));
                      }});
}

}  // namespace vetcheck::cli
