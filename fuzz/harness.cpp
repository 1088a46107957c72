#include "harness.hpp"

#include <unistd.h>
#include <functional>

#include <filesystem>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "vetcheck/compile/catalog.hpp"
#include "vetcheck/compile/lint.hpp"
#include "vetcheck/engine/diff.hpp"
#include "vetcheck/engine/engine.hpp"
#include "vetcheck/expr/checker.hpp"
#include "vetcheck/expr/evaluator.hpp"
#include "vetcheck/expr/parser.hpp"
#include "vetcheck/input/plan_loader.hpp"
#include "vetcheck/input/tabular_plans.hpp"
#include "vetcheck/model/quantity.hpp"
#include "vetcheck/pack/pack_loader.hpp"
#include "vetcheck/report/batch_summary.hpp"
#include "vetcheck/report/diff_text.hpp"
#include "vetcheck/report/pack_text.hpp"
#include "vetcheck/report/registry.hpp"

namespace vetcheck::fuzz {

namespace {

// A failed property: not an input error, so it escapes and the fuzzer reports it.
void require(bool condition, const char* what) {
    if (!condition) throw std::logic_error(std::string("fuzz property failed: ") + what);
}

// A vocabulary with every fact type on both subjects, and indicators that use every non-strict
// construct of the language (or, and, if, has, any, all) beside the strict ones.
const char* const kFuzzPack = R"yaml(
pack:
  id: fuzz-pack
  title: {zh: 模糊测试, en: fuzz pack}
  period: {from: 2020, to: 2025}
  level: city
  extends: [cn-2020-7]
facts:
  - {key: f.count, zh: 人数, en: count, unit: 人, type: count}
  - {key: f.count2, zh: 人数二, en: count two, unit: 人, type: count}
  - {key: f.amount, zh: 经费, en: amount, unit: 元, type: amount}
  - {key: f.number, zh: 指数, en: number, type: number}
  - {key: f.share, zh: 占比, en: share, type: share}
  - {key: f.ratio, zh: 比, en: ratio, type: ratio}
  - {key: f.multiple, zh: 倍数, en: multiple, type: multiple}
  - {key: f.flag, zh: 是否, en: flag, type: boolean}
  - {key: f.flag2, zh: 是否二, en: flag two, type: boolean}
  - {key: p.count, zh: 全市人数, en: plan count, unit: 人, type: count, subjects: [plan]}
  - {key: i.count, zh: 学校人数, en: institution count, unit: 人, type: count, subjects: [institution]}
indicators:
  - id: fz_ratio
    name: {zh: 比, en: ratio}
    subject: institution
    measure: f.count / f.count2
    op: ">="
    target: 1:350
    lever: f.count
    word: 不低于
    source: {file: f, section: s, quote: q}
  - id: fz_share
    name: {zh: 占比, en: share}
    subject: institution
    when: f.flag or has(f.flag2)
    measure: f.share
    op: ">"
    target: if(f.flag2, 50%, 40%)
    word: 超过
    source: {file: f, section: s, quote: q}
  - id: fz_about
    name: {zh: 左右, en: about}
    subject: plan
    measure: sum(f.amount, type == "高职") + 0元
    op: about
    target: 1.2万元
    tolerance: 10%
    lever: f.amount
    word: 左右
    source: {file: f, section: s, quote: q}
  - id: fz_require
    name: {zh: 要求, en: require}
    subject: plan
    require: any(f.flag) or all(f.flag2, type != "技工") and not f.flag
    word: 建立
    source: {file: f, section: s, quote: q}
  - id: fz_upper
    name: {zh: 上限, en: upper}
    subject: plan
    measure: least(f.number, greatest(avg(f.number), max(f.number))) - min(f.number) * 2
    op: "<="
    target: 2 * count(type == "中职")/1所 + year - year
    word: 以内
    severity: advisory
    source: {file: f, section: s, quote: q}
  - id: fz_multiple
    name: {zh: 倍数, en: multiple}
    subject: plan
    levels: [city, province]
    measure: f.multiple + f.ratio
    op: "<"
    target: 2倍
    deadline: 2030
    source: {file: f, section: s, quote: q}
)yaml";

std::string fuzz_pack_text() {
    return kFuzzPack;
}

void show(const Quantity& q) {
    for (int d = 0; d <= 4; ++d) {
        q.to_string(d);
        q.value.to_decimal(d);
    }
    q.unit.to_string();
}

void show(const Value& v) {
    describe(v);
    if (const auto* q = std::get_if<Quantity>(&v)) show(*q);
}

// Every report format, in both languages, with and without --explain and --all.
void write_reports(const std::vector<report::PlanReport>& reports) {
    for (const auto& entry : report::reporters()) {
        for (Lang lang : {Lang::En, Lang::Zh}) {
            report::ReportOptions options;
            options.lang = lang;
            options.explain = lang == Lang::En;
            options.show_all = lang == Lang::Zh;
            std::ostringstream out;
            if (entry.file_only) {
                // A file, plan by plan as the CLI writes it: a database in memory (SQLite's
                // ":memory:"), a workbook in a scratch file removed after.
                bool database = entry.name == "sqlite";
                auto reporter = entry.make();
                report::RunInfo run;
                run.file = database ? ":memory:"
                                    : (std::filesystem::temp_directory_path() /
                                       ("vetcheck-fuzz-" + std::to_string(::getpid()) + "." +
                                        std::string(entry.name)))
                                          .string();
                reporter->begin(run, options, out);
                for (const auto& r : reports) reporter->plan(r, out);
                reporter->end(report::RunTotals{}, out);
                std::error_code ignored;
                if (!database) std::filesystem::remove(run.file, ignored);
                continue;
            }
            entry.make()->write(reports, options, out);
        }
    }
}

}  // namespace

void quantity(std::string_view data) {
    Message why;
    try {
        std::optional<Quantity> q = parse_quantity(data, &why);
        require(q.has_value() || !why.empty(), "a rejected quantity says why");
        if (q) {
            show(*q);
            // Arithmetic may overflow (ArithmeticError), never anything else.
            for (auto op : {+[](const Rational&a, const Rational&b) { return a + b; },
                            +[](const Rational&a, const Rational&b) { return a - b; },
                            +[](const Rational&a, const Rational&b) { return a * b; },
                            +[](const Rational&a, const Rational&b) { return a / b; }}) {
                try {
                    show(Quantity{op(q->value, q->value), q->unit, q->notation});
                } catch (const ArithmeticError&) {
                }
            }
            try {
                show(Quantity{q->value.floor(), q->unit, q->notation});
                show(Quantity{q->value.ceil(), q->unit, q->notation});
                show(Quantity{q->value.abs(), q->unit, q->notation});
                if (!q->value.is_zero()) show(Quantity{q->value.reciprocal(), {}, q->notation});
            } catch (const ArithmeticError&) {
            }
        }
    } catch (const ArithmeticError&) {
    }
    // A decimal written with d decimals reads back the same when shown with d decimals.
    try {
        std::optional<Rational> r = Rational::parse_decimal(data);
        if (!r) return;
        size_t point = data.find('.');
        size_t decimals = point == std::string_view::npos ? 0 : data.size() - point - 1;
        if (decimals > 18) return;
        std::optional<Rational> again =
            Rational::parse_decimal(r->to_decimal(static_cast<int>(decimals)));
        require(again && *again == *r, "a decimal reads back the same");
    } catch (const ArithmeticError&) {
    }
}

void expression(std::string_view data) {
    static const FactTable facts = [] {
        FactTable t;
        for (const FactDef& f : load_pack(fuzz_pack_text(), "fuzz-pack.yaml").facts)
            t.emplace(f.key, f);
        return t;
    }();
    // A small city with one institution of each type; some facts are left out.
    static const Plan plan = [] {
        auto q = [](int64_t n, const char* unit, Notation notation = Notation::Plain) {
            return FactValue{Quantity{Rational(n), Unit::parse(unit), notation}, {}};
        };
        Plan p;
        p.file = "fuzz.yaml";
        p.name = p.id = "fuzz";
        p.level = "city";
        p.year = 2024;
        p.whole.id = p.whole.name = "fuzz";
        p.whole.facts = {{"f.count", q(4500, "人")}, {"f.amount", q(12000, "元")},
                         {"f.number", q(-3, "")},    {"f.flag", {true, {}}},
                         {"p.count", q(0, "人")},    {"f.multiple", q(2, "", Notation::Multiple)},
                         {"f.flag2", {false, {}}}};
        int n = 0;
        for (const std::string& type : institution_types()) {
            Subject s;
            s.id = s.name = "school-" + std::to_string(++n);
            s.type = type;
            s.facts = {{"f.count", q(n * 10, "人")},
                       {"f.count2", q(n - 1, "人")},
                       {"i.count", q(n, "人")},
                       {"f.number", q(85 - n, "")}};
            if (n % 2) s.facts.emplace("f.flag", FactValue{n == 1, {}});
            if (n != 2)
                s.facts.emplace("f.share",
                                FactValue{Quantity{Rational(n, 7), {}, Notation::Percent}, {}});
            p.institutions.push_back(std::move(s));
        }
        return p;
    }();

    expr::SyntaxError syntax;
    expr::ExprPtr tree = expr::parse(data, &syntax);
    if (!tree) {
        require(syntax.offset >= 0 && static_cast<size_t>(syntax.offset) <= data.size(),
                "a syntax error points inside the expression");
        require(!syntax.message.empty(), "a syntax error says what is wrong");
        return;
    }
    expr::to_source(*tree);
    expr::facts_read(*tree);
    for (expr::Scope scope : {expr::Scope::Plan, expr::Scope::Institution}) {
        expr::Type type;
        expr::CheckError error;
        if (!expr::check(*tree, facts, scope, &type, &error)) {
            require(!error.message.empty(), "a type error says what is wrong");
            continue;
        }
        std::vector<const Subject*> subjects;
        if (scope == expr::Scope::Plan)
            subjects.push_back(&plan.whole);
        else
            for (const Subject& s : plan.institutions) subjects.push_back(&s);
        expr::Override count{"f.count", Rational(7)}, share{"f.share", Rational(1, 3)};
        for (const Subject* subject : subjects) {
            for (const expr::Override* what_if :
                 {static_cast<expr::Override*>(nullptr), &count, &share}) {
                std::vector<expr::FactUse> uses;
                Value v =
                    expr::evaluate(*tree, expr::EvalContext{plan.scope(), subject, what_if, &uses});
                show(v);
                if (!is_known(v)) continue;
                // The checker's type is the type of every value the evaluator gives.
                switch (type.kind) {
                    case expr::Type::Kind::Number:
                        require(std::holds_alternative<Quantity>(v), "a number is a number");
                        break;
                    case expr::Type::Kind::Bool:
                        require(std::holds_alternative<bool>(v), "a condition is yes/no");
                        break;
                    case expr::Type::Kind::String:
                        require(std::holds_alternative<std::string>(v), "text is text");
                        break;
                }
            }
        }
    }
}

namespace {

// Packs are compiled once and cached by the catalog; a fresh catalog now and then keeps the
// cache (one entry per distinct list of pack ids a plan names) from growing without bound.
Catalog& fuzz_catalog() {
    static std::unique_ptr<Catalog> catalog;
    static int runs = 0;
    if (!catalog || ++runs % 500 == 0) {
        catalog = std::make_unique<Catalog>();
        catalog->add_text(fuzz_pack_text(), "fuzz-pack.yaml");
    }
    return *catalog;
}

// Checks loaded plans and runs everything that reads results: every report format, the batch
// summary, and a diff of each plan against itself (which must find nothing worse).
void check_and_report(std::vector<LoadedPlan> loaded) {
    std::vector<report::PlanReport> reports;
    BatchSummary summary;
    for (LoadedPlan& l : loaded) {
        auto shared = std::make_shared<const Plan>(std::move(l.plan));
        reports.push_back({shared, l.rules, check_plan(*l.rules, *shared)});
        for (const Result& r : reports.back().results)
            require(r.status != Status::Pass || r.missing.empty(), "a pass lacks nothing");
        summary.add(reports.back());
        PlanDiff diff =
            diff_plans(*shared, reports.back().results, *shared, reports.back().results);
        require(!diff.worse(), "a plan is no worse than itself");
        for (auto format : {report::TextFormat::Terminal, report::TextFormat::Markdown,
                            report::TextFormat::Json}) {
            std::ostringstream out;
            report::write_diff(diff, format, report::ReportOptions{}, out);
        }
    }
    std::ostringstream out;
    write_batch_summary(summary, Lang::En, out);
    write_reports(reports);
}

}  // namespace

void plan(std::string_view data) {
    try {
        std::vector<LoadedPlan> loaded;
        loaded.push_back(load_plan(data, "fuzz.yaml", fuzz_catalog()));
        check_and_report(std::move(loaded));
    } catch (const InputError&) {
    }
}

void csv(std::string_view data) {
    try {
        // One catalog for every row: a compiled rule set points into the catalog's packs.
        Catalog& catalog = fuzz_catalog();
        std::vector<LoadedPlan> loaded;
        for (const CsvPlanRow& row : plans_from_csv(data, "fuzz.csv")) {
            if (!row.document) continue;  // a row that could not be read is reported
            try {
                loaded.push_back(load_plan_document(*row.document, "fuzz.csv", catalog));
            } catch (const InputError&) {  // a bad row is reported; the others are still checked
            }
        }
        check_and_report(std::move(loaded));
    } catch (const InputError&) {
    }
}

namespace {

// A plan for a compiled pack: every fact it declares, with a plausible value for its type, on
// the plan and on one institution of each type, minus the facts `drop` picks.
Plan synthetic_plan(const RuleSet& rules, const std::string& level, size_t seed) {
    Plan p;
    p.file = "synthetic.yaml";
    p.name = p.id = "synthetic";
    p.level = level;
    p.year = 2023 + static_cast<int>(seed % 3);
    p.whole.id = p.whole.name = "synthetic";
    auto value = [](const FactDef& f, int n) -> FactValue {
        auto q = [&](Rational v, Notation notation) {
            return FactValue{Quantity{v, f.unit, notation}, f.where};
        };
        switch (f.type) {
            case FactType::Count:
                return q(Rational(100 * n), Notation::Plain);
            case FactType::Amount:
                return q(Rational(1200 * n), Notation::Plain);
            case FactType::Number:
                return q(Rational(80 + n), Notation::Plain);
            case FactType::Share:
                return q(Rational(n, 5), Notation::Percent);
            case FactType::Ratio:
                return q(Rational(1, 300 + 20 * n), Notation::Ratio);
            case FactType::Multiple:
                return q(Rational(n), Notation::Multiple);
            case FactType::Boolean:
                return FactValue{n % 2 == 1, f.where};
        }
        return FactValue{false, f.where};
    };
    size_t k = seed;
    auto drop = [&k] {
        k = k * 6364136223846793005u + 1442695040888963407u;
        return (k >> 60) == 0;  // about one fact in sixteen is left out
    };
    if (level == "school") p.whole.type = institution_types()[seed % institution_types().size()];
    for (const auto& [key, f] : rules.facts)
        if ((f.on_plan || (level == "school" && f.on_institution)) && !drop())
            p.whole.facts.emplace(key, value(f, 1 + static_cast<int>(seed % 5)));
    if (level == "school") return p;
    int n = 0;
    for (const std::string& type : institution_types()) {
        Subject s;
        s.id = s.name = type;
        s.type = type;
        ++n;
        for (const auto& [key, f] : rules.facts)
            if (f.on_institution && !drop()) s.facts.emplace(key, value(f, n));
        p.institutions.push_back(std::move(s));
    }
    return p;
}

}  // namespace

void pack(std::string_view data) {
    Pack pack;
    try {
        pack = load_pack(data, "fuzz-pack.yaml");
    } catch (const InputError&) {
        return;
    }
    Catalog catalog;
    const std::string& id = pack.info.id;
    std::shared_ptr<const RuleSet> rules;
    try {
        catalog.add_text(data, "fuzz-pack.yaml");
        rules = catalog.compile({id}, SourceLocation{"fuzz"});
    } catch (const InputError&) {
        return;
    }
    size_t seed = std::hash<std::string_view>{}(data);
    for (const std::string& level : plan_levels()) {
        auto plan = std::make_shared<const Plan>(synthetic_plan(*rules, level, seed++));
        std::vector<report::PlanReport> reports;
        reports.push_back({plan, rules, check_plan(*rules, *plan)});
        for (const Result& r : reports.back().results)
            require(r.status != Status::Pass || r.missing.empty(), "a pass lacks nothing");
        write_reports(reports);
    }
    try {
        lint_pack(catalog, id);
        std::ostringstream out;
        report::write_pack(catalog, id, Lang::En, out);
        report::write_pack(catalog, id, Lang::Zh, out);
        report::write_pack_list(catalog, Lang::En, out);
        for (const Indicator& ind : pack.indicators)
            report::write_explanation(catalog, ind.id, Lang::En, out);
    } catch (const InputError&) {
        // An embedded pack the fuzzed one replaces may no longer compile with it: an input error.
    }
}

Target find_target(std::string_view name) {
    if (name == "quantity") return quantity;
    if (name == "expression") return expression;
    if (name == "plan") return plan;
    if (name == "pack") return pack;
    if (name == "csv") return csv;
    return nullptr;
}

}  // namespace vetcheck::fuzz
