#include "vetcheck/compile/lint.hpp"

#include "vetcheck/model/plan.hpp"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "vetcheck/base/text.hpp"
#include "vetcheck/expr/evaluator.hpp"

namespace vetcheck {

namespace {

bool lower_bound(Comparison c) {
    return c == Comparison::AtLeast || c == Comparison::MoreThan;
}
bool upper_bound(Comparison c) {
    return c == Comparison::AtMost || c == Comparison::LessThan;
}
bool strict(Comparison c) {
    return c == Comparison::MoreThan || c == Comparison::LessThan;
}

// The target's value for one institution type, when it depends on nothing a plan reports.
std::optional<Rational> constant_target(const Indicator& ind, const std::string& type, int year) {
    Plan plan;
    plan.year = year;
    plan.level = ind.levels.empty() ? "province" : ind.levels.front();
    plan.whole.type = type;
    Value v = expr::evaluate(*ind.target->tree,
                             expr::EvalContext{plan.scope(), &plan.whole, nullptr, nullptr});
    if (!std::holds_alternative<Quantity>(v)) return std::nullopt;
    return std::get<Quantity>(v).value;
}

std::string shown(const Indicator& ind, const Rational& v) {
    return Quantity{v, ind.unit, ind.notation}.to_string(2);
}

class Linter {
  public:
    Linter(const Indicator& child, const Indicator& parent, std::vector<LintFinding>* out)
        : child_(child), parent_(parent), out_(out) {}

    void run() {
        if (child_.severity == Severity::Advisory && parent_.severity == Severity::Required)
            add("advisory where the parent's is required");
        if (child_.deadline > parent_.deadline)
            add(fmt::format("due {} where the parent's is due {}", child_.deadline,
                            parent_.deadline));
        for (const auto& t : covered(parent_.types, institution_types()))
            if (!child_.covers_type(t))
                add(fmt::format("does not cover {} institutions, which the parent does", t));
        for (const auto& l : parent_.levels.empty() ? plan_levels() : parent_.levels)
            if (!child_.levels.empty() &&
                std::find(child_.levels.begin(), child_.levels.end(), l) == child_.levels.end())
                add(fmt::format("not checked at {} level, where the parent is", l));
        if (child_.is_requirement() || parent_.is_requirement()) return;
        compare_thresholds();
    }

  private:
    static std::vector<std::string> covered(const std::vector<std::string>& types,
                                            const std::vector<std::string>& all) {
        return types.empty() ? all : types;
    }

    void compare_thresholds() {
        Comparison c = child_.comparison, p = parent_.comparison;
        if (lower_bound(c) != lower_bound(p) || upper_bound(c) != upper_bound(p)) {
            add(fmt::format("compares with {} where the parent uses {}", comparison_symbol(c),
                            comparison_symbol(p)));
            return;
        }
        for (const auto& type : covered(child_.types, {""})) {
            if (!type.empty() && !parent_.covers_type(type)) continue;
            auto ct = constant_target(child_, type, child_.deadline);
            auto pt = constant_target(parent_, type, child_.deadline);
            if (!ct || !pt)
                continue;  // depends on the plan's facts: compared when checked, not here
            std::string for_type = type.empty() ? "" : " for " + type;
            bool weaker = false;
            if (lower_bound(c)) weaker = *ct < *pt || (*ct == *pt && strict(p) && !strict(c));
            if (upper_bound(c)) weaker = *ct > *pt || (*ct == *pt && strict(p) && !strict(c));
            if (c == Comparison::About && p == Comparison::About)
                weaker = child_.tolerance_for(*ct) > parent_.tolerance_for(*pt) && *ct == *pt;
            if (weaker)
                add(fmt::format("target {}{}{} is weaker than the parent's {}{}",
                                comparison_sign(c), shown(child_, *ct), for_type,
                                comparison_sign(p), shown(parent_, *pt)));
        }
    }

    void add(std::string message) {
        out_->push_back(LintFinding{child_.pack_id, child_.id, parent_.pack_id, std::move(message),
                                    child_.relaxes, child_.where});
    }

    const Indicator& child_;
    const Indicator& parent_;
    std::vector<LintFinding>* out_;
};

}  // namespace

std::vector<LintFinding> lint_pack(Catalog& catalog, const std::string& pack_id) {
    auto rules = catalog.compile({pack_id}, SourceLocation{"lint"});
    std::vector<LintFinding> findings;
    for (const Indicator& head : rules->indicators) {
        if (head.pack_id != pack_id) continue;
        for (const Indicator& parent : head.restated) Linter(head, parent, &findings).run();
    }
    const Pack& pack = catalog.get(pack_id, SourceLocation{"lint"});
    for (const auto& drop : pack.drops) {
        findings.push_back(LintFinding{pack_id, drop.id, join(pack.info.extends, ", "),
                                       "drops an indicator of the packs it extends", drop.reason,
                                       drop.where});
    }
    return findings;
}

}  // namespace vetcheck
