#include "sarif_json.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "vetcheck/text.hpp"

namespace vetcheck::report::sarif_json {

std::string quote(std::string_view text) {
    std::string out = "\"";
    for (size_t pos = 0; pos < text.size();) {
        size_t start = pos;
        char32_t c = decode_utf8(text, pos);
        std::string_view bytes = text.substr(start, pos - start);
        if (c == 0xFFFD && bytes != "\xEF\xBF\xBD") {
            out += "\\ufffd";
            continue;
        }
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (c < 0x20)
                    out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
                else
                    out += bytes;
        }
    }
    return out + "\"";
}

Value& Value::set(std::string key, Value value) & {
    auto* members = std::get_if<Object>(&v_);
    if (!members) throw std::logic_error("sarif_json: set on a value that is not an object");
    members->emplace_back(std::move(key), std::move(value));
    return *this;
}

Value& Value::push(Value value) & {
    auto* elements = std::get_if<Array>(&v_);
    if (!elements) throw std::logic_error("sarif_json: push on a value that is not an array");
    elements->push_back(std::move(value));
    return *this;
}

namespace {

std::string indent(int depth) {
    return std::string(static_cast<size_t>(depth) * 2, ' ');
}

// One element per line between the brackets; empty containers stay on one line.
template <typename Items, typename WriteItem>
void write_items(std::ostream& out, int depth, const char* brackets, const Items& items,
                 WriteItem write_item) {
    out << brackets[0];
    for (size_t i = 0; i < items.size(); ++i) {
        out << (i ? ",\n" : "\n") << indent(depth + 1);
        write_item(items[i]);
    }
    if (!items.empty()) out << '\n' << indent(depth);
    out << brackets[1];
}

}  // namespace

void Value::write(std::ostream& out, int depth) const {
    if (const auto* a = std::get_if<Array>(&v_)) {
        write_items(out, depth, "[]", *a, [&](const Value& v) { v.write(out, depth + 1); });
    } else if (const auto* o = std::get_if<Object>(&v_)) {
        write_items(out, depth, "{}", *o, [&](const Member& m) {
            out << quote(m.first) << ": ";
            m.second.write(out, depth + 1);
        });
    } else if (const auto* s = std::get_if<std::string>(&v_)) {
        out << quote(*s);
    } else if (const auto* n = std::get_if<long long>(&v_)) {
        out << *n;
    } else if (const auto* b = std::get_if<bool>(&v_)) {
        out << (*b ? "true" : "false");
    } else {
        out << "null";
    }
}

}  // namespace vetcheck::report::sarif_json
