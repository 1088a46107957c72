#pragma once

#include <string>

namespace vetcheck {

// How a file's bytes were read.
enum class TextEncoding { Utf8, Utf16, Gb18030 };

struct DecodedText {
    std::string text;  // UTF-8, without a byte-order mark
    TextEncoding encoding = TextEncoding::Utf8;
    // One line for the user when the file was converted on a guess ("x.csv: read as GB18030 (not
    // UTF-8)"); empty otherwise.
    std::string note;
};

// Reads a file's bytes as offices save them: UTF-8 (with or without a byte-order mark), UTF-16 LE
// or BE with a byte-order mark, and GB18030/GBK (what Excel writes on a Chinese Windows system)
// when the bytes are not UTF-8 and decode cleanly as GB18030. Anything else, and a file that is
// UTF-8 but for a broken character, throws InputError at the line and column of the first byte
// that is not UTF-8, naming it. Valid UTF-8 without a mark is returned as it is: one scan, no copy.
// `keep_damaged_utf8`: a UTF-8 file with a broken character is returned as it is, for a reader that
// reports each broken cell in its place and reads the rest (a spreadsheet's other rows).
DecodedText decode_text(std::string bytes, const std::string& file_name,
                        bool keep_damaged_utf8 = false);

}  // namespace vetcheck
