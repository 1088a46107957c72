#pragma once

#include <string_view>
#include <vector>

namespace vetcheck::report {

// The forms of what a subcommand prints (packs, packs show, packs lint, explain, rollup, diff): a
// person at a terminal, a pull-request comment or a wiki page, or a program.
enum class TextFormat { Terminal, Markdown, Json };

// "term" (or "terminal"), "markdown" (or "md"), "json"; false for anything else.
bool parse_text_format(std::string_view name, TextFormat* out);
// The names a subcommand's -f accepts, for its --help and its refusal.
const std::vector<std::string>& text_format_names();

}  // namespace vetcheck::report
