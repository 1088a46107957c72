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

std::string json_string(std::string_view text, JsonEscapes escapes) {
    std::string out = "\"";
    out.reserve(text.size() + 2);
    // Decoding and re-encoding every code point turns any invalid byte into U+FFFD, so the output
    // is valid UTF-8 whatever the input.
    for (size_t pos = 0; pos < text.size();) {
        size_t start = pos;
        char32_t cp = decode_utf8(text, pos);
        if (escapes == JsonEscapes::Unicode && cp == 0xFFFD &&
            text.substr(start, pos - start) != "\xEF\xBF\xBD")
            out += "\\ufffd";
        else
            append_escaped(out, cp, escapes);
    }
    out += '"';
    return out;
}

void JsonWriter::newline() {
    out_ << '\n' << std::string(counts_.size() * 2, ' ');
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (counts_.empty()) return;  // the document's single top-level value
    if (counts_.back()++ > 0) out_ << ',';
    newline();
}

JsonWriter& JsonWriter::key(std::string_view name) {
    if (counts_.empty() || after_key_) throw std::logic_error("JsonWriter: key outside an object");
    before_value();
    out_ << json_string(name, escapes_) << ": ";
    after_key_ = true;
    return *this;
}

void JsonWriter::begin_object() {
    before_value();
    out_ << '{';
    counts_.push_back(0);
}

void JsonWriter::begin_array() {
    before_value();
    out_ << '[';
    counts_.push_back(0);
}

void JsonWriter::end(char close) {
    if (counts_.empty() || after_key_) throw std::logic_error("JsonWriter: unbalanced end");
    int count = counts_.back();
    counts_.pop_back();
    if (count > 0) newline();  // an empty container stays on one line: [] or {}
    out_ << close;
}

void JsonWriter::end_object() {
    end('}');
}

void JsonWriter::end_array() {
    end(']');
}

void JsonWriter::value(std::string_view text) {
    before_value();
    out_ << json_string(text, escapes_);
}

void JsonWriter::value(bool b) {
    before_value();
    out_ << (b ? "true" : "false");
}

void JsonWriter::value(int64_t n) {
    before_value();
    out_ << fmt::format("{}", n);  // never a locale's digit grouping
}

void JsonWriter::number(double d) {
    // JSON has no infinity or NaN; a report never holds one, but null is the honest fallback.
    if (!std::isfinite(d)) return null();
    before_value();
    out_ << fmt::format("{}", d);
}

void JsonWriter::null() {
    before_value();
    out_ << "null";
}

void JsonWriter::json(std::string_view text) {
    before_value();
    std::string indent = "\n" + std::string(counts_.size() * 2, ' ');
    for (size_t from = 0;;) {
        size_t line_end = text.find('\n', from);
        out_ << text.substr(from, line_end - from);
        if (line_end == std::string_view::npos) break;
        out_ << indent;
        from = line_end + 1;
    }
}

void JsonWriter::finish() {
    if (!counts_.empty()) throw std::logic_error("JsonWriter: document not closed");
    out_ << '\n';
}

}  // namespace vetcheck::report
