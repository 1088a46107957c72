// `vetcheck packs`, `packs show ID`, `packs lint ID` and `explain INDICATOR`: what the packs say,
// for a person (term), a page (markdown) or a program (json).
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "vetcheck/compile/lint.hpp"
#include "vetcheck/report/lint_text.hpp"
#include "vetcheck/report/pack_document.hpp"

namespace vetcheck::cli {

namespace {

struct PackArgs {
    std::string id;  // a pack id, or an indicator id for explain
    report::TextFormat format = report::TextFormat::Terminal;
};

}  // namespace

void add_pack_commands(CLI::App& app, Commands* table) {
    auto list = std::make_shared<PackArgs>();
    CLI::App* packs = app.add_subcommand("packs", "list the target packs, or show one");
    packs->fallthrough();  // --lang, --pack, ... may follow the command
    add_text_format_option(packs, &list->format, "the list");
    table->push_back({packs, [list](const GlobalOptions& g, Catalog& catalog) {
                          report::write_pack_list(catalog, chosen_lang(g), list->format, std::cout);
                          return kExitPass;
                      }});

    auto show = std::make_shared<PackArgs>();
    CLI::App* show_app = packs->add_subcommand(
        "show", "show a pack's indicators with thresholds, deadlines and sources");
    show_app->add_option("id", show->id, "pack id")->required();
    show_app->fallthrough();  // --lang, --pack, ... may follow the command
    add_text_format_option(show_app, &show->format, "the pack");
    table->push_back({show_app, [show](const GlobalOptions& g, Catalog& catalog) {
                          report::write_pack(catalog, show->id, chosen_lang(g), show->format,
                                             std::cout);
                          return kExitPass;
                      }});

    // Exit 1 when the pack is weaker than a parent somewhere it does not explain.
    auto lint = std::make_shared<PackArgs>();
    CLI::App* lint_app =
        packs->add_subcommand("lint", "report where a pack is weaker than the packs it extends");
    lint_app->add_option("id", lint->id, "pack id")->required();
    lint_app->fallthrough();  // --lang, --pack, ... may follow the command
    add_text_format_option(lint_app, &lint->format, "the findings");
    table->push_back({lint_app, [lint](const GlobalOptions& g, Catalog& catalog) {
                          auto findings = lint_pack(catalog, lint->id);
                          report::write_lint(lint->id, findings, chosen_lang(g), lint->format,
                                             std::cout);
                          for (const auto& f : findings)
                              if (!f.explained()) return kExitFail;
                          return kExitPass;
                      }});

    auto explain = std::make_shared<PackArgs>();
    CLI::App* explain_app = app.add_subcommand(
        "explain", "explain one indicator: formula, facts, source, restatements");
    explain_app->add_option("indicator", explain->id, "indicator id")->required();
    explain_app->fallthrough();  // --lang, --pack, ... may follow the command
    add_text_format_option(explain_app, &explain->format, "the explanation");
    table->push_back({explain_app, [explain](const GlobalOptions& g, Catalog& catalog) {
                          if (report::write_explanation(catalog, explain->id, chosen_lang(g),
                                                        explain->format, std::cout))
                              return kExitPass;
                          std::cerr << fmt::format("vetcheck: no pack has an indicator '{}'\n",
                                                   explain->id);
                          return kExitInput;
                      }});
}

}  // namespace vetcheck::cli
