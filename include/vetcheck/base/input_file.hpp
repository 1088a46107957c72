#pragma once

#include <cstddef>
#include <string>

namespace vetcheck {

// Reads a whole file (or standard input for "-"), rejecting directories, unreadable paths and
// anything larger than max_bytes, which is never read further than that (a device such as
// /dev/zero or an endless pipe is refused like a large file). The bytes are decoded to UTF-8 (see
// decode_text): a file converted from GB18030 leaves its one-line note in *note, or on standard
// error when note is null (callers reading one file at a time).
// `keep_damaged_utf8`: see decode_text.
std::string read_input_file(const std::string& path, size_t max_bytes, std::string* note = nullptr,
                            bool keep_damaged_utf8 = false);

}  // namespace vetcheck
