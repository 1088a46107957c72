#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "vetcheck/base/input_file.hpp"
#include "vetcheck/compile/catalog.hpp"
#include "vetcheck/model/plan.hpp"
#include "vetcheck/pack/limits.hpp"
#include "vetcheck/read/yaml_loader.hpp"

namespace vetcheck {

struct LoadedPlan {
    Plan plan;
    std::shared_ptr<const RuleSet> rules;  // the packs the plan answers to, compiled
};

// Reads a plan, resolves the packs it names (the national pack when it names none) and reads its
// facts against their vocabulary: an unknown key gets a did-you-mean, a value that does not fit its
// fact's type names what was expected. Throws InputError.
LoadedPlan load_plan(std::string_view text, const std::string& file_name, Catalog& catalog,
                     const YamlLimits& limits = {});
// The same with every limit: also the number of institutions.
LoadedPlan load_plan(std::string_view text, const std::string& file_name, Catalog& catalog,
                     const Limits& limits);

// The same for a document already in the located model (a CSV row, say).
LoadedPlan load_plan_document(const Node& root, const std::string& file_name, Catalog& catalog,
                              size_t max_institutions = Limits{}.max_institutions);

}  // namespace vetcheck
