#include "vetcheck/input/history_figures.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <memory>

#include "vetcheck/base/messages.hpp"
#include "vetcheck/base/source_location.hpp"
#include "vetcheck/input/results_database.hpp"
#include "vetcheck/input/results_schema.hpp"

namespace vetcheck {

namespace {

// "29/1000" as result_facts.value_exact stores it.
std::optional<Rational> parse_fraction(std::string_view text) {
    size_t slash = text.find('/');
    if (slash == std::string_view::npos) return Rational::parse_decimal(text);
    auto num = Rational::parse_decimal(text.substr(0, slash));
    auto den = Rational::parse_decimal(text.substr(slash + 1));
    if (!num || !den || den->is_zero()) return std::nullopt;
    return *num / *den;
}

// How an added figure is shown and read: the unit and notation of the plan's own value.
const Quantity* sample_quantity(const FactValue& fv) {
    if (const auto* q = std::get_if<Quantity>(&fv.value)) return q;
    for (const auto& [year, figure] : fv.by_year)
        if (const auto* q = std::get_if<Quantity>(&figure.value)) return q;
    return nullptr;
}

}  // namespace

HistoryFigures::HistoryFigures(const std::string& path) : path_(path) {
    ReadOnlyDatabase db(path);
    long long version = db.integer("PRAGMA user_version");
    // Version 1 stored no values: there is nothing to read figures from.
    if (version < 2 || version > kResultsSchemaVersion)
        throw InputError(SourceLocation{path},
                         Message("E-sqlite-schema-version",
                                 {{"expected", kResultsSchemaVersion}, {"found", version}}));
    // The latest plans row of each plan id and plan year (row ids grow with the runs).
    const char* sql =
        "SELECT p.plan_id, p.year, coalesce(f.subject_id, ''), f.key, f.value_exact, "
        "f.value_text FROM result_facts f JOIN results r ON r.id = f.result JOIN plans p ON "
        "p.id = r.plan WHERE f.value_exact IS NOT NULL AND p.year > 0 AND p.id = (SELECT "
        "max(q.id) FROM plans q WHERE q.plan_id = p.plan_id AND q.year = p.year)";
    auto st = db.prepare(sql, "E-sqlite-not-database");
    sqlite3_stmt* raw_st = st.get();
    int rc;
    while ((rc = sqlite3_step(raw_st)) == SQLITE_ROW) {
        std::optional<Rational> value = parse_fraction(text_at(raw_st, 4));
        if (!value) continue;
        std::string text = text_at(raw_st, 5);
        bool yes_no = text == "yes" || text == "no" || text == "是" || text == "否";
        auto& facts =
            figures_[text_at(raw_st, 0)][sqlite3_column_int(raw_st, 1)][text_at(raw_st, 2)];
        std::string key = text_at(raw_st, 3);
        bool seen = false;  // a fact several results used is stored once per result
        for (const Stored& s : facts) seen |= s.key == key;
        if (!seen) facts.push_back({std::move(key), *value, yes_no});
    }
    if (rc != SQLITE_DONE) db.fail("E-sqlite-not-database");
}

void HistoryFigures::add_to(Plan& plan) const {
    auto of_plan = figures_.find(plan.id);
    if (of_plan == figures_.end() || plan.year == 0) return;
    auto add = [&](Subject& subject) {
        for (const auto& [year, subjects] : of_plan->second) {
            if (year >= plan.year) break;
            auto stored = subjects.find(subject.id);
            if (stored == subjects.end()) continue;
            for (const Stored& s : stored->second) {
                auto it = subject.facts.find(s.key);
                if (it == subject.facts.end()) continue;
                FactValue& fv = it->second;
                if (fv.in_year(year)) continue;  // the plan's own figure wins
                Figure figure;
                figure.where = SourceLocation{path_};
                if (s.yes_no) {
                    figure.value = !s.value.is_zero();
                } else {
                    const Quantity* sample = sample_quantity(fv);
                    if (!sample) continue;
                    figure.value = Quantity{s.value, sample->unit, sample->notation};
                }
                auto at = std::lower_bound(
                    fv.by_year.begin(), fv.by_year.end(), year,
                    [](const std::pair<int, Figure>& f, int y) { return f.first < y; });
                fv.by_year.insert(at, {year, std::move(figure)});
            }
        }
    };
    add(plan.whole);
    for (Subject& institution : plan.institutions) add(institution);
    collect_figure_years(plan);
}

}  // namespace vetcheck
