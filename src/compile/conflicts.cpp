#include "vetcheck/compile/conflicts.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "vetcheck/compile/lint_messages.hpp"

namespace vetcheck {

namespace {

bool side_binds(const RuleSet& rules, const ConflictSide& side, const std::string& level) {
    if (side.indicator.empty()) return true;
    for (const Pack* p : rules.packs) {
        if (p->info.id != side.pack) continue;
        for (const Indicator& ind : p->indicators)
            if (ind.id == side.indicator)
                return ind.levels.empty() ||
                       std::find(ind.levels.begin(), ind.levels.end(), level) != ind.levels.end();
    }
    return false;
}

}  // namespace

std::vector<const Conflict*> conflicts_for(const RuleSet& rules, const std::string& level) {
    std::vector<const Conflict*> out;
    for (const Conflict* c : rules.conflicts)
        if (side_binds(rules, c->sides[0], level) && side_binds(rules, c->sides[1], level))
            out.push_back(c);
    return out;
}

std::string conflict_side_text(const ConflictSide& side) {
    return fmt::format("{}{}{} «{}» ({})", side.pack, side.indicator.empty() ? "" : " ",
                       side.indicator, side.quote, side.file);
}

std::string conflict_text(const Conflict& conflict, Lang lang) {
    return lint_text::conflict(conflict_side_text(conflict.sides[0]),
                               conflict_side_text(conflict.sides[1]), conflict.note.in(lang))
        .in(lang);
}

}  // namespace vetcheck
