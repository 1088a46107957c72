#include <iostream>

#include "commands.hpp"
#include "vetcheck/model/plan.hpp"
#include "vetcheck/report/output_files.hpp"
#include "vetcheck/report/plan_template.hpp"

namespace vetcheck::cli {

void add_init_command(CLI::App& app, InitCommand* cmd) {
    cmd->app = app.add_subcommand(
        "init", "write a plan template with every fact the chosen packs need, left empty");
    // Options of the whole program (--lang, --as-of, --today, --pack FILE) may follow the
    // subcommand too.
    cmd->app->fallthrough();
    cmd->app->add_option("--pack", cmd->packs, "pack id (repeatable; see vetcheck packs)")
        ->required()
        ->allow_extra_args(false)
        ->delimiter(',');
    std::vector<std::string> levels = plan_levels();
    cmd->app
        ->add_option("--level", cmd->level,
                     "plan level (default: the level of the packs, e.g. city for a city pack)")
        ->check(CLI::IsMember(levels));
    std::vector<std::string> types = institution_types();
    cmd->app
        ->add_option("--type", cmd->types,
                     "institution type (repeatable): which example institutions to write; for "
                     "--level school the school's type")
        ->allow_extra_args(false)
        ->delimiter(',')
        ->check(CLI::IsMember(types));
    cmd->app->add_option("-o,--output", cmd->output, "write the template to FILE");
}

int run_init(const InitCommand& cmd, Catalog& catalog, Lang lang) {
    TemplateOptions options;
    options.packs = cmd.packs;
    options.level = cmd.level;
    options.types = cmd.types;
    options.lang = lang;
    std::string text = write_plan_template(catalog, options);
    if (cmd.output.empty()) {
        std::cout << text;
    } else {
        report::OutputFiles files;
        files.open(cmd.output) << text;
        files.commit();
    }
    return 0;
}

}  // namespace vetcheck::cli
