#include "vetcheck/input/plan_loader.hpp"

#include <algorithm>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <iostream>
#include <set>

#include <fmt/format.h>

#include "vetcheck/base/text.hpp"
#include "vetcheck/input/waiver_reader.hpp"

namespace vetcheck {

namespace {

void check_one_of(const Node& n, const std::string& value, const std::vector<std::string>& allowed,
                  std::string_view what) {
    if (std::find(allowed.begin(), allowed.end(), value) == allowed.end())
        throw InputError(n.where(),
                         Message("E-not-one-of", {{"key", what},
                                                  {"allowed", allowed},
                                                  {"found", n.describe()},
                                                  {"suggestion", suggestion(value, allowed)}}));
}

class FactReader {
  public:
    FactReader(const RuleSet& rules, bool on_plan, bool on_institution, int plan_year)
        : rules_(rules),
          on_plan_(on_plan),
          on_institution_(on_institution),
          plan_year_(plan_year) {}

    // Nested mappings are joined with dots: teachers: {double_qualified: 30} is
    // teachers.double_qualified.
    void read(const Node& map, FactMap* out) {
        key_.clear();
        read_map(map, out);
    }

    // `baseline: {year: 2020, teachers: {double_qualified: 120}}`: every fact a figure of that
    // year, as if written `teachers.double_qualified: {2020: 120}`. Returns the year.
    int read_baseline(const Node& map, FactMap* out) {
        if (!map.is_map()) fail_expected(map, "baseline", Message("P-a-baseline-mapping"));
        const Node* year = nullptr;
        for (const auto& [k, v] : map.entries())
            if (k.text() == "year") year = &v;
        if (!year) throw InputError(map.where(), Message("E-baseline-year-missing"));
        baseline_year_ = expect_int(*year, "baseline.year");
        if (baseline_year_ < 1949 || baseline_year_ >= plan_year_)
            fail_expected(*year, "baseline.year",
                          Message("P-a-year-before", {{"year", plan_year_}}));
        key_.clear();
        read_map(map, out, "year");
        int read = baseline_year_;
        baseline_year_ = 0;
        return read;
    }

  private:
    // key_ holds the prefix of `map`'s keys ("" at the top, "teachers" inside teachers:): one
    // buffer for every key of a plan.
    void read_map(const Node& map, FactMap* out, std::string_view skip = {}) {
        if (!map.is_map())
            fail_expected(map, key_.empty() ? "facts" : key_, Message("P-a-fact-mapping"));
        size_t prefix = key_.size();
        for (const auto& [k, v] : map.entries()) {
            if (!skip.empty() && k.text() == skip) continue;
            key_.resize(prefix);
            if (prefix) key_ += '.';
            key_ += k.text();
            auto def = rules_.facts_by_key.find(key_);
            if (def == rules_.facts_by_key.end() && v.is_map() &&
                rules_.fact_key_prefixes.count(key_)) {
                read_map(v, out);
                continue;
            }
            if (def == rules_.facts_by_key.end()) unknown(k, key_);
            check_subject(k, *def->second);
            if (v.is_null()) continue;  // written but left empty: missing, as a template leaves it
            const FactDef& fact = *def->second;
            if (baseline_year_)
                add_figure(k, baseline_year_, read_fact_value(fact, v), out);
            else if (v.is_map() && fact.type != FactType::Boolean)
                read_by_year(k, v, fact, out);
            else
                add_once(k, read_fact_value(fact, v), out);
        }
        key_.resize(prefix);
    }

    // teachers: {double_qualified: 30} beside teachers.double_qualified: 60
    [[noreturn]] void twice(const Node& k, const SourceLocation& first) const {
        throw InputError(k.where(), Message("E-fact-twice", {{"key", key_}, {"line", first.line}}));
    }

    void add_once(const Node& k, FactValue value, FactMap* out) const {
        auto [it, inserted] = out->emplace(key_, FactValue{});
        if (!inserted && it->second.given_once()) twice(k, it->second.where);
        if (!inserted) {  // figures by year came first (a baseline): the value given once joins
                          // them
            it->second.value = std::move(value.value);
            it->second.where = value.where;
            return;
        }
        it->second = std::move(value);
    }

    void add_figure(const Node& k, int year, Figure figure, FactMap* out) const {
        auto [it, inserted] = out->emplace(key_, FactValue{Missing{}, k.where()});
        auto& figures = it->second.by_year;
        auto at = std::lower_bound(figures.begin(), figures.end(), year,
                                   [](const auto& f, int y) { return f.first < y; });
        if (at != figures.end() && at->first == year)
            throw InputError(
                k.where(),
                Message("E-fact-twice-for-year",
                        {{"key", key_}, {"year", year}, {"line", at->second.where.line}}));
        figures.insert(at, {year, std::move(figure)});
    }

    // teachers.double_qualified: {2021: 150, 2022: 165, 2023: 178}: a figure per year, none after
    // the plan's own year; the year checked picks the figure a verdict reads.
    void read_by_year(const Node& k, const Node& map, const FactDef& fact, FactMap* out) const {
        if (map.entries().empty())
            fail_expected(
                map, key_,
                Message("P-value-or-figures-by-year", {{"example", "{2021: 150, 2022: 165}"}}));
        for (const auto& [y, v] : map.entries()) {
            int year = 0;
            const std::string& text = y.text();
            bool digits =
                !text.empty() && text.size() <= 4 &&
                std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (digits) year = std::stoi(text);
            if (year < 1949 || year > 2100) fail_expected(y, key_, Message("P-a-figure-year"));
            if (year > plan_year_)
                throw InputError(
                    y.where(),
                    Message("E-expected",
                            {{"key", key_},
                             {"expected", Message("P-a-year-up-to", {{"year", plan_year_}})},
                             {"found", Message("P-a-figure-for", {{"year", year}})}}));
            if (v.is_null()) continue;  // a year left empty is missing
            add_figure(k, year, read_fact_value(fact, v), out);
        }
    }

    [[noreturn]] void unknown(const Node& k, const std::string& key) const {
        std::vector<std::string> keys;
        for (const auto& [name, def] : rules_.facts) keys.push_back(name);
        throw InputError(
            k.where(), Message("E-fact-unknown",
                               {{"key", shorten(key, 80)}, {"suggestion", suggestion(key, keys)}}));
    }

    void check_subject(const Node& k, const FactDef& def) const {
        if ((on_plan_ && def.on_plan) || (on_institution_ && def.on_institution)) return;
        throw InputError(
            k.where(),
            Message(def.on_plan ? "E-fact-of-plan" : "E-fact-of-institution", {{"key", def.key}}));
    }

    const RuleSet& rules_;
    bool on_plan_;
    bool on_institution_;
    int plan_year_;
    int baseline_year_ = 0;  // set while reading a baseline: each value is a figure of that year
    std::string key_;
};

std::vector<std::string> read_packs(const Node* n) {
    std::vector<std::string> ids;
    if (!n) return ids;
    if (n->is_scalar()) return {n->text()};
    if (!n->is_seq()) fail_expected(*n, "plan.packs", Message("P-a-list-of-pack-ids"));
    for (const Node& item : n->items()) ids.push_back(expect_string(item, "plan.packs"));
    return ids;
}

Subject read_institution(const Node& n, const RuleSet& rules, int plan_year) {
    MapReader r(n, "institutions[]");
    r.reject_unknown({"id", "name", "type", "facts", "baseline", "note"});
    Subject s;
    s.id = r.required_string("id");
    s.name = r.optional_string("name").value_or(s.id);
    const Node& type = r.required("type");
    s.type = expect_string(type, s.id + ".type");
    check_one_of(type, s.type, institution_types(), s.id + ".type");
    s.where = n.where();
    FactReader reader(rules, false, true, plan_year);
    if (const Node* baseline = r.optional("baseline"))
        s.baseline_year = reader.read_baseline(*baseline, &s.facts);
    if (const Node* facts = r.optional("facts")) reader.read(*facts, &s.facts);
    return s;
}

}  // namespace

LoadedPlan load_plan(std::string_view text, const std::string& file_name, Catalog& catalog,
                     const YamlLimits& limits) {
    Limits all;
    all.yaml = limits;
    return load_plan(text, file_name, catalog, all);
}

LoadedPlan load_plan(std::string_view text, const std::string& file_name, Catalog& catalog,
                     const Limits& limits) {
    return load_plan_document(load_yaml(text, file_name, limits.yaml), file_name, catalog,
                              limits.max_institutions);
}

LoadedPlan load_plan_document(const Node& root, const std::string& file_name, Catalog& catalog,
                              size_t max_institutions) {
    if (!root.is_map())
        throw InputError(root.where(), Message("E-plan-not-mapping", {{"found", root.describe()}}));
    MapReader r(root, "");
    r.reject_unknown({"plan", "facts", "baseline", "institutions", "waivers"});
    const Node& meta = r.required("plan");
    MapReader m(meta, "plan");
    m.reject_unknown({"id", "name", "region", "level", "year", "packs", "type", "note"});

    LoadedPlan loaded;
    Plan& plan = loaded.plan;
    plan.file = file_name;
    plan.name = m.required_string("name");
    plan.id = m.optional_string("id").value_or(plan.name);
    plan.region = m.optional_string("region").value_or("");
    const Node& level = m.required("level");
    plan.level = expect_string(level, "plan.level");
    check_one_of(level, plan.level, plan_levels(), "plan.level");
    const Node& year = m.required("year");
    plan.year = expect_int(year, "plan.year");
    if (plan.year < 1949 || plan.year > 2100) fail_expected(year, "plan.year", Message("P-a-year"));
    plan.packs = read_packs(m.optional("packs"));
    plan.packs_where = m.optional("packs") ? m.optional("packs")->where() : meta.where();
    plan.whole.id = plan.id;
    plan.whole.name = plan.name;
    plan.whole.where = r.optional("facts") ? r.optional("facts")->where() : meta.where();
    if (const Node* type = m.optional("type")) {
        plan.whole.type = expect_string(*type, "plan.type");
        check_one_of(*type, plan.whole.type, institution_types(), "plan.type");
    }
    if (plan.is_school() && plan.whole.type.empty())
        throw InputError(meta.where(),
                         Message("E-school-needs-type", {{"types", institution_types()}}));

    std::vector<std::string> ids = plan.packs;
    if (ids.empty()) ids.emplace_back(kDefaultPack);
    loaded.rules = catalog.compile(ids, plan.packs_where);
    const RuleSet& rules = *loaded.rules;

    FactReader reader(rules, true, plan.is_school(), plan.year);
    if (const Node* baseline = r.optional("baseline"))
        plan.whole.baseline_year = reader.read_baseline(*baseline, &plan.whole.facts);
    if (const Node* facts = r.optional("facts")) reader.read(*facts, &plan.whole.facts);
    if (const Node* institutions = r.optional("institutions")) {
        if (!institutions->is_seq())
            fail_expected(*institutions, "institutions", Message("P-a-list"));
        if (plan.is_school())
            throw InputError(institutions->where(), Message("E-school-has-no-institutions"));
        if (institutions->items().size() > max_institutions)
            throw InputError(institutions->items()[max_institutions].where(),
                             Message("E-too-many-institutions", {{"count", max_institutions}}));
        std::set<std::string> seen;
        for (const Node& n : institutions->items()) {
            plan.institutions.push_back(read_institution(n, rules, plan.year));
            if (!seen.insert(plan.institutions.back().id).second)
                throw InputError(n.where(), Message("E-institution-twice",
                                                    {{"id", plan.institutions.back().id}}));
        }
        add_type_totals(plan);
    }
    if (const Node* waivers = r.optional("waivers"))
        plan.waivers = read_waivers(*waivers, *loaded.rules, plan);
    collect_figure_years(plan);
    return loaded;
}

}  // namespace vetcheck
