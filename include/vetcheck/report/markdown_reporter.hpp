#pragma once

#include <map>
#include <string>
#include <string_view>

#include "vetcheck/report/reporter.hpp"

namespace vetcheck::report {

// GitHub refuses a comment longer than this many characters.
inline constexpr size_t kMarkdownCommentLimit = 65536;

// A summary for a pull-request comment (GitHub-flavoured Markdown): per plan a heading, a line with
// the verdict and the counts, a table of what needs attention, and the passing checks folded away;
// an input that could not be checked gets a heading with its file:line:col and the message, in
// input order. The whole comment stays within `budget` characters (code points): past it the
// folded lists of passing checks are cut first (the latest plans' first), then whole plans, the
// least severe first (the worst status of a plan, the latest first within it), and the comment
// ends saying how many of each were left out and how to get every result. Memory is bounded by
// the budget: sections are held while they may still be cut, and written at the end.
class MarkdownReporter : public Reporter {
  public:
    explicit MarkdownReporter(size_t budget = kMarkdownCommentLimit) : budget_(budget) {}
    void begin(const RunInfo& run, const ReportOptions& options, std::ostream& out) override;
    void plan(const PlanReport& report, std::ostream& out) override;
    void failure(const InputFailure& failure, std::ostream& out) override;
    void end(const RunTotals& totals, std::ostream& out) override;

    size_t sections_held() const { return held_.size(); }

    struct Section {
        int rank;            // the worst status's; inputs that could not be checked above all
        bool failed;         // the plan fails the run (or the input could not be checked)
        std::string text;    // heading, verdict and what needs attention
        std::string folded;  // the passing (and with --all the n/a) checks, folded away
        size_t text_chars = 0, folded_chars = 0;
        bool folded_cut = false;  // its passing checks were cut (counted while it stays)
    };

  private:
    void add(size_t seq, Section section);
    size_t section_budget() const;

    size_t budget_;
    size_t seq_ = 0;
    std::map<size_t, Section> held_;  // by input order
    size_t chars_ = 0;                // of the held sections, with the blank lines between them
    size_t folded_cut_ = 0, plans_cut_ = 0, failing_cut_ = 0, inputs_cut_ = 0;
};

// Text as it must be written inside a Markdown table cell: pipes and the characters that start
// inline markup are backslash-escaped, line breaks become <br>.
std::string markdown_escape(std::string_view text);

}  // namespace vetcheck::report
