// Two documents of the cascade that direct opposite things (001: 逐步取消中职本科贯通; 004:
// 支持…中职与 职业本科…(3+4)七年贯通): declared in a pack under `conflicts:`, so that `vetcheck
// packs lint` and the report of a plan that answers to both sides show it instead of letting a
// checker pick one.
#pragma once

#include <array>
#include <string>

#include "vetcheck/base/i18n.hpp"
#include "vetcheck/base/source_location.hpp"

namespace vetcheck {

// One side: a directive of a pack's source, the indicator that encodes it when there is one, and
// its verbatim quote (checked by `vetcheck packs verify` against `file`).
struct ConflictSide {
    std::string pack;
    std::string indicator;  // empty: a directive the pack does not encode as an indicator
    std::string file;
    std::string quote;
    SourceLocation where;
};

struct Conflict {
    std::array<ConflictSide, 2> sides;
    LocalizedText note;  // what contradicts what, and what a plan answering to both should do
    std::string pack;    // the pack that declares it
    SourceLocation where;
};

}  // namespace vetcheck
