#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "vetcheck/base/messages.hpp"

namespace vetcheck {

// A file name, interned: every value of a file carries its location, and copying a pointer is what
// keeps that cheap. Reads as the std::string it names.
class FileName {
  public:
    FileName() : name_(&kNone) {}       // no file: every default location, without the table's lock
    FileName(const std::string& name);  // NOLINT: a file name is written as a string everywhere
    FileName(const char* name);         // NOLINT
    FileName(std::string_view name);    // NOLINT

    const std::string& str() const { return *name_; }
    operator const std::string&() const { return *name_; }  // NOLINT
    bool empty() const { return name_->empty(); }

    friend bool operator==(const FileName& a, const FileName& b) { return a.name_ == b.name_; }
    friend bool operator==(const FileName& a, const std::string& b) { return *a.name_ == b; }

    static const std::string kNone;  // the name of no file

  private:
    const std::string* name_;
};

// Where a value came from, 1-based for people. Every loaded value carries one so that every message
// and every result can point back at the line that decided it.
struct SourceLocation {
    FileName file;
    int line = 0;  // 0 = unknown (e.g. a built-in value)
    int column = 0;

    bool known() const { return line > 0; }
    std::string to_string() const;  // "file:line:col", or just "file" when the line is unknown
};

// The user gave input that cannot be checked: bad YAML, schema errors, unknown packs. Always
// exit 2. Program bugs are std::logic_error and never this type. The message is an E- code of the
// catalogue with its arguments: said in the reader's language, matched on by its code.
class InputError : public std::runtime_error {
  public:
    InputError(SourceLocation where, Message message);
    // Text with no code of its own (E-unclassified): for code written before the catalogue, each
    // one a gap the zh purity test (tests/cli/lang_purity.py, ctest "lang purity") finds.
    InputError(SourceLocation where, std::string message);

    const SourceLocation& where() const { return where_; }
    const Message& text() const { return message_; }
    const char* code() const { return message_.code(); }
    std::string message(Lang lang = Lang::En) const { return render(message_, lang); }

  private:
    SourceLocation where_;
    Message message_;
};

}  // namespace vetcheck
