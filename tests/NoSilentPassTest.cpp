// No silent pass: a rule that cannot be computed for lack of data reports `missing`, never `pass`.
//
// Facts are removed at random (fixed seed) from the example plans and from a synthetic plan whose
// pack uses every construct that may legitimately decide without a value (or, and, if, any, all,
// filtered aggregates, has, when), and every `pass` that follows is held to two oracles:
//
//  1. Strict rules. An expression without those constructs needs every fact it reads: a version of
//     an indicator whose measure/target/require is strict and reads a removed fact of its subject
//     (for a plan rule: a removed fact of the plan, or of an institution inside an aggregate) must
//     not report pass.
//  2. Any rule. `true or missing` is true whatever the missing value is (docs/packs.md), so a
//     legitimate pass does not depend on the removed values: the removed facts are put back with
//     other values (their own, zero/false, large/true, and random mixtures) and the same result
//     must still pass. Facts that a `when` or a `has()` reads are kept out, because there the
//     absence itself is what the rule asks about: a missing `when` fact makes the rule n/a by
//     design, and has(x) is true exactly when x is reported.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "test_support.hpp"

using namespace vetcheck;

namespace {

// What an indicator version's expressions read, told apart by how.
struct Reads {
    std::set<std::string> direct;     // facts of the subject itself, read for their value
    std::set<std::string> aggregate;  // facts of each institution, inside sum(), any() ...
    std::set<std::string> presence;   // facts only asked about by when: or has()
    bool strict = true;               // no or/and/if/has/any/all, no aggregate with a filter
};

bool is_aggregate(const std::string& name) {
    for (const char* a : {"sum", "min", "max", "avg", "count", "all", "any"})
        if (name == a) return true;
    return false;
}

void walk(const expr::Expr& e, bool in_aggregate, bool in_has, Reads* out) {
    using Kind = expr::Expr::Kind;
    if (e.kind == Kind::Fact) {
        if (in_has)
            out->presence.insert(e.name);
        else
            (in_aggregate ? out->aggregate : out->direct).insert(e.name);
    }
    if (e.kind == Kind::Binary && (e.op == expr::BinaryOp::And || e.op == expr::BinaryOp::Or))
        out->strict = false;
    bool has = false, aggregate = false;
    if (e.kind == Kind::Call) {
        const expr::FunctionDecl* f = expr::find_function(e.name);
        if (e.name == "if" || e.name == "has" || e.name == "any" || e.name == "all")
            out->strict = false;
        has = e.name == "has";
        aggregate = is_aggregate(e.name);
        if (f && f->aggregate && static_cast<int>(e.args.size()) == f->max_args)
            out->strict = false;  // a filter: institutions it leaves out are not read
    }
    for (const auto& a : e.args) walk(*a, in_aggregate || aggregate, in_has || has, out);
}

Reads reads_of(const Indicator& ind) {
    Reads r;
    for (const auto* e : {&ind.measure, &ind.target, &ind.require})
        if (*e) walk(*(*e)->tree, false, false, &r);
    if (ind.when) {
        Reads w;
        walk(*ind.when->tree, false, false, &w);
        for (const auto* set : {&w.direct, &w.aggregate, &w.presence})
            r.presence.insert(set->begin(), set->end());
    }
    return r;
}

// A removed fact: which subject (-1 for the plan itself, else the institution's index) and key.
using Removed = std::pair<int, std::string>;

const Subject& subject_of(const Plan& plan, int index) {
    return index < 0 ? plan.whole : plan.institutions[static_cast<size_t>(index)];
}

Subject& subject_of(Plan& plan, int index) {
    return index < 0 ? plan.whole : plan.institutions[static_cast<size_t>(index)];
}

int index_of(const Plan& plan, const Subject* s) {
    if (s == &plan.whole) return -1;
    return static_cast<int>(s - plan.institutions.data());
}

// Whether a version of an indicator, checked for subject `at`, reads the removed fact's value.
bool reads_value(const Indicator& ind, const Reads& r, int at, const Removed& removed) {
    if (ind.subject == expr::Scope::Institution)
        return removed.first == at && r.direct.count(removed.second);
    return removed.first < 0 ? r.direct.count(removed.second) > 0
                             : r.aggregate.count(removed.second) > 0;
}

std::vector<std::pair<const Indicator*, Status>> versions_of(const Result& r) {
    if (r.versions.empty()) return {{&r.indicator(), r.status}};
    std::vector<std::pair<const Indicator*, Status>> out;
    for (const auto& [rule, status] : r.versions) out.emplace_back(rule->indicator, status);
    return out;
}

// Another value of the same type for a fact that was removed: 0 = its own, 1 = zero or false,
// 2 = large or true.
FactValue variant(const FactValue& original, int which) {
    FactValue v = original;
    if (auto* b = std::get_if<bool>(&v.value)) {
        if (which == 1) *b = false;
        if (which == 2) *b = true;
        return v;
    }
    auto& q = std::get<Quantity>(v.value);
    if (which == 1) q.value = Rational(0);
    if (which == 2)
        q.value = q.notation == Notation::Percent ? Rational(1) : q.value * Rational(1000) + 1;
    return v;
}

struct Tally {
    int checks = 0;             // results looked at
    int passes_reading = 0;     // passes whose rule reads a removed fact (both oracles applied)
    int completed = 0;          // of those, passes re-checked with the values put back
    int missing = 0;            // results that reported missing
    int strict_not_passed = 0;  // strict versions that read a removed fact and did not pass
};

class Property {
  public:
    Property(const RuleSet& rules, const Plan& plan) : rules_(rules), plan_(plan) {
        for (const CompiledRule& rule : rules.rules) {
            remember(*rule.indicator);
            for (const CompiledRule& v : rule.restated) remember(*v.indicator);
        }
        for (int s = -1; s < static_cast<int>(plan.institutions.size()); ++s)
            for (const auto& [key, value] : subject_of(plan, s).facts) present_.push_back({s, key});
    }

    void run(int iterations, unsigned seed, Tally* tally) {
        std::mt19937 rng(seed);
        for (int i = 0; i < iterations; ++i) {
            double p = std::array<double, 4>{0.03, 0.1, 0.3, 0.6}[static_cast<size_t>(i % 4)];
            std::bernoulli_distribution drop(p);
            Plan plan = plan_;
            std::vector<Removed> removed;
            for (const Removed& f : present_) {
                if (!drop(rng)) continue;
                removed.push_back(f);
                subject_of(plan, f.first).facts.erase(f.second);
            }
            iteration(plan, removed, rng, tally);
        }
    }

  private:
    void remember(const Indicator& ind) {
        Reads r = reads_of(ind);
        reads_.emplace(&ind, r);
        kept_.insert(r.presence.begin(), r.presence.end());
    }

    void iteration(const Plan& plan, const std::vector<Removed>& removed, std::mt19937& rng,
                   Tally* tally) {
        std::vector<Result> results = check_plan(rules_, plan);
        std::vector<size_t> pending;  // passes to re-check with the removed values put back
        for (size_t i = 0; i < results.size(); ++i) {
            const Result& r = results[i];
            ++tally->checks;
            if (r.status == Status::Missing) ++tally->missing;
            int at = index_of(plan, r.subject);
            bool reads_removed = false, completable = false;
            for (const auto& [version, status] : versions_of(r)) {
                const Reads& reads = reads_.at(version);
                for (const Removed& f : removed) {
                    if (!reads_value(*version, reads, at, f)) continue;
                    reads_removed = true;
                    completable |= !kept_.count(f.second);
                    // Oracle 1: a strict version that reads a removed value cannot pass.
                    if (reads.strict) {
                        INFO(describe(r, *version, f));
                        CHECK(status != Status::Pass);
                        if (status != Status::Pass) ++tally->strict_not_passed;
                    }
                }
            }
            if (r.status == Status::Pass && reads_removed) {
                ++tally->passes_reading;
                if (completable) pending.push_back(i);
            }
        }
        if (pending.empty()) return;
        // Oracle 2: the pass holds whatever the removed values are.
        std::uniform_int_distribution<int> pick(0, 2);
        for (int completion = 0; completion < 6; ++completion) {
            Plan full = plan;
            for (const Removed& f : removed) {
                if (kept_.count(f.second)) continue;
                int which = completion < 3 ? completion : pick(rng);
                const FactValue& original = subject_of(plan_, f.first).facts.at(f.second);
                subject_of(full, f.first).facts.emplace(f.second, variant(original, which));
            }
            std::vector<Result> again = check_plan(rules_, full);
            REQUIRE(again.size() == results.size());
            for (size_t i : pending) {
                INFO(plan_.file << ": " << results[i].indicator().id << " for "
                                << results[i].subject->id << " passed with facts removed ("
                                << removed_text(removed) << ") but is "
                                << status_name(again[i].status) << " with them put back ("
                                << "completion " << completion << ")");
                CHECK(again[i].status == Status::Pass);
            }
        }
        tally->completed += static_cast<int>(pending.size());
    }

    std::string describe(const Result& r, const Indicator& v, const Removed& f) const {
        return plan_.file + ": " + v.id + " (" + v.pack_id + ") for " + r.subject->id +
               " reads removed " + f.second + " of " + subject_of(plan_, f.first).id;
    }

    static std::string removed_text(const std::vector<Removed>& removed) {
        std::string s;
        for (const auto& f : removed) s += (s.empty() ? "" : ", ") + f.second;
        return s;
    }

    const RuleSet& rules_;
    const Plan& plan_;
    std::map<const Indicator*, Reads> reads_;
    std::set<std::string> kept_;  // facts some when: or has() asks about: never put back
    std::vector<Removed> present_;
};

// A pack that decides without some values on purpose, and a child that restates one of its
// indicators under a condition (both versions bind).
const char* const kBasePack = R"yaml(
pack: {id: nsp-base, title: base, period: {from: 2020, to: 2023}, level: province}
facts:
  - {key: x, zh: 甲, unit: 人, type: count}
  - {key: y, zh: 乙, unit: 人, type: count}
  - {key: z, zh: 丙, type: share}
  - {key: amount, zh: 经费, unit: 元, type: amount}
  - {key: flag, zh: 是否甲, type: boolean}
  - {key: flag2, zh: 是否乙, type: boolean}
  - {key: reported, zh: 是否填报, type: boolean}
indicators:
  - {id: either, name: 或, subject: institution, require: flag or x >= 10人,
     word: 建立, source: {file: f, section: s, quote: q}}
  - {id: both, name: 与, subject: institution, require: (flag or flag2) and z >= 50%,
     word: 建立, source: {file: f, section: s, quote: q}}
  - {id: choose, name: 条件值, subject: institution, measure: "if(flag, x, y)", op: ">=",
     target: 10人, word: 不低于, source: {file: f, section: s, quote: q}}
  - {id: presence, name: 填报, subject: institution, require: has(reported) or y > 0人,
     word: 建立, source: {file: f, section: s, quote: q}}
  - {id: some, name: 任一, subject: plan, require: any(flag), word: 建立,
     source: {file: f, section: s, quote: q}}
  - {id: every, name: 全部, subject: plan, require: all(x >= 1人), word: 建立,
     source: {file: f, section: s, quote: q}}
  - {id: filtered, name: 高职合计, subject: plan, measure: 'sum(x, type == "高职")', op: ">=",
     target: 10人, word: 不低于, source: {file: f, section: s, quote: q}}
  - {id: total, name: 合计, subject: plan, measure: sum(amount) + amount, op: ">=", target: 100元,
     word: 不低于, source: {file: f, section: s, quote: q}}
  - {id: ratio, name: 比, subject: institution, when: flag2, measure: x / y, op: ">=",
     target: "1:2", word: 不低于, source: {file: f, section: s, quote: q}}
  - {id: smallest, name: 最小, subject: plan, measure: "least(min(y), amount / 1元 * 1人)", op: ">=",
     target: 1人, word: 不低于, source: {file: f, section: s, quote: q}}
  - {id: share, name: 占比, subject: institution, measure: z, op: ">", target: 40%, word: 超过,
     source: {file: f, section: s, quote: q}}
)yaml";

const char* const kChildPack = R"yaml(
pack: {id: nsp-child, title: child, period: {from: 2020, to: 2023}, level: city, extends: [nsp-base]}
indicators:
  - {id: either, name: 或, subject: institution, when: flag2, require: flag or x >= 20人,
     word: 建立, source: {file: f, section: s, quote: q}}
  - {id: share, name: 占比, subject: institution, measure: z + 0%, op: ">", target: 45%, word: 超过,
     source: {file: f, section: s, quote: q}}
)yaml";

const char* const kSyntheticPlan = R"yaml(
plan: {name: 合成, level: city, year: 2023, packs: [nsp-child]}
facts: {amount: 200, flag: true}
institutions:
  - {id: a, type: 高职, facts: {x: 30, y: 20, z: 60%, amount: 10, flag: true, flag2: true, reported: true}}
  - {id: b, type: 中职, facts: {x: 25, y: 10, z: 55%, amount: 20, flag: false, flag2: true}}
  - {id: c, type: 高职, facts: {x: 12, y: 5, z: 70%, amount: 30, flag: true, flag2: false, reported: false}}
  - {id: d, type: 技工, facts: {x: 40, y: 30, z: 90%, amount: 40, flag: false, flag2: true}}
)yaml";

}  // namespace

TEST_CASE("No silent pass: facts removed from the example plans", "[engine][property]") {
    namespace fs = std::filesystem;
    Tally tally;
    unsigned seed = 20240607;
    for (const auto& entry :
         fs::recursive_directory_iterator(fs::path(VETCHECK_SOURCE_DIR) / "examples")) {
        if (entry.path().extension() != ".yaml") continue;
        Catalog catalog;
        LoadedPlan loaded = load_plan(vetcheck::testing::read_file(entry.path().string()),
                                      entry.path().filename().string(), catalog);
        Property(*loaded.rules, loaded.plan).run(200, seed++, &tally);
    }
    INFO(tally.checks << " results, " << tally.missing << " missing, " << tally.strict_not_passed
                      << " strict versions refused to pass, " << tally.passes_reading
                      << " passes read a removed fact");
    CHECK(tally.checks > 100000);
    CHECK(tally.missing > 10000);
    CHECK(tally.strict_not_passed > 10000);
}

TEST_CASE("No silent pass: or, and, if, any, all, filters, has and when", "[engine][property]") {
    Catalog catalog;
    catalog.add_text(kBasePack, "nsp-base.yaml");
    catalog.add_text(kChildPack, "nsp-child.yaml");
    LoadedPlan loaded = load_plan(kSyntheticPlan, "synthetic.yaml", catalog);
    // Everything passes with all the facts reported, so every removal is a chance to pass wrongly.
    for (const Result& r : check_plan(*loaded.rules, loaded.plan)) {
        INFO(r.indicator().id << " for " << r.subject->id);
        CHECK((r.status == Status::Pass ||
               (r.status == Status::NotApplicable && r.subject->id == "c")));  // flag2 is false
    }
    Tally tally;
    Property(*loaded.rules, loaded.plan).run(3000, 7, &tally);
    INFO(tally.checks << " results, " << tally.passes_reading << " passes read a removed fact, "
                      << tally.completed << " re-checked with values put back");
    // The oracles were exercised: legitimate passes despite a removed value (true or missing),
    // re-checked with the values put back, and strict rules that refused to pass.
    CHECK(tally.passes_reading > 3000);
    CHECK(tally.completed > 3000);
    CHECK(tally.strict_not_passed > 1000);
    CHECK(tally.missing > 1000);
}
