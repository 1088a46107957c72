#pragma once

#include <ostream>
#include <string>

#include "vetcheck/base/i18n.hpp"
#include "vetcheck/compile/catalog.hpp"
#include "vetcheck/report/text_format.hpp"

namespace vetcheck::report {

// `vetcheck packs`, `packs show ID` and `explain INDICATOR` in each form of text_format.hpp: the
// terminal text of pack_text.hpp, a Markdown page (a wiki, a pull-request comment) or JSON for a
// program (each document names its schema: "vetcheck-packs/1", "vetcheck-pack/1",
// "vetcheck-explain/1"; docs/reports.md).
void write_pack_list(Catalog& catalog, Lang lang, TextFormat format, std::ostream& out);
void write_pack(Catalog& catalog, const std::string& id, Lang lang, TextFormat format,
                std::ostream& out);
// False when no pack has the indicator (nothing is written).
bool write_explanation(Catalog& catalog, const std::string& indicator_id, Lang lang,
                       TextFormat format, std::ostream& out);

}  // namespace vetcheck::report
