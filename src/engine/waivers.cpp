#include "vetcheck/engine/waivers.hpp"

#include <algorithm>

#include "vetcheck/engine/status.hpp"

namespace vetcheck {

namespace {

// The waiver that names a result: one for its institution before one for every subject.
const Waiver* waiver_for(const Plan& plan, const Result& r) {
    const Waiver* general = nullptr;
    for (const Waiver& w : plan.waivers) {
        if (w.indicator != r.indicator().id) continue;
        if (w.institution.empty())
            general = general ? general : &w;
        else if (!r.on_whole_plan() && w.institution == r.subject->id)
            return &w;
    }
    return general;
}

bool waivable(Status s) {
    return status_info(s).waivable;
}

}  // namespace

void apply_waivers(const Plan& plan, std::vector<Result>& results, const Date& today) {
    if (plan.waivers.empty()) return;
    for (Result& r : results) {
        const Waiver* w = waiver_for(plan, r);
        if (!w) continue;
        if (r.status == Status::Error) {
            r.waiver = WaiverUse{w, WaiverState::NotWaivable, r.status};
        } else if (waivable(r.status)) {
            if (w->expires < today) {
                r.waiver = WaiverUse{w, WaiverState::Expired, r.status};
            } else {
                r.waiver = WaiverUse{w, WaiverState::Applied, r.status};
                r.status = Status::Waived;
                r.reason = Message("R-waiver", {{"reason", w->reason}});
            }
        }
    }
}

std::vector<WaiverFinding> waiver_findings(const Plan& plan, const std::vector<Result>& results) {
    std::vector<WaiverFinding> findings;
    for (const Waiver& w : plan.waivers) {
        WaiverFinding f;
        f.waiver = &w;
        bool expired = false, error = false, passes = false, not_due = false;
        for (const Result& r : results) {
            if (r.waiver && r.waiver->waiver == &w) {
                f.waived += r.waiver->state == WaiverState::Applied;
                expired = expired || r.waiver->state == WaiverState::Expired;
                error = error || r.waiver->state == WaiverState::NotWaivable;
            } else if (waiver_for(plan, r) == &w) {
                passes = passes || r.status == Status::Pass;
                not_due = not_due || r.status == Status::NotDue || r.status == Status::OnTrack ||
                          r.status == Status::Behind;
            }
        }
        if (f.waived > 0)
            f.state = WaiverState::Applied;
        else if (expired)
            f.state = WaiverState::Expired;
        else if (error)
            f.state = WaiverState::NotWaivable;
        else
            f.why = passes    ? WaiverFinding::Why::Passes
                    : not_due ? WaiverFinding::Why::NotDue
                              : WaiverFinding::Why::DoesNotApply;
        findings.push_back(std::move(f));
    }
    return findings;
}

}  // namespace vetcheck
