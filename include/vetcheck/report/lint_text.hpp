#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "vetcheck/base/i18n.hpp"
#include "vetcheck/compile/lint.hpp"
#include "vetcheck/report/text_format.hpp"

namespace vetcheck::report {

// `vetcheck packs lint ID`: each place the pack is weaker than a pack it extends, whether the pack
// explains it, and a count; JSON names its schema "vetcheck-lint/1".
void write_lint(const std::string& pack_id, const std::vector<LintFinding>& findings, Lang lang,
                TextFormat format, std::ostream& out);

}  // namespace vetcheck::report
