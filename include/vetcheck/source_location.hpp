#pragma once

#include <stdexcept>
#include <string>

namespace vetcheck {

// Where a value came from, 1-based for people. Every loaded value carries one so that every message
// and every result can point back at the line that decided it.
struct SourceLocation {
    std::string file;
    int line = 0;  // 0 = unknown (e.g. a built-in value)
    int column = 0;

    bool known() const { return line > 0; }
    std::string to_string() const;  // "file:line:col", or just "file" when the line is unknown
};

// The user gave input that cannot be checked: bad YAML, schema errors, unknown packs. Always
// exit 2. Program bugs are std::logic_error and never this type.
class InputError : public std::runtime_error {
  public:
    InputError(SourceLocation where, std::string message);

    const SourceLocation& where() const { return where_; }
    const std::string& message() const { return message_; }

  private:
    SourceLocation where_;
    std::string message_;
};

}  // namespace vetcheck
