#include "vetcheck/report/xlsx_reporter.hpp"

#include <xlsxwriter.h>

#include <array>
#include <cerrno>
#include <ctime>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <unordered_set>

#include <fmt/format.h>

#include "vetcheck/base/messages.hpp"
#include "vetcheck/base/text.hpp"
#include "vetcheck/report/format.hpp"
#include "vetcheck/report/status_matrix.hpp"
#include "vetcheck/report/svg_charts.hpp"

#ifndef VETCHECK_VERSION
#define VETCHECK_VERSION "dev"
#endif

namespace vetcheck::report {

namespace {

// The columns of the results sheet, by their catalogue codes, in order.
enum ResultColumn {
    kPlanId,
    kPlanFile,
    kRegion,
    kLevel,
    kSubject,
    kPack,
    kIndicatorId,
    kIndicatorName,
    kStatus,
    kActual,
    kTarget,
    kRequirement,
    kGap,
    kDeadline,
    kReason,
    kSource,
    kResultColumns
};
constexpr const char* kResultCodes[kResultColumns] = {
    "L-xlsx-plan-id", "L-xlsx-file",     "L-xlsx-region",    "L-xlsx-level",
    "L-xlsx-subject", "L-xlsx-pack",     "L-xlsx-indicator", "L-xlsx-indicator-name",
    "L-xlsx-status",  "L-xlsx-actual",   "L-xlsx-target",    "L-xlsx-requirement",
    "L-xlsx-gap",     "L-xlsx-deadline", "L-xlsx-reason",    "L-xlsx-source"};
constexpr double kResultWidths[kResultColumns] = {16, 24, 12, 8,  24, 12, 12, 36,
                                                  12, 12, 12, 14, 36, 8,  36, 48};

constexpr const char* kErrorCodes[] = {"L-xlsx-file", "L-xlsx-line",    "L-xlsx-column",
                                       "L-xlsx-code", "L-xlsx-message", "L-xlsx-source-line"};
constexpr double kErrorWidths[] = {32, 8, 8, 24, 64, 48};

// The matrix's columns before the indicators: the plan.
constexpr const char* kMatrixPlanCodes[] = {"L-xlsx-plan-id", "L-xlsx-file", "L-xlsx-plan-name"};
constexpr lxw_col_t kMatrixPlanColumns = 3;

// Excel's own limit on a cell's text; longer text is cut at a character boundary.
constexpr size_t kMaxCellBytes = 32767;

std::string utc_now() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    ::gmtime_r(&t, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S UTC", &tm);
    return text;
}

// A colour of the status table's palette as libxlsxwriter takes it, mixed with white by `tint`
// (0: the colour, 1: white) so that the status word stays readable on it.
lxw_color_t colour(const char* hex, double tint) {
    unsigned value = static_cast<unsigned>(std::stoul(std::string(hex + 1), nullptr, 16));
    lxw_color_t out = 0;
    for (int shift : {16, 8, 0}) {
        double c = static_cast<double>((value >> shift) & 0xff);
        out |= static_cast<lxw_color_t>(c + (255.0 - c) * tint + 0.5) << shift;
    }
    return out;
}

}  // namespace

std::vector<std::string> xlsx_result_headings(Lang lang) {
    std::vector<std::string> out;
    for (const char* code : kResultCodes) out.emplace_back(phrase(code, lang));
    return out;
}

std::vector<std::string> xlsx_error_headings(Lang lang) {
    std::vector<std::string> out;
    for (const char* code : kErrorCodes) out.emplace_back(phrase(code, lang));
    return out;
}

std::vector<std::string> xlsx_matrix_headings(const std::vector<const Indicator*>& columns,
                                              Lang lang) {
    std::vector<std::string> out;
    for (const char* code : kMatrixPlanCodes) out.emplace_back(phrase(code, lang));
    for (const Indicator* ind : columns) out.push_back(ind->id);
    return out;
}

namespace xlsx_detail {
// A sheet written top to bottom. Past Excel's last row the results continue on another sheet of
// the same name and a number ("Results 2"), with the same headings: rows are never dropped.
struct Sheet {
    lxw_worksheet* ws = nullptr;
    lxw_row_t row = 0;  // the next row to write
    lxw_row_t header_rows = 1;
    lxw_col_t width = 0;
};
}  // namespace xlsx_detail
using xlsx_detail::Sheet;

struct XlsxReporter::Book {
    lxw_workbook* wb = nullptr;
    std::string tmpdir;
    Sheet summary;
    // Each written top to bottom; the last is written to, and another is added when it is full.
    std::vector<Sheet> results, matrix, errors;
    lxw_row_t rows_per_sheet = LXW_ROW_MAX;
    lxw_format* heading = nullptr;
    lxw_format* wrap = nullptr;
    lxw_format* integer = nullptr;
    lxw_format* percent = nullptr;
    lxw_format* title = nullptr;
    std::array<lxw_format*, kStatusCount> status{};  // the matrix's cells, by status
    // The mark and the word, not colour alone ("✗ fail"); and the word alone. Made once: a
    // national batch writes millions of them.
    std::array<std::string, kStatusCount> status_cell, status_word;
    std::unordered_map<std::string, lxw_format*> number_formats;
    std::vector<std::string> result_headings;

    ~Book() {
        // A run that failed before end(): the temporaries are closed and the file left to the
        // CLI, which removes it.
        if (wb) lxw_workbook_free(wb);
    }

    lxw_format* number_format(const std::string& pattern) {
        auto it = number_formats.find(pattern);
        if (it != number_formats.end()) return it->second;
        lxw_format* f = workbook_add_format(wb);
        format_set_num_format(f, pattern.c_str());
        number_formats.emplace(pattern, f);
        return f;
    }
};

namespace {

// Text as a cell holds it: no control characters (XML cannot carry them), within Excel's limit.
std::string cell_text(std::string_view raw) {
    std::string text = escape_controls(raw, "\n\t");
    if (text.size() > kMaxCellBytes) text = shorten(text, kMaxCellBytes);
    return text;
}

// Most text is clean, and a national batch writes millions of cells: only text with a control
// byte or past the limit is copied.
bool clean(std::string_view text) {
    if (text.size() > kMaxCellBytes) return false;
    for (size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) return false;
        // C1 controls, U+0080 to U+009F
        if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xa0)
            return false;
    }
    return is_valid_utf8(text);
}

void text(Sheet& s, lxw_col_t col, const std::string& value, lxw_format* f = nullptr) {
    if (value.empty()) return;
    if (clean(value))
        worksheet_write_string(s.ws, s.row, col, value.c_str(), f);
    else
        worksheet_write_string(s.ws, s.row, col, cell_text(value).c_str(), f);
}

void number(Sheet& s, lxw_col_t col, double value, lxw_format* f = nullptr) {
    worksheet_write_number(s.ws, s.row, col, value, f);
}

void headings(Sheet& s, const std::vector<std::string>& names, lxw_format* f) {
    for (size_t c = 0; c < names.size(); ++c) text(s, static_cast<lxw_col_t>(c), names[c], f);
    s.width = static_cast<lxw_col_t>(names.size());
    ++s.row;
}

// How a quantity is shown while staying a number: a share as a percentage, a ratio below one as
// "1:N" (the cell holds N), above one as "N:1", a multiple with 倍, anything else with its unit.
std::pair<double, std::string> shown_number(const Quantity& q) {
    double value = q.value.to_double();
    switch (q.notation) {
        case Notation::Percent:
            return {value, "0.0%"};
        case Notation::Ratio:
            if (value > 0 && value < 1) return {1 / value, "\"1:\"0.0"};
            return {value, "0.0\":1\""};
        case Notation::Multiple:
            return {value, "General\"倍\""};
        case Notation::Plain:
            break;
    }
    std::string unit = q.unit.to_string();
    if (unit.empty() || unit.find_first_of("\"\\") != std::string::npos) return {value, "General"};
    return {value, "General\"" + unit + "\""};
}

}  // namespace

XlsxReporter::XlsxReporter(unsigned rows_per_sheet) : rows_per_sheet_(rows_per_sheet) {}
XlsxReporter::~XlsxReporter() = default;

void XlsxReporter::fail(Message detail) const {
    std::string target = run_.target.empty() ? run_.file : run_.target;
    throw InputError(SourceLocation{target},
                     Message("E-xlsx-write", {{"error", std::move(detail)}}));
}

void XlsxReporter::begin(const RunInfo& run, const ReportOptions& options, std::ostream& out) {
    Reporter::begin(run, options, out);
    if (run.file.empty()) throw InputError(SourceLocation{"-f xlsx"}, Message("E-xlsx-needs-file"));
    started_at_ = utc_now();
    Lang lang = options.lang;
    book_ = std::make_unique<Book>();
    Book& b = *book_;
    b.rows_per_sheet = rows_per_sheet_;
    // The sheets wait on disk beside the target, not in /tmp: the target's file system is the one
    // known to hold the workbook, and /tmp may be memory.
    std::filesystem::path directory = std::filesystem::path(run.file).parent_path();
    b.tmpdir = directory.empty() ? std::string(".") : directory.string();
    lxw_workbook_options opts{};
    opts.constant_memory = LXW_TRUE;
    opts.tmpdir = b.tmpdir.data();
    b.wb = workbook_new_opt(run.file.c_str(), &opts);
    if (!b.wb) fail(Message("P-xlsx-no-memory"));

    b.heading = workbook_add_format(b.wb);
    format_set_bold(b.heading);
    format_set_bg_color(b.heading, 0xF6F8FA);
    format_set_bottom(b.heading, LXW_BORDER_THIN);
    b.title = workbook_add_format(b.wb);
    format_set_bold(b.title);
    format_set_font_size(b.title, 14);
    b.wrap = workbook_add_format(b.wb);
    format_set_text_wrap(b.wrap);
    b.integer = workbook_add_format(b.wb);
    format_set_num_format(b.integer, "0");
    b.percent = workbook_add_format(b.wb);
    format_set_num_format(b.percent, "0.0%");
    for (int i = 0; i < kStatusCount; ++i) {
        StatusStyle style = status_style(static_cast<Status>(i));
        lxw_format* f = workbook_add_format(b.wb);
        format_set_bg_color(f, colour(style.fill, 0.75));
        format_set_font_color(f, colour(style.ink, 0));
        b.status[i] = f;
        b.status_cell[i] =
            fmt::format("{} {}", status_mark(static_cast<Status>(i)), status_text(Status(i), lang));
        b.status_word[i] = status_text(Status(i), lang);
    }

    // The summary is the first tab, though it is written last.
    b.summary.ws = workbook_add_worksheet(b.wb, phrase("L-xlsx-sheet-summary", lang));
    if (!b.summary.ws) fail(Message("P-xlsx-no-temporary", {{"directory", b.tmpdir}}));
    b.result_headings = xlsx_result_headings(lang);
    add_sheet(Part::Results);
    // The matrix's columns are every indicator a plan of the run could be checked against, so
    // each plan's row is written as it arrives. Without a catalog (a caller outside the command
    // line) they are the first plan's, and its headings wait for that plan.
    if (run.catalog) {
        columns_ = matrix_columns(*run.catalog);
        for (size_t i = 0; i < columns_.size(); ++i) column_.emplace(columns_[i]->id, i);
        add_sheet(Part::Matrix);
    }
    add_sheet(Part::Errors);
}

// A sheet of one of the parts, its headings written: the first, or the next when the last is full
// (Excel's limit of 1,048,576 rows), named with a number ("Results 2"). Rows are never dropped.
void XlsxReporter::add_sheet(Part part) {
    Book& b = *book_;
    Lang lang = options_.lang;
    static constexpr const char* kNames[] = {"L-xlsx-sheet-results", "L-xlsx-sheet-matrix",
                                             "L-xlsx-sheet-errors"};
    std::vector<Sheet>& sheets = part == Part::Results  ? b.results
                                 : part == Part::Matrix ? b.matrix
                                                        : b.errors;
    std::string name = phrase(kNames[static_cast<int>(part)], lang);
    if (!sheets.empty()) name += fmt::format(" {}", sheets.size() + 1);
    Sheet s;
    s.ws = workbook_add_worksheet(b.wb, name.c_str());
    if (!s.ws) fail(Message("P-xlsx-no-temporary", {{"directory", b.tmpdir}}));
    switch (part) {
        case Part::Results:
            headings(s, b.result_headings, b.heading);
            worksheet_freeze_panes(s.ws, 1, 0);
            for (lxw_col_t c = 0; c < kResultColumns; ++c)
                worksheet_set_column(s.ws, c, c, kResultWidths[c], nullptr);
            break;
        case Part::Matrix:
            // The plan's columns and each indicator's id, then its name under it.
            headings(s, xlsx_matrix_headings(columns_, lang), b.heading);
            for (size_t i = 0; i < columns_.size(); ++i)
                text(s, static_cast<lxw_col_t>(kMatrixPlanColumns + i), columns_[i]->name.in(lang),
                     b.heading);
            ++s.row;
            s.header_rows = 2;
            worksheet_freeze_panes(s.ws, 2, kMatrixPlanColumns);
            worksheet_set_column(s.ws, 0, 0, 16, nullptr);
            worksheet_set_column(s.ws, 1, 2, 24, nullptr);
            if (!columns_.empty())
                worksheet_set_column(
                    s.ws, kMatrixPlanColumns,
                    static_cast<lxw_col_t>(kMatrixPlanColumns + columns_.size() - 1), 12, nullptr);
            break;
        case Part::Errors:
            headings(s, xlsx_error_headings(lang), b.heading);
            worksheet_freeze_panes(s.ws, 1, 0);
            for (lxw_col_t c = 0; c < s.width; ++c)
                worksheet_set_column(s.ws, c, c, kErrorWidths[c], nullptr);
            break;
    }
    sheets.push_back(s);
}

// The sheet of `part` to write the next row to.
Sheet& XlsxReporter::row_of(Part part) {
    Book& b = *book_;
    std::vector<Sheet>& sheets = part == Part::Results  ? b.results
                                 : part == Part::Matrix ? b.matrix
                                                        : b.errors;
    if (sheets.back().row >= b.rows_per_sheet) add_sheet(part);
    return sheets.back();
}

void XlsxReporter::plan(const PlanReport& report, std::ostream&) {
    Book& b = *book_;
    Lang lang = options_.lang;
    const Plan& p = *report.plan;
    for (const Pack* pack : report.rules->packs) packs_.emplace(pack->info.id, &pack->info);

    if (b.matrix.empty()) {  // no catalog: the first plan's packs
        columns_ = matrix_columns(*report.rules);
        for (size_t i = 0; i < columns_.size(); ++i) column_.emplace(columns_[i]->id, i);
        add_sheet(Part::Matrix);
    }

    std::string level = p.level.empty() ? "" : vetcheck::render(level_name(p.level), lang);
    std::vector<std::optional<Status>> cells(columns_.size());
    for (const Result& r : report.results) {
        auto stats = indicator_row_.try_emplace(r.indicator().id, indicators_.size());
        if (stats.second) indicators_.push_back({r.indicator().id, r.indicator().name, {}});
        ++indicators_[stats.first->second].counts[static_cast<int>(r.status)];

        add_to_row(cells, column_, r, "xlsx");

        // n/a results are most of a batch's: counted in the summary, rows only with --all, as in
        // the JSON report and the database.
        if (r.status == Status::NotApplicable && !options_.show_all) continue;
        Sheet& s = row_of(Part::Results);
        const Indicator& ind = r.indicator();
        text(s, kPlanId, p.id);
        text(s, kPlanFile, p.file);
        text(s, kRegion, p.region);
        text(s, kLevel, level);
        text(s, kSubject, subject_text(r, lang));
        text(s, kPack, ind.pack_id);
        text(s, kIndicatorId, ind.id);
        text(s, kIndicatorName, ind.name.in(lang));
        text(s, kStatus, b.status_word[static_cast<int>(r.status)],
             b.status[static_cast<int>(r.status)]);
        // A requirement's actual is yes or no: text. A measure's is a number, shown as the pack
        // writes it (57.0%, 1:350.0, 12人).
        if (r.actual && !ind.is_requirement()) {
            auto [value, pattern] = shown_number(*r.actual);
            number(s, kActual, value, b.number_format(pattern));
        } else {
            text(s, kActual, actual_text(r, lang));
        }
        if (r.target && !ind.is_requirement()) {
            auto [value, pattern] = shown_number(*r.target);
            number(s, kTarget, value, b.number_format(pattern));
        }
        text(s, kRequirement, target_text(r, lang));
        text(s, kGap, gap_text(r, lang));
        if (ind.deadline) number(s, kDeadline, ind.deadline, b.integer);
        text(s, kReason, r.reason.text(lang));
        text(s, kSource, ind.source.reference());
        ++s.row;
    }

    Sheet& m = row_of(Part::Matrix);
    text(m, 0, p.id);
    text(m, 1, p.file);
    text(m, 2, p.name);
    for (size_t i = 0; i < cells.size(); ++i) {
        // n/a is most of a national batch's matrix (a school is not checked on a province's
        // targets): left blank, as the results sheet leaves its rows out, unless --all.
        if (!cells[i] || (*cells[i] == Status::NotApplicable && !options_.show_all)) continue;
        int st = static_cast<int>(*cells[i]);
        worksheet_write_string(m.ws, m.row, static_cast<lxw_col_t>(kMatrixPlanColumns + i),
                               b.status_cell[st].c_str(), b.status[st]);
    }
    ++m.row;
}

void XlsxReporter::failure(const InputFailure& f, std::ostream&) {
    Sheet& s = row_of(Part::Errors);
    const InputError& e = f.error;
    const SourceLocation& where = e.where();
    text(s, 0, where.file.str());
    if (where.line) number(s, 1, where.line, book_->integer);
    if (where.column) number(s, 2, where.column, book_->integer);
    text(s, 3, e.code());
    text(s, 4, e.message(options_.lang));
    text(s, 5, f.source_line);
    ++s.row;
}

void XlsxReporter::write_summary(const RunTotals& totals) {
    Book& b = *book_;
    Lang lang = options_.lang;
    Sheet& s = b.summary;
    worksheet_set_column(s.ws, 0, 0, 28, nullptr);
    worksheet_set_column(s.ws, 1, 1, 40, nullptr);
    worksheet_set_column(s.ws, 2, 2 + kStatusCount + 3, 12, nullptr);
    text(s, 0, phrase("L-xlsx-title", lang), b.title);
    s.row += 2;
    auto field = [&](const char* code, const std::string& value) {
        text(s, 0, phrase(code, lang), b.heading);
        text(s, 1, value);
        ++s.row;
    };
    auto count = [&](const char* code, double value) {
        text(s, 0, phrase(code, lang), b.heading);
        number(s, 1, value, b.integer);
        ++s.row;
    };
    field("L-xlsx-date", started_at_);
    field("L-xlsx-version", VETCHECK_VERSION);
    field("L-xlsx-inputs", join(run_.inputs, " "));
    count("L-xlsx-plans", static_cast<double>(totals.plans));
    count("L-xlsx-not-checked", static_cast<double>(totals.failures));
    count("L-xlsx-results", totals.total.total);
    ++s.row;

    // The packs the plans were checked against, with what dates them.
    text(s, 0, phrase("L-xlsx-pack", lang), b.heading);
    text(s, 1, phrase("L-xlsx-pack-title", lang), b.heading);
    text(s, 2, phrase("L-xlsx-document", lang), b.heading);
    text(s, 3, phrase("L-xlsx-period", lang), b.heading);
    ++s.row;
    for (const auto& [id, info] : packs_) {
        text(s, 0, id);
        text(s, 1, info->title.in(lang));
        text(s, 2, info->document_number);
        if (info->period_from) text(s, 3, fmt::format("{}–{}", info->period_from, info->period_to));
        ++s.row;
    }
    ++s.row;

    // Every status of the table, in its order, with its mark and word.
    text(s, 0, phrase("L-xlsx-status", lang), b.heading);
    text(s, 1, phrase("L-xlsx-count", lang), b.heading);
    ++s.row;
    for (int i = 0; i < kStatusCount; ++i) {
        text(s, 0, b.status_cell[i], b.status[i]);
        number(s, 1, totals.total.counts[i], b.integer);
        ++s.row;
    }
    ++s.row;

    // Per indicator: each status's count, the checks that count towards a pass rate, the rate.
    lxw_col_t col = 0;
    text(s, col++, phrase("L-xlsx-indicator", lang), b.heading);
    text(s, col++, phrase("L-xlsx-indicator-name", lang), b.heading);
    for (int i = 0; i < kStatusCount; ++i)
        text(s, col++, status_text(static_cast<Status>(i), lang), b.status[i]);
    text(s, col++, phrase("L-xlsx-checked", lang), b.heading);
    text(s, col++, phrase("L-xlsx-pass-rate", lang), b.heading);
    lxw_row_t first = s.row;
    ++s.row;
    for (const auto& stats : indicators_) {
        col = 0;
        text(s, col++, stats.id);
        text(s, col++, stats.name.in(lang));
        for (int i = 0; i < kStatusCount; ++i) number(s, col++, stats.counts[i], b.integer);
        number(s, col++, stats.checked(), b.integer);
        // No rate where nothing counted: never a pass (or 0%) for what could not be computed.
        if (stats.checked() > 0)
            number(s, col, static_cast<double>(stats.passed()) / stats.checked(), b.percent);
        ++s.row;
    }
    worksheet_autofilter(s.ws, first, 0, s.row - 1, col);
}

void XlsxReporter::end(const RunTotals& totals, std::ostream&) {
    Book& b = *book_;
    write_summary(totals);
    for (auto* part : {&b.results, &b.matrix, &b.errors})
        for (Sheet& s : *part)
            worksheet_autofilter(s.ws, static_cast<lxw_row_t>(s.header_rows - 1), 0, s.row - 1,
                                 static_cast<lxw_col_t>(s.width - 1));
    lxw_workbook* wb = b.wb;
    b.wb = nullptr;  // workbook_close frees it, whatever it returns
    errno = 0;
    lxw_error rc = workbook_close(wb);
    // The system's reason (no space, permission denied) when there is one, in the report's
    // language; else libxlsxwriter's own words.
    if (rc != LXW_NO_ERROR)
        fail(errno ? system_error_text(errno)
                   : Message("P-system-error", {{"text", lxw_strerror(rc)}}));
}

}  // namespace vetcheck::report
