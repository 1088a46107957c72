#pragma once

#include "vetcheck/base/messages.hpp"

namespace vetcheck {

// Where an open bracket or quote began, when libyaml finds it unclosed only further on.
struct YamlBegan {
    int line = 0;  // 1-based; 0 when the problem has no such place
    int column = 0;
};

// libyaml's parser and scanner problems ("did not find expected key", with their context "while
// parsing a block mapping") as catalogue messages a Chinese reader can read. A problem not in the
// table (rare: directives, tags) keeps libyaml's own words as E-yaml-invalid.
Message yaml_problem(const char* context, const char* problem, YamlBegan began);

}  // namespace vetcheck
