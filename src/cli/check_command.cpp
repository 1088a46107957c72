// `vetcheck PLAN...`: checks plans and writes every report the user asked for, streaming, plan by
// plan. Exit 0 only when every input was checked, every report written whole and every required
// check passes.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <optional>

#include <fmt/format.h>

#include "commands.hpp"
#include "vetcheck/base/input_path.hpp"
#include "vetcheck/base/text.hpp"
#include "vetcheck/engine/batch.hpp"
#include "vetcheck/engine/memory_budget.hpp"
#include "vetcheck/input/history_figures.hpp"
#include "vetcheck/report/output_files.hpp"
#include "vetcheck/report/registry.hpp"
#include "vetcheck/report/summary_reporter.hpp"

namespace vetcheck::cli {

namespace {

// A progress line on standard error, only for a person watching a long run: never when standard
// error is not a terminal (CI logs), never under CI=..., and only for batches big enough to wait
// on.
class ProgressBar {
  public:
    explicit ProgressBar(bool big_batch)
        : enabled_(big_batch && ::isatty(STDERR_FILENO) && !std::getenv("CI")) {}
    bool enabled() const { return enabled_; }
    void update(size_t done, size_t total) {
        std::lock_guard lock(mutex_);
        if (done != total && done % 50 != 0) return;
        int width = 30;
        int filled = static_cast<int>(width * done / std::max<size_t>(total, 1));
        std::cerr << fmt::format("\r  [{}{}] {}/{} plans",
                                 std::string(static_cast<size_t>(filled), '#'),
                                 std::string(static_cast<size_t>(width - filled), ' '), done, total)
                  << std::flush;
        shown_ = true;
    }
    void finish() {
        if (shown_) std::cerr << "\r" << std::string(60, ' ') << "\r" << std::flush;
    }

  private:
    bool enabled_;
    bool shown_ = false;
    std::mutex mutex_;
};

// A batch is worth a progress bar when it names a directory or many files.
bool inputs_hint(const std::vector<std::string>& args) {
    if (args.size() > 20) return true;
    for (const auto& a : args)
        if (std::filesystem::is_directory(a)) return true;
    return false;
}

struct FormatTarget {
    const report::ReporterEntry* entry;
    std::string file;  // "" = standard output
};

bool parse_formats(const GlobalOptions& g, std::vector<FormatTarget>* out) {
    for (const auto& spec : g.formats) {
        auto eq = spec.find('=');
        std::string name = spec.substr(0, eq);
        const report::ReporterEntry* entry = report::find_reporter(name);
        if (!entry) {
            std::vector<std::string> names;
            for (const auto& r : report::reporters()) names.emplace_back(r.name);
            std::cerr << fmt::format("vetcheck: unknown format '{}'{}; formats: {}\n", name,
                                     suggestion_suffix(name, names), join(names, ", "));
            return false;
        }
        out->push_back({entry, eq == std::string::npos ? g.output : spec.substr(eq + 1)});
        if (entry->file_only && out->back().file.empty()) {
            std::cerr << fmt::format(
                "vetcheck: the {} format writes a file, not standard output; name one "
                "({}={}, or -o {})\n",
                name, name, entry->example_file, entry->example_file);
            return false;
        }
    }
    if (out->empty()) out->push_back({report::find_reporter("term"), g.output});
    int to_stdout = 0;
    for (const auto& t : *out) to_stdout += t.file.empty();
    if (to_stdout > 1) {
        std::cerr << "vetcheck: only one format can go to standard output; give the others a file "
                     "(json=out.json)\n";
        return false;
    }
    return true;
}

// One report of the run: its format, where it goes, and the stream it is written to as plans
// arrive. A file is written beside its target and moved into place only when the run is whole.
struct ReportSink {
    std::unique_ptr<report::Reporter> reporter;
    std::string file;     // "" = standard output
    std::string written;  // the file the report is written to: a temporary beside `file`
    std::ostream* stream = nullptr;
    std::ostream& out() { return stream ? *stream : std::cout; }
};

// A report file is written to a temporary of `files` from the start: nothing replaces it until
// every report is whole (OutputFiles).
ReportSink open_sink(const FormatTarget& target, bool summary, report::OutputFiles& files) {
    ReportSink sink;
    if (summary && target.entry->name == "term")
        sink.reporter = std::make_unique<report::SummaryReporter>();
    else
        sink.reporter = target.entry->make();
    sink.file = target.file;
    if (!sink.file.empty()) sink.stream = &files.open(sink.file, &sink.written);
    return sink;
}

// Every report streams: each reporter sees the plans in input order as they are checked, so a
// national batch needs no more memory than the plans in flight and what a format aggregates.
int run_check(const GlobalOptions& g, Catalog& catalog) {
    if (g.plans.empty()) {
        std::cerr
            << "vetcheck: no plan given. Usage: vetcheck PLAN.yaml... (see vetcheck --help)\n";
        return kExitInput;
    }
    std::vector<FormatTarget> targets;
    if (!parse_formats(g, &targets)) return kExitInput;
    // --summary takes the place of the terminal report; when every format given is a file that is
    // not the terminal one, it goes to standard output for the person running the batch.
    bool has_term = false, to_stdout = false;
    for (const auto& t : targets) {
        has_term |= t.entry->name == "term";
        to_stdout |= t.file.empty();
    }
    if (g.summary && !has_term && !to_stdout)
        targets.push_back({report::find_reporter("term"), ""});
    report::ReportOptions options = report_options(g);
    // Colour is for a person at a terminal: never in a file or a machine format.
    bool terminal_on_stdout = false;
    for (const auto& t : targets) terminal_on_stdout |= t.file.empty() && t.entry->name == "term";
    options.color = options.color && terminal_on_stdout;
    BatchOptions batch;
    batch.check = check_options(g);
    batch.limits = g.limits;
    batch.jobs = jobs_within_memory(g.jobs, g.limits);
    bool machine_format = false;
    for (const auto& t : targets) machine_format |= t.entry->name != "term";
    ProgressBar bar(inputs_hint(g.plans) && !machine_format);
    if (bar.enabled()) batch.progress = [&](size_t done, size_t total) { bar.update(done, total); };
    auto inputs = expand_inputs(g.plans);
    if (inputs.empty()) {
        std::cerr << "vetcheck: no .yaml or .yml files found in " << join(g.plans, ", ") << '\n';
        return kExitInput;
    }
    // Before any work: a report over an input, or two reports over one file, is refused.
    std::vector<std::string> report_files, read_files = inputs;
    for (const auto& t : targets) report_files.push_back(t.file);
    read_files.insert(read_files.end(), g.pack_files.begin(), g.pack_files.end());
    report::OutputFiles::check_targets(report_files, read_files);
    // Read once, before any plan is checked: the checking threads only read it.
    std::optional<HistoryFigures> history;
    if (!g.history.empty()) {
        history.emplace(g.history);
        batch.history = &*history;
    }
    bool stderr_tty = ::isatty(STDERR_FILENO) && !std::getenv("NO_COLOR");
    batch.on_note = [&bar](std::string&& note) {
        bar.finish();
        std::cout.flush();
        std::cerr << note << '\n';
    };

    report::OutputFiles files;  // removes every temporary unless committed
    std::vector<ReportSink> sinks;
    for (const auto& t : targets) sinks.push_back(open_sink(t, g.summary, files));
    // The arguments as every report names them (the inputs they expand to are written so too).
    std::vector<std::string> arguments;
    for (const auto& given : g.plans) arguments.push_back(shown_input_path(given));
    report::RunInfo run{&catalog, arguments, "", ""};
    for (auto& sink : sinks) {
        run.file = sink.written;
        run.target = sink.file;
        sink.reporter->begin(run, options, sink.out());
    }
    // One reporter may make its per-plan text on the checking threads.
    report::Reporter* renderer = nullptr;
    for (auto& sink : sinks)
        if (!renderer && sink.reporter->renders_in_parallel()) renderer = sink.reporter.get();
    if (renderer) batch.render = [renderer](const PlanReport& r) { return renderer->render(r); };

    report::RunTotals totals;
    bool failed = false;
    batch.on_report = [&](PlanReport&& r, std::string&& rendered) {
        bar.finish();
        for (auto& sink : sinks) {
            if (sink.reporter.get() == renderer)
                sink.reporter->plan_text(r, std::move(rendered), sink.out());
            else
                sink.reporter->plan(r, sink.out());
        }
        Summary plan_summary = summarize(r.results);
        failed |= plan_summary.failed(options.policy);
        totals.total.add(plan_summary);
        ++totals.plans;
    };
    batch.on_failure = [&](InputFailure&& f) {
        bar.finish();
        std::cout.flush();
        print_failure(f, stderr_tty, chosen_lang(g));
        for (auto& sink : sinks) sink.reporter->failure(f, sink.out());
        ++totals.failures;
    };
    check_files(inputs, catalog, batch);
    bar.finish();
    for (auto& sink : sinks) sink.reporter->end(totals, sink.out());

    // Every report file is replaced together, or none is (a write failed: exit 2). An input that
    // could not be checked is in each report as an error entry, beside the plans that were: the
    // batch is not lost to one bad file, and the exit code is still 2.
    files.commit();
    if (totals.failures) {
        bool to_files = false;
        for (const auto& sink : sinks) to_files |= !sink.file.empty();
        if (to_files)
            std::cerr << fmt::format(
                "vetcheck: {} input(s) could not be checked; the report files list them as errors "
                "(exit 2)\n",
                totals.failures);
        return kExitInput;
    }
    return failed ? kExitFail : kExitPass;
}

}  // namespace

void add_check_command(CLI::App& app, Commands* table) {
    table->push_back({&app, run_check});
}

}  // namespace vetcheck::cli
