#pragma once

// A minimal JSON value for the SARIF reporter only. A shared JSON writer
// (include/vetcheck/report/json_writer.hpp) is being written on another branch; this one stays
// private so that the two can be folded together when the branches meet.

#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace vetcheck::report::sarif_json {

// A JSON string literal with its quotes. Invalid UTF-8 becomes U+FFFD: the output is always JSON.
std::string quote(std::string_view text);

// Members of an object keep the order they were added in, so that the output is byte-identical
// from run to run.
class Value {
  public:
    using Array = std::vector<Value>;
    using Member = std::pair<std::string, Value>;
    using Object = std::vector<Member>;

    Value() = default;  // null
    Value(bool b) : v_(b) {}
    Value(int n) : v_(static_cast<long long>(n)) {}
    Value(long long n) : v_(n) {}
    Value(const char* s) {  // a null pointer is JSON null, never undefined behaviour
        if (s) v_ = std::string(s);
    }
    Value(std::string s) : v_(std::move(s)) {}
    Value(Array a) : v_(std::move(a)) {}
    Value(Object o) : v_(std::move(o)) {}

    static Value object() { return Value(Object{}); }
    static Value array() { return Value(Array{}); }

    // Append a member to an object, an element to an array. On a temporary they return it moved,
    // so that building a tree in one expression copies nothing.
    Value& set(std::string key, Value value) &;
    Value&& set(std::string key, Value value) && {
        return std::move(set(std::move(key), std::move(value)));
    }
    Value& push(Value value) &;
    Value&& push(Value value) && { return std::move(push(std::move(value))); }

    // Pretty-printed with two spaces per level, ending without a newline.
    void write(std::ostream& out, int depth = 0) const;

  private:
    std::variant<std::nullptr_t, bool, long long, std::string, Array, Object> v_ = nullptr;
};

}  // namespace vetcheck::report::sarif_json
