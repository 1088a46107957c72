#include "vetcheck/batch.hpp"

#include <unistd.h>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <thread>

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

namespace {

// One input's outcome, filled by whichever thread takes it.
struct Slot {
    std::optional<report::PlanReport> report;
    std::optional<InputFailure> failure;
};

Slot check_one(const std::string& path, Catalog& catalog, const BatchOptions& options) {
    std::string name = path == "-" ? "<stdin>" : path;
    std::string text;
    Slot slot;
    try {
        text = read_input_file(path, options.max_file_bytes);
        LoadedPlan loaded = load_plan(text, name, catalog, options.yaml);
        auto plan = std::make_shared<const Plan>(std::move(loaded.plan));
        slot.report =
            report::PlanReport{plan, loaded.rules, check_plan(*loaded.rules, *plan, options.check)};
    } catch (const InputError& e) {
        std::string line = e.where().file == name ? line_of(text, e.where().line) : "";
        slot.failure = InputFailure{e, line};
    }
    return slot;
}

}  // namespace

BatchOutcome check_files(const std::vector<std::string>& paths, Catalog& catalog,
                         const BatchOptions& options) {
    std::vector<Slot> slots(paths.size());
    std::atomic<size_t> next{0}, done{0};
    std::mutex deliver_mutex;
    std::vector<bool> ready(paths.size(), false);
    size_t delivered = 0;
    bool streaming = options.on_report || options.on_failure;
    // Hands over, in input order, every finished outcome that no earlier unfinished one holds back.
    auto deliver = [&](size_t i) {
        std::lock_guard lock(deliver_mutex);
        ready[i] = true;
        for (; delivered < paths.size() && ready[delivered]; ++delivered) {
            Slot& slot = slots[delivered];
            if (slot.report && options.on_report) options.on_report(std::move(*slot.report));
            if (slot.failure && options.on_failure) options.on_failure(std::move(*slot.failure));
            slot = Slot{};
        }
    };
    auto work = [&] {
        for (size_t i = next++; i < paths.size(); i = next++) {
            slots[i] = check_one(paths[i], catalog, options);
            if (streaming) deliver(i);
            size_t finished = ++done;
            if (options.progress) options.progress(finished, paths.size());
        }
    };
    unsigned threads =
        std::max(1u, std::min<unsigned>(options.jobs, static_cast<unsigned>(paths.size())));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    BatchOutcome outcome;
    for (auto& slot : slots) {
        if (slot.report) outcome.reports.push_back(std::move(*slot.report));
        if (slot.failure) outcome.failures.push_back(std::move(*slot.failure));
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
