#include "vetcheck/report/text_format.hpp"

#include <string>

namespace vetcheck::report {

bool parse_text_format(std::string_view name, TextFormat* out) {
    if (name == "term" || name == "terminal") {
        *out = TextFormat::Terminal;
    } else if (name == "markdown" || name == "md") {
        *out = TextFormat::Markdown;
    } else if (name == "json") {
        *out = TextFormat::Json;
    } else {
        return false;
    }
    return true;
}

const std::vector<std::string>& text_format_names() {
    static const std::vector<std::string> kNames = {"term", "markdown", "json"};
    return kNames;
}

}  // namespace vetcheck::report
