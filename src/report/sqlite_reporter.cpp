#include "vetcheck/report/sqlite_reporter.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>

#include <fmt/format.h>

#include "vetcheck/base/text.hpp"
#include "vetcheck/engine/progress.hpp"
#include "vetcheck/input/results_schema.hpp"
#include "vetcheck/report/format.hpp"
#include "vetcheck/report/progress_text.hpp"

#ifndef VETCHECK_VERSION
#define VETCHECK_VERSION "dev"
#endif

namespace vetcheck::report {

namespace {

// Plans per transaction: few enough that a transaction's pages stay in the cache, many enough
// that committing costs nothing beside the inserts.
constexpr size_t kPlansPerTransaction = 2000;

std::string utc_now() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    ::gmtime_r(&t, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

std::string fail_on_text(const FailPolicy& policy) {
    std::vector<std::string> names;
    for (int i = 0; i < kStatusCount; ++i)
        if (policy.fails_on(static_cast<Status>(i))) names.emplace_back(status_name(Status(i)));
    return join(names, ",");
}

// A copy of `from`'s bytes into `to`, which exists (the temporary the CLI made): the run is
// appended to the earlier ones, and the target is replaced only when the run is whole.
void copy_file(const std::string& from, const std::string& to) {
    std::ifstream in(from, std::ios::binary);
    std::ofstream out(to, std::ios::binary | std::ios::trunc);
    if (!in || !out) throw InputError(SourceLocation{from}, Message("E-sqlite-copy"));
    out << in.rdbuf();
    out.flush();
    if (!out) throw InputError(SourceLocation{to}, Message("E-sqlite-copy"));
}

}  // namespace

struct SqliteReporter::Statements {
    sqlite3_stmt* plan = nullptr;
    sqlite3_stmt* pack = nullptr;
    sqlite3_stmt* indicator = nullptr;
    sqlite3_stmt* result = nullptr;
    sqlite3_stmt* fact = nullptr;
    sqlite3_stmt* missing = nullptr;
    sqlite3_stmt* error = nullptr;
    sqlite3_stmt* progress = nullptr;
    sqlite3_stmt* figure = nullptr;

    ~Statements() {
        for (sqlite3_stmt* s :
             {plan, pack, indicator, result, fact, missing, error, progress, figure})
            sqlite3_finalize(s);
    }
};

namespace {

// Binding helpers: parameters are numbered from 1 in the order of the statement's columns.
class Row {
  public:
    explicit Row(sqlite3_stmt* st) : st_(st) {}
    Row& text(std::string_view s) {
        sqlite3_bind_text(st_, ++i_, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Row& text_or_null(std::string_view s) { return s.empty() ? null() : text(s); }
    Row& integer(long long v) {
        sqlite3_bind_int64(st_, ++i_, v);
        return *this;
    }
    Row& integer_or_null(long long v) { return v ? integer(v) : null(); }
    Row& real(const std::optional<Quantity>& q) {
        if (!q) return null();
        sqlite3_bind_double(st_, ++i_, q->value.to_double());
        return *this;
    }
    Row& real(const Rational& v) {
        sqlite3_bind_double(st_, ++i_, v.to_double());
        return *this;
    }
    Row& null() {
        sqlite3_bind_null(st_, ++i_);
        return *this;
    }

  private:
    sqlite3_stmt* st_;
    int i_ = 0;
};

// A fact's value as a number, as the reports show it, and exactly ("num/den": what --history reads
// back); NULLs for a value that is neither a number nor a yes/no.
void bind_fact_value(Row& row, const Value* value, Lang lang) {
    if (const auto* q = value ? std::get_if<Quantity>(value) : nullptr) {
        row.real(q->value)
            .text(q->to_string())
            .text(fmt::format("{}/{}", q->value.numerator(), q->value.denominator()));
    } else if (const bool* b = value ? std::get_if<bool>(value) : nullptr) {
        bool zh = lang == Lang::Zh;
        row.integer(*b ? 1 : 0)
            .text(*b ? (zh ? "是" : "yes") : (zh ? "否" : "no"))
            .text(*b ? "1/1" : "0/1");
    } else {
        row.null().null().null();
    }
}

}  // namespace

SqliteReporter::SqliteReporter() = default;

SqliteReporter::~SqliteReporter() {
    st_.reset();
    if (db_) sqlite3_close(db_);
}

void SqliteReporter::fail(const char* code) const {
    std::string target = run_.target.empty() ? run_.file : run_.target;
    // SQLite's own reason ("disk I/O error", "database or disk is full") as the system gives it.
    throw InputError(SourceLocation{target},
                     Message(code, {{"error", db_ ? sqlite3_errmsg(db_) : "out of memory"}}));
}

void SqliteReporter::exec(const char* sql) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail("E-sqlite-write");
}

void SqliteReporter::begin(const RunInfo& run, const ReportOptions& options, std::ostream& out) {
    Reporter::begin(run, options, out);
    std::string target = run.target.empty() ? run.file : run.target;
    if (run.file.empty())
        throw InputError(SourceLocation{"-f sqlite"}, Message("E-sqlite-needs-file"));
    std::error_code ec;
    // A database is pages written back and forth, not a stream: /dev/null or a pipe cannot hold
    // one.
    if (std::filesystem::exists(target, ec) && !std::filesystem::is_regular_file(target, ec))
        throw InputError(SourceLocation{target}, Message("E-sqlite-not-a-file"));
    if (run.file != target && std::filesystem::is_regular_file(target, ec) &&
        std::filesystem::file_size(target, ec) > 0)
        copy_file(target, run.file);
    if (sqlite3_open_v2(run.file.c_str(), &db_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK)
        fail("E-sqlite-open");
    sqlite3_extended_result_codes(db_, 1);
    open_schema();
    // The file is a temporary that replaces the target only when the run is whole, and the CLI
    // syncs it then: a journal on disk would protect nothing.
    // A cache of fixed size (16 MB) keeps the index pages a batch inserts into at hand.
    exec(
        "PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF; PRAGMA foreign_keys=ON; "
        "PRAGMA cache_size=-16384;");

    auto prepare = [this](const char* sql, sqlite3_stmt** st) {
        if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, st, nullptr) != SQLITE_OK)
            fail("E-sqlite-write");
    };
    st_ = std::make_unique<Statements>();
    prepare(
        "INSERT INTO plans (run, file, plan_id, name, region, level, year, status, "
        "not_applicable) VALUES (?,?,?,?,?,?,?,?,?)",
        &st_->plan);
    prepare(
        "INSERT INTO packs (run, id, title_zh, title_en, document_number, period_from, "
        "period_to, level, extends, source_document) VALUES (?,?,?,?,?,?,?,?,?,?)",
        &st_->pack);
    prepare(
        "INSERT INTO indicators (run, pack, indicator, name_zh, name_en, severity, deadline) "
        "VALUES (?,?,?,?,?,?,?)",
        &st_->indicator);
    prepare(
        "INSERT INTO results (run, plan, indicator, subject_id, subject_name, subject_type, "
        "status, actual, target, gap, actual_value, target_value, gap_value, reason) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        &st_->result);
    prepare(
        "INSERT INTO result_facts (result, key, subject_id, file, line, value, value_text, "
        "value_exact) VALUES (?,?,?,?,?,?,?,?)",
        &st_->fact);
    prepare(
        "INSERT INTO progress (result, base_year, year, deadline, baseline, baseline_text, value, "
        "value_text, target, target_text, time_elapsed, task_done, level, level_text, on_track, "
        "projected_at_deadline, projected_text, reached_in, text) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        &st_->progress);
    prepare("INSERT INTO progress_figures (result, year, value) VALUES (?,?,?)", &st_->figure);
    prepare("INSERT INTO missing_facts (result, key) VALUES (?,?)", &st_->missing);
    prepare("INSERT INTO errors (run, file, line, \"column\", message) VALUES (?,?,?,?,?)",
            &st_->error);

    exec("BEGIN");
    sqlite3_stmt* st = nullptr;
    prepare(
        "INSERT INTO runs (started_at, vetcheck_version, lang, fail_on, inputs) "
        "VALUES (?,?,?,?,?)",
        &st);
    Row(st)
        .text(utc_now())
        .text(VETCHECK_VERSION)
        .text(options.lang == Lang::Zh ? "zh" : "en")
        .text(fail_on_text(options.policy))
        .text(join(run.inputs, " "));
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) fail("E-sqlite-write");
    run_id_ = sqlite3_last_insert_rowid(db_);
}

// An empty file gets the schema; a vetcheck database of this schema version is appended to, one of
// an earlier version is upgraded first (its rows kept), and anything else is refused rather than
// written into.
void SqliteReporter::open_schema() {
    auto read_int = [this](const char* sql) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db_, sql, -1, &st, nullptr) != SQLITE_OK)
            fail("E-sqlite-not-database");
        long long value = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
        sqlite3_finalize(st);
        return value;
    };
    long long version = read_int("PRAGMA user_version");
    long long tables = read_int("SELECT count(*) FROM sqlite_schema WHERE type = 'table'");
    std::string target = run_.target.empty() ? run_.file : run_.target;
    if (tables > 0) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db_,
                               "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT "
                               "LIKE 'sqlite_%' ORDER BY name",
                               -1, &st, nullptr) != SQLITE_OK)
            fail("E-sqlite-not-database");
        const auto& known = results_tables();
        std::vector<std::string> others;
        while (sqlite3_step(st) == SQLITE_ROW) {
            std::string name = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
            if (std::find(known.begin(), known.end(), name) == known.end()) others.push_back(name);
        }
        sqlite3_finalize(st);
        if (!others.empty())
            throw InputError(SourceLocation{target},
                             Message("E-sqlite-other-tables", {{"tables", others}}));
    }
    // A later version (a newer vetcheck's) or a version without tables is not one this can append
    // to.
    if (version > kResultsSchemaVersion || (tables == 0) != (version == 0))
        throw InputError(SourceLocation{target},
                         Message("E-sqlite-schema-version",
                                 {{"expected", kResultsSchemaVersion}, {"found", version}}));
    if (version == kResultsSchemaVersion) return;
    exec("BEGIN");
    for (long long step = version + 1; step <= kResultsSchemaVersion; ++step)
        exec(results_schema_step(static_cast<int>(step)));
    exec(fmt::format("PRAGMA user_version = {}", kResultsSchemaVersion).c_str());
    exec("COMMIT");
}

namespace {
void step(sqlite3_stmt* st, const std::function<void()>& on_error) {
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_DONE) on_error();
}
}  // namespace

// The packs and indicators of a rule set, once per run: every indicator is described, even one
// whose results are all n/a and left out.
void SqliteReporter::add_rules(const RuleSet& rules) {
    if (!rule_sets_.insert(&rules).second) return;
    for (const Pack* pack : rules.packs) {
        const PackInfo& p = pack->info;
        if (packs_.count(p.id)) continue;
        packs_[p.id] = true;
        Row(st_->pack)
            .integer(run_id_)
            .text(p.id)
            .text_or_null(p.title.zh)
            .text_or_null(p.title.en)
            .text_or_null(p.document_number)
            .integer_or_null(p.period_from)
            .integer_or_null(p.period_to)
            .text_or_null(p.level)
            .text_or_null(join(p.extends, ","))
            .text_or_null(p.source_file);
        step(st_->pack, [this] { fail("E-sqlite-write"); });
    }
    for (const CompiledRule& rule : rules.rules) indicator_row(*rule.indicator);
}

long long SqliteReporter::indicator_row(const Indicator& ind) {
    // Plans that share a rule set share its indicators: most look-ups are by address.
    auto seen = by_address_.find(&ind);
    if (seen != by_address_.end()) return seen->second;
    long long row = indicator_row_by_id(ind);
    by_address_.emplace(&ind, row);
    return row;
}

long long SqliteReporter::indicator_row_by_id(const Indicator& ind) {
    std::string key = ind.pack_id + '\x1f' + ind.id;
    auto it = indicators_.find(key);
    if (it != indicators_.end()) return it->second;
    Row(st_->indicator)
        .integer(run_id_)
        .text(ind.pack_id)
        .text(ind.id)
        .text_or_null(ind.name.zh)
        .text_or_null(ind.name.en)
        .text(ind.severity == Severity::Advisory ? "advisory" : "required")
        .integer_or_null(ind.deadline);
    step(st_->indicator, [this] { fail("E-sqlite-write"); });
    long long row = sqlite3_last_insert_rowid(db_);
    indicators_.emplace(std::move(key), row);
    return row;
}

void SqliteReporter::plan(const PlanReport& report, std::ostream&) {
    if (in_transaction_ == kPlansPerTransaction) {
        exec("COMMIT; BEGIN");
        in_transaction_ = 0;
    }
    ++in_transaction_;
    add_rules(*report.rules);
    const Plan& p = *report.plan;
    auto write_error = [this] { fail("E-sqlite-write"); };
    Summary summary = summarize(report.results);
    Row(st_->plan)
        .integer(run_id_)
        .text(p.file)
        .text(p.id)
        .text_or_null(p.name)
        .text_or_null(p.region)
        .text_or_null(p.level)
        .integer_or_null(p.year)
        .text(summary.failed(options_.policy) ? "fail" : "pass")
        .integer(summary.count(Status::NotApplicable));
    step(st_->plan, write_error);
    long long plan_row = sqlite3_last_insert_rowid(db_);
    Lang lang = options_.lang;
    for (const Result& r : report.results) {
        // n/a results are most of a batch's (a school is not checked on a province's targets):
        // counted in plans.not_applicable, written only with --all, as in the JSON report.
        if (r.status == Status::NotApplicable && !options_.show_all) continue;
        long long indicator = indicator_row(r.indicator());
        Row(st_->result)
            .integer(run_id_)
            .integer(plan_row)
            .integer(indicator)
            .text_or_null(r.subject->id)
            .text_or_null(r.on_whole_plan() && !p.is_school() ? "" : r.subject->name)
            .text_or_null(r.subject->type)
            .text(status_name(r.status))
            .text_or_null(actual_text(r, lang))
            .text_or_null(target_text(r, lang))
            .text_or_null(gap_text(r, lang))
            .real(r.actual)
            .real(r.target)
            .real(r.gap)
            .text_or_null(r.reason.text(lang));
        step(st_->result, write_error);
        long long result_row = sqlite3_last_insert_rowid(db_);
        for (const auto& use : r.uses) {
            Row row(st_->fact);
            row.integer(result_row)
                .text(use.key)
                .text_or_null(use.subject ? use.subject->id : "")
                .text_or_null(use.where.file.str())
                .integer_or_null(use.where.line);
            const Figure* figure = use.subject ? use.subject->find(use.key, p.year) : nullptr;
            bind_fact_value(row, figure ? &figure->value : nullptr, lang);
            step(st_->fact, write_error);
        }
        if (r.progress) progress_rows(result_row, r);
        for (const auto& key : r.missing) {
            Row(st_->missing).integer(result_row).text(key);
            step(st_->missing, write_error);
        }
    }
}

void SqliteReporter::progress_rows(long long result_row, const Result& r) {
    const Progress& p = *r.progress;
    Lang lang = options_.lang;
    Row row(st_->progress);
    row.integer(result_row)
        .integer(p.base_year)
        .integer(p.year)
        .integer(p.deadline)
        .real(p.baseline())
        .text(measure_text(r, p.baseline()))
        .real(p.value())
        .text(measure_text(r, p.value()))
        .real(p.target)
        .text(measure_text(r, p.target))
        .real(p.time_elapsed)
        .real(p.task_done)
        .real(p.level)
        .text(measure_text(r, p.level))
        .integer(p.on_track() ? 1 : 0);
    if (p.projected_at_deadline)
        row.real(*p.projected_at_deadline).text(measure_text(r, *p.projected_at_deadline));
    else
        row.null().null();
    if (p.reached_in)
        row.integer(*p.reached_in);
    else
        row.null();
    row.text(progress_text(r, lang));
    auto write_error = [this] { fail("E-sqlite-write"); };
    step(st_->progress, write_error);
    for (const YearValue& f : p.figures) {
        Row(st_->figure).integer(result_row).integer(f.year).real(f.value);
        step(st_->figure, write_error);
    }
}

void SqliteReporter::failure(const InputFailure& f, std::ostream&) {
    const SourceLocation& where = f.error.where();
    Row(st_->error)
        .integer(run_id_)
        .text_or_null(where.file.str())
        .integer_or_null(where.line)
        .integer_or_null(where.column)
        .text(f.error.message(options_.lang));
    step(st_->error, [this] { fail("E-sqlite-write"); });
}

void SqliteReporter::end(const RunTotals& totals, std::ostream&) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, "UPDATE runs SET plans = ?, failures = ? WHERE id = ?", -1, &st,
                           nullptr) != SQLITE_OK)
        fail("E-sqlite-write");
    Row(st)
        .integer(static_cast<long long>(totals.plans))
        .integer(static_cast<long long>(totals.failures))
        .integer(run_id_);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) fail("E-sqlite-write");
    exec("COMMIT");
    st_.reset();
    if (sqlite3_close(db_) != SQLITE_OK) fail("E-sqlite-write");
    db_ = nullptr;
}

}  // namespace vetcheck::report
