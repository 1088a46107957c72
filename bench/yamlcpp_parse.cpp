// Reference: read every input file and load it into yaml-cpp's node tree, and nothing else.
//   yamlcpp_parse DIR_OR_FILE...   prints files and nodes
#include <yaml-cpp/yaml.h>

#include <cstdio>

#include "corpus_files.hpp"

namespace {
size_t count(const YAML::Node& n) {
    size_t total = 1;
    if (n.IsMap())
        for (const auto& kv : n) total += count(kv.first) + count(kv.second);
    else if (n.IsSequence())
        for (const auto& item : n) total += count(item);
    return total;
}
}  // namespace

int main(int argc, char** argv) {
    size_t files = 0, nodes = 0;
    std::string text;
    for (const auto& path : corpus_files(argc, argv)) {
        if (!read_whole(path, &text)) {
            std::fprintf(stderr, "yamlcpp_parse: cannot read %s\n", path.c_str());
            return 2;
        }
        try {
            nodes += count(YAML::Load(text));
        } catch (const YAML::Exception& e) {
            std::fprintf(stderr, "yamlcpp_parse: %s: %s\n", path.c_str(), e.what());
            return 2;
        }
        ++files;
    }
    std::printf("yamlcpp_parse: %zu files, %zu nodes\n", files, nodes);
    return 0;
}
