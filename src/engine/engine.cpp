#include "vetcheck/engine/engine.hpp"

#include <algorithm>
#include <functional>

#include <fmt/format.h>

#include "vetcheck/base/text.hpp"
#include "vetcheck/engine/progress.hpp"
#include "vetcheck/engine/shortfall.hpp"
#include "vetcheck/engine/waivers.hpp"

namespace vetcheck {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// Fills a result where it will stay: a national batch makes hundreds of thousands of results, and
// moving each from check to list to list was a tenth of the engine's time.
class IndicatorCheck {
  public:
    IndicatorCheck(const CompiledRule& rule, const RuleSet& rules, const Plan& plan,
                   const Subject& subject, const CheckOptions& options, Result& result)
        : rule_(rule),
          ind_(*rule.indicator),
          rules_(rules),
          plan_(plan),
          subject_(subject),
          options_(options),
          result_(result) {
        result_.rule = &rule;
        result_.plan = &plan;
        result_.subject = &subject;
        result_.deciding = subject.where;
    }

    void run() {
        if (ind_.subject == expr::Scope::Institution && !ind_.covers_type(subject_.type) &&
            !(pooled() && &subject_ == &plan_.whole))
            return not_applicable(Message("R-not-for-type", {{"type", subject_.type}}));
        if (!ind_.levels.empty() && !contains(ind_.levels, plan_.level)) {
            result_.status = Status::NotApplicable;
            result_.reason.point_at(ind_.levels_reason);
            return;
        }
        if (ind_.when) {
            Value w = eval(*ind_.when, nullptr, &result_.uses);
            condition_uses_ = result_.uses.size();
            if (is_missing(w)) return unknown_condition(std::get<Missing>(w).facts);
            if (!is_known(w)) return unknown(w);
            if (!std::get<bool>(w))
                return not_applicable(
                    Message("R-condition-not-met", {{"condition", ind_.when->text}}));
        }
        return ind_.require ? requirement() : comparison();
    }

  private:
    Value eval(const SourceExpr& e, const expr::Override* what_if,
               std::vector<expr::FactUse>* uses) const {
        expr::EvalContext ctx{plan_.scope(), &subject_, what_if, uses};
        ctx.year = checked_year();
        if (pooled()) ctx.pooled_types = &ind_.types;
        return expr::evaluate(*e.tree, ctx);
    }

    // A regional target on a region's plan: checked on the region's totals.
    // Decided by the subject, which the head version chose, so that every restated version of the
    // target is checked on the same totals.
    bool pooled() const {
        const auto& insts = plan_.institutions;
        std::less<const Subject*> before;
        bool institution = !insts.empty() && !before(&subject_, insts.data()) &&
                           before(&subject_, insts.data() + insts.size());
        return ind_.subject == expr::Scope::Institution && !plan_.is_school() && !institution;
    }
    // A regional target on a school's own report: the school's value beside it, never its failure.
    bool benchmark() const { return ind_.scope == Binding::Region && plan_.is_school(); }

    void not_applicable(Message reason) {
        result_.status = Status::NotApplicable;
        result_.reason = std::move(reason);
    }

    void unknown(const Value& v) {
        if (is_missing(v)) {
            result_.status = Status::Missing;
            result_.missing = std::get<Missing>(v).facts;
        } else {
            result_.status = Status::Error;
            result_.reason = std::get<Uncomputable>(v).reason;
        }
        // A target not yet due does not fail for lack of data either; the report still says what is
        // missing. An uncomputable rule stays an error whatever the year: it will not fix itself.
        if (!due() && result_.status == Status::Missing) {
            result_.reason = due_reason();  // the report adds the facts
            result_.status = Status::NotDue;
        }
    }

    // A condition the plan leaves empty is missing data: deleting is_quality_school must not let
    // a school's training target go unchecked. Only a target that passes where the condition holds
    // (and, where it does not, does not apply) is settled without it.
    void unknown_condition(std::vector<std::string> facts) {
        if (ind_.require)
            requirement();
        else
            comparison();
        if (result_.status == Status::Pass || result_.status == Status::NotApplicable)
            return not_applicable(Message("R-condition-not-reported", {{"facts", facts}}));
        if (result_.status == Status::Error) return;
        for (auto& fact : result_.missing)
            if (!contains(facts, fact)) facts.push_back(std::move(fact));
        result_.actual.reset();
        result_.target.reset();
        result_.gap.reset();
        result_.shortfall.reset();
        result_.progress.reset();
        result_.reason.clear();
        unknown(Missing{std::move(facts)});
    }

    Message due_reason() const { return Message("R-due", {{"year", ind_.deadline}}); }

    int checked_year() const { return options_.as_of.value_or(plan_.year); }
    bool due() const { return checked_year() >= ind_.deadline; }

    // The plan line a report points at: the lever when there is one; for an unmet requirement, the
    // first fact that is false; otherwise the first fact the rule itself read (not its `when`).
    void choose_deciding_line(bool passed) {
        const auto& uses = result_.uses;
        if (uses.size() > condition_uses_)
            result_.deciding = uses[condition_uses_].where;
        else if (!uses.empty())
            result_.deciding = uses.front().where;
        if (ind_.require && !passed) {
            for (size_t i = condition_uses_; i < uses.size(); ++i) {
                const Figure* fv = uses[i].subject->find(uses[i].key, checked_year());
                if (fv && std::holds_alternative<bool>(fv->value) && !std::get<bool>(fv->value)) {
                    result_.deciding = uses[i].where;
                    break;
                }
            }
        }
        for (const auto& use : uses)
            if (use.key == ind_.lever && use.subject == &subject_) result_.deciding = use.where;
    }

    // A target not yet due is not-due whether or not it holds already: "pass" would say the plan
    // meets a target that is not asked of it yet; the value and any gap are shown beside it.
    void settle(bool passed) {
        choose_deciding_line(passed);
        if (!due())
            result_.status = Status::NotDue;
        else if (passed)
            result_.status = Status::Pass;
        else if (ind_.severity == Severity::Advisory || benchmark())
            result_.status = Status::Advisory;
        else
            result_.status = Status::Fail;
        if (result_.status == Status::NotDue) result_.reason = due_reason();
        if (result_.status == Status::Advisory && !ind_.advisory_reason.empty())
            result_.reason.point_at(ind_.advisory_reason);
    }

    void requirement() {
        Value v = eval(*ind_.require, nullptr, &result_.uses);
        if (!is_known(v)) return unknown(v);
        return settle(std::get<bool>(v));
    }

    bool holds(const Rational& actual, const Rational& target) const {
        return ind_.holds(actual, target);
    }
    Rational distance(const Rational& actual, const Rational& target) const {
        return ind_.distance(actual, target);
    }

    Quantity shown(Rational value) const { return Quantity{value, rule_.unit, rule_.notation}; }

    void comparison() {
        Value m = eval(*ind_.measure, nullptr, &result_.uses);
        Value t = eval(*ind_.target, nullptr, &result_.uses);
        // The target as it stands for this subject (its type known), even when the measure is not.
        if (is_known(t)) result_.target = shown(std::get<Quantity>(t).value);
        if (!is_known(m) || !is_known(t)) return unknown(combine_unknown(m, t));
        try {
            const Rational& actual = std::get<Quantity>(m).value;
            const Rational& target = std::get<Quantity>(t).value;
            result_.actual = shown(actual);
            result_.target = shown(target);
            bool passed = holds(actual, target);
            if (!passed) {
                Quantity gap = shown(distance(actual, target));
                if (gap.notation == Notation::Percent)
                    gap.notation = Notation::Plain;  // points, not a percent
                result_.gap = gap;
                result_.shortfall = shortfall();
            }
            settle(passed);
            if (result_.status == Status::NotDue && !passed) track_progress();
        } catch (const ArithmeticError& e) {
            return unknown(Uncomputable{e.message()});
        }
    }

    // The measure in an earlier year, from the figures the plan gives for that year alone.
    std::optional<Rational> measure_in(int year) const {
        expr::EvalContext ctx{plan_.scope(), &subject_, nullptr, nullptr};
        ctx.year = year;
        ctx.figures_of_year_only = true;
        if (pooled()) ctx.pooled_types = &ind_.types;
        Value m = expr::evaluate(*ind_.measure->tree, ctx);
        if (!std::holds_alternative<Quantity>(m)) return std::nullopt;
        return std::get<Quantity>(m).value;
    }

    Direction direction() const {
        switch (ind_.comparison) {
            case Comparison::AtLeast:
            case Comparison::MoreThan:
                return Direction::Up;
            case Comparison::AtMost:
            case Comparison::LessThan:
                return Direction::Down;
            default:
                return Direction::Toward;
        }
    }

    // A target not yet due and not yet met, measured from its baseline (the stated one, else the
    // earliest year the measure can be read) through the figures of the years since: on-track or
    // behind. Without figures of an earlier year it stays not-due.
    void track_progress() {
        if (plan_.figure_years.empty()) return;
        int year = checked_year();
        int stated = subject_.baseline_year ? subject_.baseline_year : plan_.whole.baseline_year;
        if (stated >= year) return;
        std::vector<YearValue> figures;
        try {
            for (int y : plan_.figure_years) {
                if (y >= year) break;
                if (stated && y < stated) continue;
                std::optional<Rational> v = measure_in(y);
                if (v)
                    figures.push_back({y, *v});
                else if (y == stated)
                    return;  // the stated baseline cannot be read: no pace to judge
            }
            if (figures.empty()) return;
            figures.push_back({year, result_.actual->value});
            std::optional<Progress> p = measure_progress(std::move(figures), ind_.deadline,
                                                         result_.target->value, direction());
            if (!p) return;  // the baseline already meets the target: no task to measure
            if (!p->on_track()) p->to_level = to_level(p->level, p->level > p->baseline());
            result_.status = p->on_track() ? Status::OnTrack : Status::Behind;
            result_.progress = std::make_shared<const Progress>(std::move(*p));
        } catch (const ArithmeticError&) {
            // Figures too large to divide exactly: the target stays not-due, as without figures.
            result_.progress.reset();
            result_.status = Status::NotDue;
        }
    }

    // How much the lever must change for the measure to reach `level` (up to it, or down to it).
    std::optional<Shortfall> to_level(const Rational& level, bool up) const {
        std::optional<Rational> lever = lever_value();
        if (!lever) return std::nullopt;
        const Rational& current = *lever;
        auto measure = [&](const Rational& v) -> std::optional<Rational> {
            expr::Override o{ind_.lever, v};
            Value m = eval(*ind_.measure, &o, nullptr);
            if (!std::holds_alternative<Quantity>(m)) return std::nullopt;
            return std::get<Quantity>(m).value;
        };
        Difference difference = [&](const Rational& v) -> std::optional<Rational> {
            if (v == current) return result_.actual->value - level;
            std::optional<Rational> m = measure(v);
            if (!m) return std::nullopt;
            return *m - level;
        };
        PassTest passes = [&](const Rational& v) {
            std::optional<Rational> m = measure(v);
            return m && (up ? *m >= level : *m <= level);
        };
        return find_shortfall(up ? Comparison::AtLeast : Comparison::AtMost,
                              rules_.facts.at(ind_.lever), current, difference, passes);
    }

    // The lever's value now: the subject's own figure, or for a regional target on a region's plan
    // the region's total (its institutions' figures summed), so that the gap is in people for the
    // region as a whole ("需增加 10 名双师型教师") and not only in points of a share.
    std::optional<Rational> lever_value() const {
        if (ind_.lever.empty()) return std::nullopt;
        if (pooled()) {
            expr::Expr fact;
            fact.kind = expr::Expr::Kind::Fact;
            fact.name = ind_.lever;
            expr::EvalContext ctx{plan_.scope(), &subject_, nullptr, nullptr};
            ctx.year = checked_year();
            ctx.pooled_types = &ind_.types;
            Value total = expr::evaluate(fact, ctx);
            if (!std::holds_alternative<Quantity>(total)) return std::nullopt;
            return std::get<Quantity>(total).value;
        }
        const Figure* lever = subject_.find(ind_.lever, checked_year());
        if (!lever || !std::holds_alternative<Quantity>(lever->value)) return std::nullopt;
        return std::get<Quantity>(lever->value).value;
    }

    std::optional<Shortfall> shortfall() const {
        std::optional<Rational> lever = lever_value();
        if (!lever) return std::nullopt;
        const FactDef& def = rules_.facts.at(ind_.lever);
        auto with = [&](const Rational& v) {
            expr::Override o{ind_.lever, v};
            return std::pair{eval(*ind_.measure, &o, nullptr), eval(*ind_.target, &o, nullptr)};
        };
        // "About" is met at the nearer edge of its band: below it, aim at target − tolerance; above
        // it, at target + tolerance.
        Comparison aim = ind_.comparison;
        int edge = 0;
        if (aim == Comparison::About) {
            bool below = ind_.about_at_least || result_.actual->value < result_.target->value;
            aim = below ? Comparison::AtLeast : Comparison::AtMost;
            edge = below ? -1 : 1;
        }
        auto from_aim = [&](const Rational& measure, const Rational& target) {
            return measure - (target + Rational(edge) * ind_.tolerance_for(target));
        };
        const Rational& current = *lever;
        Difference difference = [&](const Rational& v) -> std::optional<Rational> {
            // At the plan's own value, measure and target are the result's: not evaluated again.
            if (v == current) return from_aim(result_.actual->value, result_.target->value);
            auto [m, t] = with(v);
            if (!std::holds_alternative<Quantity>(m) || !std::holds_alternative<Quantity>(t))
                return std::nullopt;
            return from_aim(std::get<Quantity>(m).value, std::get<Quantity>(t).value);
        };
        PassTest passes = [&](const Rational& v) {
            auto [m, t] = with(v);
            return std::holds_alternative<Quantity>(m) && std::holds_alternative<Quantity>(t) &&
                   holds(std::get<Quantity>(m).value, std::get<Quantity>(t).value);
        };
        return find_shortfall(aim, def, current, difference, passes);
    }

    const CompiledRule& rule_;
    const Indicator& ind_;  // rule_'s
    const RuleSet& rules_;
    const Plan& plan_;
    const Subject& subject_;
    const CheckOptions& options_;
    Result& result_;
    size_t condition_uses_ = 0;  // how many of result_.uses the `when` condition read
};

}  // namespace

Result check_indicator(const CompiledRule& rule, const RuleSet& rules, const Plan& plan,
                       const Subject& subject, const CheckOptions& options) {
    Result result;
    IndicatorCheck(rule, rules, plan, subject, options, result).run();
    return result;
}

namespace {

void check_versions(const CompiledRule& head, const RuleSet& rules, const Plan& plan,
                    const Subject& subject, const CheckOptions& options, Result& out) {
    if (head.restated.empty()) {
        IndicatorCheck(head, rules, plan, subject, options, out).run();
        return;
    }
    Result best = check_indicator(head, rules, plan, subject, options);
    Status head_status = best.status;
    std::vector<std::pair<const CompiledRule*, Status>> versions;
    for (const CompiledRule& parent : head.restated) {
        Result r = check_indicator(parent, rules, plan, subject, options);
        versions.emplace_back(&parent, r.status);
        if (severity_rank(r.status) > severity_rank(best.status)) best = std::move(r);
    }
    versions.emplace_back(&head, head_status);
    best.versions = std::move(versions);
    out = std::move(best);
}

bool covers(const CompiledRule& head, const Subject& s) {
    if (head.indicator->covers_type(s.type)) return true;
    for (const auto& v : head.restated)
        if (v.indicator->covers_type(s.type)) return true;
    return false;
}

}  // namespace

std::vector<Result> check_plan(const RuleSet& rules, const Plan& plan,
                               const CheckOptions& options) {
    std::vector<Result> results;
    // At least one result per indicator: reserved, so that growing does not move them all.
    results.reserve(rules.rules.size() + (plan.is_school() ? 0 : plan.institutions.size()));
    for (const CompiledRule& rule : rules.rules) {
        const Indicator& ind = *rule.indicator;
        if (ind.subject == expr::Scope::Plan) {
            check_versions(rule, rules, plan, plan.whole, options, results.emplace_back());
            continue;
        }
        bool any = false;
        if (ind.scope == Binding::Region && !plan.is_school()) {
            // The region as a whole: per type when the target depends on it, else once.
            if (!ind.reads_type) {
                check_versions(rule, rules, plan, plan.whole, options, results.emplace_back());
                continue;
            }
            for (const Subject& total : plan.type_totals) {
                if (!covers(rule, total)) continue;
                check_versions(rule, rules, plan, total, options, results.emplace_back());
                any = true;
            }
        } else if (plan.is_school()) {
            if (covers(rule, plan.whole)) {
                check_versions(rule, rules, plan, plan.whole, options, results.emplace_back());
                any = true;
            }
        } else {
            for (const Subject& inst : plan.institutions) {
                if (!covers(rule, inst)) continue;
                check_versions(rule, rules, plan, inst, options, results.emplace_back());
                any = true;
            }
        }
        if (!any) {
            Result& r = results.emplace_back();
            r.rule = &rule;
            r.plan = &plan;
            r.subject = &plan.whole;
            r.status = Status::NotApplicable;
            r.deciding = plan.whole.where;
            r.reason.point_at(ind.absent_reason);
        }
    }
    if (!plan.waivers.empty()) apply_waivers(plan, results, options.today.value_or(Date::today()));
    return results;
}

}  // namespace vetcheck
