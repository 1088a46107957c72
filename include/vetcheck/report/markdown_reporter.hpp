#pragma once

#include <string>
#include <string_view>

#include "vetcheck/report/reporter.hpp"

namespace vetcheck::report {

// A summary for a pull-request comment (GitHub-flavoured Markdown): per plan a heading, a line with
// the verdict and the counts, a table of what needs attention, and the passing checks folded away.
class MarkdownReporter : public BatchReporter {
  public:
    void write_batch(const std::vector<PlanReport>& reports, const ReportOptions& options,
                     std::ostream& out) override;
};

// Text as it must be written inside a Markdown table cell: pipes and the characters that start
// inline markup are backslash-escaped, line breaks become <br>.
std::string markdown_escape(std::string_view text);

}  // namespace vetcheck::report
