#include <catch2/catch.hpp>

#include "vetcheck/base/text.hpp"
#include "vetcheck/base/text_layout.hpp"

using namespace vetcheck;

namespace {
constexpr auto kNarrow = AmbiguousWidth::Narrow;
constexpr auto kWide = AmbiguousWidth::Wide;
}  // namespace

TEST_CASE("Text layout: ambiguous characters are one column or two, as asked", "[text]") {
    CHECK(display_width("abc", kWide) == 3);
    CHECK(display_width("学时", kNarrow) == 4);
    CHECK(display_width("学时", kWide) == 4);
    for (const char* ambiguous : {"“", "”", "—", "·", "…", "→", "≥", "×", "①", "○"}) {
        INFO(ambiguous);
        CHECK(display_width(ambiguous, kNarrow) == 1);
        CHECK(display_width(ambiguous) == 1);
        CHECK(display_width(ambiguous, kWide) == 2);
    }
    // Neutral, not ambiguous: the status marks stay one column.
    CHECK(display_width("✓✗", kWide) == 2);
    CHECK(display_width("“双师型”", kNarrow) == 8);
    CHECK(display_width("“双师型”", kWide) == 10);
    CHECK(display_width("\x1b[31m—\x1b[0m", kWide) == 2);
    CHECK(display_width("e\xCC\x81", kWide) == 1);  // a combining accent takes no column
}

TEST_CASE("Text layout: wrapping breaks at spaces and between Chinese characters", "[text]") {
    CHECK(wrap_text("short", 80, kNarrow) == std::vector<std::string>{"short"});
    CHECK(wrap_text("no limit at all", 0, kNarrow) == std::vector<std::string>{"no limit at all"});
    CHECK(wrap_text("needs 1400 more people", 11, kNarrow) ==
          std::vector<std::string>{"needs 1400", "more people"});
    CHECK(wrap_text("需增加1400人次才能达标", 10, kNarrow) ==
          std::vector<std::string>{"需增加", "1400人次才", "能达标"});
    // Never inside a number, even when the number alone is wider than the line.
    CHECK(wrap_text("需增加 123456789012人", 6, kNarrow) ==
          std::vector<std::string>{"需增加", "123456789012人"});
    CHECK(wrap_text("1:350 → 1:300", 6, kNarrow) ==
          std::vector<std::string>{"1:350", "→", "1:300"});
    // Closing punctuation stays with what it closes.
    CHECK(wrap_text("甲乙，丙丁", 4, kNarrow) == std::vector<std::string>{"甲", "乙，", "丙丁"});
    // Every line fits, and the words come back in order.
    std::string text = "差距：需增加 1400 人次（当前 7600 人次 → 需 9000 人次），或减少在校生";
    for (int width : {8, 12, 20, 30}) {
        std::string joined;
        for (const auto& line : wrap_text(text, width, kWide)) {
            INFO(width << ": " << line);
            CHECK(display_width(line, kWide) <= width);
            joined += line;
        }
        std::string without_spaces;
        for (char c : text)
            if (c != ' ') without_spaces += c;
        std::string joined_without;
        for (char c : joined)
            if (c != ' ') joined_without += c;
        CHECK(joined_without == without_spaces);
    }
}
