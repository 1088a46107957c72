#include "vetcheck/read/yaml_writer.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "vetcheck/base/text.hpp"

namespace vetcheck {

namespace {

// Words a YAML 1.1 or 1.2 reader resolves to something other than a string when plain.
bool reserved_word(std::string_view text) {
    static constexpr std::array<std::string_view, 22> kWords = {
        "y",    "Y",    "yes", "Yes", "YES", "n",     "N",     "no",    "No",  "NO",  "true",
        "True", "TRUE", "on",  "On",  "ON",  "false", "False", "FALSE", "off", "Off", "OFF"};
    static constexpr std::array<std::string_view, 4> kNull = {"null", "Null", "NULL", "~"};
    return std::find(kWords.begin(), kWords.end(), text) != kWords.end() ||
           std::find(kNull.begin(), kNull.end(), text) != kNull.end();
}

// Text a reader could take for a number (12, -1.5, .5, 0x1F, 1e3, .inf, .nan, 1_000, 12:30:00).
bool looks_numeric(std::string_view text) {
    std::string_view t = text;
    if (!t.empty() && (t[0] == '+' || t[0] == '-')) t.remove_prefix(1);
    if (t.empty()) return false;
    if (t[0] == '.') return true;  // .5, .inf, .nan, .NaN
    return t[0] >= '0' && t[0] <= '9' && std::all_of(t.begin(), t.end(), [](char c) {
               return (c >= '0' && c <= '9') || c == '.' || c == '_' || c == ':' || c == 'e' ||
                      c == 'E' || c == '+' || c == '-' || c == 'x' || c == 'o' || c == 'b' ||
                      (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
           });
}

bool needs_quotes(std::string_view text) {
    if (text.empty() || reserved_word(text) || looks_numeric(text)) return true;
    if (!is_valid_utf8(text)) return true;
    static constexpr std::string_view kLeading = "-?:,[]{}#&*!|>'\"%@` \t";
    if (kLeading.find(text.front()) != std::string_view::npos) return true;
    if (text.back() == ' ' || text.back() == '\t' || text.back() == ':') return true;
    if (text.find(": ") != std::string_view::npos || text.find(" #") != std::string_view::npos ||
        text.find(":\t") != std::string_view::npos || text.find("\t#") != std::string_view::npos)
        return true;
    for (size_t pos = 0; pos < text.size();) {
        char32_t c = decode_utf8(text, pos);
        // Control characters, and what YAML reads as a line break or a byte-order mark.
        if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xFEFF)
            return true;
    }
    // Characters that end a plain scalar inside a flow collection ([a, b]): quote them so that the
    // scalar can be written anywhere.
    return text.find_first_of(",[]{}") != std::string_view::npos;
}

}  // namespace

std::string yaml_scalar(std::string_view text) {
    if (!needs_quotes(text)) return std::string(text);
    std::string out = "\"";
    size_t pos = 0;
    while (pos < text.size()) {
        size_t start = pos;
        char32_t c = decode_utf8(text, pos);
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                if (c < 0x20 || c == 0x7f)
                    out += fmt::format("\\x{:02x}", static_cast<unsigned>(c));
                else if (c == 0xFFFD && text.substr(start, pos - start) != "\uFFFD")
                    out += "\\uFFFD";  // invalid UTF-8 is not copied into the file
                else if (c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xFEFF)
                    out += fmt::format("\\u{:04X}", static_cast<unsigned>(c));  // line breaks, BOM
                else
                    out.append(text.substr(start, pos - start));
        }
    }
    return out + "\"";
}

std::string yaml_comment(std::string_view text, int indent) {
    std::string line(static_cast<size_t>(indent), ' ');
    line += "#";
    if (!text.empty()) line += " ";
    size_t pos = 0;
    while (pos < text.size()) {
        size_t start = pos;
        char32_t c = decode_utf8(text, pos);
        bool line_break = c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
        if (line_break || c < 0x20 || c == 0x7f)
            line += ' ';
        else if (c == 0xFFFD && text.substr(start, pos - start) != "\uFFFD")
            line += "\uFFFD";
        else
            line.append(text.substr(start, pos - start));
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line;
}

}  // namespace vetcheck
