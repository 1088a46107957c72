#pragma once

#include <string>
#include <string_view>

#include "vetcheck/report/reporter.hpp"

namespace vetcheck::report {

// A summary for a pull-request comment (GitHub-flavoured Markdown): per plan a heading, a line with
// the verdict and the counts, a table of what needs attention, and the passing checks folded away.
// Streams plan by plan; an input that could not be checked gets a heading with its file:line:col
// and the message, in input order.
class MarkdownReporter : public Reporter {
  public:
    void begin(const RunInfo& run, const ReportOptions& options, std::ostream& out) override;
    void plan(const PlanReport& report, std::ostream& out) override;
    void failure(const InputFailure& failure, std::ostream& out) override;
    void end(const RunTotals& totals, std::ostream& out) override;

  private:
    size_t entries_ = 0;  // plans and failures written, for the blank line between them
};

// Text as it must be written inside a Markdown table cell: pipes and the characters that start
// inline markup are backslash-escaped, line breaks become <br>.
std::string markdown_escape(std::string_view text);

}  // namespace vetcheck::report
