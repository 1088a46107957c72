#include <catch2/catch.hpp>

#include <set>
#include <sstream>

#include "test_support.hpp"
#include "vetcheck/report/csv_reporter.hpp"
#include "vetcheck/report/format.hpp"
#include "vetcheck/report/status_matrix.hpp"

using namespace vetcheck;
using vetcheck::report::matrix_columns;
using vetcheck::testing::check_report;
using vetcheck::testing::write_report;

namespace {

// Two institutions that differ on the same indicators, so that the matrix has something to decide.
const std::string kPlan =
    "plan: {id: xx-city, name: 'XX市, \"一号\" 计划', level: city, year: 2025, packs: "
    "[test-pack]}\n"
    "facts: {dropout_rate: 2.5%, funding.per_student: 9000, funding.per_student_general: 5000}\n"
    "institutions:\n"
    "  - {id: poly, name: XX职业技术学院, type: 高职, facts: {students.full_time: 4500, "
    "teachers.ideological_political: 9, teachers.professional: 100, teachers.double_qualified: "
    "60,\n"
    "     hours.practical: 40, hours.total: 100}}\n"
    "  - {id: sec, name: XX中学, type: 中职, facts: {students.full_time: 1000, "
    "teachers.professional: 100, teachers.double_qualified: 40}}\n";

const std::string kOtherPlan =
    "plan: {id: yy-city, name: YY市, level: city, year: 2025, packs: [test-pack]}\n"
    "facts: {dropout_rate: 1%, region.cities: 3}\n";

// The test pack with one more indicator, which only the second plan is checked against.
const std::string kExtendedPack = std::string(testing::kTestPack) +
                                  "  - id: extra\n"
                                  "    name: {zh: 额外指标, en: extra indicator}\n"
                                  "    subject: plan\n"
                                  "    measure: region.cities\n"
                                  "    op: \">=\"\n"
                                  "    target: 2个\n"
                                  "    word: 不少于\n"
                                  "    source: {file: f, section: s, quote: q}\n";

// A strict RFC 4180 reader: records end in CRLF, a bare CR or LF is allowed only inside quotes.
std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
    std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
    bool quoted = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        std::string& field = rows.back().back();
        if (quoted) {
            if (c != '"')
                field += c;
            else if (i + 1 < text.size() && text[i + 1] == '"')
                field += text[++i];
            else
                quoted = false;
        } else if (c == '"') {
            REQUIRE(field.empty());  // a quote opens a field or is doubled inside one
            quoted = true;
        } else if (c == ',') {
            rows.back().emplace_back();
        } else if (c == '\r') {
            REQUIRE((i + 1 < text.size() && text[i + 1] == '\n'));
            ++i;
            rows.emplace_back(1);
        } else {
            REQUIRE(c != '\n');  // a line end that is not CRLF
            field += c;
        }
    }
    REQUIRE_FALSE(quoted);
    REQUIRE(rows.back() == std::vector<std::string>{""});  // the last record ends in CRLF too
    rows.pop_back();
    return rows;
}

const std::string kBom = "\xEF\xBB\xBF";

std::vector<std::vector<std::string>> body_of(const std::string& csv) {
    REQUIRE(csv.rfind(kBom, 0) == 0);
    return parse_csv(std::string_view(csv).substr(kBom.size()));
}

size_t column(const std::vector<std::string>& header, const std::string& name) {
    auto it = std::find(header.begin(), header.end(), name);
    REQUIRE(it != header.end());
    return static_cast<size_t>(it - header.begin());
}

const std::vector<std::string>& row_for(const std::vector<std::vector<std::string>>& rows,
                                        const std::string& indicator, const std::string& subject) {
    size_t ind = column(rows[0], "indicator_id"), sub = column(rows[0], "subject_id");
    for (const auto& row : rows)
        if (row[ind] == indicator && row[sub] == subject) return row;
    FAIL("no row for " << indicator << " " << subject);
    return rows[0];
}

}  // namespace

TEST_CASE("CSV: fields are quoted only when they must be, with quotes doubled", "[csv]") {
    CHECK(report::csv_field("plain") == "plain");
    CHECK(report::csv_field("专职思政课教师配备") == "专职思政课教师配备");
    CHECK(report::csv_field("") == "");
    CHECK(report::csv_field("a,b") == "\"a,b\"");
    CHECK(report::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(report::csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(report::csv_field("cr\rhere") == "\"cr\rhere\"");
    CHECK(report::csv_row({"a", "b,c", ""}) == "a,\"b,c\",\r\n");
}

TEST_CASE("CSV: text that a spreadsheet would run as a formula is defused", "[csv]") {
    CHECK(report::csv_text("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")");
    CHECK(report::csv_text("+1") == "'+1");
    CHECK(report::csv_text("@SUM(A1)") == "'@SUM(A1)");
    CHECK(report::csv_text("XX市") == "XX市");
    CHECK(report::csv_text("") == "");
    auto r = check_report("plan: {name: '=1+1', level: city, year: 2025, packs: [test-pack]}\n");
    auto rows = body_of(write_report(report::CsvReporter(), {r.report}));
    CHECK(rows[1][column(rows[0], "plan_name")] == "'=1+1");
}

TEST_CASE("CSV: byte-order mark, header, CRLF and one row per result", "[csv]") {
    auto r = check_report(kPlan);
    std::string csv = write_report(report::CsvReporter(), {r.report});
    INFO(csv);
    REQUIRE(csv.rfind(kBom + "plan_file,plan_id,plan_name,level,year,subject_id,", 0) == 0);
    auto rows = body_of(csv);
    CHECK(rows[0].size() == 25);
    CHECK(rows[0].back() == "source_quote");
    CHECK(rows.size() == r.report.results.size() + 1);
    for (const auto& row : rows) CHECK(row.size() == rows[0].size());
    // The name with a comma and quotes comes back whole.
    CHECK(rows[1][column(rows[0], "plan_name")] == "XX市, \"一号\" 计划");
}

TEST_CASE("CSV: streams, the header at begin and each plan's rows as it arrives", "[csv]") {
    auto r = check_report(kPlan);
    report::CsvReporter reporter;
    std::ostringstream out;
    reporter.begin(report::RunInfo{}, report::ReportOptions{}, out);
    REQUIRE(out.str().rfind(kBom + "plan_file,", 0) == 0);
    reporter.plan(r.report, out);
    // Nothing is held for the batch: the plan's rows are out before the run ends.
    CHECK(body_of(out.str()).size() == r.report.results.size() + 1);
    SourceLocation at{FileName("=bad.yaml"), 2, 5};
    reporter.failure(InputFailure{InputError(at, "expected a number, found \"x, y\""), ""}, out);
    auto rows = body_of(out.str());
    REQUIRE(rows.size() == r.report.results.size() + 2);
    const auto& bad = rows.back();
    CHECK(bad.size() == rows[0].size());
    CHECK(bad[column(rows[0], "plan_file")] == "'=bad.yaml");
    CHECK(bad[column(rows[0], "status")] == "error");
    CHECK(bad[column(rows[0], "location")] == "'=bad.yaml:2:5");
    CHECK(bad[column(rows[0], "reason")] == "expected a number, found \"x, y\"");
    CHECK(bad[column(rows[0], "indicator_id")] == "");
}

TEST_CASE("CSV: the fields of a result say what the terminal says", "[csv]") {
    auto r = check_report(kPlan);
    auto rows = body_of(write_report(report::CsvReporter(), {r.report}));
    const auto& h = rows[0];
    const auto& ratio = row_for(rows, "ratio", "poly");
    CHECK(ratio[column(h, "status")] == "fail");
    CHECK(ratio[column(h, "actual")] == "1:500");
    CHECK(ratio[column(h, "target")] == "≥1:350");
    CHECK(ratio[column(h, "gap")] == "4 more ideological-political teachers (9 → 13人)");
    CHECK(ratio[column(h, "shortfall_change")] == "4");
    CHECK(ratio[column(h, "shortfall_fact")] == "teachers.ideological_political");
    CHECK(ratio[column(h, "subject_name")] == "XX职业技术学院");
    CHECK(ratio[column(h, "subject_type")] == "高职");
    CHECK(ratio[column(h, "severity")] == "required");
    CHECK(ratio[column(h, "pack")] == "test-pack");
    // The line of the plan that decides it: where the lever fact is written.
    CHECK(ratio[column(h, "location")] == r.checked->result("ratio", "poly").deciding.to_string());
    CHECK(ratio[column(h, "location")].rfind("plan.yaml:", 0) == 0);
    const auto& practical = row_for(rows, "practical", "sec");
    CHECK(practical[column(h, "status")] == "missing");
    CHECK(practical[column(h, "missing")] == "hours.practical hours.total");
    CHECK(practical[column(h, "severity")] == "advisory");
    const auto& per_unit = row_for(rows, "per_unit", "xx-city");
    CHECK(per_unit[column(h, "status")] == "n/a");
    CHECK(per_unit[column(h, "reason")] == per_unit[column(h, "gap")]);
    CHECK(per_unit[column(h, "deadline")] == "2025");
}

TEST_CASE("CSV: names in the report language", "[csv]") {
    auto r = check_report(kPlan);
    auto rows = body_of(write_report(report::CsvReporter(), {r.report}, Lang::Zh));
    const auto& h = rows[0];
    CHECK(row_for(rows, "ratio", "poly")[column(h, "indicator_name")] == "专职思政课教师配备");
    CHECK(row_for(rows, "upper", "xx-city")[column(h, "subject_name")] == "全市/全域");
    CHECK(row_for(rows, "upper", "xx-city")[column(h, "gap")] == "超出 0.5 个百分点");
}

TEST_CASE("CSV matrix: plans × indicators, worst status over subjects, empty when absent",
          "[csv][matrix]") {
    auto first = check_report(kPlan);
    auto second = check_report(kOtherPlan, kExtendedPack);
    // The second plan's catalog has every pack: the test pack with `extra`, and the embedded ones.
    report::CsvMatrixReporter reporter;
    std::ostringstream out;
    reporter.begin(report::RunInfo{&second.checked->catalog, {}, "", ""}, {}, out);
    reporter.plan(first.report, out);
    reporter.plan(second.report, out);
    reporter.end({}, out);
    std::string csv = out.str();
    INFO(csv);
    auto rows = body_of(csv);
    REQUIRE(rows.size() == 3);
    const auto& h = rows[0];
    CHECK(std::vector<std::string>(h.begin(), h.begin() + 3) ==
          std::vector<std::string>{"plan_file", "plan_id", "plan_name"});
    CHECK(rows[1][column(h, "plan_id")] == "xx-city");
    // share: 60% passes at poly, 40% fails at sec → fail.
    CHECK(first.checked->result("share", "poly").status == Status::Pass);
    CHECK(rows[1][column(h, "share")] == "fail");
    // practical: advisory at poly (40%), missing at sec → missing.
    CHECK(rows[1][column(h, "practical")] == "missing");
    // ratio: fail at poly, n/a at sec (not 高职) → fail.
    CHECK(rows[1][column(h, "ratio")] == "fail");
    CHECK(rows[1][column(h, "extra")] == "");  // the first plan has no such indicator
    CHECK(rows[2][column(h, "extra")] == "pass");
    CHECK(rows[2][column(h, "ratio")] == "n/a");  // no institutions of the type
    CHECK(rows[2][column(h, "upper")] == "pass");
    // A column of an embedded pack neither plan names stays empty.
    CHECK(rows[1][column(h, "graduate_local_retention")] == "");
    for (const auto& row : rows) CHECK(row.size() == h.size());
}

TEST_CASE("CSV matrix: the columns are every indicator of the catalog, written at begin",
          "[csv][matrix]") {
    auto checked = check_report(kOtherPlan, kExtendedPack);
    Catalog& catalog = checked.checked->catalog;
    report::CsvMatrixReporter reporter;
    std::ostringstream out;
    reporter.begin(report::RunInfo{&catalog, {}, "", ""}, {}, out);
    auto header = body_of(out.str());
    REQUIRE(header.size() == 1);
    const auto& h = header[0];
    // Every indicator of every pack, once: a restated id is one column.
    std::set<std::string> ids;
    for (const std::string& id : catalog.ids())
        for (const auto& ind : catalog.get(id, {}).indicators) ids.insert(ind.id);
    CHECK(h.size() == ids.size() + 3);
    CHECK(std::set<std::string>(h.begin() + 3, h.end()) == ids);
    // A parent's indicators come before those of the packs that extend it.
    CHECK(column(h, "ideological_teacher_ratio") < column(h, "graduate_local_retention"));
    CHECK(column(h, "extra") > 2);
}

TEST_CASE("CSV matrix: streams, each plan's row out as it arrives and the plan not kept",
          "[csv][matrix]") {
    auto r = check_report(kPlan);
    report::CsvMatrixReporter reporter;
    std::ostringstream out;
    reporter.begin(report::RunInfo{&r.checked->catalog, {}, "", ""}, {}, out);
    long plan_uses = r.report.plan.use_count(), rules_uses = r.report.rules.use_count();
    reporter.plan(r.report, out);
    CHECK(body_of(out.str()).size() == 2);
    // Nothing of the plan is held once plan() returns: memory does not grow with the batch.
    CHECK(r.report.plan.use_count() == plan_uses);
    CHECK(r.report.rules.use_count() == rules_uses);
    reporter.plan(r.report, out);
    reporter.end({}, out);
    CHECK(body_of(out.str()).size() == 3);
}

TEST_CASE("CSV matrix: without a catalog, the columns are the first plan's packs",
          "[csv][matrix]") {
    auto r = check_report(kPlan);
    auto rows = body_of(write_report(report::CsvMatrixReporter(), {r.report}));
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].size() == matrix_columns(*r.report.rules).size() + 3);
    CHECK(rows[1][column(rows[0], "ratio")] == "fail");
    // No plan at all: the plan columns alone.
    CHECK(body_of(write_report(report::CsvMatrixReporter(), {})).size() == 1);
}

TEST_CASE("CSV matrix: an input that could not be checked is a row with its error",
          "[csv][matrix]") {
    auto r = check_report(kPlan);
    report::CsvMatrixReporter reporter;
    std::ostringstream out;
    reporter.begin(report::RunInfo{&r.checked->catalog, {}, "", ""}, {}, out);
    reporter.plan(r.report, out);
    SourceLocation at{FileName("bad.yaml"), 2, 5};
    reporter.failure(InputFailure{InputError(at, "expected a number, found \"x, y\""), ""}, out);
    reporter.end({}, out);
    auto rows = body_of(out.str());
    REQUIRE(rows.size() == 3);
    const auto& h = rows[0];
    const auto& bad = rows[2];
    CHECK(bad.size() == h.size());
    CHECK(bad[column(h, "plan_file")] == "bad.yaml");
    CHECK(bad[column(h, "plan_name")].find("bad.yaml:2:5: expected a number, found \"x, y\"") !=
          std::string::npos);
    // No indicator is claimed for it: its cells stay empty rather than read as a status.
    CHECK(bad[column(h, "share")] == "");
}
