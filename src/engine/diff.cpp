#include "vetcheck/engine/diff.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "vetcheck/base/text.hpp"

namespace vetcheck {

const char* result_change_name(ResultChangeKind k) {
    switch (k) {
        case ResultChangeKind::NewlyFailing:
            return "newly-failing";
        case ResultChangeKind::NewlyPassing:
            return "newly-passing";
        case ResultChangeKind::GapGrew:
            return "gap-grew";
        case ResultChangeKind::GapShrank:
            return "gap-shrank";
        case ResultChangeKind::StatusChanged:
            return "status-changed";
        case ResultChangeKind::Removed:
            return "removed";
    }
    return "?";
}

const char* fact_change_name(FactChangeKind k) {
    switch (k) {
        case FactChangeKind::Added:
            return "added";
        case FactChangeKind::Removed:
            return "removed";
        case FactChangeKind::Changed:
            return "changed";
        case FactChangeKind::Renamed:
            return "renamed";
    }
    return "?";
}

bool PlanDiff::worse() const {
    return std::any_of(results.begin(), results.end(), [](const auto& r) { return r.worse; });
}

int PlanDiff::count(ResultChangeKind k) const {
    return static_cast<int>(
        std::count_if(results.begin(), results.end(), [&](const auto& r) { return r.kind == k; }));
}

namespace {

// Listed as failing in a comparison: what the run fails on, and missed soft targets.
bool failing(Status s, const FailPolicy& policy) {
    return policy.fails_on(s) || status_info(s).needs_attention;
}

// A check's identity across drafts: the indicator, and the subject by id (the plan as a whole
// whatever its id).
using Key = std::tuple<std::string, int, std::string>;
Key key_of(const Result& r) {
    return {r.indicator().id, static_cast<int>(r.indicator().subject),
            r.on_whole_plan() ? std::string() : r.subject->id};
}

// -1, 0 or 1 when both gaps are known and comparable; nullopt otherwise.
std::optional<int> compare_gaps(const Result& a, const Result& b) {
    if (!a.gap || !b.gap || !(a.gap->unit == b.gap->unit)) return std::nullopt;
    if (a.gap->value == b.gap->value) return 0;
    return a.gap->value < b.gap->value ? -1 : 1;
}

std::optional<ResultChange> compare(const Result* before, const Result& after,
                                    const FailPolicy& policy) {
    ResultChange c{ResultChangeKind::StatusChanged, before, &after};
    c.required = after.indicator().severity == Severity::Required;
    bool now = failing(after.status, policy);
    bool then = before && failing(before->status, policy);
    if (now && !then) {
        c.kind = ResultChangeKind::NewlyFailing;
        c.worse = policy.fails_on(after.status) && !(before && policy.fails_on(before->status));
        return c;
    }
    if (!before) return std::nullopt;  // a new check that does not fail: nothing to report
    if (then && !now) {
        c.kind = ResultChangeKind::NewlyPassing;
        return c;
    }
    if (before->status != after.status) {
        // fail → missing, advisory → fail …: worse when the run now fails on it and did not.
        c.worse = policy.fails_on(after.status) && !policy.fails_on(before->status);
        return c;
    }
    if (!now) return std::nullopt;
    auto gaps = compare_gaps(*before, after);
    if (!gaps || *gaps == 0) return std::nullopt;
    c.kind = *gaps < 0 ? ResultChangeKind::GapGrew : ResultChangeKind::GapShrank;
    c.worse = c.kind == ResultChangeKind::GapGrew && policy.fails_on(after.status);
    return c;
}

bool same_value(const FactValue& a, const FactValue& b) {
    if (a.value.index() != b.value.index()) return false;
    if (const auto* qa = std::get_if<Quantity>(&a.value)) {
        const auto& qb = std::get<Quantity>(b.value);
        return qa->value == qb.value && qa->unit == qb.unit;
    }
    if (const auto* ba = std::get_if<bool>(&a.value)) return *ba == std::get<bool>(b.value);
    return false;
}

void diff_facts(const Subject& before, const Subject& after, bool whole,
                std::vector<FactChange>* out) {
    std::vector<FactChange> removed, added;
    for (const auto& [key, value] : before.facts) {
        const FactValue* now = after.find(key);
        if (!now)
            removed.push_back(
                FactChange{FactChangeKind::Removed, &before, whole, key, "", &value, nullptr});
        else if (!same_value(value, *now))
            out->push_back(
                FactChange{FactChangeKind::Changed, &after, whole, key, "", &value, now});
    }
    for (const auto& [key, value] : after.facts)
        if (!before.find(key))
            added.push_back(
                FactChange{FactChangeKind::Added, &after, whole, key, "", nullptr, &value});
    // A key that disappeared and one that appeared with the same value: most likely a rename.
    for (auto& r : removed) {
        auto match = std::find_if(added.begin(), added.end(), [&](const FactChange& a) {
            return a.kind == FactChangeKind::Added && same_value(*r.before, *a.after);
        });
        if (match == added.end()) continue;
        match->kind = FactChangeKind::Renamed;
        match->old_key = r.key;
        match->before = r.before;
        r.kind = FactChangeKind::Renamed;  // folded into the added one
    }
    for (auto& r : removed)
        if (r.kind == FactChangeKind::Removed) out->push_back(r);
    out->insert(out->end(), added.begin(), added.end());
}

}  // namespace

PlanDiff diff_plans(const Plan& before, const std::vector<Result>& before_results,
                    const Plan& after, const std::vector<Result>& after_results,
                    const FailPolicy& policy) {
    PlanDiff d;
    d.before = &before;
    d.after = &after;

    auto field = [&](const char* name, const std::string& a, const std::string& b) {
        if (a != b) d.plan_fields.push_back(PlanFieldChange{name, a, b});
    };
    field("name", before.name, after.name);
    field("level", before.level, after.level);
    field("type", before.whole.type, after.whole.type);
    field("year", std::to_string(before.year), std::to_string(after.year));
    field("packs", join(before.packs, ", "), join(after.packs, ", "));

    std::map<Key, const Result*> old_by_key;
    for (const Result& r : before_results) old_by_key.emplace(key_of(r), &r);
    std::map<Key, bool> seen;
    for (const Result& r : after_results) {
        Key k = key_of(r);
        seen[k] = true;
        auto it = old_by_key.find(k);
        const Result* old = it == old_by_key.end() ? nullptr : it->second;
        if (auto c = compare(old, r, policy))
            d.results.push_back(*c);
        else if (old)
            ++d.unchanged;
    }
    for (const Result& r : before_results) {
        if (seen.count(key_of(r)) || !failing(r.status, policy)) continue;
        ResultChange c{ResultChangeKind::Removed, &r, nullptr};
        c.required = r.indicator().severity == Severity::Required;
        d.results.push_back(c);
    }

    diff_facts(before.whole, after.whole, true, &d.facts);
    for (const Subject& inst : after.institutions) {
        auto old = std::find_if(before.institutions.begin(), before.institutions.end(),
                                [&](const Subject& s) { return s.id == inst.id; });
        if (old == before.institutions.end())
            d.institutions.push_back(InstitutionChange{true, &inst});
        else
            diff_facts(*old, inst, false, &d.facts);
    }
    for (const Subject& inst : before.institutions) {
        bool kept = std::any_of(after.institutions.begin(), after.institutions.end(),
                                [&](const Subject& s) { return s.id == inst.id; });
        if (!kept) d.institutions.push_back(InstitutionChange{false, &inst});
    }
    return d;
}

}  // namespace vetcheck
