// The vetcheck command line: parses arguments, hands the work to the library, sets the exit code.
// 0: every required check passes; 1: a required check fails or lacks data; 2: input not checkable.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "vetcheck/base/text.hpp"
#include "vetcheck/compile/lint.hpp"
#include "vetcheck/engine/batch.hpp"
#include "vetcheck/engine/memory_budget.hpp"
#include "vetcheck/input/plan_loader.hpp"
#include "vetcheck/pack/limits.hpp"
#include "vetcheck/report/batch_summary.hpp"
#include "vetcheck/report/output_files.hpp"
#include "vetcheck/report/pack_text.hpp"
#include "vetcheck/report/registry.hpp"
#include "vetcheck/report/rollup_text.hpp"
#include "vetcheck/report/summary_reporter.hpp"
#include "vetcheck/report/terminal_reporter.hpp"

namespace {

using namespace vetcheck;

constexpr int kExitPass = 0;
constexpr int kExitFail = 1;
constexpr int kExitInput = 2;

struct Settings {
    std::vector<std::string> plans;
    std::vector<std::string> pack_files;
    std::string lang;
    std::string color = "auto";
    std::vector<std::string> fail_on;
    std::string output;
    std::vector<std::string> formats;  // NAME or NAME=FILE
    bool explain = false;
    bool summary = false;
    bool show_all = false;
    int as_of = 0;
    std::string today;  // YYYY-MM-DD: the day waivers are checked against (default: today)
    unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
    Limits limits;  // --max-file-size, --max-depth, --max-nodes, --max-expression-*, ...
    std::string pack_id;
    std::string indicator_id;
};

void print_failure(const InputFailure& f, bool color) {
    const InputError& e = f.error;
    std::string where = e.where().to_string();
    std::cerr << (color ? fmt::format("\x1b[1m{}:\x1b[0m ", where) : where + ": ") << e.message()
              << '\n';
    if (f.source_line.empty() || e.where().column <= 0) return;
    std::cerr << "  " << f.source_line << '\n';
    // The caret sits under the column, counting wide characters as two.
    int column = 0;
    size_t pos = 0;
    for (int c = 1; c < e.where().column && pos < f.source_line.size(); ++c) {
        size_t before = pos;
        decode_utf8(f.source_line, pos);
        column += display_width(std::string_view(f.source_line).substr(before, pos - before));
    }
    std::cerr << "  " << std::string(static_cast<size_t>(column), ' ') << "^\n";
}

report::ReportOptions report_options(const Settings& s) {
    report::ReportOptions o;
    o.lang = lang_from_environment();
    if (!s.lang.empty()) parse_lang(s.lang, &o.lang);
    bool tty = ::isatty(STDOUT_FILENO) && s.output.empty();
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    bool no = (no_color && *no_color) || (term && std::string_view(term) == "dumb");
    o.color = s.color == "always" || (s.color == "auto" && tty && !no);
    if (s.color == "always" && no_color && *no_color) o.color = false;
    o.show_all = s.show_all;
    if (!s.fail_on.empty()) {
        o.policy = FailPolicy{};
        for (const auto& name : s.fail_on) {
            Status st;
            if (name == "none") continue;
            if (parse_status(name, &st)) o.policy.fails[static_cast<int>(st)] = true;
        }
    }
    return o;
}

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

bool parse_formats(const Settings& s, std::vector<FormatTarget>* out) {
    for (const auto& spec : s.formats) {
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
        out->push_back({entry, eq == std::string::npos ? s.output : spec.substr(eq + 1)});
        if (entry->file_only && out->back().file.empty()) {
            std::cerr << fmt::format(
                "vetcheck: the {} format writes a file, not standard output; name one "
                "({}=results.db, or -o results.db)\n",
                name, name);
            return false;
        }
    }
    if (out->empty()) out->push_back({report::find_reporter("term"), s.output});
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
int run_check(Settings& s, Catalog& catalog) {
    if (s.plans.empty()) {
        std::cerr
            << "vetcheck: no plan given. Usage: vetcheck PLAN.yaml... (see vetcheck --help)\n";
        return kExitInput;
    }
    std::vector<FormatTarget> targets;
    if (!parse_formats(s, &targets)) return kExitInput;
    // --summary takes the place of the terminal report; when every format given is a file that is
    // not the terminal one, it goes to standard output for the person running the batch.
    bool has_term = false, to_stdout = false;
    for (const auto& t : targets) {
        has_term |= t.entry->name == "term";
        to_stdout |= t.file.empty();
    }
    if (s.summary && !has_term && !to_stdout)
        targets.push_back({report::find_reporter("term"), ""});
    report::ReportOptions options = report_options(s);
    options.explain = s.explain;
    options.summary = s.summary;
    // Colour is for a person at a terminal: never in a file or a machine format.
    bool terminal_on_stdout = false;
    for (const auto& t : targets) terminal_on_stdout |= t.file.empty() && t.entry->name == "term";
    options.color = options.color && terminal_on_stdout;
    BatchOptions batch;
    if (s.as_of) batch.check.as_of = s.as_of;
    if (!s.today.empty()) batch.check.today = Date::parse(s.today);
    batch.limits = s.limits;
    batch.jobs = jobs_within_memory(s.jobs, s.limits);
    bool machine_format = false;
    for (const auto& t : targets) machine_format |= t.entry->name != "term";
    ProgressBar bar(inputs_hint(s.plans) && !machine_format);
    if (bar.enabled()) batch.progress = [&](size_t done, size_t total) { bar.update(done, total); };
    auto inputs = expand_inputs(s.plans);
    if (inputs.empty()) {
        std::cerr << "vetcheck: no .yaml or .yml files found in " << join(s.plans, ", ") << '\n';
        return kExitInput;
    }
    // Before any work: a report over an input, or two reports over one file, is refused.
    std::vector<std::string> report_files, read_files = inputs;
    for (const auto& t : targets) report_files.push_back(t.file);
    read_files.insert(read_files.end(), s.pack_files.begin(), s.pack_files.end());
    report::OutputFiles::check_targets(report_files, read_files);
    bool stderr_tty = ::isatty(STDERR_FILENO) && !std::getenv("NO_COLOR");
    batch.on_note = [&bar](std::string&& note) {
        bar.finish();
        std::cout.flush();
        std::cerr << note << '\n';
    };

    report::OutputFiles files;  // removes every temporary unless committed
    std::vector<ReportSink> sinks;
    for (const auto& t : targets) sinks.push_back(open_sink(t, s.summary, files));
    report::RunInfo run{&catalog, s.plans, "", ""};
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
        print_failure(f, stderr_tty);
        for (auto& sink : sinks) sink.reporter->failure(f, sink.out());
        ++totals.failures;
    };
    check_files(inputs, catalog, batch);
    bar.finish();
    for (auto& sink : sinks) sink.reporter->end(totals, sink.out());

    // A run that could not check every input writes no report file: CI never reads half a report.
    // Otherwise every one is replaced together, or none is (a write failed: exit 2).
    if (totals.failures) return kExitInput;
    files.commit();
    return failed ? kExitFail : kExitPass;
}

// Exit 1 when the pack is weaker than a parent somewhere it does not explain.
int run_lint(Catalog& catalog, const std::string& id) {
    auto findings = lint_pack(catalog, id);
    int unexplained = 0;
    for (const auto& f : findings) {
        std::cout << fmt::format("{}: {}: {} ({})\n", f.where.to_string(), f.indicator, f.message,
                                 f.parent_pack);
        if (f.explained())
            std::cout << fmt::format("    explained: {}\n", f.explanation);
        else
            ++unexplained;
    }
    std::cout << fmt::format("{}: {} finding{}, {} unexplained\n", id, findings.size(),
                             findings.size() == 1 ? "" : "s", unexplained);
    return unexplained ? kExitFail : kExitPass;
}

int run_rollup(const Settings& s, Catalog& catalog, const std::string& upper_path,
               const std::vector<std::string>& lower_paths) {
    const Limits& limits = s.limits;
    LoadedPlan upper =
        load_plan(read_input_file(upper_path, limits.max_file_bytes), upper_path, catalog, limits);
    std::vector<LoadedPlan> lower;
    for (const auto& path : expand_inputs(lower_paths))
        lower.push_back(
            load_plan(read_input_file(path, limits.max_file_bytes), path, catalog, limits));
    std::vector<const Plan*> plans;
    for (const auto& l : lower) plans.push_back(&l.plan);
    CheckOptions options;
    if (s.as_of) options.as_of = s.as_of;
    if (!s.today.empty()) options.today = Date::parse(s.today);
    auto results = check_rollup(*upper.rules, upper.plan, plans, options);
    report::ReportOptions o = report_options(s);
    report::write_rollup(upper.plan, *upper.rules, results, o, std::cout);
    Summary summary;
    for (const auto& r : results) summary.add(r.status);
    return summary.failed(o.policy) ? kExitFail : kExitPass;
}

Lang chosen_lang(const Settings& s) {
    Lang lang = lang_from_environment();
    if (!s.lang.empty()) parse_lang(s.lang, &lang);
    return lang;
}

int run_command(int argc, char** argv) {
    Settings s;
    CLI::App app{
        "vetcheck — check vocational-education plans against the policy targets they must meet"};
    app.footer(
        "Examples:\n"
        "  vetcheck examples/school-pass.yaml      check one plan\n"
        "  vetcheck plans/                         check every .yaml under a directory\n"
        "  vetcheck --lang en plan.yaml            English labels\n"
        "  vetcheck packs                          list the target packs\n"
        "  vetcheck explain ideological_teacher_ratio\n"
        "  vetcheck init --pack cn-2020-7 --level school --type 高职 -o report.yaml\n"
        "  vetcheck diff draft-1.yaml draft-2.yaml\n\n"
        "Exit codes: 0 all required checks pass, 1 a required check fails or lacks data, 2 input "
        "error.");
    app.set_version_flag("--version", std::string("vetcheck ") + VETCHECK_VERSION);
    app.add_option("plans", s.plans, "plan files, directories or - for standard input");
    app.add_option("--pack", s.pack_files, "add a target pack file (repeatable)")
        ->check(CLI::ExistingFile)
        ->allow_extra_args(false);
    app.add_option("--lang", s.lang, "report language: zh or en (default: from the locale)")
        ->check(CLI::IsMember({"zh", "en"}));
    app.add_option("--color", s.color, "auto, always or never (NO_COLOR is always honoured)")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    app.add_option(
           "--fail-on", s.fail_on,
           "statuses that fail the run (default: fail,missing,error); e.g. --fail-on fail,advisory")
        ->delimiter(',')
        ->allow_extra_args(false)
        ->check(
            CLI::IsMember({"fail", "missing", "error", "advisory", "not-due", "behind", "waived", "none"}));
    std::string format_names;
    for (const auto& r : report::reporters())
        format_names += fmt::format("\n  {:<11} {}", r.name, r.description);
    app.add_option(
           "-f,--format", s.formats,
           "report format, repeatable; NAME=FILE writes that format to a file:" + format_names)
        ->allow_extra_args(false);
    app.add_option("-o,--output", s.output, "write the report to FILE (whole or not at all)");
    app.add_flag(
        "--summary", s.summary,
        "for a batch: pass rate per indicator, the plans that fare worst and the largest gaps, "
        "instead of every plan's report");
    app.add_flag("--explain", s.explain,
                 "show each formula with the plan's values, the facts and the source quote");
    app.add_flag("--all", s.show_all, "also list the checks that do not apply (n/a)");
    app.add_option("--as-of", s.as_of,
                   "year that decides which targets are due (default: the plan's year)")
        ->check(CLI::Range(1949, 2100));
    app.add_option("-j,--jobs", s.jobs, "plans checked in parallel (default: the number of cores)")
        ->check(CLI::Range(1u, 1024u));
    app.add_option("--today", s.today,
                   "the date waivers are checked against, YYYY-MM-DD (default: the current date)")
        ->check([](const std::string& text) {
            return Date::parse(text) ? std::string() : "expected a date YYYY-MM-DD, got " + text;
        });
    // Limits on hostile input (docs/limits.md).
    app.add_option("--max-file-size", s.limits.max_file_bytes,
                   "largest plan or pack file, in bytes")
        ->capture_default_str()
        ->check(CLI::Range(size_t{1}, kMaxFileBytesCeiling));
    app.add_option("--max-depth", s.limits.yaml.max_depth, "deepest YAML nesting")
        ->capture_default_str()
        ->check(CLI::Range(1, kMaxYamlDepthCeiling));
    app.add_option("--max-nodes", s.limits.yaml.max_nodes,
                   "most YAML values in one file, aliases expanded")
        ->capture_default_str()
        ->check(CLI::Range(size_t{1}, kMaxCountCeiling));
    app.add_option("--max-expression-length", s.limits.expression.max_length,
                   "longest pack expression, in bytes")
        ->capture_default_str()
        ->check(CLI::Range(size_t{1}, kMaxCountCeiling));
    app.add_option("--max-expression-depth", s.limits.expression.max_depth,
                   "deepest nesting of a pack expression")
        ->capture_default_str()
        ->check(CLI::Range(1, kMaxExpressionDepthCeiling));
    app.add_option("--max-institutions", s.limits.max_institutions,
                   "most institutions listed in one plan")
        ->capture_default_str()
        ->check(CLI::Range(size_t{1}, kMaxCountCeiling));

    auto* packs = app.add_subcommand("packs", "list the target packs, or show one");
    auto* show = packs->add_subcommand(
        "show", "show a pack's indicators with thresholds, deadlines and sources");
    show->add_option("id", s.pack_id, "pack id")->required();
    auto* lint =
        packs->add_subcommand("lint", "report where a pack is weaker than the packs it extends");
    lint->add_option("id", s.pack_id, "pack id")->required();
    cli::CoverageCommand coverage;
    cli::add_coverage_commands(*packs, &coverage);
    std::string upper_plan;
    std::vector<std::string> lower_plans;
    auto* rollup = app.add_subcommand(
        "rollup", "check a plan's totals against the sum of the plans one level down");
    rollup->add_option("plan", upper_plan, "the upper plan (e.g. a province's)")->required();
    rollup
        ->add_option("lower", lower_plans,
                     "the lower plans (files or directories, e.g. its cities')")
        ->required();
    auto* explain = app.add_subcommand(
        "explain", "explain one indicator: formula, facts, source, restatements");
    explain->add_option("indicator", s.indicator_id, "indicator id")->required();
    cli::InitCommand init;
    cli::add_init_command(app, &init);
    cli::DiffCommand diff;
    cli::add_diff_command(app, &diff);
    cli::add_help_footers(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : kExitInput;
    }

    try {
        Catalog catalog;
        catalog.set_limits(s.limits);
        for (const auto& f : s.pack_files) catalog.add_file(f);
        Lang lang = chosen_lang(s);
        if (*show) {
            report::write_pack(catalog, s.pack_id, lang, std::cout);
            return kExitPass;
        }
        if (*lint) return run_lint(catalog, s.pack_id);
        if (*coverage.coverage) return cli::run_coverage(coverage, catalog, s.limits);
        if (*coverage.verify) return cli::run_verify(coverage, catalog, s.limits);
        if (*rollup) return run_rollup(s, catalog, upper_plan, lower_plans);
        if ((*init.app || *diff.app) && !s.plans.empty()) {  // a stray argument fell through
            std::cerr << fmt::format("vetcheck: unexpected argument '{}'\n", s.plans.front());
            return kExitInput;
        }
        if (*init.app) return cli::run_init(init, catalog, lang);
        if (*diff.app) {
            CheckOptions check;
            if (s.as_of) check.as_of = s.as_of;
            if (!s.today.empty()) check.today = Date::parse(s.today);
            return cli::run_diff(diff, catalog, check, report_options(s), s.limits);
        }
        if (*packs) {
            report::write_pack_list(catalog, lang, std::cout);
            return kExitPass;
        }
        if (*explain) {
            if (report::write_explanation(catalog, s.indicator_id, lang, std::cout))
                return kExitPass;
            std::cerr << fmt::format("vetcheck: no pack has an indicator '{}'\n", s.indicator_id);
            return kExitInput;
        }
        return run_check(s, catalog);
    } catch (const InputError& e) {
        print_failure(InputFailure{e, ""}, false);
        return kExitInput;
    } catch (const std::bad_alloc&) {
        std::cerr << "vetcheck: out of memory; the limits in docs/limits.md keep inputs smaller\n";
        return kExitInput;
    } catch (const std::exception& e) {
        // A bug, not the user's fault; still a message and an exit code rather than an abort.
        std::cerr << "vetcheck: internal error: " << e.what() << " (please report it)\n";
        return kExitInput;
    }
}

}  // namespace

int main(int argc, char** argv) {
    // Everything the program prints goes through iostreams: no need to keep in step with C's stdio,
    // which cost a locked fwrite for every piece of every report line.
    std::ios::sync_with_stdio(false);
    // A report that did not reach standard output (a full disk, `>&-`) is exit 2, whatever the
    // command.
    report::CheckedStandardOutput out;
    int code = run_command(argc, argv);
    return out.finish() ? code : kExitInput;
}
