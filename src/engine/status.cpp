#include "vetcheck/engine/status.hpp"

#include <algorithm>

namespace vetcheck {

namespace {

using enum SarifLevel;
using J = JunitOutcome;

// Missing data weighs as much as a failure wherever a run is judged: it fails the run by default,
// is an error in SARIF and a JUnit error, so that a gate reading any of them sees the same thing.
constexpr std::array<StatusInfo, kStatusCount> kStatuses = {{
    {Status::Pass, "pass", "✓", "达标", "pass", 1, false, false, false, None, J::Failure,
     J::Passed},
    {Status::Fail, "fail", "✗", "未达标", "fail", 8, true, true, true, Error, J::Failure,
     J::Skipped},
    {Status::Missing, "missing", "?", "缺少数据", "missing data", 7, true, true, true, Error,
     J::Error, J::Skipped},
    {Status::Error, "error", "!", "无法计算", "error", 9, true, true, false, Error, J::Error,
     J::Skipped},
    {Status::NotDue, "not-due", "…", "未到期", "not due", 4, false, false, false, Note, J::Failure,
     J::Skipped},
    {Status::NotApplicable, "n/a", "-", "不适用", "n/a", 0, false, false, false, None, J::Failure,
     J::Skipped},
    {Status::Advisory, "advisory", "*", "建议性未达标", "advisory", 6, false, true, true, Warning,
     J::Failure, J::Passed},
    {Status::Waived, "waived", "~", "已豁免", "waived", 2, false, false, false, Note, J::Failure,
     J::Passed},
    // Progress of a target not yet due (时间过半、任务过半): advisory unless --fail-on behind.
    {Status::OnTrack, "on-track", "↑", "进度达标", "on track", 3, false, false, false, Note,
     J::Failure, J::Skipped},
    {Status::Behind, "behind", "↓", "进度滞后", "behind", 5, false, true, false, Warning,
     J::Failure, J::Skipped},
}};

constexpr std::array<Status, kStatusCount> worst_first() {
    std::array<Status, kStatusCount> order{};
    for (int i = 0; i < kStatusCount; ++i) order[i] = kStatuses[i].status;
    std::sort(order.begin(), order.end(), [](Status a, Status b) {
        return kStatuses[static_cast<int>(a)].rank > kStatuses[static_cast<int>(b)].rank;
    });
    return order;
}

constexpr std::array<Status, kStatusCount> kWorstFirst = worst_first();

// The table is indexed by the enum: keep them in step.
constexpr bool in_enum_order() {
    for (int i = 0; i < kStatusCount; ++i)
        if (static_cast<int>(kStatuses[i].status) != i) return false;
    return true;
}
static_assert(in_enum_order());

}  // namespace

const StatusInfo& status_info(Status s) {
    return kStatuses[static_cast<int>(s)];
}

const std::array<Status, kStatusCount>& statuses_worst_first() {
    return kWorstFirst;
}

const char* status_name(Status s) {
    return status_info(s).name.data();
}

bool parse_status(std::string_view text, Status* out) {
    for (const StatusInfo& info : kStatuses) {
        if (text == info.name) {
            *out = info.status;
            return true;
        }
    }
    return false;
}

FailPolicy FailPolicy::standard() {
    FailPolicy p;
    for (const StatusInfo& info : kStatuses)
        p.fails[static_cast<int>(info.status)] = info.fails_by_default;
    return p;
}

}  // namespace vetcheck
