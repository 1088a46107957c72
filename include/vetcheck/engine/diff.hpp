#pragma once

#include <string>
#include <vector>

#include "vetcheck/engine/result.hpp"
#include "vetcheck/model/plan.hpp"

namespace vetcheck {

// How one check (indicator × subject) changed between two drafts of a plan.
enum class ResultChangeKind {
    NewlyFailing,   // failing now (fail, missing, error, advisory), not before (or not checked)
    NewlyPassing,   // failing before, not now (pass, waived, not-due, n/a)
    GapGrew,        // failing in both, further from the target
    GapShrank,      // failing in both, closer to the target
    StatusChanged,  // any other change of status (fail → missing, pass → not-due …)
    Removed,        // failing before and no longer checked (institution or pack removed)
};
const char* result_change_name(ResultChangeKind k);  // "newly-failing", "gap-grew", …

struct ResultChange {
    ResultChangeKind kind;
    const Result* before = nullptr;  // null for a check the old draft did not have
    const Result* after = nullptr;   // null for Removed
    bool required = false;           // the indicator is required (not advisory)
    // Counts against the new draft: a check whose status the run's --fail-on policy now fails on
    // and did not before, or a check it fails on whose gap grew. The same policy as the exit code
    // of checking the new draft.
    bool worse = false;

    const Result& any() const { return after ? *after : *before; }
};

enum class FactChangeKind { Added, Removed, Changed, Renamed };
const char* fact_change_name(FactChangeKind k);  // "added", "removed", "changed", "renamed"

struct FactChange {
    FactChangeKind kind;
    const Subject* subject = nullptr;  // in the new draft (old for Removed); the plan's whole
    bool whole_plan = false;           // a fact of the plan as a whole (facts:)
    std::string key;                   // the new key (the old one for Removed)
    std::string old_key;               // Renamed: a key removed whose value a new key took over
    const FactValue* before = nullptr;
    const FactValue* after = nullptr;
};

// An institution in only one of the drafts (matched by id); its facts are not listed one by one.
struct InstitutionChange {
    bool added = false;
    const Subject* institution = nullptr;
};

// A changed field of the plan's metadata: year, level, packs, type, name.
struct PlanFieldChange {
    std::string field;
    std::string before;
    std::string after;
};

struct PlanDiff {
    const Plan* before = nullptr;
    const Plan* after = nullptr;
    std::vector<PlanFieldChange> plan_fields;
    std::vector<ResultChange> results;  // in the new draft's order, then the removed ones
    std::vector<FactChange> facts;
    std::vector<InstitutionChange> institutions;
    int unchanged = 0;  // checks in both drafts with the same status and gap

    bool worse() const;
    int count(ResultChangeKind k) const;
};

// Compares two checked drafts. Checks are matched by indicator id and subject (the plan as a
// whole, or the institution's id); facts by subject and key. A fact removed and another added with
// the same value in the same subject is reported as a possible rename. The results must come from
// check_plan on the plans given (their pointers are kept). `policy` decides what counts as worse.
PlanDiff diff_plans(const Plan& before, const std::vector<Result>& before_results,
                    const Plan& after, const std::vector<Result>& after_results,
                    const FailPolicy& policy = FailPolicy::standard());

}  // namespace vetcheck
