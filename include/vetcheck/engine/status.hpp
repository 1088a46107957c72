#pragma once

#include <array>
#include <string_view>

namespace vetcheck {

// OnTrack and Behind: a target not yet due, measured from its baseline (engine/progress.hpp).
enum class Status {
    Pass,
    Fail,
    Missing,
    Error,
    NotDue,
    NotApplicable,
    Advisory,
    Waived,
    OnTrack,
    Behind
};
inline constexpr int kStatusCount = 10;

// How a SARIF result and a JUnit test case show a status.
enum class SarifLevel { None, Note, Warning, Error };  // None: not a finding, left out
enum class JunitOutcome { Passed, Failure, Error, Skipped };

// What a status means, in one place: every reporter, diff, the batch summary, the status matrix
// and the exit code read this table, so that they cannot disagree on what is worse or what fails.
struct StatusInfo {
    Status status;
    std::string_view name;  // "pass", "fail", … as --fail-on and the JSON report spell it
    std::string_view mark;  // one character for text reports: ✓ ✗ ? ! … - * ~
    std::string_view zh;
    std::string_view en;
    // Higher is worse: the order of attention tables, the cell a matrix shows for several
    // results, and which version of a restated target decides.
    int rank;
    bool fails_by_default;  // counted against the run by the default --fail-on
    bool needs_attention;   // listed as a problem in reports (failing, or a missed soft target)
    bool waivable;          // a plan's waiver may replace it
    SarifLevel sarif;
    JunitOutcome junit_when_failing;  // when --fail-on counts it
    JunitOutcome junit_otherwise;
};

const StatusInfo& status_info(Status s);
// Every status, worst first: the order of attention lists.
const std::array<Status, kStatusCount>& statuses_worst_first();

const char* status_name(Status s);  // "pass", "fail", "missing", "error", "not-due", "n/a", …
bool parse_status(std::string_view text, Status* out);
inline int severity_rank(Status s) {
    return status_info(s).rank;
}
inline Status worse(Status a, Status b) {
    return severity_rank(b) > severity_rank(a) ? b : a;
}

// Which statuses fail a run (exit 1). By default those the table marks; --fail-on changes it.
struct FailPolicy {
    std::array<bool, kStatusCount> fails{};
    static FailPolicy standard();
    bool fails_on(Status s) const { return fails[static_cast<int>(s)]; }
};

}  // namespace vetcheck
