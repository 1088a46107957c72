#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vetcheck {

// How wide a terminal draws the East-Asian-ambiguous characters (“ ” ‘ ’ — … · → ≥ ×): one
// column in most Western terminals, two in a CJK one (and in a terminal set to draw them wide).
enum class AmbiguousWidth { Narrow, Wide };

// Columns one character (its UTF-8 bytes) takes: 0 (combining marks), 1, or 2 (East Asian wide,
// and ambiguous characters when `ambiguous` is Wide).
int char_width(std::string_view one_char, AmbiguousWidth ambiguous);
// display_width (vetcheck/base/text.hpp), counting ambiguous characters as `ambiguous` says.
int display_width(std::string_view utf8, AmbiguousWidth ambiguous);

// The text in lines of at most `width` columns. A line breaks at a space (which is dropped) or
// between two wide characters (Chinese runs on without spaces), never inside a number or a word:
// "需增加 1400人次" may become "需增加" and "1400人次", never "14" and "00人次". A piece wider
// than `width` with nowhere to break stays whole on a line of its own. `width` <= 0: one line.
std::vector<std::string> wrap_text(std::string_view utf8, int width, AmbiguousWidth ambiguous);

}  // namespace vetcheck
