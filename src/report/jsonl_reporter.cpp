#include "vetcheck/report/jsonl_reporter.hpp"

#include "vetcheck/report/json_writer.hpp"

namespace vetcheck::report {

namespace {

// Every record on one line: nothing is laid out below the top.
constexpr JsonLayout kOneLine{0, 0};

// One record: `{"type": TYPE, ...}` and a newline.
template <typename WriteFields>
void append_record(std::string& text, const char* type, WriteFields&& write_fields) {
    JsonWriter w(text, kOneLine);
    w.begin_object();
    w.key("type").value(type);
    write_fields(w);
    w.end_object();
    w.finish();
}

}  // namespace

void JsonLinesReporter::begin(const RunInfo& run, const ReportOptions& options, std::ostream& out) {
    Reporter::begin(run, options, out);
    std::string text;
    append_record(text, "run", [&](JsonWriter& w) { write_run_fields(w, run, options); });
    out << text;
}

std::string JsonLinesReporter::render(const PlanReport& report) const {
    std::string text;
    append_record(text, "plan", [&](JsonWriter& w) { write_plan_fields(w, report, options_); });
    return text;
}

void JsonLinesReporter::plan_text(const PlanReport& report, std::string&& text, std::ostream& out) {
    // Empty when the batch ran on one thread: nothing was rendered ahead.
    out << (text.empty() ? render(report) : text);
    totals_.add(report);
}

void JsonLinesReporter::failure(const InputFailure& failure, std::ostream& out) {
    std::string text;
    append_record(text, "error", [&](JsonWriter& w) { write_error_fields(w, failure); });
    out << text;
}

void JsonLinesReporter::end(const RunTotals& totals, std::ostream& out) {
    std::string text;
    append_record(text, "summary",
                  [&](JsonWriter& w) { totals_.write_fields(w, totals, options_); });
    out << text;
}

}  // namespace vetcheck::report
