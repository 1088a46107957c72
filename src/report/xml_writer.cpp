#include "vetcheck/report/xml_writer.hpp"

#include <stdexcept>

#include "vetcheck/text.hpp"

namespace vetcheck::report {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// The Char production of XML 1.0.
bool is_xml_char(char32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

std::string escape(std::string_view text, bool attribute) {
    std::string out;
    out.reserve(text.size());
    for (size_t pos = 0; pos < text.size();) {
        size_t start = pos;
        char32_t c = decode_utf8(text, pos);
        std::string_view bytes = text.substr(start, pos - start);
        bool replaced = c == 0xFFFD && bytes != kReplacement;
        if (replaced || !is_xml_char(c)) {
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
                out += attribute ? "&quot;" : "\"";
                break;
            case '\t':
                out += attribute ? "&#9;" : "\t";
                break;
            case '\n':
                out += attribute ? "&#10;" : "\n";
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

}  // namespace

std::string xml_text(std::string_view text) {
    return escape(text, false);
}

std::string xml_attribute(std::string_view text) {
    return escape(text, true);
}

XmlWriter::XmlWriter(std::ostream& out) : out_(out) {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
}

void XmlWriter::indent(size_t depth) {
    out_ << std::string(depth * 2, ' ');
}

void XmlWriter::finish_start_tag() {
    if (!in_start_tag_) return;
    out_ << '>';
    in_start_tag_ = false;
}

XmlWriter& XmlWriter::open(std::string_view name) {
    if (!stack_.empty()) {
        if (stack_.back().has_text) throw std::logic_error("XmlWriter: mixed content");
        finish_start_tag();
        if (!stack_.back().has_children) out_ << '\n';
        stack_.back().has_children = true;
    }
    indent(stack_.size());
    out_ << '<' << name;
    stack_.push_back(Open{std::string(name)});
    in_start_tag_ = true;
    return *this;
}

XmlWriter& XmlWriter::attribute(std::string_view name, std::string_view value) {
    if (!in_start_tag_) throw std::logic_error("XmlWriter: attribute after content");
    out_ << ' ' << name << "=\"" << xml_attribute(value) << '"';
    return *this;
}

XmlWriter& XmlWriter::attribute(std::string_view name, long long value) {
    return attribute(name, std::to_string(value));
}

XmlWriter& XmlWriter::text(std::string_view content) {
    if (stack_.empty() || stack_.back().has_children)
        throw std::logic_error("XmlWriter: text outside a leaf element");
    finish_start_tag();
    out_ << xml_text(content);
    stack_.back().has_text = true;
    return *this;
}

XmlWriter& XmlWriter::close() {
    if (stack_.empty()) throw std::logic_error("XmlWriter: close without open");
    Open top = std::move(stack_.back());
    stack_.pop_back();
    if (in_start_tag_) {
        out_ << "/>\n";
        in_start_tag_ = false;
        return *this;
    }
    if (top.has_children) indent(stack_.size());
    out_ << "</" << top.name << ">\n";
    return *this;
}

XmlWriter& XmlWriter::element(std::string_view name, std::string_view content) {
    return open(name).text(content).close();
}

}  // namespace vetcheck::report
