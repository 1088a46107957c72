#include "vetcheck/report/markup.hpp"

#include <cmath>

#include <fmt/format.h>

#include "vetcheck/base/text.hpp"

namespace vetcheck::report {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// The Char production of XML 1.0.
bool is_xml_char(char32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// What becomes U+FFFD. XML: anything it cannot carry, and bytes that are not UTF-8. HTML: control
// characters but tab and newline; other bytes pass as they are.
bool replaced(char32_t c, std::string_view bytes, bool xml) {
    if (xml)
        return !is_xml_char(c) || (is_control(c) && c >= 0x7F) ||
               (c == 0xFFFD && bytes != kReplacement);
    return is_control(c) && c != '\t' && c != '\n';
}

}  // namespace

std::string escape_markup(std::string_view text, Markup where) {
    const bool xml = where != Markup::Html;
    const bool xml_attribute = where == Markup::XmlAttribute;
    std::string out;
    out.reserve(text.size());
    for (size_t pos = 0; pos < text.size();) {
        size_t start = pos;
        char32_t c = decode_utf8(text, pos);
        std::string_view bytes = text.substr(start, pos - start);
        if (replaced(c, bytes, xml)) {
            out += kReplacement;
            continue;
        }
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
                out += where != Markup::XmlText ? "&quot;" : "\"";
                break;
            case '\'':
                out += xml ? "'" : "&#39;";
                break;
            case '\t':
                out += xml_attribute ? "&#9;" : "\t";
                break;
            case '\n':
                out += xml_attribute ? "&#10;" : "\n";
                break;
            // A raw carriage return is read back as a line feed, in text as in attributes.
            case '\r':
                out += "&#13;";
                break;
            default:
                out += bytes;
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
