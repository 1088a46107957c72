#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "vetcheck/compile/conflicts.hpp"
#include "vetcheck/compile/lint.hpp"
#include "vetcheck/compile/lint_messages.hpp"

namespace vetcheck::cli {

int run_lint(Catalog& catalog, const std::string& pack_id, Lang lang) {
    auto findings = lint_pack(catalog, pack_id);
    size_t unexplained = 0;
    for (const auto& f : findings) {
        // Both places: the pack's version and the parent's it is weaker than.
        std::string parent = f.parent_indicator == f.indicator
                                 ? f.parent_pack
                                 : f.parent_pack + " " + f.parent_indicator;
        std::cout << fmt::format("{}: {}: {} ({}, {})\n", f.where.to_string(), f.indicator,
                                 f.message.in(lang), parent, f.parent_where.to_string());
        if (f.explained())
            std::cout << fmt::format("    {}\n", lint_text::explained(f.explanation).in(lang));
        else
            ++unexplained;
    }
    auto conflicts = lint_conflicts(catalog, pack_id);
    for (const Conflict* c : conflicts)
        std::cout << fmt::format("{}: {}\n", c->where.to_string(), conflict_text(*c, lang));
    std::cout
        << lint_text::summary(pack_id, findings.size(), unexplained, conflicts.size()).in(lang)
        << "\n";
    return unexplained ? 1 : 0;
}

}  // namespace vetcheck::cli
