#include <catch2/catch.hpp>

#include <limits>
#include <sstream>

#include "test_support.hpp"
#include "vetcheck/report/json_reporter.hpp"
#include "vetcheck/report/json_writer.hpp"

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

std::string render(bool explain = false, const std::string& plan = kPlan) {
    report::ReportOptions o;
    o.explain = explain;
    return testing::write_report(report::JsonReporter(), {testing::check_report(plan).report}, o);
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

// The text of the result object for one indicator (and subject), for checks on its fields.
std::string result_block(const std::string& json, const std::string& indicator,
                         const std::string& subject_id = "") {
    size_t at = json.find("\"id\": \"" + indicator + "\"");
    while (at != std::string::npos) {
        size_t end = json.find("\n        }", json.find("\"facts_used\"", at));
        std::string block = json.substr(at, end - at);
        if (subject_id.empty() || has(block, "\"id\": \"" + subject_id + "\"")) return block;
        at = json.find("\"id\": \"" + indicator + "\"", at + 1);
    }
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

TEST_CASE("JSON: the report is strict JSON with the documented top-level keys in order", "[json]") {
    std::string json = render();
    INFO(json);
    CHECK(strict_json(json));
    size_t version = json.find("\"schema_version\": \"1.0\"");
    size_t tool = json.find("\"tool\": {\n    \"name\": \"vetcheck\",\n    \"version\": \"");
    size_t plans = json.find("\"plans\": [");
    size_t summary = json.rfind("\"summary\": {");
    CHECK(version == 4);
    CHECK(version < tool);
    CHECK(tool < plans);
    CHECK(plans < summary);
    CHECK(json.back() == '\n');
    CHECK_FALSE(has(json, "\\u4e"));  // Chinese is never \u-escaped
    CHECK(has(json, "\"name\": \"XX职业技术学院\""));
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
    CHECK(has(block, "\"status\": \"fail\""));
    CHECK(has(block,
              "\"actual\": {\n            \"value\": \"0.002\",\n            \"number\": 0.002,\n"
              "            \"text\": \"1:500\",\n            \"unit\": null,\n"
              "            \"notation\": \"ratio\""));
    CHECK(has(block, "\"value\": \"1/350\""));
    CHECK(has(block, "\"text\": \"≥1:350\""));
    CHECK(has(block, "\"text\": \"4 more ideological-political teachers (9 → 13)\""));
    CHECK(has(block,
              "\"fact\": \"teachers.ideological_political\",\n            \"current\": \"9\",\n"
              "            \"needed\": \"13\",\n            \"change\": \"4\",\n"
              "            \"unit\": \"人\",\n            \"strict\": false"));
    CHECK(has(block,
              "\"location\": {\n            \"file\": \"plan.yaml\",\n            \"line\": 4,"));
    CHECK(has(block, "\"whole_plan\": false"));
    CHECK(has(block, "\"key\": \"students.full_time\",\n              \"value\": \"4500人\""));
    CHECK(has(block, "\"subject\": \"poly\""));
    CHECK(has(
        block,
        "\"source\": {\n              \"document\": \"《测试》\",\n              \"file\": \"f\""));
}

TEST_CASE("JSON: an upper bound on a share gives its gap as an exact fraction", "[json]") {
    std::string block = result_block(render(), "upper");
    INFO(block);
    CHECK(has(block,
              "\"value\": \"0.025\",\n            \"number\": 0.025,\n"
              "            \"text\": \"2.5%\""));
    CHECK(has(block, "\"gap\": {\n            \"value\": \"0.005\""));
    CHECK(has(block, "\"text\": \"0.5 points over\""));
    CHECK(has(block, "\"shortfall\": null"));
    CHECK(has(block, "\"whole_plan\": true"));
}

TEST_CASE("JSON: missing data names the facts and has no values", "[json]") {
    std::string block = result_block(render(), "yesno", "poly");
    INFO(block);
    CHECK(has(block, "\"status\": \"missing\""));
    CHECK(has(block, "\"actual\": null,\n          \"target\": null,\n          \"gap\": null"));
    CHECK(has(block, "\"missing\": [\n            \"courses.labor_required\"\n          ]"));
}

TEST_CASE("JSON: n/a results are listed with their reason", "[json]") {
    std::string block = result_block(render(), "per_unit");
    CHECK(has(block, "\"status\": \"n/a\""));
    CHECK(has(block, "\"reason\": \"checked at province level\""));
}

TEST_CASE("JSON: summaries count every status, the explanation only with --explain", "[json]") {
    std::string json = render();
    CHECK(has(json, "\"pass\": 1,\n        \"fail\": 4,\n        \"missing\": 3,"));
    CHECK(has(json, "\"total\": 10,\n        \"failed\": true"));
    CHECK_FALSE(has(json, "\"explanation\""));
    std::string explained = render(true);
    CHECK(strict_json(explained));
    CHECK(
        has(result_block(explained, "ratio"),
            "\"explanation\": {\n            \"formula\": \"teachers.ideological_political / "
            "students.full_time >= 1:350\",\n            \"substituted\": \"9 / 4500 >= 1:350\""));
}
