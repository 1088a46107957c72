#include "vetcheck/engine/batch.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <mutex>
#include <new>
#include <optional>
#include <thread>

#include "vetcheck/base/input_path.hpp"
#include "vetcheck/input/history_figures.hpp"
#include "vetcheck/input/plan_loader.hpp"
#include "vetcheck/input/tabular_plans.hpp"

namespace vetcheck {

namespace fs = std::filesystem;

namespace {

// Every *.yaml and *.yml under `dir`, whatever it is (a dangling link, a file that vanishes, a
// pipe): reading it says what is wrong, where skipping it would let a gate pass on a plan it never
// saw. A directory that cannot be listed is listed itself, and reading it names it.
void find_plans(const fs::path& dir, std::vector<std::string>& found) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    std::vector<fs::path> subdirectories;
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const fs::directory_entry& entry = *it;
        std::error_code type_error;
        // Links to directories are not followed, as before: a link loop must not recurse forever.
        if (entry.symlink_status(type_error).type() == fs::file_type::directory) {
            subdirectories.push_back(entry.path());
            continue;
        }
        auto ext = entry.path().extension();
        if (ext == ".yaml" || ext == ".yml") found.push_back(entry.path().string());
    }
    if (ec) found.push_back(dir.string());
    for (const auto& sub : subdirectories) find_plans(sub, found);
}

}  // namespace

std::vector<std::string> expand_inputs(const std::vector<std::string>& arguments) {
    std::vector<std::string> out;
    for (const auto& given : arguments) {
        // Every report writes an input's path the same way, and so do the messages about it.
        const std::string arg = shown_input_path(given);
        std::error_code ec;
        if (arg == "-" || !fs::is_directory(arg, ec)) {
            out.push_back(arg);
            continue;
        }
        std::vector<std::string> found;
        find_plans(arg, found);
        for (auto& path : found) path = shown_input_path(path);  // "./a.yaml" of the directory "."
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

// One input's outcomes (a CSV file holds many school reports), filled by whichever thread takes it,
// in the order of the input.
struct Outcome {
    std::optional<PlanReport> report;
    std::optional<InputFailure> failure;
    std::string rendered;  // options.render's text for the report
    std::string note;      // how the input was read, when it was converted
};
using Slot = std::vector<Outcome>;

Outcome failure_of(const InputError& e, const std::string& name, const std::string& text) {
    std::string line = e.where().file == name ? line_of(text, e.where().line) : "";
    return Outcome{std::nullopt, InputFailure{e, line}, {}, {}};
}

Outcome checked(LoadedPlan loaded, const BatchOptions& options, bool render) {
    if (options.history) options.history->add_to(loaded.plan);
    auto plan = std::make_shared<const Plan>(std::move(loaded.plan));
    Outcome o{PlanReport{plan, loaded.rules, check_plan(*loaded.rules, *plan, options.check)},
              std::nullopt,
              {},
              {}};
    if (render) o.rendered = options.render(*o.report);
    return o;
}

// A misspelled column of a spreadsheet fails every row the same way: it is said once, at its
// header cell, with the number of rows it kept from being checked, not once a row.
class UnknownColumns {
  public:
    // Takes a row's error when it is an unknown fact named by a column of `header`.
    bool take(const InputError& e, const CsvRow& header, Slot& slot) {
        if (std::string_view(e.code()) != "E-fact-unknown") return false;
        std::string_view key = e.text().arg_text("key");
        auto cell = std::find_if(header.begin(), header.end(),
                                 [&](const CsvCell& c) { return c.text == key; });
        if (cell == header.end()) return false;
        auto seen = std::find_if(columns_.begin(), columns_.end(),
                                 [&](const Column& c) { return c.key == key; });
        if (seen == columns_.end()) {
            // Its place among the outcomes is where its first row would have been.
            columns_.push_back({std::string(key), cell->where, e.text(), slot.size(), 0});
            slot.push_back(Outcome{});
            seen = columns_.end() - 1;
        }
        ++seen->rows;
        return true;
    }

    void report(Slot& slot, const std::string& name, const std::string& text) const {
        for (const Column& c : columns_)
            slot[c.at] =
                failure_of(InputError(c.where, Message("E-csv-column-unknown",
                                                       {{"problem", c.problem}, {"rows", c.rows}})),
                           name, text);
    }

  private:
    struct Column {
        std::string key;
        SourceLocation where;
        Message problem;
        size_t at;
        size_t rows;
    };
    std::vector<Column> columns_;
};

Slot check_one(const std::string& path, Catalog& catalog, const BatchOptions& options,
               bool render) {
    std::string name = path == "-" ? "<stdin>" : path;
    std::string text;
    Slot slot;
    try {
        std::string note;
        text = read_input_file(path, options.limits.max_file_bytes, &note, is_csv_path(path));
        if (!note.empty()) slot.push_back(Outcome{std::nullopt, std::nullopt, {}, std::move(note)});
        if (!is_csv_path(path)) {
            LoadedPlan loaded = load_plan(text, name, catalog, options.limits);
            std::string().swap(text);  // a 50 MB plan need not be held twice while it is checked
            slot.push_back(checked(std::move(loaded), options, render));
            return slot;
        }
        // Each row of a spreadsheet is a school report of its own: a bad row is reported and the
        // others are still checked.
        CsvRow header;
        std::vector<CsvPlanRow> rows = plans_from_csv(text, name, &header);
        UnknownColumns unknown_columns;
        for (const CsvPlanRow& row : rows) {
            try {
                if (row.error) throw *row.error;
                slot.push_back(checked(load_plan_document(*row.document, name, catalog,
                                                          options.limits.max_institutions),
                                       options, render));
            } catch (const InputError& e) {
                if (!unknown_columns.take(e, header, slot))
                    slot.push_back(failure_of(e, name, text));
            }
        }
        unknown_columns.report(slot, name, text);
    } catch (const InputError& e) {
        slot.push_back(failure_of(e, name, text));
    } catch (const std::bad_alloc&) {
        // Memory ran out on this file: it is not checked, and says so; the others still are, with
        // what this one held given back.
        slot.clear();
        std::string().swap(text);
        slot.push_back(
            Outcome{std::nullopt,
                    InputFailure{InputError(SourceLocation{name}, Message("E-out-of-memory")), ""},
                    {},
                    {}});
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
            for (Outcome& o : slots[delivered]) {
                if (!o.note.empty() && options.on_note) options.on_note(std::move(o.note));
                if (o.report && options.on_report)
                    options.on_report(std::move(*o.report), std::move(o.rendered));
                if (o.failure && options.on_failure) options.on_failure(std::move(*o.failure));
            }
            slots[delivered] = Slot{};
        }
    };
    unsigned threads =
        std::max(1u, std::min<unsigned>(options.jobs, static_cast<unsigned>(paths.size())));
    // On one thread rendering ahead gains nothing and would hold a whole report's text at once.
    bool render = options.render && threads > 1;
    auto work = [&] {
        for (size_t i = next++; i < paths.size(); i = next++) {
            slots[i] = check_one(paths[i], catalog, options, render);
            if (streaming) deliver(i);
            size_t finished = ++done;
            if (options.progress) options.progress(finished, paths.size());
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    BatchOutcome outcome;
    for (auto& slot : slots) {
        for (Outcome& o : slot) {
            if (!o.note.empty()) {
                if (options.on_note)
                    options.on_note(std::move(o.note));
                else
                    outcome.notes.push_back(std::move(o.note));
            }
            if (o.report) outcome.reports.push_back(std::move(*o.report));
            if (o.failure) outcome.failures.push_back(std::move(*o.failure));
        }
    }
    return outcome;
}

}  // namespace vetcheck
