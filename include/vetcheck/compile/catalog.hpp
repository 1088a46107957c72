#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "vetcheck/compile/compiled_rule.hpp"
#include "vetcheck/pack/limits.hpp"
#include "vetcheck/pack/pack.hpp"

namespace vetcheck {

// A pack compiled into the binary (see cmake/embed_packs.cmake).
struct EmbeddedPack {
    const char* id;
    const char* path;
    std::string_view text;
};
const std::vector<EmbeddedPack>& embedded_packs();

// The packs a plan answers to, merged along `extends` and checked: what the engine evaluates.
struct RuleSet {
    std::vector<const Pack*> packs;  // ancestors before descendants
    std::vector<std::string> requested;
    FactTable facts;
    // One rule per indicator id and subject, in pack order; a pack's restatement of a parent's
    // indicator takes the parent's place and holds the parent's version in `restated`. The parsed
    // indicators they point at are the packs', never changed by compiling.
    std::vector<CompiledRule> rules;
    // The conflicts declared by these packs between two of them (`conflicts:`), both sides here.
    std::vector<const Conflict*> conflicts;
    // The facts again for reading plans, which look up every key they write: by key, and the
    // prefixes their dotted keys have ("teachers" of teachers.professional). Both point into
    // `facts`; Catalog::compile makes them.
    std::unordered_map<std::string_view, const FactDef*> facts_by_key;
    std::unordered_set<std::string_view> fact_key_prefixes;
};

inline constexpr std::string_view kDefaultPack = "cn-2020-7";

// All known packs: the embedded ones, parsed only when first needed, and the user's --pack files,
// which replace an embedded pack of the same id. Rule sets are compiled once and shared by every
// plan that names the same packs. A rule set points into the catalog's packs: the catalog must
// outlive every rule set it compiled (the fuzz harness once broke this, by replacing its catalog
// between the rows of one spreadsheet).
class Catalog {
  public:
    Catalog();

    // The limits every pack is read with, from now on (file size, YAML, expressions).
    void set_limits(const Limits& limits) { limits_ = limits; }
    const Limits& limits() const { return limits_; }

    // Reads a user pack file; throws InputError.
    void add_file(const std::string& path);
    void add_text(std::string_view text, const std::string& name);

    std::vector<std::string> ids() const;
    // Every pack, parsed, each after the packs it extends (ties by id): for a report that lists,
    // before the first plan arrives, every indicator a plan of the run could be checked against.
    // A parent that is missing or a cycle is skipped here; compiling a plan's packs reports it.
    std::vector<const Pack*> packs_in_order() const;
    const Pack& get(const std::string& id, const SourceLocation& asked_at);
    std::shared_ptr<const RuleSet> compile(const std::vector<std::string>& ids,
                                           const SourceLocation& asked_at);

  private:
    struct Entry {
        std::string_view text;
        std::string path;
        std::string owned_text;
        std::unique_ptr<Pack> pack;
    };
    void collect(const std::string& id, const SourceLocation& asked_at,
                 std::vector<std::string>* stack, std::vector<const Pack*>* order);
    const Pack& parsed(const std::string& id, Entry& e) const;
    void add_conflicts(RuleSet* rules);

    // Plans checked in parallel share one catalog: packs are parsed and rule sets compiled once,
    // under this lock; what they hand out is immutable.
    mutable std::recursive_mutex mutex_;
    // Mutable: an embedded pack is parsed when first asked for, also by const readers.
    mutable std::map<std::string, Entry> entries_;
    std::map<std::string, std::shared_ptr<const RuleSet>> compiled_;
    Limits limits_;
};

}  // namespace vetcheck
