#include <catch2/catch.hpp>

#include <limits>
#include <sstream>

#include "test_support.hpp"
#include "vetcheck/report/json_reporter.hpp"
#include "vetcheck/report/json_writer.hpp"
#include "vetcheck/report/jsonl_reporter.hpp"

using namespace vetcheck;

namespace {

// The plan name carries every character JSON must escape: a quote, a backslash, a tab, a control.
const std::string kPlan =
    "plan: {name: \"XX市 \\\"行动\\\" \\\\ 计划\\t\\x01\", level: city, year: 2025, packs: "
    "[test-pack]}\n"
    "facts: {dropout_rate: 2.5%, funding.per_student: 9000, funding.per_student_general: 5000}\n"
    "institutions:\n"
    "  - {id: poly, name: XX职业技术学院, type: 高职, facts: {students.full_time: 4500, "
    "teachers.ideological_political: 9, teachers.professional: 100, teachers.double_qualified: "
    "60, is_quality_school: false}}\n";

// What `reporter` writes for the plan, run as the command line runs it: with the catalog (for the
// dictionary) and, when `bad` is set, an input that could not be checked after the plan.
std::string run(report::Reporter&& reporter, report::ReportOptions o, const std::string& plan,
                const InputFailure* bad = nullptr) {
    auto checked = testing::check_report(plan);
    std::ostringstream out;
    reporter.begin(report::RunInfo{&checked.checked->catalog, {"plan.yaml"}, "", ""}, o, out);
    reporter.plan(checked.report, out);
    report::RunTotals totals;
    totals.plans = 1;
    totals.total = summarize(checked.report.results);
    if (bad) {
        reporter.failure(*bad, out);
        totals.failures = 1;
    }
    reporter.end(totals, out);
    return out.str();
}

std::string render(bool explain = false, const std::string& plan = kPlan, bool all = false) {
    report::ReportOptions o;
    o.explain = explain;
    o.show_all = all;
    return run(report::JsonReporter(), o, plan);
}

std::string render_lines(report::ReportOptions o = {}, const InputFailure* bad = nullptr) {
    return run(report::JsonLinesReporter(), o, kPlan, bad);
}

InputFailure bad_input() {
    return {
        InputError(SourceLocation{"bad.yaml", 3, 7}, "plan.year: expected a year, found 'soon'"),
        "  year: soon"};
}

// A strict JSON reader that only says whether the whole text is one valid JSON value (RFC 8259):
// the suite checks the report's syntax even where node is not installed.
class StrictJson {
  public:
    explicit StrictJson(const std::string& text) : s_(text) {}
    bool valid() {
        ws();
        if (!value()) return false;
        ws();
        return i_ == s_.size();
    }

  private:
    bool value() {
        if (i_ >= s_.size()) return false;
        char c = s_[i_];
        if (c == '{') return container('}', true);
        if (c == '[') return container(']', false);
        if (c == '"') return string();
        for (const char* word : {"true", "false", "null"})
            if (s_.compare(i_, std::string(word).size(), word) == 0) {
                i_ += std::string(word).size();
                return true;
            }
        return number();
    }
    bool container(char close, bool object) {
        ++i_;
        ws();
        if (peek(close)) return ++i_, true;
        for (;;) {
            ws();
            if (object && !(string() && (ws(), peek(':')) && (++i_, true))) return false;
            ws();
            if (!value()) return false;
            ws();
            if (peek(close)) return ++i_, true;
            if (!peek(',')) return false;
            ++i_;
        }
    }
    bool string() {
        if (!peek('"')) return false;
        for (++i_; i_ < s_.size(); ++i_) {
            unsigned char c = static_cast<unsigned char>(s_[i_]);
            if (c < 0x20) return false;
            if (c == '"') return ++i_, true;
            if (c != '\\') continue;
            ++i_;
            if (i_ >= s_.size()) return false;
            if (s_[i_] == 'u') {
                for (int k = 0; k < 4; ++k)
                    if (++i_ >= s_.size() || !std::isxdigit(static_cast<unsigned char>(s_[i_])))
                        return false;
            } else if (std::string("\"\\/bfnrt").find(s_[i_]) == std::string::npos) {
                return false;
            }
        }
        return false;
    }
    bool number() {
        size_t start = i_;
        if (peek('-')) ++i_;
        if (peek('0'))
            ++i_;
        else if (!digits())
            return false;
        if (peek('.') && (++i_, !digits())) return false;
        if (peek('e') || peek('E')) {
            ++i_;
            if (peek('+') || peek('-')) ++i_;
            if (!digits()) return false;
        }
        return i_ > start;
    }
    bool digits() {
        size_t start = i_;
        while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
        return i_ > start;
    }
    bool peek(char c) const { return i_ < s_.size() && s_[i_] == c; }
    void ws() {
        while (i_ < s_.size() && std::string(" \t\r\n").find(s_[i_]) != std::string::npos) ++i_;
    }
    const std::string& s_;
    size_t i_ = 0;
};

bool strict_json(const std::string& text) {
    return StrictJson(text).valid();
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The line of the result for one indicator (and subject): each result is one line.
std::string result_block(const std::string& json, const std::string& indicator,
                         const std::string& subject_id = "") {
    for (const auto& line : testing::lines_of(json))
        if (has(line, "{\"pack\":\"test-pack\",\"indicator\":\"" + indicator + "\",") &&
            has(line, subject_id.empty() ? "\"status\"" : "\"subject\":\"" + subject_id + "\""))
            return line;
    return "";
}

}  // namespace

TEST_CASE("JSON: strings escape what JSON requires and keep Chinese as UTF-8", "[json]") {
    using report::json_string;
    CHECK(json_string("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(json_string("\n\r\t\b\f") == "\"\\n\\r\\t\\b\\f\"");
    CHECK(json_string(std::string("\x01\x1f", 2)) == "\"\\u0001\\u001f\"");
    CHECK(json_string(std::string("a\0b", 3)) == "\"a\\u0000b\"");
    CHECK(json_string("专职思政课教师 ≥ 1:350") == "\"专职思政课教师 ≥ 1:350\"");
    CHECK(json_string("/ \x7f") == "\"/ \x7f\"");
    // Invalid UTF-8 becomes U+FFFD, never invalid output.
    CHECK(json_string("a\xff"
                      "b") ==
          "\"a\xEF\xBF\xBD"
          "b\"");
    CHECK(json_string("\xE4\xB8") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");
    CHECK(json_string("\xF0\x9F\x98\x80") == "\"\xF0\x9F\x98\x80\"");  // outside the BMP, as is
}

TEST_CASE("JSON: the SARIF log's escapes spell out \\b, \\f and bytes that are not UTF-8",
          "[json]") {
    using report::json_string, report::JsonEscapes;
    CHECK(json_string("\b\f\n\"", JsonEscapes::Unicode) == "\"\\u0008\\u000c\\n\\\"\"");
    // A U+FFFD that was in the text stays the character; one that replaces a bad byte is escaped.
    CHECK(json_string("\xEF\xBF\xBD\xff\xE4\xB8", JsonEscapes::Unicode) ==
          "\"\xEF\xBF\xBD\\ufffd\\ufffd\\ufffd\"");
}

TEST_CASE("JSON: the writer nests, indents and keeps empty containers on one line", "[json]") {
    std::ostringstream out;
    report::JsonWriter w(out);
    w.begin_object();
    w.key("a").value(1);
    w.key("b").begin_array();
    w.end_array();
    w.key("c").begin_array();
    w.value("x");
    w.null();
    w.value(true);
    w.number(0.5);
    w.end_array();
    w.key("d").begin_object();
    w.end_object();
    w.end_object();
    w.finish();
    CHECK(out.str() ==
          "{\n  \"a\": 1,\n  \"b\": [],\n  \"c\": [\n    \"x\",\n    null,\n    true,\n    0.5\n  "
          "],\n"
          "  \"d\": {}\n}\n");
    CHECK(strict_json(out.str()));
}

TEST_CASE("JSON: the strict reader of these tests rejects what JSON forbids", "[json]") {
    CHECK(strict_json("{\"a\": [1, -0.5e+3, \"\\u00e9\", null]}"));
    CHECK_FALSE(strict_json("{\"a\": 1,}"));
    CHECK_FALSE(strict_json("[1 2]"));
    CHECK_FALSE(strict_json("\"tab\there\""));
    CHECK_FALSE(strict_json("{'a': 1}"));
    CHECK_FALSE(strict_json("[01]"));
    CHECK_FALSE(strict_json("{} {}"));
}

TEST_CASE("JSON: the writer refuses a malformed document", "[json]") {
    std::ostringstream out;
    report::JsonWriter w(out);
    CHECK_THROWS_AS(w.key("outside"), std::logic_error);
    w.begin_object();
    CHECK_THROWS_AS(w.finish(), std::logic_error);
    w.key("k");
    CHECK_THROWS_AS(w.end_object(), std::logic_error);
}

TEST_CASE("JSON: numbers that are not finite are written as null", "[json]") {
    std::ostringstream out;
    report::JsonWriter w(out);
    w.begin_array();
    w.number(std::numeric_limits<double>::infinity());
    w.number(std::numeric_limits<double>::quiet_NaN());
    w.end_array();
    CHECK(out.str() == "[\n  null,\n  null\n]");
}

TEST_CASE("JSON: exact values are decimals when they end, fractions otherwise", "[json]") {
    using report::exact_text;
    CHECK(exact_text(Rational(4500)) == "4500");
    CHECK(exact_text(Rational(0)) == "0");
    CHECK(exact_text(Rational(1, 500)) == "0.002");
    CHECK(exact_text(Rational(1, 350)) == "1/350");
    CHECK(exact_text(Rational(1, 3)) == "1/3");
    CHECK(exact_text(Rational(-7, 8)) == "-0.875");
    CHECK(exact_text(Rational(-3, 2)) == "-1.5");
    CHECK(exact_text(Rational(-1, 3)) == "-1/3");
    CHECK(exact_text(Rational(1, 1024)) == "0.0009765625");
    // Far more decimals than a double or a 128-bit scale holds: still exact.
    CHECK(exact_text(Rational(1, int64_t{1} << 62)) ==
          "0.0000000000000000002168404344971008868014905601739883422851562"
          "5");
    CHECK(exact_text(Rational(std::numeric_limits<int64_t>::min() + 1, 5)) ==
          "-1844674407370955161.4");
}

TEST_CASE("JSON: the writer folds deep containers onto one line, and places fragments", "[json]") {
    std::string fragment;
    report::JsonWriter f(fragment, report::JsonLayout{3, 2});
    f.begin_object();
    f.key("a").value(1);
    f.key("deep").begin_array();
    f.begin_object();
    f.key("b").value("x");
    f.end_object();
    f.end_array();
    f.end_object();
    CHECK(fragment == "{\n      \"a\": 1,\n      \"deep\": [{\"b\":\"x\"}]\n    }");
    std::ostringstream out;
    report::JsonWriter w(out);
    w.begin_object();
    w.key("list").begin_array();
    w.raw(fragment);
    w.raw(fragment);
    w.end_array();
    w.end_object();
    w.finish();
    INFO(out.str());
    CHECK(strict_json(out.str()));
    CHECK(has(out.str(), "\"list\": [\n    {\n      \"a\": 1,"));
    CHECK(has(out.str(), "    },\n    {\n      \"a\": 1,"));
    std::string line;
    report::JsonWriter l(line, report::JsonLayout{0, 0});
    l.begin_object();
    l.key("k").begin_array();
    l.value(true);
    l.null();
    l.end_array();
    l.end_object();
    CHECK(line == "{\"k\":[true,null]}");
}

TEST_CASE("JSON: the report is strict JSON with the documented top-level keys in order", "[json]") {
    std::string json = render();
    INFO(json);
    CHECK(strict_json(json));
    size_t version = json.find("\"schema_version\": 2,");
    size_t tool = json.find("\"tool\": {\n    \"name\": \"vetcheck\",\n    \"version\": \"");
    size_t packs = json.find("\n  \"packs\": [");
    size_t plans = json.find("\n  \"plans\": [");
    size_t errors = json.find("\n  \"errors\": []");
    size_t summary = json.rfind("\n  \"summary\": {");
    CHECK(version == 4);
    CHECK(version < tool);
    CHECK(tool < packs);
    CHECK(packs < plans);
    CHECK(plans < errors);
    CHECK(errors < summary);
    CHECK(json.back() == '\n');
    CHECK_FALSE(has(json, "\\u4e"));  // Chinese is never \u-escaped
    CHECK(has(json, "{\"id\":\"poly\",\"name\":\"XX职业技术学院\",\"type\":\"高职\"}"));
}

TEST_CASE("JSON: each indicator is described once, in the dictionary, and results name it",
          "[json]") {
    std::string json = render();
    INFO(json);
    // The test pack, and the embedded packs of the catalog, each with its own indicators.
    CHECK(has(json, "      \"id\": \"test-pack\",\n      \"title\": {\n        \"zh\": \"测试\","));
    CHECK(has(json, "      \"id\": \"cn-2020-7\","));
    std::string ratio = "{\"id\":\"ratio\",\"name\":{";
    REQUIRE(has(json, ratio));
    CHECK(json.find(ratio) == json.rfind(ratio));
    size_t entry = json.find(ratio);
    std::string line = json.substr(entry, json.find('\n', entry) - entry);
    CHECK(has(line, "\"subject\":\"institution\",\"scope\":\"institution\""));
    CHECK(has(line, "\"comparison\":\">=\""));
    CHECK(has(line, "\"target\":\"≥1:350\""));
    CHECK(has(line, "\"notation\":\"ratio\""));
    CHECK(has(line, "\"source\":{\"document\":\"《测试》\",\"file\":\"f\""));
    // Results carry no names, formulas or quotes: only the pack and the id.
    std::string result = result_block(json, "ratio");
    CHECK(has(result, "{\"pack\":\"test-pack\",\"indicator\":\"ratio\",\"subject\":\"poly\","));
    CHECK_FALSE(has(result, "\"name\""));
    CHECK_FALSE(has(result, "\"quote\""));
}

TEST_CASE("JSON: text from the plan is escaped", "[json]") {
    std::string json = render();
    CHECK(has(json, "\"name\": \"XX市 \\\"行动\\\" \\\\ 计划\\t\\u0001\""));
}

TEST_CASE("JSON: the same input gives the same bytes", "[json]") {
    CHECK(render() == render());
    CHECK(render(true) == render(true));
}

TEST_CASE("JSON: a failing ratio carries exact values, the shortfall and its line", "[json]") {
    std::string block = result_block(render(), "ratio");
    INFO(block);
    CHECK(has(block, "\"status\":\"fail\""));
    CHECK(has(block, "\"actual\":{\"value\":\"0.002\",\"number\":0.002,\"text\":\"1:500\"}"));
    CHECK(has(block, "\"target\":{\"value\":\"1/350\","));
    CHECK(has(block, "\"text\":\"≥1:350\""));
    CHECK(has(block, "\"text\":\"4 more ideological-political teachers (9 → 13人)\""));
    CHECK(has(block,
              "\"shortfall\":{\"fact\":\"teachers.ideological_political\",\"current\":\"9\","
              "\"needed\":\"13\",\"change\":\"4\",\"unit\":\"人\",\"strict\":false}"));
    CHECK(has(block, "\"line\":4,\"column\":"));
    CHECK_FALSE(has(block, "\"file\""));        // the deciding fact is in the plan's own file
    CHECK_FALSE(has(block, "\"facts_used\""));  // only under --explain
}

TEST_CASE("JSON: an upper bound on a share gives its gap as an exact fraction", "[json]") {
    std::string block = result_block(render(), "upper");
    INFO(block);
    CHECK(has(block, "\"actual\":{\"value\":\"0.025\",\"number\":0.025,\"text\":\"2.5%\"}"));
    CHECK(has(block, "\"gap\":{\"value\":\"0.005\""));
    CHECK(has(block, "\"text\":\"0.5 points over\""));
    CHECK_FALSE(has(block, "\"shortfall\""));
    CHECK_FALSE(has(block, "\"subject\""));  // the plan as a whole
}

TEST_CASE("JSON: missing data names the facts and has no values", "[json]") {
    std::string block = result_block(render(), "yesno", "poly");
    INFO(block);
    CHECK(has(block, "\"status\":\"missing\""));
    CHECK(has(block, "\"missing\":[\"courses.labor_required\"]"));
    CHECK_FALSE(has(block, "\"actual\""));
    CHECK_FALSE(has(block, "\"target\""));
    CHECK_FALSE(has(block, "\"gap\""));
}

TEST_CASE("JSON: n/a results are counted but listed only with --all", "[json]") {
    std::string json = render();
    INFO(json);
    CHECK(result_block(json, "per_unit").empty());
    CHECK(result_block(json, "multiple", "poly").empty());
    CHECK(has(json, "\"n/a\": 2,"));
    std::string all = render(false, kPlan, true);
    std::string block = result_block(all, "per_unit");
    INFO(block);
    CHECK(has(block, "\"status\":\"n/a\""));
    CHECK(has(block, "\"reason\":\"checked at province level\""));
    CHECK(has(all, "\"all\": true"));
}

TEST_CASE("JSON: summaries count every status, the explanation only with --explain", "[json]") {
    std::string json = render();
    INFO(json);
    CHECK(has(json, "\"pass\": 1,\n        \"fail\": 4,\n        \"missing\": 3,"));
    CHECK(has(json, "\"total\": 10,\n        \"failed\": true"));
    // The run's summary: plans, errors, the same counts, and each indicator's.
    CHECK(has(json, "\"summary\": {\n    \"plans\": 1,\n    \"errors\": 0,\n    \"pass\": 1,"));
    CHECK(has(json, "{\"pack\":\"test-pack\",\"indicator\":\"ratio\",\"fail\":1,\"total\":1}"));
    CHECK(has(json, "{\"pack\":\"test-pack\",\"indicator\":\"per_unit\",\"n/a\":1,\"total\":1}"));
    CHECK_FALSE(has(json, "\"explanation\""));
    std::string explained = render(true);
    CHECK(strict_json(explained));
    std::string block = result_block(explained, "ratio");
    CHECK(has(block,
              "\"explanation\":{\"formula\":\"teachers.ideological_political / "
              "students.full_time >= 1:350\",\"substituted\":\"9 / 4500 >= 1:350\"}"));
    CHECK(
        has(block,
            "{\"key\":\"students.full_time\",\"value\":\"4500人\",\"subject\":\"poly\",\"line\":"));
}

TEST_CASE("JSON: an input that could not be checked is an entry of `errors`", "[json]") {
    InputFailure bad = bad_input();
    std::string json = run(report::JsonReporter(), {}, kPlan, &bad);
    INFO(json);
    CHECK(strict_json(json));
    CHECK(has(json,
              "\"errors\": [\n    {\n      \"file\": \"bad.yaml\",\n      \"line\": 3,\n"
              "      \"column\": 7,\n      \"message\": \"plan.year: expected a year, found "
              "'soon'\"\n    }\n  ],"));
    CHECK(has(json, "\"plans\": 1,\n    \"errors\": 1,"));
}

TEST_CASE("JSON: each plan is written as it arrives, not held to the end", "[json]") {
    auto checked = testing::check_report(kPlan);
    for (bool lines : {false, true}) {
        std::unique_ptr<report::Reporter> reporter;
        if (lines)
            reporter = std::make_unique<report::JsonLinesReporter>();
        else
            reporter = std::make_unique<report::JsonReporter>();
        std::ostringstream out;
        reporter->begin(report::RunInfo{&checked.checked->catalog, {}, "", ""}, {}, out);
        size_t before = out.str().size();
        reporter->plan(checked.report, out);
        INFO(out.str().substr(before));
        CHECK(has(out.str().substr(before), "\"indicator\":\"ratio\""));
    }
}

TEST_CASE("JSON: a plan made on a checking thread reads the same as one made in order", "[json]") {
    auto checked = testing::check_report(kPlan);
    for (bool lines : {false, true}) {
        auto text = [&](bool ahead) {
            std::unique_ptr<report::Reporter> reporter;
            if (lines)
                reporter = std::make_unique<report::JsonLinesReporter>();
            else
                reporter = std::make_unique<report::JsonReporter>();
            CHECK(reporter->renders_in_parallel());
            std::ostringstream out;
            reporter->begin(report::RunInfo{&checked.checked->catalog, {}, "", ""}, {}, out);
            if (ahead)
                reporter->plan_text(checked.report, reporter->render(checked.report), out);
            else
                reporter->plan_text(checked.report, "", out);  // one thread: nothing made ahead
            reporter->end(report::RunTotals{1, 0, summarize(checked.report.results)}, out);
            return out.str();
        };
        CHECK(text(true) == text(false));
    }
}

TEST_CASE("JSON Lines: the run, one line a plan or error, then the summary", "[json][jsonl]") {
    InputFailure bad = bad_input();
    std::string text = render_lines({}, &bad);
    auto lines = testing::lines_of(text);
    REQUIRE(lines.size() == 4);
    CHECK(text.back() == '\n');
    for (const auto& line : lines) {
        INFO(line);
        CHECK(strict_json(line));
    }
    CHECK(lines[0].rfind("{\"type\":\"run\",\"schema_version\":2,\"tool\":{\"name\":\"vetcheck\"",
                         0) == 0);
    CHECK(has(lines[0], "\"packs\":[{\"id\":"));
    CHECK(has(lines[0], "{\"id\":\"ratio\",\"name\":{\"zh\":"));
    CHECK(lines[1].rfind("{\"type\":\"plan\",\"file\":\"plan.yaml\",", 0) == 0);
    CHECK(has(lines[1],
              "{\"pack\":\"test-pack\",\"indicator\":\"ratio\",\"subject\":\"poly\","
              "\"status\":\"fail\","));
    CHECK_FALSE(has(lines[1], "\"status\":\"n/a\""));
    CHECK(lines[2] ==
          "{\"type\":\"error\",\"file\":\"bad.yaml\",\"line\":3,\"column\":7,\"message\":"
          "\"plan.year: expected a year, found 'soon'\"}");
    CHECK(lines[3].rfind("{\"type\":\"summary\",\"plans\":1,\"errors\":1,\"pass\":1,\"fail\":4,",
                         0) == 0);
}

TEST_CASE("JSON Lines: --all lists n/a results, --lang zh shows values in Chinese",
          "[json][jsonl]") {
    report::ReportOptions o;
    o.show_all = true;
    o.lang = Lang::Zh;
    auto lines = testing::lines_of(render_lines(o));
    REQUIRE(lines.size() == 3);
    INFO(lines[1]);
    CHECK(has(lines[0], "\"options\":{\"lang\":\"zh\","));
    CHECK(has(lines[1], "\"indicator\":\"per_unit\",\"status\":\"n/a\""));
    CHECK(has(lines[1], "\"text\":\"需增加4人（专职思政课教师数9→13）\""));
}
