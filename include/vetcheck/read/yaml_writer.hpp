#pragma once

#include <string>
#include <string_view>

namespace vetcheck {

// A string as one YAML scalar that every YAML reader reads back as the same string: plain when
// that is safe (中职, cn-2020-7, 1:350), double-quoted with escapes otherwise (": " inside, a
// leading indicator such as - [ { # & * ! | > ' " % @ `, words a YAML 1.1 reader takes for a
// boolean, null or number, control characters, leading or trailing spaces, the empty string).
std::string yaml_scalar(std::string_view text);

// A comment line "# text" at `indent` spaces; line breaks in `text` become spaces.
std::string yaml_comment(std::string_view text, int indent = 0);

}  // namespace vetcheck
