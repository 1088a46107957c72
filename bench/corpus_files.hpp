// The inputs of a floor program, found the way vetcheck finds them: files as given, directories
// searched recursively for *.yaml and *.yml, each directory's finds sorted by path.
#pragma once

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

inline std::vector<std::string> corpus_files(int argc, char** argv) {
    namespace fs = std::filesystem;
    std::vector<std::string> out;
    for (int i = 1; i < argc; ++i) {
        std::error_code ec;
        if (!fs::is_directory(argv[i], ec)) {
            out.emplace_back(argv[i]);
            continue;
        }
        std::vector<std::string> found;
        for (auto it = fs::recursive_directory_iterator(argv[i], ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            auto ext = it->path().extension();
            if (it->is_regular_file(ec) && (ext == ".yaml" || ext == ".yml"))
                found.push_back(it->path().string());
        }
        std::sort(found.begin(), found.end());
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

// The whole file in one read; false when it cannot be read.
inline bool read_whole(const std::string& path, std::string* text) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    struct stat st {};
    if (fstat(fileno(f), &st) != 0) {
        std::fclose(f);
        return false;
    }
    text->resize(static_cast<size_t>(st.st_size));
    size_t got = std::fread(text->data(), 1, text->size(), f);
    std::fclose(f);
    text->resize(got);
    return true;
}
