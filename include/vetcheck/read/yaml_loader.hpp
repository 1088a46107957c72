#pragma once

#include <string>
#include <string_view>

#include "vetcheck/read/document.hpp"

namespace vetcheck {

struct YamlLimits {
    int max_depth = 200;           // nesting of mappings and lists
    size_t max_nodes = 2'000'000;  // after aliases are expanded: stops alias bombs
};

// Parses one YAML document into the located model. Throws InputError with the file, line and column
// of the first problem: malformed YAML, duplicate keys, more than one document, limits exceeded.
// An empty document gives a Null node.
Node load_yaml(std::string_view text, const std::string& file_name, const YamlLimits& limits = {});

}  // namespace vetcheck
