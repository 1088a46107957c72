#include "vetcheck/report/json_reporter.hpp"

namespace vetcheck::report {

namespace {

// Where things sit in the document: {"plans": [ plan ]} — a plan is two containers deep, and a
// result (or an indicator of the dictionary) one line, four containers deep.
constexpr JsonLayout kPlanLayout{4, 2};
constexpr int kFoldResults = 4;
// The summary's per-indicator counts, three deep, one line each.
constexpr int kFoldIndicatorCounts = 3;

}  // namespace

void JsonReporter::begin(const RunInfo& run, const ReportOptions& options, std::ostream& out) {
    Reporter::begin(run, options, out);
    writer_.emplace(out);
    writer_->fold_below(kFoldResults);
    writer_->begin_object();
    write_run_fields(*writer_, run, options);
    writer_->key("plans").begin_array();
}

std::string JsonReporter::render(const PlanReport& report) const {
    std::string text;
    JsonWriter w(text, kPlanLayout);
    w.begin_object();
    write_plan_fields(w, report, options_);
    w.end_object();
    return text;
}

void JsonReporter::plan_text(const PlanReport& report, std::string&& text, std::ostream&) {
    // Empty when the batch ran on one thread: nothing was rendered ahead.
    writer_->raw(text.empty() ? render(report) : text);
    totals_.add(report);
}

void JsonReporter::failure(const InputFailure& failure, std::ostream&) {
    std::string text;
    JsonWriter w(text, kPlanLayout);
    w.begin_object();
    write_error_fields(w, failure);
    w.end_object();
    errors_.push_back(std::move(text));
}

void JsonReporter::end(const RunTotals& totals, std::ostream&) {
    JsonWriter& w = *writer_;
    w.end_array();
    w.key("errors").begin_array();
    for (const auto& error : errors_) w.raw(error);
    w.end_array();
    w.fold_below(kFoldIndicatorCounts);
    w.key("summary").begin_object();
    totals_.write_fields(w, totals, options_);
    w.end_object();
    w.end_object();
    w.finish();
    errors_.clear();
    writer_.reset();
}

}  // namespace vetcheck::report
