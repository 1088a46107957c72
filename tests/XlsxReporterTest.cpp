#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "vetcheck/engine/batch.hpp"
#include "vetcheck/report/status_matrix.hpp"
#include "vetcheck/report/xlsx_reporter.hpp"

using namespace vetcheck;
namespace fs = std::filesystem;

// The workbook's content is read back with a real reader (openpyxl) in the CLI tests
// (tests/tools/read_xlsx.py); here what can be seen in-process: the headings, that a run makes a
// zip file and nothing on the stream, and that a failed write is an error, never a quiet success.

namespace {

struct TempDir {
    fs::path path;
    explicit TempDir(const std::string& name)
        : path(fs::temp_directory_path() /
               ("vetcheck-xlsx-" + std::to_string(::getpid()) + "-" + name)) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::permissions(path, fs::perms::owner_all, ec);
        fs::remove_all(path, ec);
    }
};

struct Examples {
    Catalog catalog;
    std::vector<std::string> inputs;
    BatchOutcome outcome;
    Examples() {
        inputs = expand_inputs({std::string(VETCHECK_SOURCE_DIR) + "/examples"});
        outcome = check_files(inputs, catalog, BatchOptions{});
    }
};

void write_run(Examples& ex, report::XlsxReporter& reporter, const std::string& file,
               std::ostream& out) {
    report::RunInfo run{&ex.catalog, ex.inputs, file, file};
    reporter.begin(run, report::ReportOptions{}, out);
    report::RunTotals totals;
    for (const auto& r : ex.outcome.reports) {
        reporter.plan(r, out);
        ++totals.plans;
    }
    InputFailure bad{InputError(SourceLocation{"bad.yaml", 3, 7}, "expected a number, found 'x'"),
                     "  teachers: x"};
    reporter.failure(bad, out);
    ++totals.failures;
    reporter.end(totals, out);
}

}  // namespace

TEST_CASE("xlsx: the headings are the catalogue's words in the report's language") {
    auto en = report::xlsx_result_headings(Lang::En);
    auto zh = report::xlsx_result_headings(Lang::Zh);
    REQUIRE(en.size() == zh.size());
    CHECK(en.front() == "Plan id");
    CHECK(zh.front() == "规划编号");
    CHECK(std::find(en.begin(), en.end(), "Status") != en.end());
    CHECK(std::find(zh.begin(), zh.end(), "状态") != zh.end());
    CHECK(report::xlsx_error_headings(Lang::Zh).at(4) == "说明");
}

TEST_CASE("xlsx: the matrix's columns are the plan's, then every indicator of the catalog") {
    Catalog catalog;
    auto columns = report::matrix_columns(catalog);
    REQUIRE(columns.size() > 10);
    auto headings = report::xlsx_matrix_headings(columns, Lang::En);
    REQUIRE(headings.size() == columns.size() + 3);
    CHECK(headings[0] == "Plan id");
    CHECK(headings[2] == "Plan name");
    for (size_t i = 0; i < columns.size(); ++i) CHECK(headings[3 + i] == columns[i]->id);
    CHECK(report::xlsx_matrix_headings(columns, Lang::Zh)[0] == "规划编号");
}

TEST_CASE("xlsx: a run writes a zip file and nothing on the stream") {
    Examples ex;
    REQUIRE(ex.outcome.failures.empty());
    TempDir dir("run");
    std::string file = (dir.path / "report.xlsx").string();
    std::ostringstream out;
    report::XlsxReporter reporter;
    write_run(ex, reporter, file, out);
    CHECK(out.str().empty());
    std::ifstream in(file, std::ios::binary);
    char magic[4] = {};
    in.read(magic, 4);
    CHECK(std::string(magic, 4) == std::string("PK\x03\x04", 4));
    // The constant-memory temporaries beside the target are gone.
    size_t files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path)) ++files;
    CHECK(files == 1);
}

TEST_CASE("xlsx: a full sheet continues on another, never dropping a row") {
    Examples ex;
    TempDir dir("continued");
    std::string file = (dir.path / "report.xlsx").string();
    std::ostringstream out;
    // 100 rows a sheet, the headings in each: 99 results a sheet. The examples' plans fit one
    // matrix sheet; n/a results have no row without --all.
    report::XlsxReporter reporter(100);
    write_run(ex, reporter, file, out);
    size_t rows = 0;
    for (const auto& report : ex.outcome.reports)
        for (const auto& r : report.results) rows += r.status != Status::NotApplicable;
    REQUIRE(ex.outcome.reports.size() < 99);
    size_t results_sheets = (rows + 98) / 99;
    REQUIRE(results_sheets > 1);
    size_t sheets = 1 + results_sheets + 1 + 1;  // the summary, results, matrix, errors
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // Names in a zip's directory are stored as they are.
    CHECK(bytes.find(fmt::format("xl/worksheets/sheet{}.xml", sheets)) != std::string::npos);
    CHECK(bytes.find(fmt::format("xl/worksheets/sheet{}.xml", sheets + 1)) == std::string::npos);
}

TEST_CASE("xlsx: a workbook that cannot be written is an error naming the file") {
    Examples ex;
    TempDir dir("unwritable");
    fs::path sub = dir.path / "gone";
    fs::create_directories(sub);
    std::string file = (sub / "report.xlsx").string();
    std::ostringstream out;
    report::XlsxReporter reporter;
    report::RunInfo run{&ex.catalog, ex.inputs, file, file};
    reporter.begin(run, report::ReportOptions{}, out);
    for (const auto& r : ex.outcome.reports) reporter.plan(r, out);
    // The directory goes away before the workbook is assembled: the close fails.
    fs::remove_all(sub);
    try {
        reporter.end(report::RunTotals{}, out);
        FAIL("no error for a workbook that could not be written");
    } catch (const InputError& e) {
        CHECK(std::string(e.code()) == "E-xlsx-write");
        CHECK(e.where().file.str() == file);
        CHECK(e.message(Lang::En).rfind("cannot write the workbook: ", 0) == 0);
    }
    CHECK_FALSE(fs::exists(file));
}

TEST_CASE("xlsx: without a file to write to, the format is refused") {
    Catalog catalog;
    report::XlsxReporter reporter;
    std::ostringstream out;
    report::RunInfo run{&catalog, {}, "", ""};
    CHECK_THROWS_AS(reporter.begin(run, report::ReportOptions{}, out), InputError);
}
