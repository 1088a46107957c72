#include "vetcheck/report/json_writer.hpp"

#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "vetcheck/base/text.hpp"

namespace vetcheck::report {

namespace {

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

void append_escaped(std::string& out, char32_t cp, JsonEscapes escapes) {
    switch (cp) {
        case '"':
            out += "\\\"";
            return;
        case '\\':
            out += "\\\\";
            return;
        case '\b':
            if (escapes != JsonEscapes::Short) break;
            out += "\\b";
            return;
        case '\f':
            if (escapes != JsonEscapes::Short) break;
            out += "\\f";
            return;
        case '\n':
            out += "\\n";
            return;
        case '\r':
            out += "\\r";
            return;
        case '\t':
            out += "\\t";
            return;
        default:
            break;
    }
    if (cp < 0x20)
        out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
    else
        append_utf8(out, cp);
}

}  // namespace

void append_json_string(std::string& out, std::string_view text, JsonEscapes escapes) {
    out += '"';
    // Decoding and re-encoding every code point turns any invalid byte into U+FFFD, so the output
    // is valid UTF-8 whatever the input. Runs of printable ASCII and plainly valid UTF-8, most of a
    // report, are copied as they are, in one piece.
    for (size_t pos = 0; pos < text.size();) {
        size_t run = pos;
        while (run < text.size()) {
            unsigned char c = static_cast<unsigned char>(text[run]);
            if (c >= 0x80) {
                size_t length = plain_utf8_length(text, run);
                if (length == 0) break;
                run += length;
                continue;
            }
            if (c < 0x20 || c == '"' || c == '\\') break;
            ++run;
        }
        out.append(text, pos, run - pos);
        pos = run;
        if (pos == text.size()) break;
        size_t start = pos;
        char32_t cp = decode_utf8(text, pos);
        bool replaced = cp == 0xFFFD && text.substr(start, pos - start) != "\xEF\xBF\xBD";
        if (replaced)
            out += escapes == JsonEscapes::Unicode ? "\\ufffd" : "\xEF\xBF\xBD";
        else if (cp >= 0x80)
            out.append(text, start, pos - start);  // valid UTF-8 (decoded as such): as it is
        else
            append_escaped(out, cp, escapes);
    }
    out += '"';
}

std::string json_string(std::string_view text, JsonEscapes escapes) {
    std::string out;
    out.reserve(text.size() + 2);
    append_json_string(out, text, escapes);
    return out;
}

void JsonWriter::put(std::string_view text) {
    if (text_)
        text_->append(text);
    else
        out_->write(text.data(), static_cast<std::streamsize>(text.size()));
}

void JsonWriter::put(char c) {
    if (text_)
        *text_ += c;
    else
        out_->put(c);
}

void JsonWriter::newline() {
    if (folded()) return;
    static const std::string kSpaces(256, ' ');
    put('\n');
    size_t width = 2 * (static_cast<size_t>(layout_.depth) + counts_.size());
    for (; width > kSpaces.size(); width -= kSpaces.size()) put(kSpaces);
    put(std::string_view(kSpaces).substr(0, width));
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (counts_.empty()) return;  // the document's single top-level value
    if (counts_.back()++ > 0) put(',');
    newline();
}

JsonWriter& JsonWriter::key(std::string_view name) {
    if (counts_.empty() || after_key_) throw std::logic_error("JsonWriter: key outside an object");
    before_value();
    if (text_)
        append_json_string(*text_, name, escapes_);
    else
        put(json_string(name, escapes_));
    put(folded() ? ":" : ": ");
    after_key_ = true;
    return *this;
}

void JsonWriter::begin_object() {
    before_value();
    put('{');
    counts_.push_back(0);
}

void JsonWriter::begin_array() {
    before_value();
    put('[');
    counts_.push_back(0);
}

void JsonWriter::end(char close) {
    if (counts_.empty() || after_key_) throw std::logic_error("JsonWriter: unbalanced end");
    int count = counts_.back();
    bool on_one_line = folded();
    counts_.pop_back();
    // An empty container stays on one line: [] or {}
    if (count > 0 && !on_one_line) newline();
    put(close);
}

void JsonWriter::end_object() {
    end('}');
}

void JsonWriter::end_array() {
    end(']');
}

void JsonWriter::value(std::string_view text) {
    before_value();
    if (text_)
        append_json_string(*text_, text, escapes_);
    else
        put(json_string(text, escapes_));
}

void JsonWriter::value(bool b) {
    before_value();
    put(b ? "true" : "false");
}

void JsonWriter::value(int64_t n) {
    before_value();
    put(fmt::format_int(n).c_str());  // never a locale's digit grouping
}

void JsonWriter::number(double d) {
    // JSON has no infinity or NaN; a report never holds one, but null is the honest fallback.
    if (!std::isfinite(d)) return null();
    before_value();
    char buffer[32];
    auto end = fmt::format_to_n(buffer, sizeof buffer, "{}", d).out;
    put(std::string_view(buffer, static_cast<size_t>(end - buffer)));
}

void JsonWriter::null() {
    before_value();
    put("null");
}

void JsonWriter::raw(std::string_view json) {
    before_value();
    put(json);
}

void JsonWriter::json(std::string_view text) {
    before_value();
    std::string indent(1 + 2 * (static_cast<size_t>(layout_.depth) + counts_.size()), ' ');
    indent[0] = '\n';
    for (size_t from = 0;;) {
        size_t line_end = text.find('\n', from);
        if (line_end == std::string_view::npos) {
            put(text.substr(from));
            break;
        }
        put(text.substr(from, line_end - from));
        put(indent);
        from = line_end + 1;
    }
}

void JsonWriter::finish() {
    if (!counts_.empty()) throw std::logic_error("JsonWriter: document not closed");
    put('\n');
}

}  // namespace vetcheck::report
