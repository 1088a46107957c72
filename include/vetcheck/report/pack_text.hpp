#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "vetcheck/base/i18n.hpp"
#include "vetcheck/compile/catalog.hpp"
#include "vetcheck/compile/lint.hpp"

namespace vetcheck::report {

// How an indicator of a pack restates the versions of the packs it extends: those versions (empty
// when it restates none), and where lint finds it weaker than one of them.
struct Restatement {
    std::vector<const Indicator*> parents;
    std::vector<LintFinding> weaker;
};
Restatement restatement_of(Catalog& catalog, const RuleSet& rules, const Indicator& ind);

// Each pack stating an indicator, in catalog order, with the rule set that pack compiles to (for
// the facts the indicator needs and its restatements).
struct Statement {
    const Pack* pack = nullptr;
    std::shared_ptr<const RuleSet> rules;
    const Indicator* indicator = nullptr;
};
std::vector<Statement> statements_of(Catalog& catalog, const std::string& indicator_id);

// `vetcheck packs`: one line per known pack.
void write_pack_list(Catalog& catalog, Lang lang, std::ostream& out);
// `vetcheck packs show ID`: the pack's metadata and every indicator with threshold, deadline,
// source.
void write_pack(Catalog& catalog, const std::string& id, Lang lang, std::ostream& out);
// `vetcheck explain INDICATOR`: formula, facts needed, source quote, and every pack that states it.
// Returns false when no pack has the indicator.
bool write_explanation(Catalog& catalog, const std::string& indicator_id, Lang lang,
                       std::ostream& out);

}  // namespace vetcheck::report
