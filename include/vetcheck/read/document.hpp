#pragma once

#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vetcheck/base/source_location.hpp"

namespace vetcheck {

// The project's own located YAML model. Nothing outside yaml_loader.cpp sees the YAML library:
// every node keeps where it was written.
class Node {
  public:
    enum class Kind { Null, Scalar, Map, Seq };
    using Entry = std::pair<Node, Node>;

    Node() = default;
    static Node scalar(std::string text, SourceLocation where, bool quoted);
    static Node null(SourceLocation where);
    static Node map(SourceLocation where);
    static Node seq(SourceLocation where);

    Kind kind() const { return kind_; }
    bool is_null() const { return kind_ == Kind::Null; }
    bool is_scalar() const { return kind_ == Kind::Scalar; }
    bool is_map() const { return kind_ == Kind::Map; }
    bool is_seq() const { return kind_ == Kind::Seq; }
    const SourceLocation& where() const { return where_; }
    const std::string& text() const { return text_; }
    bool quoted() const { return quoted_; }  // a quoted scalar is always a string, never a number

    const std::vector<Entry>& entries() const { return entries_; }
    const std::vector<Node>& items() const { return items_; }
    const Node* find(std::string_view key) const;

    void add_entry(Node key, Node value) {
        entries_.emplace_back(std::move(key), std::move(value));
    }
    void add_item(Node item) { items_.push_back(std::move(item)); }
    // For the loader, which builds a tree in place: the slot of a new item, or of a new entry.
    Node& new_item() { return items_.emplace_back(); }
    Entry& new_entry() { return entries_.emplace_back(); }
    Node& last_value() { return entries_.back().second; }
    void set_scalar(std::string_view text, SourceLocation where, bool quoted) {
        kind_ = Kind::Scalar;
        text_.assign(text);
        where_ = where;
        quoted_ = quoted;
    }

    Message describe() const;  // how the node reads in a message: "a list", "\"八十\""

  private:
    Kind kind_ = Kind::Null;
    std::string text_;
    bool quoted_ = false;
    SourceLocation where_;
    std::vector<Entry> entries_;
    std::vector<Node> items_;
};

// Reads required and optional fields of a mapping with uniform messages: "key: expected X, got Y".
class MapReader {
  public:
    MapReader(const Node& map, std::string context);

    const Node& required(std::string_view key) const;
    const Node* optional(std::string_view key) const;
    std::string required_string(std::string_view key) const;
    std::optional<std::string> optional_string(std::string_view key) const;
    std::optional<int> optional_int(std::string_view key) const;
    // Rejects keys outside `known`, with a did-you-mean.
    void reject_unknown(std::initializer_list<std::string_view> known) const;

    const Node& node() const { return map_; }

  private:
    const Node& map_;
    std::string context_;
};

// Throws E-expected: "{what}: expected {expected}, got {the node}"; `expected` is a P- phrase.
[[noreturn]] void fail_expected(const Node& node, std::string_view what, Message expected);
std::string expect_string(const Node& node, std::string_view what);
int expect_int(const Node& node, std::string_view what);
bool parse_bool_word(std::string_view text, bool* out);

}  // namespace vetcheck
