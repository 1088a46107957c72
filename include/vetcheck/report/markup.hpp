#pragma once

#include <string>
#include <string_view>

namespace vetcheck::report {

// Where escaped text goes.
//   Html: HTML and SVG, in element content and in quoted attribute values alike. & < > " ' become
//     entities, and control characters other than tab and newline (which no plan or pack needs,
//     and which XML forbids) become U+FFFD; other bytes are kept as they are.
//   XmlText, XmlAttribute: XML 1.0 (see xml_text and xml_attribute in xml_writer.hpp).
enum class Markup { Html, XmlText, XmlAttribute };

std::string escape_markup(std::string_view text, Markup where = Markup::Html);

// At most `columns` display columns (wide characters count two), cut at a character boundary and
// ended with "…" when cut. For labels in charts, where SVG text does not wrap.
std::string truncate_columns(std::string_view utf8, int columns);

// A coordinate for SVG: one decimal, "." as the separator whatever the locale, no "-0".
std::string svg_number(double value);

}  // namespace vetcheck::report
