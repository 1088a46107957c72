#include "vetcheck/base/input_path.hpp"

#include <filesystem>
#include <system_error>

namespace vetcheck {

namespace fs = std::filesystem;

namespace {

// `path` without "." steps, repeated separators or a leading "./": the same file whatever the
// links on the way, since no ".." is folded.
fs::path without_dot_steps(const fs::path& path) {
    fs::path out;
    for (const fs::path& step : path) {
        if (step == ".") continue;
        out /= step;
    }
    // "a/." names the directory a; a trailing "/" stays as given (it says "a directory").
    return out.empty() ? fs::path(".") : out;
}

bool same_file(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    return fs::equivalent(a, b, ec) && !ec;
}

}  // namespace

std::string shown_input_path(const std::string& given) {
    if (given.empty() || given == "-") return given;
    const fs::path path(given);
    fs::path shown = without_dot_steps(path);
    bool has_parent_step = false;
    for (const fs::path& step : shown) has_parent_step |= step == "..";
    if (has_parent_step || shown.is_absolute()) {
        // Folding ".." and making an absolute path relative are lexical: kept only when they name
        // the same file (a link on the way may lead elsewhere), which costs a file look-up, so only
        // for such paths.
        fs::path folded = shown.lexically_normal();
        if (folded.is_absolute()) {
            std::error_code ec;
            fs::path cwd = fs::current_path(ec);
            fs::path relative = ec ? fs::path() : folded.lexically_relative(cwd);
            bool inside = !relative.empty() && *relative.begin() != "..";
            if (inside) folded = relative;
        }
        if (folded != shown && same_file(folded, path)) shown = folded;
    }
    std::string text = shown.string();
    // lexically_normal keeps a trailing separator as an empty step; so does the path as given.
    if (!given.empty() && given.back() == '/' && (text.empty() || text.back() != '/')) text += '/';
    return text;
}

}  // namespace vetcheck
