#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "vetcheck/base/encoding.hpp"
#include "vetcheck/engine/batch.hpp"
#include "vetcheck/input/plan_loader.hpp"
#include "vetcheck/report/registry.hpp"

using namespace vetcheck;

namespace {

std::string error_of(const std::string& bytes) {
    try {
        decode_text(bytes, "f.csv");
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("Encoding: UTF-8 is returned as it is, without a byte-order mark", "[encoding]") {
    DecodedText d = decode_text("a: 中文\n", "f.yaml");
    CHECK(d.text == "a: 中文\n");
    CHECK(d.encoding == TextEncoding::Utf8);
    CHECK(d.note.empty());
    CHECK(decode_text("\xEF\xBB\xBF"
                      "a: 1\n",
                      "f.yaml")
              .text == "a: 1\n");
    CHECK(decode_text("", "f.yaml").text.empty());
}

TEST_CASE("Encoding: UTF-16 with a byte-order mark", "[encoding]") {
    // "a: 中\n" in UTF-16 LE and BE
    DecodedText le = decode_text(std::string("\xFF\xFE"
                                             "a\0:\0 \0\x2D\x4E\n\0",
                                             12),
                                 "f.yaml");
    CHECK(le.text == "a: 中\n");
    CHECK(le.encoding == TextEncoding::Utf16);
    CHECK(le.note.empty());
    CHECK(decode_text(std::string("\xFE\xFF"
                                  "\0a\0:\0 \x4E\x2D\0\n",
                                  12),
                      "f.yaml")
              .text == "a: 中\n");
    // A lone high surrogate on line 2.
    CHECK(error_of(std::string("\xFF\xFE"
                               "a\0\n\0b\0\x00\xD8",
                               10)) ==
          "f.csv:2:2: the file begins with a UTF-16 LE byte-order mark but is not UTF-16 text "
          "from here (a lone surrogate or a cut character)");
}

TEST_CASE("Encoding: GB18030 when the bytes are not UTF-8 but decode as GB18030", "[encoding]") {
    // 中职,高职 in GBK
    DecodedText d = decode_text("type\n\xD6\xD0\xD6\xB0,\xB8\xDF\xD6\xB0\n", "s.csv");
    CHECK(d.text == "type\n中职,高职\n");
    CHECK(d.encoding == TextEncoding::Gb18030);
    CHECK(d.note == "s.csv: read as GB18030 (not UTF-8)");
}

TEST_CASE("Encoding: refused, at the line and column of the first byte that is not UTF-8",
          "[encoding]") {
    // 0xFF is neither UTF-8 nor GB18030.
    CHECK(error_of("a,b\nxy,\xFF\xFE\n") ==
          "f.csv:2:4: the file is neither UTF-8 text (byte 0xff cannot start a UTF-8 character) "
          "nor GB18030/GBK (the bytes at 2:4 are not GB18030); save it as UTF-8");
    // Cut short at the end of the file: not GB18030 either.
    CHECK(error_of("a,1\xE4") ==
          "f.csv:1:4: the file is neither UTF-8 text (the file ends inside a UTF-8 character "
          "(0xe4 …)) nor GB18030/GBK (the bytes at 1:4 are not GB18030); save it as UTF-8");
    // UTF-8 throughout but for one damaged character: not guessed to be GB18030.
    CHECK(error_of("名称,类型\n中文,\xE4\xB8\n") ==
          "f.csv:2:4: the file is UTF-8 text but for a damaged character: byte 0x0a cannot "
          "continue the UTF-8 character begun by 0xe4; correct it or save the file again as UTF-8");
    // Overlong forms and surrogates are not UTF-8.
    CHECK(!error_of("中文中文 \xC0\xAF").empty());
    CHECK(!error_of("中文中文 \xED\xA0\x80").empty());
}

TEST_CASE("Encoding: a GBK spreadsheet checks like its UTF-8 copy", "[encoding][csv]") {
    // examples/schools.csv as Excel saves it on a Chinese Windows system.
    std::string utf8 = slurp(VETCHECK_SOURCE_DIR "/examples/schools.csv");
    std::string gbk = slurp(VETCHECK_SOURCE_DIR "/tests/fixtures/schools-gbk.csv");
    REQUIRE(gbk != utf8);
    DecodedText d = decode_text(gbk, "schools.csv");
    CHECK(d.encoding == TextEncoding::Gb18030);
    CHECK(d.text == utf8);

    Catalog catalog;
    BatchOptions options;
    BatchOutcome a = check_files({VETCHECK_SOURCE_DIR "/examples/schools.csv"}, catalog, options);
    BatchOutcome b =
        check_files({VETCHECK_SOURCE_DIR "/tests/fixtures/schools-gbk.csv"}, catalog, options);
    CHECK(a.notes.empty());
    REQUIRE(b.notes.size() == 1);
    CHECK(b.notes[0] == VETCHECK_SOURCE_DIR
          "/tests/fixtures/schools-gbk.csv: read as GB18030 "
          "(not UTF-8)");
    CHECK(a.failures.size() == b.failures.size());
    // The same report, byte for byte, but for the file's name.
    auto render = [](const BatchOutcome& o) {
        std::ostringstream out;
        report::ReportOptions zh;
        zh.lang = Lang::Zh;
        report::find_reporter("json")->make()->write(o.reports, zh, out);
        std::string text = out.str();
        for (std::string name : {"examples/schools.csv", "tests/fixtures/schools-gbk.csv"})
            for (size_t at; (at = text.find(name)) != std::string::npos;)
                text.replace(at, name.size(), "SCHOOLS");
        return text;
    };
    CHECK(a.reports.size() == 4);
    CHECK(render(a) == render(b));
}
