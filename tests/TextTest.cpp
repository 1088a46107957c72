#include <catch2/catch.hpp>

#include "vetcheck/base/text.hpp"

using namespace vetcheck;

TEST_CASE("Text: wide characters count two columns", "[text]") {
    CHECK(display_width("abc") == 3);
    CHECK(display_width("专职思政课") == 10);
    CHECK(display_width("1:350 需") == 8);
    CHECK(display_width("（高职）") == 8);
    CHECK(display_width("\x1b[31m✗\x1b[0m") == 1);
    CHECK(pad_right("高职", 6) == "高职  ");
    CHECK(pad_left("57%", 5) == "  57%");
    CHECK(pad_right("toolong", 3) == "toolong");
}

TEST_CASE("Text: UTF-8 validity", "[text]") {
    CHECK(is_valid_utf8("教职成〔2020〕7号"));
    CHECK(is_valid_utf8("\xEF\xBF\xBD"));
    CHECK_FALSE(is_valid_utf8("\xC3\x28"));
    CHECK_FALSE(is_valid_utf8("abc\xFF"));
    CHECK_FALSE(is_valid_utf8("\xE4\xB8"));
}

TEST_CASE("Text: did-you-mean picks the closest candidate or nothing", "[text]") {
    std::vector<std::string> keys = {"teachers.double_qualified", "teachers.professional",
                                     "students.full_time"};
    CHECK(did_you_mean("teachers.double_qualifed", keys) == "teachers.double_qualified");
    CHECK(did_you_mean("student.full_time", keys) == "students.full_time");
    CHECK(did_you_mean("budget", keys).empty());
    CHECK(suggestion_suffix("teachers.profesional", keys) ==
          ", did you mean 'teachers.professional'?");
}
