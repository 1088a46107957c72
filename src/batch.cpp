#include "vetcheck/batch.hpp"

#include <unistd.h>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "vetcheck/plan_loader.hpp"

namespace vetcheck {

namespace fs = std::filesystem;

std::vector<std::string> expand_inputs(const std::vector<std::string>& arguments) {
    std::vector<std::string> out;
    for (const auto& arg : arguments) {
        std::error_code ec;
        if (arg == "-" || !fs::is_directory(arg, ec)) {
            out.push_back(arg);
            continue;
        }
        std::vector<std::string> found;
        for (auto it = fs::recursive_directory_iterator(
                 arg, fs::directory_options::skip_permission_denied, ec);
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

namespace {

std::string line_of(const std::string& text, int line) {
    if (line <= 0) return "";
    size_t start = 0;
    for (int i = 1; i < line; ++i) {
        start = text.find('\n', start);
        if (start == std::string::npos) return "";
        ++start;
    }
    size_t end = text.find('\n', start);
    std::string s = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!s.empty() && s.back() == '\r') s.pop_back();
    return s.size() > 200 ? "" : s;
}

}  // namespace

BatchOutcome check_files(const std::vector<std::string>& paths, Catalog& catalog,
                         const BatchOptions& options) {
    BatchOutcome outcome;
    for (const auto& path : paths) {
        std::string name = path == "-" ? "<stdin>" : path;
        std::string text;
        try {
            text = read_input_file(path, options.max_file_bytes);
            Limits limits = catalog.limits();
            limits.max_file_bytes = options.max_file_bytes;
            limits.yaml = options.yaml;
            limits.max_institutions = options.max_institutions;
            LoadedPlan loaded = load_plan(text, name, catalog, limits);
            auto plan = std::make_shared<const Plan>(std::move(loaded.plan));
            report::PlanReport r{plan, loaded.rules,
                                 check_plan(*loaded.rules, *plan, options.check)};
            outcome.reports.push_back(std::move(r));
        } catch (const InputError& e) {
            std::string line = e.where().file == name ? line_of(text, e.where().line) : "";
            outcome.failures.push_back(InputFailure{e, line});
        }
    }
    return outcome;
}

void write_file_atomically(const std::string& path, const std::string& content) {
    fs::path target(path);
    fs::path temp = target;
    temp += fmt::format(".tmp{}", static_cast<long>(::getpid()));
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) throw InputError(SourceLocation{path}, "cannot write the report file");
        out << content;
        out.flush();
        if (!out) {
            std::error_code ec;
            fs::remove(temp, ec);
            throw InputError(SourceLocation{path}, "cannot write the report file");
        }
    }
    std::error_code ec;
    fs::rename(temp, target, ec);
    if (ec) {
        fs::remove(temp, ec);
        throw InputError(SourceLocation{path},
                         "cannot move the report into place: " + ec.message());
    }
}

}  // namespace vetcheck
