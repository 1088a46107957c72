#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>

#include "vetcheck/base/input_path.hpp"

using namespace vetcheck;
namespace fs = std::filesystem;

// The tests run in the source directory (VETCHECK_SOURCE_DIR), where examples/ is.
namespace {
struct InSourceDirectory {
    fs::path before = fs::current_path();
    InSourceDirectory() { fs::current_path(VETCHECK_SOURCE_DIR); }
    ~InSourceDirectory() { fs::current_path(before); }
};
}  // namespace

TEST_CASE("Input path: written relative to the working directory, without . steps", "[path]") {
    InSourceDirectory here;
    CHECK(shown_input_path("examples/school-pass.yaml") == "examples/school-pass.yaml");
    CHECK(shown_input_path("./examples/school-pass.yaml") == "examples/school-pass.yaml");
    CHECK(shown_input_path("././examples/./school-pass.yaml") == "examples/school-pass.yaml");
    CHECK(shown_input_path("examples//school-pass.yaml") == "examples/school-pass.yaml");
    CHECK(shown_input_path("examples/../examples/school-pass.yaml") == "examples/school-pass.yaml");
    std::string absolute = (fs::current_path() / "examples" / "school-pass.yaml").string();
    CHECK(shown_input_path(absolute) == "examples/school-pass.yaml");
    CHECK(shown_input_path("./examples/") == "examples/");
    CHECK(shown_input_path(".") == ".");
    CHECK(shown_input_path("-") == "-");
}

TEST_CASE("Input path: what cannot be folded safely stays as given", "[path]") {
    InSourceDirectory here;
    // Outside the working directory: absolute, as given.
    CHECK(shown_input_path("/etc/hostname") == "/etc/hostname");
    // A ".." over a file that does not exist cannot be shown to be the same file: kept.
    CHECK(shown_input_path("nowhere/../examples/none.yaml") == "nowhere/../examples/none.yaml");
    CHECK(shown_input_path("./nowhere/../none.yaml") == "nowhere/../none.yaml");
    // "../x" leaves the working directory: nothing to fold.
    CHECK(shown_input_path("../x.yaml") == "../x.yaml");
}

TEST_CASE("Input path: a .. step through a link is not folded", "[path]") {
    fs::path root = fs::temp_directory_path() / "vetcheck-input-path-test";
    fs::remove_all(root);
    fs::create_directories(root / "real" / "deep");
    fs::create_directories(root / "top");
    {
        std::FILE* f = std::fopen((root / "real" / "x.yaml").c_str(), "w");
        std::fclose(f);
    }
    // top/link → real/deep: top/link/../x.yaml is real/x.yaml, not top/x.yaml.
    fs::create_directory_symlink(root / "real" / "deep", root / "top" / "link");
    fs::path before = fs::current_path();
    fs::current_path(root);
    CHECK(shown_input_path("top/link/../x.yaml") == "top/link/../x.yaml");
    CHECK(shown_input_path("real/deep/../x.yaml") == "real/x.yaml");
    fs::current_path(before);
    fs::remove_all(root);
}
