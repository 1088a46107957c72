#pragma once

#include <cstddef>

#include "vetcheck/report/reporter.hpp"

namespace vetcheck::report {

// JUnit XML, valid against the Jenkins xUnit plugin's junit-10.xsd. Streams: one <testsuite> per
// plan, written as the plan arrives, with its own counts; nothing of a plan is kept. The
// <testsuites> totals are known only at the end: written to a file, the root's start tag is
// written with room for them (spaces, which XML allows before the closing '>') and they are written
// into it when the run ends; on standard output or a pipe the root has no totals (junit-10.xsd
// makes them optional, and Jenkins, GitLab and GitHub's JUnit readers sum the suites).
class JunitReporter : public Reporter {
  public:
    void begin(const RunInfo& run, const ReportOptions& options, std::ostream& out) override;
    void plan(const PlanReport& report, std::ostream& out) override;
    void end(const RunTotals& totals, std::ostream& out) override;

  private:
    long long tests_ = 0, failures_ = 0, errors_ = 0;
    size_t root_room_ = 0;  // bytes of the root's start tag when totals go into it, else 0
};

}  // namespace vetcheck::report
