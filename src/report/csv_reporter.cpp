#include "vetcheck/report/csv_reporter.hpp"

#include <optional>
#include <stdexcept>

#include "vetcheck/base/text.hpp"
#include "vetcheck/report/format.hpp"
#include "vetcheck/report/status_matrix.hpp"

namespace vetcheck::report {

namespace {

// Without it Excel reads UTF-8 as the local code page and Chinese names come out garbled.
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

const std::vector<std::string> kColumns = {
    "plan_file",      "plan_id",        "plan_name",    "level",
    "year",           "subject_id",     "subject_name", "subject_type",
    "indicator_id",   "indicator_name", "pack",         "status",
    "actual",         "target",         "gap",          "shortfall_change",
    "shortfall_fact", "missing",        "reason",       "severity",
    "deadline",       "location",       "source_file",  "source_section",
    "source_quote"};

// The change in the lever fact's own scale, as a number a spreadsheet reads: a share as a
// percentage ("3.5%" reads as 0.035), anything else as a plain decimal; negative means fewer.
std::string change_text(const Shortfall& s) {
    if (s.fact->type == FactType::Share) return (s.change() * Rational(100)).to_decimal(4) + "%";
    return s.change().to_decimal(4);
}

std::string subject_name(const Result& r, Lang lang) {
    if (r.on_whole_plan() && !r.plan->is_school()) return label(Label::WholePlan, lang);
    return r.subject->name;
}

std::vector<std::string> result_fields(const Result& r, Lang lang) {
    const Plan& plan = *r.plan;
    const Indicator& ind = r.indicator();
    const Citation& src = ind.source;
    return {csv_text(plan.file),
            csv_text(plan.id),
            csv_text(plan.name),
            plan.level,
            std::to_string(plan.year),
            csv_text(r.subject->id),
            csv_text(subject_name(r, lang)),
            r.subject->type,
            ind.id,
            csv_text(ind.name.in(lang)),
            ind.pack_id,
            status_name(r.status),
            actual_text(r, lang),  // numbers we format: "-3" must stay a number
            target_text(r, lang),
            csv_text(gap_text(r, lang)),
            r.shortfall ? change_text(*r.shortfall) : "",
            r.shortfall ? r.shortfall->fact->key : "",
            join(r.missing, " "),
            csv_text(r.reason.text(lang)),
            ind.severity == Severity::Advisory ? "advisory" : "required",
            ind.deadline ? std::to_string(ind.deadline) : "",
            r.deciding.known() ? csv_text(r.deciding.to_string()) : "",
            csv_text(src.file),
            csv_text(src.section),
            csv_text(src.quote)};
}

}  // namespace

std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string csv_text(std::string_view raw) {
    std::string text = escape_controls(raw);
    bool formula =
        !text.empty() && std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos;
    return formula ? "'" + text : text;
}

std::string csv_row(const std::vector<std::string>& fields) {
    std::string row;
    for (size_t i = 0; i < fields.size(); ++i) {
        if (i) row += ',';
        row += csv_field(fields[i]);
    }
    return row + "\r\n";
}

void CsvReporter::begin(const RunInfo& run, const ReportOptions& options, std::ostream& out) {
    Reporter::begin(run, options, out);
    out << kByteOrderMark << csv_row(kColumns);
}

void CsvReporter::plan(const PlanReport& report, std::ostream& out) {
    // Every result, n/a included: a spreadsheet filters, and a missing row would look like a gap.
    for (const auto& r : report.results) out << csv_row(result_fields(r, options_.lang));
}

void CsvReporter::failure(const InputFailure& failure, std::ostream& out) {
    // One row for the input, status error, its location and the message as the reason: filtering
    // on status shows it, and no row at all would look like a plan with nothing to check.
    const InputError& e = failure.error;
    std::vector<std::string> row(kColumns.size());
    auto set = [&](std::string_view column, std::string value) {
        for (size_t i = 0; i < kColumns.size(); ++i)
            if (kColumns[i] == column) row[i] = std::move(value);
    };
    set("plan_file", csv_text(e.where().file.str()));
    set("status", status_name(Status::Error));
    set("reason", csv_text(e.message(options_.lang)));
    set("location", csv_text(e.where().to_string()));
    out << csv_row(row);
}

void CsvMatrixReporter::write_header(const std::vector<const Indicator*>& columns,
                                     std::ostream& out) {
    std::vector<std::string> header = {"plan_file", "plan_id", "plan_name"};
    for (const Indicator* ind : columns) {
        column_.emplace(ind->id, header.size() - 3);
        header.push_back(ind->id);
    }
    width_ = columns.size();
    out << kByteOrderMark << csv_row(header);
    header_written_ = true;
}

void CsvMatrixReporter::begin(const RunInfo& run, const ReportOptions& options, std::ostream& out) {
    Reporter::begin(run, options, out);
    if (run.catalog) write_header(matrix_columns(*run.catalog), out);
}

void CsvMatrixReporter::plan(const PlanReport& report, std::ostream& out) {
    if (!header_written_) write_header(matrix_columns(*report.rules), out);
    const Plan& plan = *report.plan;
    std::vector<std::optional<Status>> cells(width_);
    for (const auto& r : report.results) add_to_row(cells, column_, r, "csv-matrix");
    std::vector<std::string> row = {csv_text(plan.file), csv_text(plan.id), csv_text(plan.name)};
    for (const auto& cell : cells) row.push_back(cell ? status_name(*cell) : "");
    out << csv_row(row);
}

void CsvMatrixReporter::failure(const InputFailure& failure, std::ostream& out) {
    if (!header_written_) return;  // no catalog and no plan yet: the columns are not known
    const InputError& e = failure.error;
    std::vector<std::string> row = {
        csv_text(e.where().file.str()), "",
        csv_text(e.where().to_string() + ": " + e.message(options_.lang))};
    row.resize(3 + width_);
    out << csv_row(row);
}

void CsvMatrixReporter::end(const RunTotals&, std::ostream& out) {
    if (!header_written_) write_header({}, out);
}

}  // namespace vetcheck::report
