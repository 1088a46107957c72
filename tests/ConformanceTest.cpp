// Conformance cases are data: tests/conformance/<pack>.yaml holds, for every indicator of a pack, a
// plan that passes it and one that fails it. One driver runs them all, and checks that no indicator
// of a pack is left without both.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include <fmt/format.h>

#include "test_support.hpp"
#include "vetcheck/base/text.hpp"
#include "vetcheck/read/yaml_loader.hpp"
#include "vetcheck/report/format.hpp"

namespace fs = std::filesystem;
using namespace vetcheck;

namespace {

// Writes a node back as YAML flow text (JSON-like, every scalar double-quoted).
std::string to_flow(const Node& n) {
    switch (n.kind()) {
        case Node::Kind::Null:
            return "~";
        case Node::Kind::Scalar: {
            std::string s = "\"";
            for (char c : n.text()) {
                if (c == '"' || c == '\\') s += '\\';
                s += c;
            }
            return s + "\"";
        }
        case Node::Kind::Seq: {
            std::vector<std::string> items;
            for (const auto& i : n.items()) items.push_back(to_flow(i));
            // fmt, not `"[" + join(…)`: GCC 12 at -O3 warns falsely (-Wrestrict) on that.
            return fmt::format("[{}]", join(items, ", "));
        }
        case Node::Kind::Map: {
            std::vector<std::string> items;
            for (const auto& [k, v] : n.entries()) items.push_back(to_flow(k) + ": " + to_flow(v));
            return fmt::format("{{{}}}", join(items, ", "));
        }
    }
    return "~";
}

std::string field(const Node& c, const Node* defaults, const char* key,
                  const std::string& fallback) {
    if (const Node* v = c.find(key)) return v->text();
    if (defaults)
        if (const Node* v = defaults->find(key)) return v->text();
    return fallback;
}

struct Coverage {
    bool pass = false;
    bool fail = false;
};

void run_file(const fs::path& path, Catalog& catalog) {
    std::string text = testing::read_file(path.string());
    Node root = load_yaml(text, path.string());
    std::string pack = root.find("pack")->text();
    const Node* defaults = root.find("defaults");
    std::map<std::string, Coverage> coverage;
    for (const Node& c : root.find("cases")->items()) {
        std::string indicator = c.find("indicator")->text();
        std::string expect = c.find("expect")->text();
        std::string level = field(c, defaults, "level", "school");
        std::string plan = fmt::format(
            "plan: {{name: \"case {}\", level: \"{}\", year: {}, packs: [\"{}\"]{}}}\n",
            c.where().line, level, field(c, defaults, "year", "2023"), pack,
            level == "school" ? fmt::format(", type: \"{}\"", field(c, defaults, "type", "高职"))
                              : "");
        if (const Node* facts = c.find("facts")) plan += "facts: " + to_flow(*facts) + "\n";
        if (const Node* inst = c.find("institutions"))
            plan += "institutions: " + to_flow(*inst) + "\n";
        std::string where = fmt::format("{}:{}: {} expects {}", path.filename().string(),
                                        c.where().line, indicator, expect);
        INFO(where);
        INFO(plan);
        LoadedPlan loaded;
        REQUIRE_NOTHROW(loaded = load_plan(plan, "case.yaml", catalog));
        CheckOptions options;
        if (const Node* as_of = c.find("as_of")) options.as_of = std::stoi(as_of->text());
        auto results = check_plan(*loaded.rules, loaded.plan, options);
        const Result* found = nullptr;
        std::string subject = field(c, nullptr, "subject", "");
        for (const auto& r : results)
            if (r.indicator().id == indicator && (subject.empty() || r.subject->id == subject)) {
                found = &r;
                break;
            }
        REQUIRE(found != nullptr);
        INFO("reason: " << found->reason << " missing: " << join(found->missing, ", "));
        CHECK(std::string(status_name(found->status)) == expect);
        if (const Node* s = c.find("shortfall")) {
            REQUIRE(found->shortfall);
            CHECK(found->shortfall->change().to_decimal(2) == s->text());
        }
        if (const Node* why = c.find("reason")) CHECK(found->reason.text(Lang::En) == why->text());
        if (const Node* t = c.find("target"))
            CHECK(report::target_text(*found, Lang::Zh) == t->text());
        if (expect == "pass") coverage[indicator].pass = true;
        if (expect == "fail" || expect == "advisory") coverage[indicator].fail = true;
    }
    // Every indicator the pack itself states has a passing and a failing case.
    const Pack& p = catalog.get(pack, SourceLocation{path.string()});
    for (const Indicator& ind : p.indicators) {
        INFO(path.filename().string() << ": indicator " << ind.id);
        CHECK(coverage[ind.id].pass);
        CHECK(coverage[ind.id].fail);
    }
}

std::vector<std::string> split(const char* text, char sep) {
    std::vector<std::string> out;
    if (!text) return out;
    std::string s(text);
    size_t start = 0;
    while (start <= s.size()) {
        size_t end = s.find(sep, start);
        std::string part =
            s.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!part.empty()) out.push_back(part);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

}  // namespace

TEST_CASE("Conformance: every pack's cases give the expected status", "[conformance]") {
    // VETCHECK_CONFORMANCE_DIR and VETCHECK_EXTRA_PACKS let a pack author run cases for a pack
    // under work.
    const char* dir_env = std::getenv("VETCHECK_CONFORMANCE_DIR");
    fs::path dir =
        dir_env ? fs::path(dir_env) : fs::path(VETCHECK_SOURCE_DIR) / "tests" / "conformance";
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".yaml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    REQUIRE(!files.empty());
    for (const auto& f : files) {
        SECTION(f.filename().string()) {
            Catalog catalog;
            for (const auto& extra : split(std::getenv("VETCHECK_EXTRA_PACKS"), ':'))
                catalog.add_file(extra);
            run_file(f, catalog);
        }
    }
}

TEST_CASE("Conformance: every shipped pack has a conformance file", "[conformance]") {
    if (std::getenv("VETCHECK_CONFORMANCE_DIR")) return;
    for (const auto& p : embedded_packs()) {
        INFO(p.id);
        CHECK(fs::exists(fs::path(VETCHECK_SOURCE_DIR) / "tests" / "conformance" /
                         (std::string(p.id) + ".yaml")));
    }
}
