#include "commands.hpp"

namespace vetcheck::cli {

namespace {

struct Footer {
    const char* path;  // subcommand names from the top, separated by spaces
    const char* text;
};

constexpr Footer kFooters[] = {
    {"packs",
     "Examples:\n"
     "  vetcheck packs                          list the target packs (id, level, period, 文号)\n"
     "  vetcheck packs show zj-2021             a pack's indicators with thresholds and sources\n"
     "  vetcheck packs lint xx-city-2025        where a pack is weaker than the packs it extends\n"
     "  vetcheck packs coverage zj-2021 --source 000_967c59fa2228edbd.txt\n"
     "                                          every directive of the source, and what accounts "
     "for it\n"
     "  vetcheck --pack my-pack.yaml packs      include a pack of your own"},
    {"packs show",
     "Example:\n"
     "  vetcheck --lang en packs show cn-2020-7"},
    {"packs lint",
     "Exit codes: 0 nothing unexplained, 1 a target weaker than a parent's without "
     "relaxes:/reason:.\n"
     "Example:\n"
     "  vetcheck --pack my-city.yaml packs lint my-city"},
    {"packs coverage",
     "A sentence (ending at 。；！？ or its line) is a directive when it holds a word of\n"
     "data/directive_verbs.yaml: firm (要, 建立, 落实, 不得, …) or soft (探索, 鼓励, 支持, 可, …). "
     "Each is\n"
     "accounted for by an indicator quoting it or a not_encoded: entry with its reason.\n"
     "Exit codes: 0 every directive accounted for, 1 some not, 2 input error.\n"
     "Example:\n"
     "  vetcheck packs coverage xx-city-2025 --source 002_a0323125d28c36f7.txt --unaccounted"},
    {"packs verify",
     "Exit codes: 0 every quote (indicators citing the source, not_encoded) is in it, whitespace\n"
     "aside; 1 a quote is not; 2 input error.\n"
     "Example:\n"
     "  vetcheck --pack my-city.yaml packs verify my-city --source my-city.txt"},
    {"explain",
     "Example:\n"
     "  vetcheck explain ideological_teacher_ratio   formula, facts, quote, every pack stating it"},
    {"rollup",
     "Exit codes: 0 the lower plans add up, 1 a total falls short or lacks data, 2 input error.\n"
     "Example:\n"
     "  vetcheck rollup examples/zhejiang-province.yaml examples/rollup/zhejiang/"},
    {"init",
     "Every fact the packs' targets read at that level is written with an empty value under a\n"
     "comment giving its name, unit and the targets (with sources) that need it. Empty values "
     "check\n"
     "as missing data, never as pass: fill them in, then run vetcheck on the file.\n"
     "Examples:\n"
     "  vetcheck init --pack xx-city-2025 -o plan.yaml              a city plan, example schools\n"
     "  vetcheck init --pack zj-2021 --level city --type 中职,高职\n"
     "  vetcheck init --pack cn-2020-7 --level school --type 高职 -o report.yaml\n"
     "  vetcheck --lang en init --pack cn-2020-7 --level school --type 中职   English comments"},
    {"diff",
     "Lists checks newly failing or passing, gaps that grew or shrank, facts added, removed or\n"
     "changed (a key removed and another added with the same value: a possible rename), and\n"
     "institutions added or removed.\n"
     "Exit codes: 0 the new draft is no worse, 1 a required check that passed (or was n/a, not "
     "due\n"
     "or waived) now fails, lacks data or cannot be computed, or a required gap grew; 2 input "
     "error.\n"
     "Examples:\n"
     "  vetcheck diff plan-v1.yaml plan-v2.yaml\n"
     "  vetcheck diff -f markdown -o diff.md main/plan.yaml plan.yaml   for a pull-request "
     "comment\n"
     "  vetcheck --as-of 2025 diff old.yaml new.yaml"},
    {"history",
     "Reads a database written with -f sqlite=FILE: each run of the plan id, oldest first, and\n"
     "each target that failed or fell behind in some run, its value run by run.\n"
     "Exit codes: 0 the history was printed; 2 no such file, not a results database, or no such\n"
     "plan id in it (the ids near it are named).\n"
     "Examples:\n"
     "  vetcheck -f sqlite=results.db report-2022.yaml && vetcheck -f sqlite=results.db "
     "report-2023.yaml\n"
     "  vetcheck history xx-tech-poly-2023 --db results.db\n"
     "  vetcheck --lang zh history xx-tech-poly-2023 --db results.db -f markdown -o history.md"},
};

CLI::App* find(CLI::App& app, const std::string& path) {
    CLI::App* at = &app;
    size_t start = 0;
    while (at && start <= path.size()) {
        size_t end = path.find(' ', start);
        std::string name = path.substr(start, end == std::string::npos ? end : end - start);
        try {
            at = at->get_subcommand(name);
        } catch (const CLI::OptionNotFound&) {
            return nullptr;
        }
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return at;
}

}  // namespace

void add_help_footers(CLI::App& app) {
    for (const Footer& f : kFooters)
        if (CLI::App* sub = find(app, f.path)) sub->footer(f.text);
}

}  // namespace vetcheck::cli
