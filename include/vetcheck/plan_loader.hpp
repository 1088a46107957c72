#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "vetcheck/catalog.hpp"
#include "vetcheck/limits.hpp"
#include "vetcheck/plan.hpp"
#include "vetcheck/yaml_loader.hpp"

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

// Reads a whole file (or standard input for "-"), rejecting directories, unreadable paths and
// anything larger than max_bytes, which is never read further than that (a device such as
// /dev/zero or an endless pipe is refused like a large file). The bytes are decoded to UTF-8 (see
// decode_text): a file converted from GB18030 leaves its one-line note in *note, or on standard
// error when note is null (callers reading one file at a time).
// `keep_damaged_utf8`: see decode_text.
std::string read_input_file(const std::string& path, size_t max_bytes, std::string* note = nullptr,
                            bool keep_damaged_utf8 = false);

}  // namespace vetcheck
