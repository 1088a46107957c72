#include "vetcheck/base/text_layout.hpp"

#include <string>
#include <string_view>

#include "vetcheck/base/text.hpp"

namespace vetcheck {

namespace {

// The East Asian Ambiguous characters (Unicode UAX #11) that occur in reports and documents:
// Latin-1 signs, general punctuation, arrows, mathematical operators, box drawing, geometric
// shapes, enclosed numbers, Greek and Cyrillic.
bool is_ambiguous(char32_t cp) {
    static constexpr char32_t kSingles[] = {
        0xA1,   0xA4,   0xA7,   0xA8,   0xAA,   0xAD,   0xAE,   0xB0,   0xB1,   0xB2,   0xB3,
        0xB4,   0xB6,   0xB7,   0xB8,   0xB9,   0xBA,   0xBC,   0xBD,   0xBE,   0xBF,   0xD7,
        0xF7,   0x2010, 0x2013, 0x2014, 0x2015, 0x2016, 0x2018, 0x2019, 0x201C, 0x201D, 0x2020,
        0x2021, 0x2022, 0x2024, 0x2025, 0x2026, 0x2027, 0x2030, 0x2032, 0x2033, 0x2035, 0x203B,
        0x203E, 0x2103, 0x2116, 0x2121, 0x2122, 0x2160, 0x2161, 0x2162, 0x2163, 0x2164, 0x2165,
        0x2166, 0x2167, 0x2168, 0x2169, 0x2605, 0x2606, 0x260E, 0x260F, 0x2640, 0x2642};
    for (char32_t c : kSingles)
        if (cp == c) return true;
    return (cp >= 0x0391 && cp <= 0x03C9) ||  // Greek
           (cp >= 0x0401 && cp <= 0x0451) ||  // Cyrillic
           (cp >= 0x2190 && cp <= 0x2199) ||  // arrows
           (cp >= 0x2200 && cp <= 0x22FF) ||  // mathematical operators (≥ ≤ ≠ ∑)
           (cp >= 0x2460 && cp <= 0x24FF) ||  // enclosed numbers ①
           (cp >= 0x2500 && cp <= 0x257F) ||  // box drawing
           (cp >= 0x25A0 && cp <= 0x25EF);    // geometric shapes ■ □ ○ ●
}

// Chinese punctuation that closes (never begins a line) or opens (never ends one).
bool closes(char32_t cp) {
    return std::u32string_view(U"，。；：、）》」』”’？！…%％").find(cp) !=
           std::u32string_view::npos;
}
bool opens(char32_t cp) {
    return std::u32string_view(U"（《「『“‘").find(cp) != std::u32string_view::npos;
}

// A line may break between two characters here: at a wide character on either side (Chinese has
// no spaces), but not between two narrow ones (a number, a word, "1:350"), nor between a number
// and its unit word (1400人次), nor before closing or after opening punctuation.
struct Measured {
    char32_t cp = 0;
    int width = 0;  // as drawn narrow: whether Chinese is on either side
};
bool may_break_between(Measured before, Measured after) {
    if (closes(after.cp) || opens(before.cp)) return false;
    if (before.cp < 0x80 && after.cp >= 0x80) return false;
    return before.width == 2 || after.width == 2;
}

}  // namespace

int char_width(std::string_view one_char, AmbiguousWidth ambiguous) {
    size_t pos = 0;
    if (one_char.empty()) return 0;
    if (ambiguous == AmbiguousWidth::Wide && is_ambiguous(decode_utf8(one_char, pos))) return 2;
    return display_width(one_char);  // the one measure of wide and zero-width characters
}

int display_width(std::string_view utf8, AmbiguousWidth ambiguous) {
    if (ambiguous == AmbiguousWidth::Narrow) return display_width(utf8);
    int width = 0;
    size_t pos = 0;
    while (pos < utf8.size()) {
        size_t start = pos;
        char32_t cp = decode_utf8(utf8, pos);
        if (cp == 0x1B) {  // an ANSI colour sequence takes no column: ESC [ ... m
            while (pos < utf8.size() && utf8[pos] != 'm') ++pos;
            if (pos < utf8.size()) ++pos;
            continue;
        }
        width += char_width(utf8.substr(start, pos - start), ambiguous);
    }
    return width;
}

std::vector<std::string> wrap_text(std::string_view utf8, int width, AmbiguousWidth ambiguous) {
    std::vector<std::string> lines;
    if (width <= 0 || display_width(utf8, ambiguous) <= width) {
        lines.emplace_back(utf8);
        return lines;
    }
    // Pieces that stay whole, each with whether a space came before it.
    struct Piece {
        std::string text;
        int width = 0;
        bool after_space = false;
    };
    std::vector<Piece> pieces;
    bool space = false;
    Measured previous;
    for (size_t pos = 0; pos < utf8.size();) {
        size_t start = pos;
        char32_t cp = decode_utf8(utf8, pos);
        if (cp == ' ') {
            space = true;
            previous = {};
            continue;
        }
        std::string_view bytes = utf8.substr(start, pos - start);
        Measured here{cp, display_width(bytes)};
        if (pieces.empty() || space || (previous.cp && may_break_between(previous, here)))
            pieces.push_back({"", 0, space});
        pieces.back().text.append(bytes);
        pieces.back().width += char_width(bytes, ambiguous);
        space = false;
        previous = here;
    }
    std::string line;
    int line_width = 0;
    for (const Piece& p : pieces) {
        int gap = line.empty() ? 0 : p.after_space ? 1 : 0;
        if (!line.empty() && line_width + gap + p.width > width) {
            lines.push_back(std::move(line));
            line.clear();
            line_width = 0;
            gap = 0;
        }
        line.append(static_cast<size_t>(gap), ' ');
        line += p.text;
        line_width += gap + p.width;
    }
    if (!line.empty()) lines.push_back(std::move(line));
    return lines;
}

}  // namespace vetcheck
