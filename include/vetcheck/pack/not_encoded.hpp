// A directive sentence of a pack's source document that the pack deliberately does not encode, and
// why: with the indicators' quotes, what accounts for every directive of the document (`vetcheck
// packs coverage`).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vetcheck/base/source_location.hpp"

namespace vetcheck {

enum class NotEncodedReason {
    Background,          // `background`: context, aims, principles; no target
    Entitlement,         // `entitlement`: what a party may do or receive, not what a plan must do
    NotCheckable,        // `not-checkable-from-a-plan`: a directive no fact of a plan can answer
    DuplicateOf,         // `duplicate-of: <indicator id>`: the same directive as an indicator
    StatedByHigherPack,  // `stated-by-higher-pack: <pack id>`: a pack this one extends states it
};

struct NotEncoded {
    std::string quote;
    std::string section;
    NotEncodedReason reason = NotEncodedReason::Background;
    std::string reason_ref;  // the indicator id or pack id of duplicate-of / stated-by-higher-pack
    SourceLocation where;
    SourceLocation reason_where;
};

// Reads a reason as written in a pack ("background", "duplicate-of: some_id"); false when the text
// is none of them. `ref` receives the id after the colon, without surrounding spaces.
bool parse_not_encoded_reason(std::string_view text, NotEncodedReason* reason, std::string* ref);
// The reason as written in a pack.
std::string not_encoded_reason_text(NotEncodedReason reason, std::string_view ref);
// The accepted forms, for error messages.
std::vector<std::string> not_encoded_reason_forms();

}  // namespace vetcheck
