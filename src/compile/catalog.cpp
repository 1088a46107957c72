#include "vetcheck/compile/catalog.hpp"

#include <algorithm>

#include <fmt/format.h>

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
        throw InputError(asked_at,
                         fmt::format("unknown pack '{}'{}", id, suggestion_suffix(id, ids())));
    return parsed(id, it->second);
}

const Pack& Catalog::parsed(const std::string& id, Entry& e) const {
    if (!e.pack) {
        e.pack = std::make_unique<Pack>(load_pack(e.text, e.path, limits_));
        if (e.pack->info.id != id)
            throw InputError(
                e.pack->info.where,
                fmt::format("pack id '{}' does not match its file name '{}'", e.pack->info.id, id));
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
        throw InputError(
            asked_at, fmt::format("packs extend each other in a cycle: {}", join(*stack, " → ")));
    }
    const Pack& pack = get(id, asked_at);
    if (std::find(order->begin(), order->end(), &pack) != order->end()) return;
    stack->push_back(id);
    for (const auto& parent : pack.info.extends)
        collect(parent, pack.info.extends_where, stack, order);
    stack->pop_back();
    order->push_back(&pack);
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
            throw InputError(ne.reason_where,
                             fmt::format("not_encoded[].reason: expected a pack that '{}' extends "
                                         "after stated-by-higher-pack, got '{}'",
                                         pack.info.id, ne.reason_ref));
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
    for (const Pack* pack : rules->packs) {
        for (const FactDef& f : pack->facts) {
            auto [it, inserted] = rules->facts.emplace(f.key, f);
            if (!inserted && !it->second.same_definition(f))
                throw InputError(
                    f.where, fmt::format("fact '{}' is declared differently in pack '{}' ({})",
                                         f.key, it->second.pack_id, it->second.where.to_string()));
        }
        check_higher_packs_named(*pack, rules->packs);
        for (const Drop& drop : pack->drops) {
            auto it = std::find_if(rules->indicators.begin(), rules->indicators.end(),
                                   [&](const Indicator& i) { return i.id == drop.id; });
            if (it == rules->indicators.end())
                throw InputError(
                    drop.where,
                    fmt::format("drops: no pack that '{}' extends has an indicator '{}'",
                                pack->info.id, drop.id));
            rules->indicators.erase(it);
        }
        for (const Indicator& ind : pack->indicators) {
            // A pack that restates an indicator of a pack it extends takes its place in the list,
            // keeping the parent's version beside it: both bind, and the levels line up under one
            // id.
            auto same = std::find_if(
                rules->indicators.begin(), rules->indicators.end(),
                [&](const Indicator& i) { return i.id == ind.id && i.subject == ind.subject; });
            if (same == rules->indicators.end()) {
                rules->indicators.push_back(ind);
                continue;
            }
            Indicator parent = std::move(*same);
            *same = ind;
            same->restated = std::move(parent.restated);
            same->restated.push_back(std::move(parent));
        }
    }
    check_rule_set(*rules);
    for (const auto& [key, def] : rules->facts) {
        rules->facts_by_key.emplace(key, &def);
        for (size_t dot = key.find('.'); dot != std::string::npos; dot = key.find('.', dot + 1))
            rules->fact_key_prefixes.emplace(std::string_view(key).substr(0, dot));
    }
    compiled_[cache_key] = rules;
    return rules;
}

namespace {

expr::Type check_expression(const SourceExpr& e, const FactTable& facts, expr::Scope scope,
                            const std::string& what) {
    expr::Type type;
    expr::CheckError err;
    if (!expr::check(*e.tree, facts, scope, &type, &err))
        throw InputError(e.at(err.offset), fmt::format("{}: {}", what, err.message));
    return type;
}

void require_kind(const SourceExpr& e, const expr::Type& t, expr::Type::Kind kind,
                  const std::string& what) {
    if (t.kind != kind)
        throw InputError(
            e.at(0), fmt::format("{}: expected {}, got {}", what,
                                 kind == expr::Type::Kind::Bool ? "a yes/no condition" : "a number",
                                 expr::describe(t)));
}

}  // namespace

namespace {

void check_indicator_expressions(Indicator& ind, const FactTable& facts);

}  // namespace

void check_rule_set(RuleSet& rules) {
    for (Indicator& ind : rules.indicators) {
        check_indicator_expressions(ind, rules.facts);
        for (Indicator& version : ind.restated) check_indicator_expressions(version, rules.facts);
    }
}

namespace {

void check_indicator_expressions(Indicator& ind, const FactTable& facts) {
    using Kind = expr::Type::Kind;
    ind.name_width = {display_width(ind.name.in(Lang::Zh)), display_width(ind.name.in(Lang::En))};
    {
        if (ind.when)
            require_kind(*ind.when,
                         check_expression(*ind.when, facts, ind.subject, ind.id + ".when"),
                         Kind::Bool, ind.id + ".when");
        if (ind.require) {
            require_kind(*ind.require,
                         check_expression(*ind.require, facts, ind.subject, ind.id + ".require"),
                         Kind::Bool, ind.id + ".require");
            return;
        }
        expr::Type m = check_expression(*ind.measure, facts, ind.subject, ind.id + ".measure");
        expr::Type t = check_expression(*ind.target, facts, ind.subject, ind.id + ".target");
        require_kind(*ind.measure, m, Kind::Number, ind.id + ".measure");
        require_kind(*ind.target, t, Kind::Number, ind.id + ".target");
        if (!m.free_unit && !t.free_unit && !(m.unit == t.unit))
            throw InputError(ind.target->at(0),
                             fmt::format("{}: the target is in {} but the measure is in {}", ind.id,
                                         t.unit.none() ? "no unit" : t.unit.to_string(),
                                         m.unit.none() ? "no unit" : m.unit.to_string()));
        if (ind.rollup) {
            const FactDef& f = facts.at(ind.measure->tree->name);
            if (f.type != FactType::Count && f.type != FactType::Amount)
                throw InputError(
                    ind.where,
                    fmt::format("{}.rollup: '{}' is a {}; only counts and amounts add up", ind.id,
                                f.key, fact_type_name(f.type)));
        }
        ind.unit = m.free_unit ? t.unit : m.unit;
        ind.notation = t.notation != Notation::Plain ? t.notation : m.notation;
        if (ind.target->tree->kind == expr::Expr::Kind::Number)
            ind.constant_target_text = ind.target_text(
                Quantity{ind.target->tree->number.value, ind.unit, ind.notation}.to_string(2));
        if (!ind.lever.empty()) {
            auto reads = expr::facts_read(*ind.measure->tree);
            auto target_reads = expr::facts_read(*ind.target->tree);
            reads.insert(reads.end(), target_reads.begin(), target_reads.end());
            if (std::find(reads.begin(), reads.end(), ind.lever) == reads.end())
                throw InputError(ind.where,
                                 fmt::format("{}.lever: '{}' is not read by the measure or target",
                                             ind.id, ind.lever));
        }
    }
}

}  // namespace

}  // namespace vetcheck
