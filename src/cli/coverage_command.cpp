#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "vetcheck/compile/coverage.hpp"
#include "vetcheck/input/plan_loader.hpp"

namespace vetcheck::cli {

namespace {

struct CoverageArgs {
    std::string pack_id;
    std::string source;
    bool unaccounted_only = false;
};

void add_common(CLI::App* sub, CoverageArgs* cmd) {
    sub->fallthrough();  // --lang, --pack, ... may follow the command
    sub->add_option("id", cmd->pack_id, "pack id")->required();
    sub->add_option("--source", cmd->source, "the source document the pack encodes (text)")
        ->required();
}

// The pack, compiled with the packs it extends so that every reference in it is checked, and the
// source text.
const Pack& load(const CoverageArgs& cmd, Catalog& catalog, const Limits& limits,
                 std::string* text) {
    SourceLocation asked{"<command line>"};
    catalog.compile({cmd.pack_id}, asked);
    *text = read_input_file(cmd.source, limits.max_file_bytes);
    return catalog.get(cmd.pack_id, asked);
}

// A share that shows 100% only when it is whole: 999 of 1000 is 99.9%, not 100.0%.
std::string share_text(size_t part, size_t whole) {
    if (whole == 0) return "100%";
    size_t tenths = part * 1000 / whole;
    return fmt::format("{}.{}%", tenths / 10, tenths % 10);
}

int run_coverage(const CoverageArgs& cmd, Catalog& catalog, const Limits& limits) {
    std::string text;
    const Pack& pack = load(cmd, catalog, limits, &text);
    Coverage cov = account_for(pack, text, cmd.source, default_directive_words());
    std::string file = std::filesystem::path(cmd.source).filename().string();
    for (const SentenceAccount& a : cov.directives) {
        if (cmd.unaccounted_only && a.accounted()) continue;
        const Sentence& s = *a.sentence;
        std::cout << fmt::format("{}:{}: {} ({}) {}\n", file, s.line,
                                 s.kind == DirectiveKind::Firm ? "firm" : "soft", s.word, s.text);
        for (const std::string& id : a.indicators) std::cout << "    indicator " << id << "\n";
        for (const NotEncoded* ne : a.not_encoded)
            std::cout << fmt::format("    not encoded: {} ({})\n",
                                     not_encoded_reason_text(ne->reason, ne->reason_ref),
                                     ne->where.to_string());
        if (!a.accounted()) std::cout << "    NOT ACCOUNTED FOR\n";
    }
    std::cout << fmt::format(
        "{}: {} of {} directive sentences of {} accounted for ({}); {} firm, {} soft; {} not\n",
        pack.info.id, cov.accounted, cov.directives.size(), file,
        share_text(cov.accounted, cov.directives.size()), cov.firm, cov.soft,
        cov.directives.size() - cov.accounted);
    return cov.complete() ? 0 : 1;
}

int run_verify(const CoverageArgs& cmd, Catalog& catalog, const Limits& limits) {
    std::string text;
    const Pack& pack = load(cmd, catalog, limits, &text);
    Verification v = verify_quotes(pack, text, cmd.source);
    std::string file = std::filesystem::path(cmd.source).filename().string();
    for (const QuoteProblem& p : v.missing)
        std::cout << fmt::format("{}: {}: quote not in {}: “{}”\n", p.where.to_string(), p.owner,
                                 file, p.quote);
    std::cout << fmt::format("{}: {} quotes checked against {}, {} not found", pack.info.id,
                             v.checked, file, v.missing.size());
    if (v.other_documents)
        std::cout << fmt::format("; {} indicators cite another document", v.other_documents);
    std::cout << "\n";
    return v.missing.empty() ? 0 : 1;
}

}  // namespace

void add_coverage_commands(CLI::App& packs, Commands* table) {
    auto cmd = std::make_shared<CoverageArgs>();
    CLI::App* coverage = packs.add_subcommand(
        "coverage",
        "list each directive sentence of the source with the indicators or the not_encoded "
        "reason accounting for it; exit 1 below 100%");
    add_common(coverage, cmd.get());
    coverage->add_flag("--unaccounted", cmd->unaccounted_only,
                       "list only the sentences nothing accounts for");
    table->push_back({coverage, [cmd](const GlobalOptions& g, Catalog& catalog) {
                          return run_coverage(*cmd, catalog, g.limits);
                      }});
    CLI::App* verify = packs.add_subcommand(
        "verify",
        "check that every quote of the pack is verbatim in the source (whitespace "
        "aside); exit 1 naming each that is not");
    add_common(verify, cmd.get());
    table->push_back({verify, [cmd](const GlobalOptions& g, Catalog& catalog) {
                          return run_verify(*cmd, catalog, g.limits);
                      }});
}

}  // namespace vetcheck::cli
