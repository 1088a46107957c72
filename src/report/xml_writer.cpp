#include "vetcheck/report/xml_writer.hpp"

#include <stdexcept>

#include "vetcheck/report/markup.hpp"

namespace vetcheck::report {

std::string xml_text(std::string_view text) {
    return escape_markup(text, Markup::XmlText);
}

std::string xml_attribute(std::string_view text) {
    return escape_markup(text, Markup::XmlAttribute);
}

XmlWriter::XmlWriter(std::ostream& out) : out_(out) {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
}

XmlWriter::XmlWriter(std::ostream& out, size_t depth) : out_(out), depth_(depth) {}

void XmlWriter::indent(size_t depth) {
    out_ << std::string((depth_ + depth) * 2, ' ');
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
