#include "vetcheck/read/yaml_loader.hpp"

#include <yaml.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "vetcheck/base/text.hpp"
#include "vetcheck/read/yaml_problem.hpp"

namespace vetcheck {

namespace {

// libyaml is the parser because it keeps exact line and column at a fraction of yaml-cpp's cost;
// this file is the only one that knows it.
class EventParser {
  public:
    EventParser(std::string_view text, const std::string& file, const YamlLimits& limits)
        : text_(text), file_(file), limits_(limits) {
        yaml_parser_initialize(&parser_);
        yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()),
                                     text.size());
    }
    ~EventParser() { yaml_parser_delete(&parser_); }
    EventParser(const EventParser&) = delete;
    EventParser& operator=(const EventParser&) = delete;

    Node parse() {
        Event first = next();  // STREAM-START
        Event e = next();
        if (e.get().type == YAML_STREAM_END_EVENT) return Node::null(where(first.get().start_mark));
        // DOCUMENT-START
        Node root = parse_node(next(), 0);
        next();  // DOCUMENT-END
        Event after = next();
        if (after.get().type != YAML_STREAM_END_EVENT)
            throw InputError(where(after.get().start_mark), Message("E-yaml-second-document"));
        return root;
    }

  private:
    struct Event {
        yaml_event_t event{};
        bool owned = false;
        Event() = default;
        Event(Event&& other) noexcept : event(other.event), owned(other.owned) {
            other.owned = false;
        }
        Event& operator=(Event&& other) noexcept {
            if (this != &other) {
                if (owned) yaml_event_delete(&event);
                event = other.event;
                owned = other.owned;
                other.owned = false;
            }
            return *this;
        }
        ~Event() {
            if (owned) yaml_event_delete(&event);
        }
        const yaml_event_t& get() const { return event; }
    };

    Event next() {
        Event e;
        if (!yaml_parser_parse(&parser_, &e.event)) fail_parser();
        e.owned = true;
        return e;
    }

    [[noreturn]] void fail_parser() {
        const yaml_mark_t& mark = parser_.problem ? parser_.problem_mark : parser_.mark;
        if (parser_.error == YAML_READER_ERROR) fail_reader();
        // A quote or bracket left open is found only at the end of the file: say where it began.
        YamlBegan began;
        if (parser_.context && parser_.context_mark.line != mark.line &&
            (std::strstr(parser_.context, "flow") || std::strstr(parser_.context, "quoted")))
            began = {static_cast<int>(parser_.context_mark.line) + 1,
                     static_cast<int>(parser_.context_mark.column) + 1};
        throw InputError(where(mark), yaml_problem(parser_.context, parser_.problem, began));
    }

    // The reader reports a byte offset, not a mark: find the line and column of that byte, and name
    // the byte.
    [[noreturn]] void fail_reader() {
        size_t offset = std::min(parser_.problem_offset, text_.size());
        size_t line_start = text_.rfind('\n', offset == 0 ? 0 : offset - 1);
        line_start = line_start == std::string_view::npos || offset == 0 ? 0 : line_start + 1;
        int line =
            1 + static_cast<int>(std::count(text_.begin(), text_.begin() + line_start, '\n'));
        int column = 1;
        for (size_t i = line_start; i < offset; ++i)
            column += (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80;
        std::string what = parser_.problem ? parser_.problem : "unreadable text";
        std::string byte =
            parser_.problem_value >= 0 ? fmt::format(", 0x{:02x}", parser_.problem_value) : "";
        Message message = what.find("control characters") != std::string::npos
                              ? Message("E-yaml-control-character", {{"byte", byte}})
                              : Message("E-yaml-not-utf8", {{"problem", what}, {"byte", byte}});
        throw InputError(SourceLocation{file_, line, column}, std::move(message));
    }

    SourceLocation where(const yaml_mark_t& mark) const {
        return SourceLocation{file_, static_cast<int>(mark.line) + 1,
                              static_cast<int>(mark.column) + 1};
    }

    void count_node(const yaml_mark_t& mark, size_t n = 1) {
        nodes_ += n;
        if (nodes_ > limits_.max_nodes)
            throw InputError(where(mark),
                             Message("E-yaml-too-many-nodes", {{"count", limits_.max_nodes}}));
    }

    static size_t size_of(const Node& n) {
        size_t total = 1;
        for (const auto& [k, v] : n.entries()) total += size_of(k) + size_of(v);
        for (const auto& item : n.items()) total += size_of(item);
        return total;
    }

    // Levels of mappings and lists: 0 for a scalar.
    static int height_of(const Node& n) {
        int height = 0;
        for (const auto& [k, v] : n.entries())
            height = std::max({height, height_of(k), height_of(v)});
        for (const auto& item : n.items()) height = std::max(height, height_of(item));
        return height + (n.is_map() || n.is_seq() ? 1 : 0);
    }

    // A mapping or list being read: the parser keeps its own stack of these instead of recursing,
    // so that the depth a file may reach is a limit of policy (--max-depth), not of the C++ stack.
    // Nodes are built where they end up: `node` is the last item or entry of its parent, which does
    // not grow while it is open.
    struct Open {
        Node* node;
        int depth;
        std::string anchor;
        std::unordered_map<std::string, size_t> seen;  // a large mapping's keys: entry index
        bool has_key = false;  // a mapping's key is read and waits for its value
    };

    // Reads the node that starts with `e`, at nesting `depth` (0 for the document's root).
    Node parse_node(Event e, int depth) {
        Node root;
        std::vector<Open> open;
        for (;;) {
            Node& slot = open.empty() ? root : slot_in(open.back());
            bool finished = start_node(e.get(), depth, slot, &open);
            // Hand finished nodes up, and read on until an event starts the next node: an end
            // event finishes the innermost open mapping or list, which may finish its parent too.
            for (;;) {
                if (finished) {
                    if (open.empty()) return root;
                    placed(open.back());
                }
                e = next();
                auto type = e.get().type;
                if (type != YAML_SEQUENCE_END_EVENT && type != YAML_MAPPING_END_EVENT) break;
                if (open.empty())
                    throw InputError(where(e.get().start_mark),
                                     Message("E-yaml-invalid", {{"problem", "unexpected end"}}));
                Open& closed = open.back();
                if (!closed.anchor.empty()) anchors_[closed.anchor] = *closed.node;
                open.pop_back();
                finished = true;
            }
            depth = open.back().depth + 1;
        }
    }

    // Where the next node of an open mapping or list goes.
    static Node& slot_in(Open& parent) {
        if (parent.node->is_seq()) return parent.node->new_item();
        if (!parent.has_key) return parent.node->new_entry().first;
        return parent.node->last_value();
    }

    // A node was finished in `parent`'s last slot: a mapping's key is checked, and waits for its
    // value.
    void placed(Open& parent) {
        if (parent.node->is_seq()) return;
        if (parent.has_key) {
            parent.has_key = false;
            return;
        }
        const Node& key = parent.node->entries().back().first;
        if (!key.is_scalar() && !key.is_null())
            throw InputError(key.where(),
                             Message("E-yaml-key-not-text", {{"found", key.describe()}}));
        if (const SourceLocation* first = find_key(parent, key.text()))
            throw InputError(key.where(),
                             Message("E-yaml-duplicate-key",
                                     {{"key", shorten(key.text(), 80)}, {"line", first->line}}));
        parent.has_key = true;
    }

    // Fills `slot` with the node that starts with `ev`. A scalar or an alias is finished at once
    // (true); a mapping or list is opened, and finished at once only when it is empty.
    bool start_node(const yaml_event_t& ev, int depth, Node& slot, std::vector<Open>* open) {
        SourceLocation at = where(ev.start_mark);
        switch (ev.type) {
            case YAML_ALIAS_EVENT: {
                std::string name = reinterpret_cast<const char*>(ev.data.alias.anchor);
                auto it = anchors_.find(name);
                if (it == anchors_.end())
                    throw InputError(
                        at, Message("E-yaml-unknown-alias", {{"name", shorten(name, 80)}}));
                // An alias repeats its anchor's nesting where it stands: without this, anchors
                // that nest aliases of each other would build a tree far deeper than the limit.
                if (int height = height_of(it->second); height > 0)
                    check_depth(ev.start_mark, depth + height - 1);
                count_node(ev.start_mark, size_of(it->second));
                slot = it->second;
                return true;
            }
            case YAML_SCALAR_EVENT: {
                count_node(ev.start_mark);
                std::string_view text(reinterpret_cast<const char*>(ev.data.scalar.value),
                                      ev.data.scalar.length);
                bool quoted = ev.data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
                bool null = !quoted && (text.empty() || text == "~" || text == "null" ||
                                        text == "Null" || text == "NULL");
                if (null)
                    slot = Node::null(at);
                else
                    slot.set_scalar(text, at, quoted);
                remember(ev.data.scalar.anchor, slot);
                return true;
            }
            case YAML_SEQUENCE_START_EVENT:
            case YAML_MAPPING_START_EVENT: {
                check_depth(ev.start_mark, depth);
                count_node(ev.start_mark);
                bool seq = ev.type == YAML_SEQUENCE_START_EVENT;
                const yaml_char_t* anchor =
                    seq ? ev.data.sequence_start.anchor : ev.data.mapping_start.anchor;
                slot = seq ? Node::seq(at) : Node::map(at);
                open->push_back(
                    Open{&slot, depth, anchor ? reinterpret_cast<const char*>(anchor) : "", {}});
                return false;
            }
            default:
                throw InputError(at,
                                 Message("E-yaml-invalid", {{"problem", "unexpected structure"}}));
        }
    }

    // Where `key` was first given in the mapping being read (before its last entry, which holds
    // `key` itself), if it was. Mappings in plans and packs hold a handful of keys and a scan costs
    // nothing; past kIndexFrom keys an index is kept, so that a hostile mapping of a million keys
    // is not a quadratic search.
    static const SourceLocation* find_key(Open& parent, const std::string& key) {
        constexpr size_t kIndexFrom = 32;
        const auto& entries = parent.node->entries();
        size_t before = entries.size() - 1;
        if (before < kIndexFrom) {
            for (size_t i = 0; i < before; ++i)
                if (entries[i].first.text() == key) return &entries[i].first.where();
            return nullptr;
        }
        for (size_t i = parent.seen.size(); i < before; ++i)
            parent.seen.emplace(entries[i].first.text(), i);
        auto it = parent.seen.find(key);
        return it == parent.seen.end() ? nullptr : &entries[it->second].first.where();
    }

    void check_depth(const yaml_mark_t& mark, int depth) {
        if (depth >= limits_.max_depth)
            throw InputError(where(mark),
                             Message("E-yaml-too-deep", {{"count", limits_.max_depth}}));
    }

    void remember(const yaml_char_t* anchor, const Node& n) {
        if (anchor) anchors_[reinterpret_cast<const char*>(anchor)] = n;
    }

    yaml_parser_t parser_{};
    std::string_view text_;
    FileName file_;
    YamlLimits limits_;
    std::map<std::string, Node> anchors_;
    size_t nodes_ = 0;
};

}  // namespace

Node load_yaml(std::string_view text, const std::string& file_name, const YamlLimits& limits) {
    EventParser parser(text, file_name, limits);
    return parser.parse();
}

}  // namespace vetcheck
