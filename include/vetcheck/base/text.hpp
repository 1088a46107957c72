#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vetcheck {

// Columns a UTF-8 string takes on a terminal: East Asian wide characters count two.
int display_width(std::string_view utf8);
// Pads with spaces on the right (or left) to `width` display columns.
std::string pad_right(std::string_view utf8, int width);
std::string pad_left(std::string_view utf8, int width);

// Decodes one UTF-8 code point at `pos`, advancing it; returns U+FFFD on invalid input.
char32_t decode_utf8(std::string_view text, size_t& pos);
bool is_valid_utf8(std::string_view text);
// The length of the two- or three-byte character at `pos` when it is plainly valid UTF-8 (a lead
// C2–DF, or E1–EC or EE–EF, and its continuation bytes: what decode_utf8 reads as itself), else 0
// for the general decoding. Chinese text is almost all such characters, so the hot loops that
// check or copy text take them whole.
size_t plain_utf8_length(std::string_view text, size_t pos);
// A control character: C0 (tab and line breaks included), DEL or C1. A terminal or a CI log acts on
// them: a newline in a plan name can start a line "::warning ...", which GitHub runs as a command.
bool is_control(char32_t c);
// Text taken from an input, made safe for a text report: each control character not in `keep`
// becomes a visible escape (\n, \r, \t, \x1b, \u{85}), and a byte that is not UTF-8 becomes
// \xff. Every reporter writes names, ids and cells through it.
std::string escape_controls(std::string_view text, std::string_view keep = {});

// At most max_bytes of the text, cut at a character boundary, with "..." when something was cut:
// for echoing what a file says in a message without echoing megabytes.
std::string shorten(std::string_view utf8, size_t max_bytes);

// The closest candidate by edit distance, or "" when nothing is close enough to suggest.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);
// ", did you mean 'x'?" or "".
std::string suggestion_suffix(std::string_view word, const std::vector<std::string>& candidates);

std::string join(const std::vector<std::string>& parts, std::string_view separator);

}  // namespace vetcheck
