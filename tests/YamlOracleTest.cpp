// yaml-cpp as an independent oracle for the libyaml loader: every example and every shipped pack
// must give the same document, with every value at the same line and column.
#include <catch2/catch.hpp>

#include <yaml-cpp/yaml.h>

#include <filesystem>

#include "test_support.hpp"
#include "vetcheck/base/text.hpp"
#include "vetcheck/read/yaml_loader.hpp"

using namespace vetcheck;
namespace fs = std::filesystem;

namespace {

// yaml-cpp counts columns in bytes; ours are characters. Convert its byte column on that line.
int character_column(const std::vector<std::string>& lines, int line0, int byte_column0) {
    const std::string& l = lines[static_cast<size_t>(line0)];
    size_t pos = 0;
    int chars = 0;
    while (pos < static_cast<size_t>(byte_column0) && pos < l.size()) {
        decode_utf8(l, pos);
        ++chars;
    }
    return chars + 1;
}

void compare(const YAML::Node& oracle, const Node& ours, const std::vector<std::string>& lines,
             const std::string& path) {
    INFO(path << " at " << ours.where().to_string());
    YAML::Mark m = oracle.Mark();
    if (!ours.is_null()) {  // an empty value has no position of its own in yaml-cpp
        CHECK(ours.where().line == m.line + 1);
        CHECK(ours.where().column == character_column(lines, m.line, m.column));
    }
    switch (oracle.Type()) {
        case YAML::NodeType::Scalar:
            REQUIRE(ours.is_scalar());
            CHECK(ours.text() == oracle.Scalar());
            break;
        case YAML::NodeType::Null:
            CHECK(ours.is_null());
            break;
        case YAML::NodeType::Sequence: {
            REQUIRE(ours.is_seq());
            REQUIRE(ours.items().size() == oracle.size());
            for (size_t i = 0; i < oracle.size(); ++i)
                compare(oracle[i], ours.items()[i], lines, path + "[" + std::to_string(i) + "]");
            break;
        }
        case YAML::NodeType::Map: {
            REQUIRE(ours.is_map());
            REQUIRE(ours.entries().size() == oracle.size());
            size_t i = 0;
            for (auto it = oracle.begin(); it != oracle.end(); ++it, ++i) {
                const auto& [k, v] = ours.entries()[i];
                CHECK(k.text() == it->first.Scalar());
                compare(it->second, v, lines, path + "." + k.text());
            }
            break;
        }
        case YAML::NodeType::Undefined:
            FAIL("undefined node");
            break;
    }
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        lines.push_back(
            text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return lines;
}

}  // namespace

TEST_CASE("YamlOracle: libyaml and yaml-cpp agree on every example and pack", "[yaml][oracle]") {
    std::vector<fs::path> files;
    for (const char* dir : {"examples", "data/packs", "tests/conformance"})
        for (const auto& e : fs::recursive_directory_iterator(fs::path(VETCHECK_SOURCE_DIR) / dir))
            if (e.path().extension() == ".yaml") files.push_back(e.path());
    REQUIRE(files.size() >= 15);
    for (const auto& f : files) {
        std::string text = testing::read_file(f.string());
        Node ours = load_yaml(text, f.string());
        YAML::Node oracle = YAML::Load(text);
        compare(oracle, ours, split_lines(text), f.filename().string());
    }
}
