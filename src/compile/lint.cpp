#include "vetcheck/compile/lint.hpp"

#include "vetcheck/model/plan.hpp"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "vetcheck/base/text.hpp"
#include "vetcheck/compile/lint_messages.hpp"
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

std::string shown(const CompiledRule& rule, const Rational& v) {
    return Quantity{v, rule.unit, rule.notation}.to_string(2);
}

// An expression's text compared as written, whitespace aside: the heuristic that finds the same
// measure under another id, and a changed one under the same id.
std::string expression_key(const std::optional<SourceExpr>& e) {
    std::string out;
    if (!e) return out;
    for (char c : e->text)
        if (c != ' ' && c != '\t' && c != '\n') out += c;
    return out;
}

class Linter {
  public:
    Linter(const CompiledRule& child, const CompiledRule& parent, std::vector<LintFinding>* out)
        : child_rule_(child),
          parent_rule_(parent),
          child_(*child.indicator),
          parent_(*parent.indicator),
          out_(out) {}

    // The same id: every way the child's version binds less than the parent's.
    void run() {
        if (child_.severity == Severity::Advisory && parent_.severity == Severity::Required)
            add(lint_text::advisory_where_required());
        if (child_.deadline > parent_.deadline)
            add(lint_text::later_deadline(parent_.deadline, child_.deadline));
        for (const auto& t : covered(parent_.types, institution_types()))
            if (!child_.covers_type(t)) add(lint_text::type_not_covered(t));
        for (const auto& l : parent_.levels.empty() ? plan_levels() : parent_.levels)
            if (!child_.levels.empty() &&
                std::find(child_.levels.begin(), child_.levels.end(), l) == child_.levels.end())
                add(lint_text::level_not_checked(l));
        if (child_.scope == Binding::Region && parent_.scope == Binding::Institution)
            add(lint_text::binds_region());
        compare_conditions();
        if (child_.is_requirement() || parent_.is_requirement()) return;
        if (expression_key(child_.measure) != expression_key(parent_.measure))
            add(lint_text::measure_changed(parent_.measure->text, child_.measure->text));
        compare_thresholds();
    }

    // A new id with the parent's measure: only a weaker threshold is reported, wrapped to say so.
    void run_under_new_id() {
        renamed_ = true;
        compare_thresholds();
    }

  private:
    static std::vector<std::string> covered(const std::vector<std::string>& types,
                                            const std::vector<std::string>& all) {
        return types.empty() ? all : types;
    }

    void compare_conditions() {
        std::string c = expression_key(child_.when), p = expression_key(parent_.when);
        if (c == p || c.empty()) return;
        if (p.empty())
            add(lint_text::condition_added(child_.when->text));
        else
            add(lint_text::condition_changed(parent_.when->text, child_.when->text));
    }

    void compare_thresholds() {
        Comparison c = child_.comparison, p = parent_.comparison;
        if (lower_bound(c) != lower_bound(p) || upper_bound(c) != upper_bound(p)) {
            add(lint_text::looser_comparison(comparison_symbol(p), comparison_symbol(c)));
            return;
        }
        if (c == Comparison::About && child_.about_at_least && !parent_.about_at_least)
            add(lint_text::about_one_sided());
        for (const auto& type : covered(child_.types, {""})) {
            if (!type.empty() && !parent_.covers_type(type)) continue;
            auto ct = constant_target(child_, type, child_.deadline);
            auto pt = constant_target(parent_, type, child_.deadline);
            if (!ct || !pt)
                continue;  // depends on the plan's facts: compared when checked, not here
            if (c == Comparison::About) {
                compare_about(*ct, *pt, type);
                continue;
            }
            bool weaker = false;
            if (lower_bound(c)) weaker = *ct < *pt || (*ct == *pt && strict(p) && !strict(c));
            if (upper_bound(c)) weaker = *ct > *pt || (*ct == *pt && strict(p) && !strict(c));
            if (weaker)
                add(lint_text::weaker_threshold(
                    std::string(comparison_sign(p)) + shown(parent_rule_, *pt),
                    std::string(comparison_sign(c)) + shown(child_rule_, *ct), type));
        }
    }

    // 左右 against 左右: the child accepts a value the parent does not when its floor is lower or
    // (as a band) its ceiling higher; say whether the centre moved or the tolerance widened.
    void compare_about(const Rational& ct, const Rational& pt, const std::string& type) {
        Rational c_tol = child_.tolerance_for(ct), p_tol = parent_.tolerance_for(pt);
        bool lower_floor = ct - c_tol < pt - p_tol;
        bool higher_ceiling =
            !child_.about_at_least && !parent_.about_at_least && ct + c_tol > pt + p_tol;
        if (!lower_floor && !higher_ceiling) return;
        if (ct != pt)
            add(lint_text::centre_shifted("≈" + shown(parent_rule_, pt),
                                          "≈" + shown(child_rule_, ct), type));
        if (c_tol > p_tol)
            add(lint_text::tolerance_widened(parent_.tolerance_text(), child_.tolerance_text(),
                                             type));
    }

    void add(LocalizedText message) {
        if (renamed_) message = lint_text::under_new_id(parent_.id, message);
        out_->push_back(LintFinding{child_.pack_id, child_.id, parent_.pack_id, parent_.id,
                                    std::move(message), child_.relaxes, child_.where,
                                    parent_.where});
    }

    const CompiledRule& child_rule_;
    const CompiledRule& parent_rule_;
    const Indicator& child_;   // child_rule_'s
    const Indicator& parent_;  // parent_rule_'s
    std::vector<LintFinding>* out_;
    bool renamed_ = false;
};

// The indicators of the packs `pack_id` extends, as the rule set holds them: heads and the
// versions they restate.
std::vector<const CompiledRule*> parent_indicators(const RuleSet& rules,
                                                   const std::string& pack_id) {
    std::vector<const CompiledRule*> out;
    for (const CompiledRule& head : rules.rules) {
        if (head.indicator->pack_id != pack_id) out.push_back(&head);
        for (const CompiledRule& v : head.restated) out.push_back(&v);
    }
    return out;
}

// A new indicator of the pack with the measure of a parent indicator under another id (the same
// subject, both comparisons): its target is compared as if it restated it.
void lint_new_ids(const RuleSet& rules, const std::string& pack_id,
                  std::vector<LintFinding>* findings) {
    auto parents = parent_indicators(rules, pack_id);
    for (const CompiledRule& head_rule : rules.rules) {
        const Indicator& head = *head_rule.indicator;
        if (head.pack_id != pack_id || !head_rule.restated.empty() || !head.measure) continue;
        for (const CompiledRule* parent_rule : parents) {
            const Indicator* parent = parent_rule->indicator;
            if (parent->id == head.id || parent->subject != head.subject || !parent->measure ||
                expression_key(parent->measure) != expression_key(head.measure))
                continue;
            Linter(head_rule, *parent_rule, findings).run_under_new_id();
        }
    }
}

}  // namespace

std::vector<LintFinding> lint_pack(Catalog& catalog, const std::string& pack_id) {
    auto rules = catalog.compile({pack_id}, SourceLocation{"lint"});
    std::vector<LintFinding> findings;
    for (const CompiledRule& head : rules->rules) {
        if (head.indicator->pack_id != pack_id) continue;
        for (const CompiledRule& parent : head.restated) Linter(head, parent, &findings).run();
    }
    lint_new_ids(*rules, pack_id, &findings);
    const Pack& pack = catalog.get(pack_id, SourceLocation{"lint"});
    for (const auto& drop : pack.drops) {
        findings.push_back(LintFinding{pack_id, drop.id, join(pack.info.extends, ", "), drop.id,
                                       lint_text::drops_indicator(), drop.reason, drop.where,
                                       pack.info.extends_where});
    }
    return findings;
}

std::vector<const Conflict*> lint_conflicts(Catalog& catalog, const std::string& pack_id) {
    auto rules = catalog.compile({pack_id}, SourceLocation{"lint"});
    std::vector<const Conflict*> out = rules->conflicts;
    for (const Conflict& c : catalog.get(pack_id, SourceLocation{"lint"}).conflicts)
        if (std::find(out.begin(), out.end(), &c) == out.end()) out.push_back(&c);
    return out;
}

}  // namespace vetcheck
