#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace vetcheck::report {

// How strings are escaped; both forms read back as the same string. Short writes \b and \f, and a
// byte that is not UTF-8 as the character U+FFFD. Unicode writes those control characters as
// \u0008 and \u000c, and a byte that is not UTF-8 as \ufffd: the form of the SARIF log.
enum class JsonEscapes { Short, Unicode };

// How a writer lays out what it writes. Containers nested deeper than `fold_depth` are written on
// one line with no spaces ({"a":1,"b":[2]}): a result per line in the JSON report, a whole record
// per line in JSON Lines. `depth` is how deeply nested the first value is, for a fragment that a
// document writer later places with raw(): its lines are indented as if written in place.
struct JsonLayout {
    int fold_depth = 1 << 30;
    int depth = 0;
};

// Writes JSON text as it is produced, two spaces of indentation, keys in the order they are written
// (so a report's key order is stable and reviewable). Strings are written as UTF-8, escaping only
// what JSON requires: quotes, backslashes and control characters. Chinese text stays readable.
class JsonWriter {
  public:
    explicit JsonWriter(std::ostream& out, JsonEscapes escapes = JsonEscapes::Short)
        : out_(&out), escapes_(escapes) {}
    // Appends to `text` instead: a reporter makes a plan's text apart (on a checking thread) and
    // places it in the document with raw().
    JsonWriter(std::string& text, JsonLayout layout, JsonEscapes escapes = JsonEscapes::Short)
        : text_(&text), escapes_(escapes), layout_(layout) {}

    void begin_object();
    void end_object();
    void begin_array();
    void end_array();
    // The next value belongs to this key; only inside an object.
    JsonWriter& key(std::string_view name);

    void value(std::string_view text);
    void value(const char* text) { value(std::string_view(text)); }
    void value(const std::string& text) { value(std::string_view(text)); }
    void value(bool b);
    void value(int64_t n);
    void value(int n) { value(static_cast<int64_t>(n)); }
    void number(double d);  // the shortest text that reads back as the same double
    void null();
    // From now on, containers nested deeper than `depth` are written on one line.
    void fold_below(int depth) { layout_.fold_depth = depth; }
    // A value another writer made with a layout whose depth is this writer's current one.
    void raw(std::string_view json);
    // A value already written by another JsonWriter as a document of its own: indented to where
    // it goes here (JSON strings hold no raw line break, so every one is the writer's).
    void json(std::string_view text);

    // Ends the document with a newline.
    void finish();

  private:
    void before_value();
    void newline();
    void end(char close);
    void put(std::string_view text);
    void put(char c);
    bool folded() const {
        return layout_.depth + static_cast<int>(counts_.size()) > layout_.fold_depth;
    }

    std::ostream* out_ = nullptr;
    std::string* text_ = nullptr;
    JsonEscapes escapes_;
    JsonLayout layout_;
    std::vector<int> counts_;  // values written so far in each open container
    bool after_key_ = false;
};

// `text` as a JSON string literal, quotes included. Invalid UTF-8 becomes U+FFFD rather than
// invalid JSON.
std::string json_string(std::string_view text, JsonEscapes escapes = JsonEscapes::Short);
// The same, appended to `out`.
void append_json_string(std::string& out, std::string_view text,
                        JsonEscapes escapes = JsonEscapes::Short);

}  // namespace vetcheck::report
