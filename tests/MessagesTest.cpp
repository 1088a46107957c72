// The message catalogue is the one place user-facing text lives: every entry in both languages,
// with the same placeholders, Chinese punctuated as Chinese, every code the sources use present,
// and every code documented for the scripts that match on them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "vetcheck/base/messages.hpp"
#include "vetcheck/base/text.hpp"

using namespace vetcheck;
namespace fs = std::filesystem;

namespace {

std::string without_placeholders(const char* text) {
    return std::regex_replace(std::string(text), std::regex(R"(\{[a-z_]+\})"), "");
}

bool is_cjk_text(std::string_view text) {
    size_t pos = 0;
    while (pos < text.size()) {
        char32_t c = decode_utf8(text, pos);
        if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x303F) ||
            (c >= 0xFF00 && c <= 0xFFEF))
            return true;
    }
    return false;
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("every message has a stable code and both languages with the same placeholders") {
    std::set<std::string> codes;
    std::regex code_form("[LPRE]-[a-z0-9]+(-[a-z0-9]+)*");
    for (const auto& e : message_catalogue()) {
        INFO(e.code);
        CHECK(std::regex_match(e.code, code_form));
        CHECK(codes.insert(e.code).second);
        CHECK(std::string(e.en).size() > 0);
        CHECK(std::string(e.zh).size() > 0);
        auto en = placeholders(e.en), zh = placeholders(e.zh);
        std::sort(en.begin(), en.end());
        std::sort(zh.begin(), zh.end());
        CHECK(en == zh);
    }
}

TEST_CASE("Chinese messages use full-width punctuation and no English words") {
    // Words that are names in both languages (formats, encodings), and words a file is written
    // with (YAML keys such as `facts:`, values such as true/false, date forms): the reader types
    // them as they are.
    const std::set<std::string> names = {"UTF", "GB18030", "GBK", "YAML", "CSV", "BOM", "LE", "BE",
                                         "SQLite", "JUnit", "vetcheck", "id", "true", "false",
                                         "YYYY", "MM", "DD", "U", "GB",
                                         // keys and column names as a plan or pack file writes them
                                         "plan", "facts", "institutions", "institution", "type",
                                         "level", "school", "name", "year", "waivers", "pack"};
    for (const auto& e : message_catalogue()) {
        INFO(e.code << ": " << e.zh);
        std::string zh = without_placeholders(e.zh);
        if (!is_cjk_text(zh)) continue;  // a placeholder alone, or a mark such as "/"
        // Option names (--max-nodes), commands as typed (vetcheck packs), file names, YAML keys
        // as written (`level: school`) and ratios (1:350) are names too.
        std::string prose = std::regex_replace(
            zh,
            std::regex(
                R"((--|-f )[a-z=.-]+|vetcheck [a-z]+|([a-z_]+/)?[a-z_]+\.[a-z]+|[a-z_]+:( [a-z]+)?|[0-9]:[0-9])"),
            "");
        for (char c : std::string(",;:()?!")) CHECK(prose.find(c) == std::string::npos);
        static const std::regex word("[A-Za-z]+");
        for (auto it = std::sregex_iterator(prose.begin(), prose.end(), word);
             it != std::sregex_iterator(); ++it)
            CHECK(names.count(it->str()) == 1);
    }
}

TEST_CASE("Chinese messages put no space between a number or an argument and Chinese") {
    // 需增加4人, 第{line}行, {count}项指标: a space there reads as a typesetting slip. Two spaces
    // separate the columns of a layout (发文机关：{issuer}  文号：{document}) and stay.
    for (const auto& e : message_catalogue()) {
        INFO(e.code << ": " << e.zh);
        std::string zh = e.zh;
        // Each single space, with the characters either side of it.
        size_t pos = 0;
        char32_t before = 0;
        while (pos < zh.size()) {
            size_t start = pos;
            char32_t c = decode_utf8(zh, pos);
            if (c == U' ' && pos < zh.size() && zh[pos] != ' ' &&
                (start == 0 || zh[start - 1] != ' ')) {
                size_t next_pos = pos;
                char32_t after = decode_utf8(zh, next_pos);
                bool han_before = before >= 0x4E00 && before <= 0x9FFF;
                bool han_after = after >= 0x4E00 && after <= 0x9FFF;
                bool number_before = (before >= U'0' && before <= U'9') || before == U'}';
                bool number_after = (after >= U'0' && after <= U'9') || after == U'{';
                CHECK_FALSE(((number_before && han_after) || (han_before && number_after)));
            }
            before = c;
        }
    }
}

TEST_CASE("English messages carry no Chinese of their own") {
    // The Chinese an English reader types into a plan anyway: units and yes/no words vetcheck
    // reads.
    const std::regex input_words("1\\.2万(元)?|2倍|是|否");
    for (const auto& e : message_catalogue()) {
        INFO(e.code << ": " << e.en);
        CHECK_FALSE(is_cjk_text(std::regex_replace(without_placeholders(e.en), input_words, "")));
    }
}

TEST_CASE("a message renders its arguments, lists and phrases in the language asked") {
    Message m("R-no-institutions-of-type", {{"types", std::vector<std::string>{"中职", "高职"}}});
    CHECK(render(m, Lang::En) == "no 中职, 高职 institutions in the plan");
    CHECK(render(m, Lang::Zh) == "规划中没有中职、高职院校");
    CHECK(std::string(m.code()) == "R-no-institutions-of-type");
    Message nested("R-checked-at-level",
                   {{"levels", std::vector<Message>{Message("L-level-province")}}});
    CHECK(render(nested, Lang::Zh) == "仅在省级规划中检查");
    CHECK(render(nested, Lang::En) == "checked at province level");
    CHECK(render(Message(), Lang::Zh).empty());
    CHECK_THROWS_AS(Message("E-no-such-message"), std::logic_error);
}

TEST_CASE("every code the sources name is in the catalogue, and every code is documented") {
    std::set<std::string> known;
    for (const auto& e : message_catalogue()) known.insert(e.code);
    fs::path root = VETCHECK_SOURCE_DIR;
    std::regex used("\"([LPRE]-[a-z0-9]+(-[a-z0-9]+)*)\"");
    for (const auto& dir : {root / "src", root / "include"})
        for (const auto& f : fs::recursive_directory_iterator(dir)) {
            if (!f.is_regular_file() || f.path().filename() == "messages.cpp") continue;
            std::string text = read_text(f.path());
            for (auto it = std::sregex_iterator(text.begin(), text.end(), used);
                 it != std::sregex_iterator(); ++it) {
                INFO(f.path().string());
                CHECK(known.count((*it)[1].str()) == 1);
            }
        }
    std::string doc = read_text(root / "docs" / "messages.md");
    for (const auto& code : known) {
        INFO(code);
        CHECK(doc.find("`" + code + "`") != std::string::npos);
    }
}
