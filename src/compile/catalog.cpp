#include "vetcheck/compile/catalog.hpp"

#include <algorithm>

#include "vetcheck/base/input_file.hpp"
#include "vetcheck/base/text.hpp"
#include "vetcheck/pack/pack_loader.hpp"

namespace vetcheck {

Catalog::Catalog() {
    for (const auto& p : embedded_packs()) entries_[p.id] = Entry{p.text, p.path, "", nullptr};
}

void Catalog::add_file(const std::string& path) {
    add_text(read_input_file(path, limits_.max_file_bytes), path);
}

void Catalog::add_text(std::string_view text, const std::string& name) {
    auto pack = std::make_unique<Pack>(load_pack(text, name, limits_));
    std::lock_guard lock(mutex_);
    std::string id = pack->info.id;
    entries_[id] = Entry{{}, name, std::string(text), std::move(pack)};
    compiled_.clear();
}

std::vector<std::string> Catalog::ids() const {
    std::lock_guard lock(mutex_);
    std::vector<std::string> out;
    for (const auto& [id, e] : entries_) out.push_back(id);
    return out;
}

const Pack& Catalog::get(const std::string& id, const SourceLocation& asked_at) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(id);
    if (it == entries_.end())
        throw InputError(asked_at, Message("E-pack-unknown",
                                           {{"id", id}, {"suggestion", suggestion(id, ids())}}));
    return parsed(id, it->second);
}

const Pack& Catalog::parsed(const std::string& id, Entry& e) const {
    if (!e.pack) {
        e.pack = std::make_unique<Pack>(load_pack(e.text, e.path, limits_));
        if (e.pack->info.id != id)
            throw InputError(e.pack->info.where, Message("E-pack-id-not-file-name",
                                                         {{"id", e.pack->info.id}, {"file", id}}));
    }
    return *e.pack;
}

std::vector<const Pack*> Catalog::packs_in_order() const {
    std::lock_guard lock(mutex_);
    std::vector<const Pack*> order;
    std::unordered_set<std::string> seen;
    // Depth first, parents before children; `seen` is set on entry, so a cycle ends the descent.
    auto visit = [&](const auto& self, const std::string& id) -> void {
        auto it = entries_.find(id);
        if (it == entries_.end() || !seen.insert(id).second) return;
        const Pack& pack = parsed(id, it->second);
        for (const auto& parent : pack.info.extends) self(self, parent);
        order.push_back(&pack);
    };
    for (const auto& entry : entries_) visit(visit, entry.first);
    return order;
}

void Catalog::collect(const std::string& id, const SourceLocation& asked_at,
                      std::vector<std::string>* stack, std::vector<const Pack*>* order) {
    if (std::find(stack->begin(), stack->end(), id) != stack->end()) {
        stack->push_back(id);
        throw InputError(asked_at, Message("E-pack-cycle", {{"cycle", join(*stack, " → ")}}));
    }
    const Pack& pack = get(id, asked_at);
    if (std::find(order->begin(), order->end(), &pack) != order->end()) return;
    stack->push_back(id);
    for (const auto& parent : pack.info.extends)
        collect(parent, pack.info.extends_where, stack, order);
    stack->pop_back();
    order->push_back(&pack);
}

// Each side of a declared conflict names a known pack and, when it names an indicator, one that
// pack states; a conflict binds a rule set that holds both sides' packs.
void Catalog::add_conflicts(RuleSet* rules) {
    auto in_rules = [&](const std::string& id) {
        return std::any_of(rules->packs.begin(), rules->packs.end(),
                           [&](const Pack* p) { return p->info.id == id; });
    };
    for (const Pack* pack : rules->packs) {
        for (const Conflict& c : pack->conflicts) {
            for (const ConflictSide& side : c.sides) {
                const Pack& other = get(side.pack, side.where);
                if (side.indicator.empty()) continue;
                std::vector<std::string> known;
                for (const Indicator& ind : other.indicators) known.push_back(ind.id);
                if (std::find(known.begin(), known.end(), side.indicator) == known.end())
                    throw InputError(side.where,
                                     Message("E-conflict-indicator-unknown",
                                             {{"key", "conflicts[].between[].indicator"},
                                              {"pack", side.pack},
                                              {"found", side.indicator},
                                              {"suggestion", suggestion(side.indicator, known)}}));
            }
            if (in_rules(c.sides[0].pack) && in_rules(c.sides[1].pack))
                rules->conflicts.push_back(&c);
        }
    }
}

namespace {

// Whether `pack` extends the pack `id`, directly or through its parents; `packs` holds them all.
bool extends_transitively(const Pack& pack, const std::string& id,
                          const std::vector<const Pack*>& packs) {
    for (const std::string& parent : pack.info.extends) {
        if (parent == id) return true;
        for (const Pack* p : packs)
            if (p->info.id == parent && extends_transitively(*p, id, packs)) return true;
    }
    return false;
}

// `stated-by-higher-pack: X` must name a pack above this one, or the accounting points nowhere.
void check_higher_packs_named(const Pack& pack, const std::vector<const Pack*>& packs) {
    for (const NotEncoded& ne : pack.not_encoded)
        if (ne.reason == NotEncodedReason::StatedByHigherPack &&
            !extends_transitively(pack, ne.reason_ref, packs))
            throw InputError(ne.reason_where, Message("E-not-encoded-pack-not-extended",
                                                      {{"key", "not_encoded[].reason"},
                                                       {"reason", "stated-by-higher-pack"},
                                                       {"pack", pack.info.id},
                                                       {"found", ne.reason_ref}}));
}

}  // namespace

std::shared_ptr<const RuleSet> Catalog::compile(const std::vector<std::string>& ids,
                                                const SourceLocation& asked_at) {
    std::lock_guard lock(mutex_);
    std::string cache_key = join(ids, ",");
    if (auto it = compiled_.find(cache_key); it != compiled_.end()) return it->second;
    auto rules = std::make_shared<RuleSet>();
    rules->requested = ids;
    std::vector<std::string> stack;
    for (const auto& id : ids) collect(id, asked_at, &stack, &rules->packs);
    // Each indicator with the versions of it that the packs it restates state, parents first.
    struct Chain {
        const Indicator* head;
        std::vector<const Indicator*> restated;
    };
    std::vector<Chain> chains;
    for (const Pack* pack : rules->packs) {
        for (const FactDef& f : pack->facts) {
            auto [it, inserted] = rules->facts.emplace(f.key, f);
            if (!inserted && !it->second.same_definition(f))
                throw InputError(f.where, Message("E-fact-declared-differently",
                                                  {{"key", f.key},
                                                   {"pack", it->second.pack_id},
                                                   {"at", it->second.where.to_string()}}));
        }
        check_higher_packs_named(*pack, rules->packs);
        for (const Drop& drop : pack->drops) {
            auto it = std::find_if(chains.begin(), chains.end(),
                                   [&](const Chain& c) { return c.head->id == drop.id; });
            if (it == chains.end())
                throw InputError(drop.where, Message("E-drop-unknown", {{"key", "drops"},
                                                                        {"pack", pack->info.id},
                                                                        {"id", drop.id}}));
            chains.erase(it);
        }
        for (const Indicator& ind : pack->indicators) {
            // A pack that restates an indicator of a pack it extends takes its place in the list,
            // keeping the parent's version beside it: both bind, and the levels line up under one
            // id.
            auto same = std::find_if(chains.begin(), chains.end(), [&](const Chain& c) {
                return c.head->id == ind.id && c.head->subject == ind.subject;
            });
            if (same == chains.end())
                chains.push_back(Chain{&ind, {}});
            else {
                same->restated.push_back(same->head);
                same->head = &ind;
            }
        }
    }
    add_conflicts(rules.get());
    rules->rules.reserve(chains.size());
    for (const Chain& chain : chains)
        rules->rules.push_back(compile_rule(*chain.head, chain.restated, rules->facts));
    for (const auto& [key, def] : rules->facts) {
        rules->facts_by_key.emplace(key, &def);
        for (size_t dot = key.find('.'); dot != std::string::npos; dot = key.find('.', dot + 1))
            rules->fact_key_prefixes.emplace(std::string_view(key).substr(0, dot));
    }
    compiled_[cache_key] = rules;
    return rules;
}

}  // namespace vetcheck
