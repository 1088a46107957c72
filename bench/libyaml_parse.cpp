// Floor: read every input file and parse it with libyaml's event API, and nothing else (no tree,
// no copies of the scalars). This is the least any checker built on libyaml has to do.
//   libyaml_parse DIR_OR_FILE...   prints files, events and scalar bytes
#include <yaml.h>

#include <cstdio>

#include "corpus_files.hpp"

int main(int argc, char** argv) {
    size_t files = 0, events = 0, scalar_bytes = 0;
    std::string text;
    for (const auto& path : corpus_files(argc, argv)) {
        if (!read_whole(path, &text)) {
            std::fprintf(stderr, "libyaml_parse: cannot read %s\n", path.c_str());
            return 2;
        }
        yaml_parser_t parser;
        yaml_parser_initialize(&parser);
        yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()),
                                     text.size());
        for (bool done = false; !done;) {
            yaml_event_t event;
            if (!yaml_parser_parse(&parser, &event)) {
                std::fprintf(stderr, "libyaml_parse: %s: %s\n", path.c_str(),
                             parser.problem ? parser.problem : "error");
                yaml_parser_delete(&parser);
                return 2;
            }
            ++events;
            if (event.type == YAML_SCALAR_EVENT) scalar_bytes += event.data.scalar.length;
            done = event.type == YAML_STREAM_END_EVENT;
            yaml_event_delete(&event);
        }
        yaml_parser_delete(&parser);
        ++files;
    }
    std::printf("libyaml_parse: %zu files, %zu events, %zu scalar bytes\n", files, events,
                scalar_bytes);
    return 0;
}
