#include "vetcheck/report/markup.hpp"

#include <cmath>

#include <fmt/format.h>

#include "vetcheck/text.hpp"

namespace vetcheck::report {

std::string escape_markup(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                bool control =
                    (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') || c == '\x7f';
                if (control)
                    out += "\xEF\xBF\xBD";
                else
                    out += c;
        }
    }
    return out;
}

std::string truncate_columns(std::string_view utf8, int columns) {
    if (display_width(utf8) <= columns) return std::string(utf8);
    const int budget = columns - 1;  // room for the ellipsis
    size_t pos = 0, end = 0;
    int width = 0;
    while (pos < utf8.size()) {
        size_t before = pos;
        decode_utf8(utf8, pos);
        width += display_width(utf8.substr(before, pos - before));
        if (width > budget) break;
        end = pos;
    }
    return std::string(utf8.substr(0, end)) + "…";
}

std::string svg_number(double value) {
    if (!std::isfinite(value)) return "0";
    std::string text = fmt::format("{:.1f}", value);
    if (text == "-0.0") return "0";
    if (text.size() > 2 && text.ends_with(".0")) text.resize(text.size() - 2);
    return text;
}

}  // namespace vetcheck::report
