// The house shows the pipeline: each folder of include/vetcheck and src is a phase, and a phase may
// include only itself and the phases below it. This test reads every #include of the library and
// the CLI and fails on an include that runs up the layers, on a file outside the folders, and on a
// cycle between components (a header and its source are one component).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// Lowest first; docs/architecture.md explains each.
const std::vector<std::string> kLayers = {"base",    "read",  "model",  "expr",   "pack",
                                          "compile", "input", "engine", "report", "cli"};

int layer_of(const std::string& component) {
    auto slash = component.find('/');
    if (slash == std::string::npos) return -1;
    auto it = std::find(kLayers.begin(), kLayers.end(), component.substr(0, slash));
    return it == kLayers.end() ? -1 : static_cast<int>(it - kLayers.begin());
}

// "include/vetcheck/engine/batch.hpp" and "src/engine/batch.cpp" are the component "engine/batch".
std::string component_of(const fs::path& root, const fs::path& file) {
    fs::path rel = fs::relative(file, root);
    std::string s = rel.replace_extension().generic_string();
    if (s.rfind("include/vetcheck/", 0) == 0) return s.substr(17);
    if (s.rfind("src/", 0) == 0) return s.substr(4);
    return s;
}

struct Graph {
    std::map<std::string, std::set<std::string>> edges;  // component → components it includes
    std::vector<std::string> problems;
};

Graph read_graph(const fs::path& root) {
    Graph g;
    const std::regex include_line(R"re(^\s*#\s*include\s*"([^"]+)")re");
    for (const char* dir : {"include/vetcheck", "src"}) {
        for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
            auto ext = entry.path().extension();
            if (!entry.is_regular_file() || (ext != ".hpp" && ext != ".cpp")) continue;
            std::string from = component_of(root, entry.path());
            g.edges[from];
            std::ifstream in(entry.path());
            std::string line;
            std::smatch m;
            while (std::getline(in, line)) {
                if (!std::regex_search(line, m, include_line)) continue;
                std::string target = m[1];
                std::string to;
                if (target.rfind("vetcheck/", 0) == 0)
                    to = fs::path(target.substr(9)).replace_extension().generic_string();
                else  // a header beside the file, such as cli/commands.hpp
                    to = (fs::path(from).parent_path() / fs::path(target).replace_extension())
                             .generic_string();
                if (to != from) g.edges[from].insert(to);
            }
        }
    }
    return g;
}

}  // namespace

TEST_CASE("Include graph: every file sits in a phase and includes only phases below it",
          "[architecture]") {
    Graph g = read_graph(VETCHECK_SOURCE_DIR);
    REQUIRE(g.edges.size() > 50);
    std::vector<std::string> problems;
    for (const auto& [from, tos] : g.edges) {
        if (layer_of(from) < 0) {
            problems.push_back(from + ": not in a phase folder (" + "docs/architecture.md)");
            continue;
        }
        for (const auto& to : tos)
            if (layer_of(to) > layer_of(from))
                problems.push_back(from + " includes " + to + ", a phase above it");
    }
    INFO([&] {
        std::string all;
        for (const auto& p : problems) all += p + "\n";
        return all;
    }());
    CHECK(problems.empty());
}

TEST_CASE("Include graph: expressions never read plans or waivers, only the facts they are given",
          "[architecture]") {
    Graph g = read_graph(VETCHECK_SOURCE_DIR);
    for (const auto& [from, tos] : g.edges) {
        if (from.rfind("expr/", 0) != 0) continue;
        INFO(from);
        CHECK(tos.count("model/plan") == 0);
        CHECK(tos.count("model/waiver") == 0);
    }
}

TEST_CASE("Include graph: no cycle between components", "[architecture]") {
    Graph g = read_graph(VETCHECK_SOURCE_DIR);
    std::map<std::string, int> state;  // 0 new, 1 on the path, 2 done
    std::vector<std::string> path;
    std::string cycle;
    std::function<void(const std::string&)> visit = [&](const std::string& c) {
        if (!cycle.empty()) return;
        state[c] = 1;
        path.push_back(c);
        for (const auto& next : g.edges[c]) {
            if (state[next] == 1) {
                auto start = std::find(path.begin(), path.end(), next);
                for (auto it = start; it != path.end(); ++it) cycle += *it + " → ";
                cycle += next;
                return;
            }
            if (state[next] == 0) visit(next);
            if (!cycle.empty()) return;
        }
        path.pop_back();
        state[c] = 2;
    };
    for (const auto& [c, _] : g.edges)
        if (state[c] == 0) visit(c);
    INFO(cycle);
    CHECK(cycle.empty());
}
