#include <catch2/catch.hpp>

#include "vetcheck/engine/status.hpp"

using namespace vetcheck;
using S = Status;

namespace {
const std::vector<S> kWorstFirst = {S::Error,  S::Fail,         S::Missing, S::Advisory,
                                    S::Behind, S::NotDue,       S::OnTrack, S::Waived,
                                    S::Pass,   S::NotApplicable};
}

TEST_CASE("Status table: one order of severity, worst first", "[status]") {
    for (size_t i = 0; i + 1 < kWorstFirst.size(); ++i) {
        CHECK(severity_rank(kWorstFirst[i]) > severity_rank(kWorstFirst[i + 1]));
        CHECK(worse(kWorstFirst[i], kWorstFirst[i + 1]) == kWorstFirst[i]);
        CHECK(worse(kWorstFirst[i + 1], kWorstFirst[i]) == kWorstFirst[i]);
    }
    const auto& order = statuses_worst_first();
    CHECK(std::vector<S>(order.begin(), order.end()) == kWorstFirst);
}

TEST_CASE("Status table: names round-trip and are what --fail-on takes", "[status]") {
    for (S s : kWorstFirst) {
        S parsed = S::Pass;
        REQUIRE(parse_status(status_name(s), &parsed));
        CHECK(parsed == s);
        CHECK(status_info(s).status == s);
    }
    S out = S::Pass;
    CHECK_FALSE(parse_status("failed", &out));
    CHECK(std::string(status_name(S::NotApplicable)) == "n/a");
}

TEST_CASE("Status table: the default policy fails on fail, missing and error only", "[status]") {
    FailPolicy p = FailPolicy::standard();
    for (S s : kWorstFirst)
        CHECK(p.fails_on(s) == (s == S::Fail || s == S::Missing || s == S::Error));
}

TEST_CASE("Status table: what fails the run by default weighs as an error in SARIF and JUnit",
          "[status]") {
    FailPolicy p = FailPolicy::standard();
    for (S s : kWorstFirst) {
        const StatusInfo& info = status_info(s);
        if (p.fails_on(s)) {
            CHECK(info.sarif == SarifLevel::Error);
            CHECK(info.junit_when_failing != JunitOutcome::Passed);
            CHECK(info.junit_when_failing != JunitOutcome::Skipped);
        } else {
            CHECK(info.sarif != SarifLevel::Error);
            CHECK(info.junit_otherwise != JunitOutcome::Failure);
            CHECK(info.junit_otherwise != JunitOutcome::Error);
        }
    }
    CHECK(status_info(S::Missing).sarif == SarifLevel::Error);  // was a warning in SARIF alone
}

TEST_CASE("Status table: only a failure, missing data or a missed soft target may be waived",
          "[status]") {
    for (S s : kWorstFirst)
        CHECK(status_info(s).waivable == (s == S::Fail || s == S::Missing || s == S::Advisory));
}

TEST_CASE("Status table: every status has a mark and words in both languages", "[status]") {
    for (S s : kWorstFirst) {
        const StatusInfo& info = status_info(s);
        CHECK_FALSE(info.mark.empty());
        CHECK_FALSE(info.zh.empty());
        CHECK_FALSE(info.en.empty());
    }
}

TEST_CASE("Status table: progress is advisory until --fail-on behind", "[status][progress]") {
    FailPolicy p = FailPolicy::standard();
    CHECK_FALSE(p.fails_on(S::Behind));
    CHECK_FALSE(p.fails_on(S::OnTrack));
    CHECK(status_info(S::Behind).needs_attention);
    CHECK_FALSE(status_info(S::OnTrack).needs_attention);
    S parsed = S::Pass;
    REQUIRE(parse_status("behind", &parsed));
    CHECK(parsed == S::Behind);
}
