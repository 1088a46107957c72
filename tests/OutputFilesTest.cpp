#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "vetcheck/base/source_location.hpp"
#include "vetcheck/report/output_files.hpp"

namespace fs = std::filesystem;
using namespace vetcheck;
using report::OutputFiles;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        char pattern[] = "/tmp/vetcheck-output-XXXXXX";
        path = ::mkdtemp(pattern);
    }
    ~TempDir() {
        std::error_code ec;
        fs::permissions(path, fs::perms::owner_all, ec);
        fs::remove_all(path, ec);
    }
    std::string operator/(const std::string& name) const { return (path / name).string(); }
    // Every file of the directory, by name.
    std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const auto& e : fs::directory_iterator(path)) out.push_back(e.path().filename());
        std::sort(out.begin(), out.end());
        return out;
    }
};

std::string read(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void write(const std::string& path, const std::string& text) {
    std::ofstream(path) << text;
}

}  // namespace

TEST_CASE("Output files: all are replaced together at commit, none before", "[output]") {
    TempDir dir;
    write(dir / "r.json", "old json");
    write(dir / "r.csv", "old csv");
    OutputFiles files;
    files.open(dir / "r.json") << "new json";
    files.open(dir / "r.csv") << "new csv";
    CHECK(read(dir / "r.json") == "old json");  // written beside it, not over it
    CHECK(dir.names().size() == 4);
    files.commit();
    CHECK(read(dir / "r.json") == "new json");
    CHECK(read(dir / "r.csv") == "new csv");
    CHECK(dir.names() == std::vector<std::string>{"r.csv", "r.json"});
}

TEST_CASE("Output files: a failure before the renames replaces none and leaves no temporary",
          "[output]") {
    TempDir dir;
    write(dir / "r.json", "old json");
    {
        OutputFiles files;
        files.open(dir / "r.json") << "new json";
        CHECK_THROWS_WITH(files.open(dir / "no/such/r.csv"),
                          Catch::Contains("no/such/r.csv: cannot write the report file"));
    }  // not committed: the destructor removes the temporaries
    CHECK(read(dir / "r.json") == "old json");
    CHECK(dir.names() == std::vector<std::string>{"r.json"});
}

TEST_CASE("Output files: the temporary is a new file of its own, with the target's mode",
          "[output]") {
    TempDir dir;
    write(dir / "victim.txt", "victim");
    write(dir / "r.txt", "old");
    ::chmod((dir / "r.txt").c_str(), 0640);
    OutputFiles files;
    files.open(dir / "r.txt") << "new";
    for (const auto& name : dir.names()) {
        if (name.rfind("r.txt.tmp", 0) != 0) continue;
        struct stat st {};
        REQUIRE(::lstat((dir / name).c_str(), &st) == 0);
        CHECK(S_ISREG(st.st_mode));
        CHECK((st.st_mode & 0777) == 0640);
    }
    files.commit();
    struct stat st {};
    REQUIRE(::stat((dir / "r.txt").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0640);
    CHECK(read(dir / "victim.txt") == "victim");
}

TEST_CASE("Output files: a write that fails is an error at commit, and nothing is replaced",
          "[output]") {
    if (::access("/dev/full", W_OK) != 0) return;
    TempDir dir;
    write(dir / "r.json", "old json");
    OutputFiles files;
    files.open(dir / "r.json") << "new json";
    files.open("/dev/full") << std::string(100000, 'x');  // a device: written directly
    CHECK_THROWS_WITH(files.commit(),
                      Catch::Contains("/dev/full: cannot write the report file: No space left"));
    CHECK(read(dir / "r.json") == "old json");
    CHECK(dir.names() == std::vector<std::string>{"r.json"});
}

TEST_CASE("Output files: a report may not overwrite an input, nor two reports one file",
          "[output]") {
    TempDir dir;
    write(dir / "plan.yaml", "plan");
    CHECK_THROWS_WITH(OutputFiles::check_targets({dir / "./plan.yaml"}, {dir / "plan.yaml"}),
                      Catch::Contains("the report would overwrite an input"));
    CHECK_THROWS_WITH(
        OutputFiles::check_targets({dir / "r.json", dir / "sub/../r.json"}, {dir / "plan.yaml"}),
        Catch::Contains("two reports are to be written to the same file"));
    CHECK_NOTHROW(
        OutputFiles::check_targets({"", dir / "r.json", dir / "r.csv"}, {dir / "plan.yaml", "-"}));
}

TEST_CASE("Output files: the errors have codes and read as Chinese", "[output][i18n]") {
    TempDir dir;
    write(dir / "plan.yaml", "plan");
    auto raised = [](auto&& f) -> std::pair<std::string, std::string> {
        try {
            f();
        } catch (const InputError& e) {
            return {e.code(), e.message(Lang::Zh)};
        }
        return {};
    };
    auto r = raised([&] { OutputFiles::check_targets({dir / "plan.yaml"}, {dir / "plan.yaml"}); });
    CHECK(r.first == "E-report-overwrites-input");
    CHECK(r.second == "报告会覆盖一个输入文件；请另选文件名");
    r = raised([&] {
        OutputFiles::check_targets({dir / "r.json", dir / "r.json"}, {dir / "plan.yaml"});
    });
    CHECK(r.first == "E-report-same-file");
    CHECK(r.second == "两份报告要写入同一个文件");
    r = raised([&] {
        OutputFiles files;
        files.open(dir.path.string());
    });
    CHECK(r.first == "E-report-is-directory");
    CHECK(r.second == "无法写入报告：这是一个目录");
    r = raised([&] {
        OutputFiles files;
        files.open("/dev/full") << std::string(100000, 'x');
        files.commit();
    });
    CHECK(r.first == "E-report-unwritable");
    CHECK(r.second == "无法写入报告文件：设备空间已满");
}
