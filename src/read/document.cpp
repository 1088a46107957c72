#include "vetcheck/read/document.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "vetcheck/base/text.hpp"

namespace vetcheck {

Node Node::scalar(std::string text, SourceLocation where, bool quoted) {
    Node n;
    n.kind_ = Kind::Scalar;
    n.text_ = std::move(text);
    n.where_ = std::move(where);
    n.quoted_ = quoted;
    return n;
}

Node Node::null(SourceLocation where) {
    Node n;
    n.where_ = std::move(where);
    return n;
}

Node Node::map(SourceLocation where) {
    Node n;
    n.kind_ = Kind::Map;
    n.where_ = std::move(where);
    return n;
}

Node Node::seq(SourceLocation where) {
    Node n;
    n.kind_ = Kind::Seq;
    n.where_ = std::move(where);
    return n;
}

const Node* Node::find(std::string_view key) const {
    for (const auto& [k, v] : entries_)
        if (k.text_ == key) return &v;
    return nullptr;
}

Message Node::describe() const {
    switch (kind_) {
        case Kind::Null:
            return Message("P-nothing");
        case Kind::Map:
            return Message("P-a-mapping");
        case Kind::Seq:
            return Message("P-a-list");
        case Kind::Scalar:
            break;
    }
    return Message("P-quoted", {{"text", shorten(text_, 60)}});
}

void fail_expected(const Node& node, std::string_view what, Message expected) {
    throw InputError(node.where(), Message("E-expected", {{"key", what},
                                                          {"expected", std::move(expected)},
                                                          {"found", node.describe()}}));
}

std::string expect_string(const Node& node, std::string_view what) {
    if (!node.is_scalar()) fail_expected(node, what, Message("P-a-string"));
    return node.text();
}

int expect_int(const Node& node, std::string_view what) {
    int value = 0;
    const std::string& t = node.text();
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
    if (!node.is_scalar() || t.empty() || ec != std::errc() || end != t.data() + t.size())
        fail_expected(node, what, Message("P-a-whole-number"));
    return value;
}

bool parse_bool_word(std::string_view text, bool* out) {
    static constexpr std::string_view kTrue[] = {"true", "True", "TRUE", "yes", "Yes", "是", "有"};
    static constexpr std::string_view kFalse[] = {"false", "False", "FALSE", "no",
                                                  "No",    "否",    "无"};
    if (std::find(std::begin(kTrue), std::end(kTrue), text) != std::end(kTrue)) {
        *out = true;
        return true;
    }
    if (std::find(std::begin(kFalse), std::end(kFalse), text) != std::end(kFalse)) {
        *out = false;
        return true;
    }
    return false;
}

namespace {
// How a message names the mapping: the top level of a file has no key of its own.
std::string named(const std::string& context) {
    return context.empty() ? "document" : context;
}
}  // namespace

MapReader::MapReader(const Node& map, std::string context)
    : map_(map), context_(std::move(context)) {
    if (!map.is_map()) fail_expected(map, named(context_), Message("P-a-mapping"));
}

namespace {
std::string qualified(const std::string& context, std::string_view key) {
    return context.empty() ? std::string(key) : fmt::format("{}.{}", context, key);
}
}  // namespace

const Node& MapReader::required(std::string_view key) const {
    const Node* n = map_.find(key);
    if (!n)
        throw InputError(map_.where(), Message("E-field-missing",
                                               {{"context", named(context_)}, {"field", key}}));
    return *n;
}

const Node* MapReader::optional(std::string_view key) const {
    const Node* n = map_.find(key);
    return n && !n->is_null() ? n : nullptr;
}

// The field's qualified name is made only for a message: plans are read by the ten thousand.
std::string MapReader::required_string(std::string_view key) const {
    const Node& n = required(key);
    if (!n.is_scalar()) fail_expected(n, qualified(context_, key), Message("P-a-string"));
    if (n.text().empty())
        fail_expected(n, qualified(context_, key), Message("P-a-non-empty-string"));
    return n.text();
}

std::optional<std::string> MapReader::optional_string(std::string_view key) const {
    const Node* n = optional(key);
    if (!n) return std::nullopt;
    if (!n->is_scalar()) fail_expected(*n, qualified(context_, key), Message("P-a-string"));
    return n->text();
}

std::optional<int> MapReader::optional_int(std::string_view key) const {
    const Node* n = optional(key);
    if (!n) return std::nullopt;
    return expect_int(*n, qualified(context_, key));
}

void MapReader::reject_unknown(std::initializer_list<std::string_view> known) const {
    for (const auto& [k, v] : map_.entries()) {
        if (std::find(known.begin(), known.end(), k.text()) != known.end()) continue;
        std::vector<std::string> names(known.begin(), known.end());
        throw InputError(k.where(),
                         Message("E-field-unknown", {{"context", named(context_)},
                                                     {"field", shorten(k.text(), 80)},
                                                     {"suggestion", suggestion(k.text(), names)}}));
    }
}

}  // namespace vetcheck
