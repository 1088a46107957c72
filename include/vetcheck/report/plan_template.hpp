#pragma once

#include <string>
#include <vector>

#include "vetcheck/base/i18n.hpp"
#include "vetcheck/compile/catalog.hpp"

namespace vetcheck {

struct TemplateOptions {
    std::vector<std::string> packs;  // pack ids, at least one
    std::string level;               // plan level; "" = the level of the packs
    std::vector<std::string> types;  // institution types; "" = every type a target covers
                                     //   (for level school: exactly one, required)
    Lang lang = Lang::Zh;            // the language of the guidance comments
};

// `vetcheck init`: a plan (YAML text) with an empty value for every fact the chosen packs' targets
// read at that level and for those institution types, each under a comment with its Chinese and
// English name, unit, the form of value expected, and the targets that read it with their source.
// Plan facts go under facts:, institution facts under one example institution of each type (for
// level school, under facts:). Every empty value checks as missing, so the unfilled template never
// passes. Throws InputError for an unknown pack, level or type.
std::string write_plan_template(Catalog& catalog, const TemplateOptions& options);

}  // namespace vetcheck
