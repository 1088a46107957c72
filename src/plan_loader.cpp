#include "vetcheck/plan_loader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <iostream>
#include <set>

#include <fmt/format.h>

#include "vetcheck/encoding.hpp"
#include "vetcheck/text.hpp"
#include "vetcheck/waiver.hpp"

namespace vetcheck {

namespace {

void check_one_of(const Node& n, const std::string& value, const std::vector<std::string>& allowed,
                  std::string_view what) {
    if (std::find(allowed.begin(), allowed.end(), value) == allowed.end())
        throw InputError(n.where(),
                         fmt::format("{}: expected one of {}, got {}{}", what, join(allowed, ", "),
                                     n.describe(), suggestion_suffix(value, allowed)));
}

class FactReader {
  public:
    FactReader(const RuleSet& rules, bool on_plan, bool on_institution)
        : rules_(rules), on_plan_(on_plan), on_institution_(on_institution) {}

    // Nested mappings are joined with dots: teachers: {double_qualified: 30} is
    // teachers.double_qualified.
    void read(const Node& map, FactMap* out) {
        key_.clear();
        read_map(map, out);
    }

  private:
    // key_ holds the prefix of `map`'s keys ("" at the top, "teachers" inside teachers:): one
    // buffer for every key of a plan.
    void read_map(const Node& map, FactMap* out) {
        if (!map.is_map())
            fail_expected(map, key_.empty() ? "facts" : key_, "a mapping of fact keys to values");
        size_t prefix = key_.size();
        for (const auto& [k, v] : map.entries()) {
            key_.resize(prefix);
            if (prefix) key_ += '.';
            key_ += k.text();
            auto def = rules_.facts_by_key.find(key_);
            if (def == rules_.facts_by_key.end() && v.is_map() &&
                rules_.fact_key_prefixes.count(key_)) {
                read_map(v, out);
                continue;
            }
            if (def == rules_.facts_by_key.end()) unknown(k, key_);
            check_subject(k, *def->second);
            if (v.is_null()) continue;  // written but left empty: missing, as a template leaves it
            auto [it, inserted] = out->emplace(key_, read_fact_value(*def->second, v));
            if (!inserted)  // teachers: {double_qualified: 30} beside teachers.double_qualified: 60
                throw InputError(k.where(), fmt::format("fact '{}' given twice (first at line {})",
                                                        key_, it->second.where.line));
        }
        key_.resize(prefix);
    }

    [[noreturn]] void unknown(const Node& k, const std::string& key) const {
        std::vector<std::string> keys;
        for (const auto& [name, def] : rules_.facts) keys.push_back(name);
        throw InputError(k.where(), fmt::format("unknown fact '{}'{}", shorten(key, 80),
                                                suggestion_suffix(key, keys)));
    }

    void check_subject(const Node& k, const FactDef& def) const {
        if ((on_plan_ && def.on_plan) || (on_institution_ && def.on_institution)) return;
        throw InputError(k.where(),
                         fmt::format("{}: this fact is reported by {}, not here", def.key,
                                     def.on_plan ? "the plan as a whole (under facts:)"
                                                 : "each institution (under institutions:)"));
    }

    const RuleSet& rules_;
    bool on_plan_;
    bool on_institution_;
    std::string key_;
};

std::vector<std::string> read_packs(const Node* n) {
    std::vector<std::string> ids;
    if (!n) return ids;
    if (n->is_scalar()) return {n->text()};
    if (!n->is_seq()) fail_expected(*n, "plan.packs", "a list of pack ids");
    for (const Node& item : n->items()) ids.push_back(expect_string(item, "plan.packs"));
    return ids;
}

Subject read_institution(const Node& n, const RuleSet& rules) {
    MapReader r(n, "institutions[]");
    r.reject_unknown({"id", "name", "type", "facts", "note"});
    Subject s;
    s.id = r.required_string("id");
    s.name = r.optional_string("name").value_or(s.id);
    const Node& type = r.required("type");
    s.type = expect_string(type, s.id + ".type");
    check_one_of(type, s.type, institution_types(), s.id + ".type");
    s.where = n.where();
    if (const Node* facts = r.optional("facts"))
        FactReader(rules, false, true).read(*facts, &s.facts);
    return s;
}

}  // namespace

LoadedPlan load_plan(std::string_view text, const std::string& file_name, Catalog& catalog,
                     const YamlLimits& limits) {
    Limits all;
    all.yaml = limits;
    return load_plan(text, file_name, catalog, all);
}

LoadedPlan load_plan(std::string_view text, const std::string& file_name, Catalog& catalog,
                     const Limits& limits) {
    return load_plan_document(load_yaml(text, file_name, limits.yaml), file_name, catalog,
                              limits.max_institutions);
}

LoadedPlan load_plan_document(const Node& root, const std::string& file_name, Catalog& catalog,
                              size_t max_institutions) {
    if (!root.is_map())
        throw InputError(root.where(),
                         fmt::format("a plan: expected a mapping with plan:, facts: and "
                                     "institutions:, got {}",
                                     root.describe()));
    MapReader r(root, "");
    r.reject_unknown({"plan", "facts", "institutions", "waivers"});
    const Node& meta = r.required("plan");
    MapReader m(meta, "plan");
    m.reject_unknown({"id", "name", "region", "level", "year", "packs", "type", "note"});

    LoadedPlan loaded;
    Plan& plan = loaded.plan;
    plan.file = file_name;
    plan.name = m.required_string("name");
    plan.id = m.optional_string("id").value_or(plan.name);
    plan.region = m.optional_string("region").value_or("");
    const Node& level = m.required("level");
    plan.level = expect_string(level, "plan.level");
    check_one_of(level, plan.level, plan_levels(), "plan.level");
    const Node& year = m.required("year");
    plan.year = expect_int(year, "plan.year");
    if (plan.year < 1949 || plan.year > 2100)
        fail_expected(year, "plan.year", "a year such as 2025");
    plan.packs = read_packs(m.optional("packs"));
    plan.packs_where = m.optional("packs") ? m.optional("packs")->where() : meta.where();
    plan.whole.id = plan.id;
    plan.whole.name = plan.name;
    plan.whole.where = r.optional("facts") ? r.optional("facts")->where() : meta.where();
    if (const Node* type = m.optional("type")) {
        plan.whole.type = expect_string(*type, "plan.type");
        check_one_of(*type, plan.whole.type, institution_types(), "plan.type");
    }
    if (plan.is_school() && plan.whole.type.empty())
        throw InputError(
            meta.where(),
            "plan: a school report (level: school) needs its type: 中职, 高职, 技工 or 职业本科");

    std::vector<std::string> ids = plan.packs;
    if (ids.empty()) ids.emplace_back(kDefaultPack);
    loaded.rules = catalog.compile(ids, plan.packs_where);
    const RuleSet& rules = *loaded.rules;

    if (const Node* facts = r.optional("facts"))
        FactReader(rules, true, plan.is_school()).read(*facts, &plan.whole.facts);
    if (const Node* institutions = r.optional("institutions")) {
        if (!institutions->is_seq()) fail_expected(*institutions, "institutions", "a list");
        if (plan.is_school())
            throw InputError(institutions->where(),
                             "institutions: a school report has no institutions; put the "
                             "school's facts under facts:");
        if (institutions->items().size() > max_institutions)
            throw InputError(institutions->items()[max_institutions].where(),
                             fmt::format("institutions: more than {} institutions in one plan; "
                                         "limit --max-institutions",
                                         max_institutions));
        std::set<std::string> seen;
        for (const Node& n : institutions->items()) {
            plan.institutions.push_back(read_institution(n, rules));
            if (!seen.insert(plan.institutions.back().id).second)
                throw InputError(n.where(), fmt::format("institutions: duplicate id '{}'",
                                                        plan.institutions.back().id));
        }
        add_type_totals(plan);
    }
    if (const Node* waivers = r.optional("waivers"))
        plan.waivers = read_waivers(*waivers, *loaded.rules, plan);
    return loaded;
}

namespace {

[[noreturn]] void fail_too_large(const std::string& name, size_t max_bytes) {
    throw InputError(
        SourceLocation{name},
        fmt::format("file larger than the limit of {} bytes (--max-file-size)", max_bytes));
}

[[noreturn]] void fail_unreadable(const std::string& name) {
    throw InputError(SourceLocation{name},
                     fmt::format("cannot read the file: {}", std::strerror(errno)));
}

// Closes a file the reader opened (standard input is left open).
class FileDescriptor {
  public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor() { ::close(fd_); }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;

  private:
    int fd_;
};

// One fstat and, for a regular file, one read: a national batch reads eleven thousand files. Never
// more than one byte past the limit: enough to know the input is too large, whatever it is (a
// file, a pipe, a device that never ends); a regular file's size refuses it before reading.
std::string read_all(int fd, const std::string& name, size_t max_bytes) {
    struct stat st {};
    if (::fstat(fd, &st) != 0) fail_unreadable(name);
    if (S_ISDIR(st.st_mode)) throw InputError(SourceLocation{name}, "is a directory, not a file");
    bool regular = S_ISREG(st.st_mode);
    if (regular && static_cast<uint64_t>(st.st_size) > max_bytes) fail_too_large(name, max_bytes);
    std::string text;
    size_t capacity = regular ? static_cast<size_t>(st.st_size) + 1 : size_t{1} << 16;
    for (;;) {
        // One byte past the limit, unless the limit is the largest size there is.
        capacity = std::min(capacity, max_bytes == SIZE_MAX ? max_bytes : max_bytes + 1);
        size_t used = text.size();
        text.resize(capacity);
        ssize_t n = ::read(fd, text.data() + used, capacity - used);
        if (n < 0 && errno == EINTR) {
            text.resize(used);
            continue;
        }
        if (n < 0) fail_unreadable(name);
        text.resize(used + static_cast<size_t>(n));
        if (text.size() > max_bytes) fail_too_large(name, max_bytes);
        // A regular file reads short only at its end; anything else is read until it says so.
        if (n == 0 || (regular && text.size() < capacity)) return text;
        if (text.size() == capacity) capacity *= 2;
    }
}

}  // namespace

std::string read_input_file(const std::string& path, size_t max_bytes, std::string* note,
                            bool keep_damaged_utf8) {
    std::string name = path == "-" ? "<stdin>" : path;
    std::string bytes;
    if (path == "-") {
        bytes = read_all(STDIN_FILENO, name, max_bytes);
    } else {
        // Opened without blocking: a named pipe nobody writes to would otherwise hold the run
        // forever.
        int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
        if (fd < 0) {
            int error = errno;
            struct stat st {};
            // A directory the batch found but may not list is named as one: its plans went
            // unchecked.
            if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
                throw InputError(SourceLocation{path}, fmt::format("cannot read the directory: {}",
                                                                   std::strerror(error)));
            errno = error;
            fail_unreadable(path);
        }
        FileDescriptor file(fd);
        struct stat st {};
        if (::fstat(fd, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)))
            throw InputError(SourceLocation{path},
                             "a named pipe, not a file: give its contents on standard input (-)");
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
        bytes = read_all(fd, path, max_bytes);
    }
    DecodedText decoded = decode_text(std::move(bytes), name, keep_damaged_utf8);
    if (!decoded.note.empty()) {
        if (note)
            *note = std::move(decoded.note);
        else
            std::cerr << decoded.note << '\n';
    }
    return std::move(decoded.text);
}

}  // namespace vetcheck
