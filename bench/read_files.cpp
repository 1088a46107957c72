// Floor: read every input file whole into memory, and nothing else.
//   read_files DIR_OR_FILE...   prints the number of files and bytes read
#include <cstdio>

#include "corpus_files.hpp"

int main(int argc, char** argv) {
    size_t files = 0, bytes = 0, checksum = 0;
    std::string text;
    for (const auto& path : corpus_files(argc, argv)) {
        if (!read_whole(path, &text)) {
            std::fprintf(stderr, "read_files: cannot read %s\n", path.c_str());
            return 2;
        }
        ++files;
        bytes += text.size();
        if (!text.empty()) checksum += static_cast<unsigned char>(text[text.size() / 2]);
    }
    std::printf("read_files: %zu files, %zu bytes (checksum %zu)\n", files, bytes, checksum);
    return 0;
}
