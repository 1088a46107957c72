#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace vetcheck::report {

// Text made safe for XML 1.0: markup characters escaped, and characters XML cannot carry at all
// (control characters, invalid UTF-8, U+FFFE/U+FFFF) replaced by U+FFFD, so that a strange value
// in a plan can never make the report unreadable. In attributes, tabs and line breaks are written
// as character references because a parser would otherwise turn them into spaces.
std::string xml_text(std::string_view text);
std::string xml_attribute(std::string_view text);

// A streaming writer for indented XML: one element per line, text content kept inline so that it
// reads back exactly as written. Starts with the UTF-8 declaration.
class XmlWriter {
  public:
    explicit XmlWriter(std::ostream& out);
    // Continues a document written in pieces (a report streamed plan by plan): no declaration,
    // elements indented as if inside `depth` open ones that this writer does not close.
    XmlWriter(std::ostream& out, size_t depth);

    XmlWriter& open(std::string_view name);
    XmlWriter& attribute(std::string_view name, std::string_view value);
    XmlWriter& attribute(std::string_view name, long long value);
    XmlWriter& text(std::string_view content);
    XmlWriter& close();  // the innermost open element
    // An element holding only text: <name>content</name>.
    XmlWriter& element(std::string_view name, std::string_view content);

  private:
    struct Open {
        std::string name;
        bool has_children = false;
        bool has_text = false;
    };
    void finish_start_tag();
    void indent(size_t depth);

    std::ostream& out_;
    std::vector<Open> stack_;
    bool in_start_tag_ = false;
    size_t depth_ = 0;  // open elements around this writer's
};

}  // namespace vetcheck::report
