#include <catch2/catch.hpp>

#include "test_support.hpp"
#include "vetcheck/input/tabular_plans.hpp"
#include "vetcheck/read/csv.hpp"

using namespace vetcheck;

TEST_CASE("CsvInput: RFC 4180 cells with their rows and columns", "[csv]") {
    auto rows = parse_csv(
        "\xEF\xBB\xBF"
        "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\r\n\r\n中文,\"two\nlines\",z\n",
        "t.csv");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0][0].where.to_string() == "t.csv:1:1");
    CHECK(rows[1][0].text == "x, y");
    CHECK(rows[1][1].text == "say \"hi\"");
    CHECK(rows[1][2].text.empty());
    CHECK(rows[2][0].text == "中文");
    CHECK(rows[2][1].text == "two\nlines");
    CHECK(rows[2][2].where.to_string() == "t.csv:5:8");  // after a line break inside a cell
    CHECK_THROWS_WITH(parse_csv("a,\"b\n", "t.csv"), "t.csv:1:3: unterminated quoted cell");
    CHECK_THROWS_WITH(parse_csv("a,b\"c\n", "t.csv"),
                      "t.csv:1:4: a quote inside an unquoted cell; quote the whole cell");
}

TEST_CASE("CsvInput: each row is a school report", "[csv]") {
    auto docs = plans_from_csv(
        "id,name,type,year,packs,students.full_time,teachers.ideological_political\n"
        "a,甲校,高职,2023,cn-2020-7,700,\n",
        "s.csv");
    REQUIRE(docs.size() == 1);
    Catalog catalog;
    REQUIRE(docs[0].document);
    LoadedPlan p = load_plan_document(*docs[0].document, "s.csv", catalog);
    CHECK(p.plan.is_school());
    CHECK(p.plan.whole.type == "高职");
    CHECK(p.plan.whole.find("students.full_time")->where.to_string() == "s.csv:2:24");
    CHECK_FALSE(p.plan.whole.find("teachers.ideological_political"));  // empty cell: not reported
    auto results = check_plan(*p.rules, p.plan);
    bool missing = false;
    for (const auto& r : results)
        if (r.indicator().id == "ideological_teacher_ratio") missing = r.status == Status::Missing;
    CHECK(missing);
}

TEST_CASE("CsvInput: header problems", "[csv]") {
    CHECK_THROWS_WITH(plans_from_csv("id,type\n", "h.csv"),
                      Catch::Contains("h.csv:1:1: the header row has no 'year' column"));
    CHECK_THROWS_WITH(plans_from_csv("id,type,year,id\n", "h.csv"),
                      "h.csv:1:14: column 'id' appears twice");
    CHECK_THROWS_WITH(plans_from_csv("id,type,year\n", "h.csv"),
                      "h.csv:1:1: a CSV of school reports: a header row and no school's row");
    CHECK_THROWS_WITH(plans_from_csv("", "h.csv"), Catch::Contains("expected a header row"));
}

TEST_CASE("CsvInput: a bad row is reported in its place and the others are read", "[csv]") {
    auto docs = plans_from_csv(
        "id,type,year\na,高职,2023,extra\nb,高职,2023\n"
        "c,高\"职,2023\rd,高\x01职,2023\re,\xff,2023\rf,高职,2023\n",
        "h.csv");
    REQUIRE(docs.size() == 6);
    REQUIRE(docs[0].error);
    CHECK(docs[0].error->where().to_string() == "h.csv:2:11");
    CHECK(docs[0].error->message() == "row has 4 cells but the header names 3 columns");
    CHECK(docs[1].document);
    REQUIRE(docs[2].error);  // a stray quote; lines end with a lone CR from here on
    CHECK(docs[2].error->where().to_string() == "h.csv:4:4");
    REQUIRE(docs[3].error);
    CHECK(std::string(docs[3].error->what()) ==
          "h.csv:5:4: a control character (U+0001) in a cell");
    REQUIRE(docs[4].error);
    CHECK(std::string(docs[4].error->what()) ==
          "h.csv:6:3: not UTF-8 (byte 0xFF); save the file as UTF-8 CSV");
    CHECK(docs[5].document);
    CHECK_THROWS_WITH(parse_csv("a\nb\n\"c\n", "t.csv"), "t.csv:3:1: unterminated quoted cell");
    auto records = read_csv_records("a\nb\n\"c\n", "t.csv");
    REQUIRE(records.size() == 3);  // the rows before a broken quote are read
    CHECK(records[1].cells[0].text == "b");
    CHECK(records[2].error);
}

TEST_CASE("CsvInput: the packs cell takes ; ； , ， 、 and spaces between pack ids", "[csv]") {
    for (std::string cell : {"cn-2020-7;zj-2021", "cn-2020-7；zj-2021", "cn-2020-7,zj-2021",
                             "cn-2020-7、zj-2021", "cn-2020-7 zj-2021", " cn-2020-7 ; zj-2021 ",
                             "cn-2020-7，zj-2021", "cn-2020-7　zj-2021"}) {
        INFO(cell);
        auto docs = plans_from_csv("id,type,year,packs\na,高职,2023,\"" + cell + "\"\n", "s.csv");
        REQUIRE(docs.size() == 1);
        REQUIRE(docs[0].document);
        const Node* packs = docs[0].document->find("plan")->find("packs");
        REQUIRE(packs);
        REQUIRE(packs->items().size() == 2);
        CHECK(packs->items()[0].text() == "cn-2020-7");
        CHECK(packs->items()[1].text() == "zj-2021");
    }
}
