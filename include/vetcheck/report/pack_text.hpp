#pragma once

#include <ostream>
#include <string>

#include "vetcheck/base/i18n.hpp"
#include "vetcheck/compile/catalog.hpp"

namespace vetcheck::report {

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
