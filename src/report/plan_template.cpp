#include "vetcheck/report/plan_template.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include <fmt/format.h>

#include "vetcheck/base/messages.hpp"
#include "vetcheck/base/text.hpp"
#include "vetcheck/model/plan.hpp"
#include "vetcheck/read/yaml_writer.hpp"

namespace vetcheck {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// One target that reads a fact: as its condition (when:) or in what it measures.
struct Use {
    const Indicator* indicator;
    bool condition;
};
using Needs = std::map<std::string, std::vector<Use>>;  // fact key → the targets that read it

void add(Needs& needs, const std::string& key, const Indicator* ind, bool condition) {
    auto& uses = needs[key];
    for (const Use& u : uses)
        if (u.indicator == ind && u.condition == condition) return;
    uses.push_back(Use{ind, condition});
}

// Every fact an expression reads, and whether it is read inside an aggregate (from each
// institution) or directly (from the subject the expression is evaluated for).
void walk(const expr::Expr& e, bool in_aggregate,
          const std::function<void(const std::string&, bool)>& on_fact) {
    if (e.kind == expr::Expr::Kind::Fact) on_fact(e.name, in_aggregate);
    bool aggregate = in_aggregate;
    if (e.kind == expr::Expr::Kind::Call) aggregate = aggregate || expr::is_aggregate(e.builtin);
    for (const auto& a : e.args) walk(*a, aggregate, on_fact);
}

// The facts an expression compares with their baseline (`baseline(x)`): a plan gives them by year.
void collect_baseline_reads(const expr::Expr& e, std::set<std::string>* keys) {
    if (e.kind == expr::Expr::Kind::Call && e.builtin == expr::Builtin::Baseline)
        keys->insert(e.args[0]->name);
    for (const auto& a : e.args) collect_baseline_reads(*a, keys);
}

std::string example_id(const std::string& type) {
    if (type == "中职") return "example-secondary";
    if (type == "高职") return "example-higher";
    if (type == "技工") return "example-technician";
    if (type == "职业本科") return "example-bachelor";
    return "example";
}

std::string example_name(const std::string& type, Lang lang) {
    bool zh = lang == Lang::Zh;
    if (type == "中职") return zh ? "示例中等职业学校" : "Example secondary vocational school";
    if (type == "高职") return zh ? "示例高等职业院校" : "Example higher vocational school";
    if (type == "技工") return zh ? "示例技工学校" : "Example technician school";
    if (type == "职业本科") return zh ? "示例职业本科学校" : "Example vocational bachelor school";
    return zh ? "示例学校" : "Example school";
}

// An option's value that is not one of `allowed`, with a did-you-mean.
Message not_one_of(const std::string& found, const std::vector<std::string>& allowed) {
    return Message(
        "E-option-not-one-of",
        {{"allowed", allowed}, {"found", found}, {"suggestion", suggestion(found, allowed)}});
}

class TemplateWriter {
  public:
    TemplateWriter(Catalog& catalog, const TemplateOptions& o) : catalog_(catalog), o_(o) {}

    std::string write() {
        if (o_.packs.empty())
            throw InputError(SourceLocation{"--pack"}, Message("E-template-no-pack"));
        rules_ = catalog_.compile(o_.packs, SourceLocation{"--pack"});
        level_ = o_.level.empty() ? packs_level() : o_.level;
        if (!contains(plan_levels(), level_))
            throw InputError(SourceLocation{"--level"}, not_one_of(level_, plan_levels()));
        for (const auto& t : o_.types)
            if (!contains(institution_types(), t))
                throw InputError(SourceLocation{"--type"}, not_one_of(t, institution_types()));
        school_ = level_ == "school";
        if (school_ && o_.types.size() != 1)
            throw InputError(SourceLocation{"--type"}, Message("E-template-school-one-type",
                                                               {{"types", institution_types()}}));
        for (const auto& type : institution_types())  // in the usual order, each once
            if (o_.types.empty() || contains(o_.types, type)) types_.push_back(type);
        for (const Pack* p : rules_->packs) {
            packs_[p->info.id] = p;
            for (const FactDef& f : p->facts) order_.emplace(f.key, order_.size());
        }
        collect();
        return render();
    }

  private:
    bool zh() const { return o_.lang == Lang::Zh; }
    const char* t(const char* zh_text, const char* en_text) const {
        return zh() ? zh_text : en_text;
    }

    // The most local level among the packs asked for: a city pack is for city plans.
    std::string packs_level() {
        size_t best = 0;
        const auto& levels = plan_levels();
        for (const auto& id : o_.packs) {
            const std::string& l = catalog_.get(id, SourceLocation{"--pack"}).info.level;
            auto it = std::find(levels.begin(), levels.end(), l);
            if (it != levels.end()) best = std::max(best, static_cast<size_t>(it - levels.begin()));
        }
        return levels[best];
    }

    void collect() {
        for (const CompiledRule& head : rules_->rules) {
            std::vector<const Indicator*> versions = {head.indicator};
            for (const CompiledRule& v : head.restated) versions.push_back(v.indicator);
            for (const Indicator* v : versions) collect(*v);
        }
    }

    void collect(const Indicator& ind) {
        if (!ind.levels.empty() && !contains(ind.levels, level_)) return;
        std::vector<std::pair<const SourceExpr*, bool>> exprs;  // expression, is the condition
        if (ind.when) exprs.emplace_back(&*ind.when, true);
        for (const auto* e : {&ind.measure, &ind.target, &ind.require})
            if (*e) exprs.emplace_back(&**e, false);
        for (const auto& entry : exprs) collect_baseline_reads(*entry.first->tree, &by_year_);
        bool any = false;
        if (ind.subject == expr::Scope::Plan) {
            // Not structured bindings: clang 14 (the fuzz build) cannot capture them in a lambda.
            for (const auto& entry : exprs) {
                bool condition = entry.second;
                walk(*entry.first->tree, false, [&](const std::string& key, bool in_aggregate) {
                    if (!in_aggregate) {
                        add(plan_, key, &ind, condition);
                    } else if (!school_) {  // read from each institution the plan lists
                        for (const auto& type : types_)
                            add(institutions_[type], key, &ind, condition);
                    }
                });
            }
            any = true;
        } else {
            for (const auto& type : types_) {
                if (!ind.covers_type(type)) continue;
                Needs& needs = school_ ? plan_ : institutions_[type];
                for (const auto& entry : exprs) {
                    bool condition = entry.second;
                    walk(*entry.first->tree, false,
                         [&](const std::string& key, bool) { add(needs, key, &ind, condition); });
                }
                any = true;
            }
        }
        if (any) year_ = std::max(year_, ind.deadline);
    }

    std::string value_hint(const FactDef& f) const {
        switch (f.type) {
            case FactType::Count:
                return t("整数, 如 4500 或 1.2万", "a whole number, e.g. 4500 or 1.2万");
            case FactType::Amount:
                return t("数额, 如 12000 或 1.2万", "an amount, e.g. 12000 or 1.2万");
            case FactType::Number:
                return t("数值", "a number");
            case FactType::Share:
                // A bare number is read only as the pack declares (docs/plans.md "Writing values").
                if (f.bare == BareShare::Percent)
                    return t("比例, 如 57% 或 57", "a share, e.g. 57% or 57");
                if (f.bare == BareShare::Fraction)
                    return t("比例, 如 57% 或 0.57", "a share, e.g. 57% or 0.57");
                return t("比例, 如 57%", "a share, e.g. 57%");
            case FactType::Ratio:
                return t("比, 如 1:350", "a ratio, e.g. 1:350");
            case FactType::Multiple:
                return t("倍数, 如 2倍", "a multiple, e.g. 2倍");
            case FactType::Boolean:
                return t("是 或 否", "yes or no (是/否)");
        }
        return "";
    }

    std::string source_of(const Indicator& ind) const {
        std::string doc;
        if (auto it = packs_.find(ind.pack_id); it != packs_.end()) {
            const PackInfo& i = it->second->info;
            doc = i.document_number.empty() ? i.title.zh : i.document_number;
        }
        return join({doc, ind.source.section}, " ");
    }

    std::string target_of(const Indicator& ind, bool condition) const {
        std::string what;
        if (condition)
            what = fmt::format("{} {}", t("适用条件", "applies when"), ind.when->text);
        else if (ind.require)
            what = fmt::format("{} {}", t("须", "requires"), ind.require->text);
        else
            what = fmt::format("{}{}{}", comparison_sign(ind.comparison), ind.target->text,
                               ind.tolerance ? " " + ind.tolerance_text() : "");
        std::string due =
            zh() ? fmt::format("{} 年", ind.deadline) : fmt::format("by {}", ind.deadline);
        std::string soft =
            ind.severity == Severity::Advisory ? t(", 原则上 (建议性)", ", advisory") : "";
        return fmt::format("{} {}: {}, {}{} — {}", ind.id, ind.name.zh, what, due, soft,
                           source_of(ind));
    }

    // Facts in the order the packs declare them, grouped by the first part of their key; the
    // facts that only decide whether a target applies come first.
    std::vector<std::pair<std::string, std::vector<std::string>>> groups(const Needs& needs) const {
        auto only_condition = [](const std::vector<Use>& uses) {
            return std::all_of(uses.begin(), uses.end(), [](const Use& u) { return u.condition; });
        };
        std::vector<std::string> keys;
        for (const auto& [key, uses] : needs) keys.push_back(key);
        auto rank = [&](const std::string& key) {
            auto it = order_.find(key);
            return it == order_.end() ? order_.size() : it->second;
        };
        std::stable_sort(keys.begin(), keys.end(),
                         [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
        std::vector<std::pair<std::string, std::vector<std::string>>> out;
        const std::string conditions = "\x01";
        for (const auto& key : keys) {
            std::string group = only_condition(needs.at(key))        ? conditions
                                : key.find('.') == std::string::npos ? ""
                                                                     : key.substr(0, key.find('.'));
            auto it = std::find_if(out.begin(), out.end(),
                                   [&](const auto& g) { return g.first == group; });
            if (it == out.end()) {
                out.emplace_back(group, std::vector<std::string>{});
                it = out.end() - 1;
            }
            it->second.push_back(key);
        }
        std::stable_partition(out.begin(), out.end(),
                              [&](const auto& g) { return g.first == conditions; });
        return out;
    }

    void render_facts(const Needs& needs, int indent, std::string& out) const {
        std::string pad(static_cast<size_t>(indent), ' ');
        bool first = true;
        for (const auto& [group, keys] : groups(needs)) {
            if (!first) out += '\n';
            first = false;
            if (group == "\x01")
                out += yaml_comment(t("条件: 决定目标是否适用于本对象; 留空则相关目标列为不适用 "
                                      "(n/a)",
                                      "conditions: whether a target covers this subject; left "
                                      "empty, the targets are listed as not applicable (n/a)"),
                                    indent) +
                       '\n';
            else if (!group.empty())
                // The group is the facts' key prefix (data, the same in both languages).
                out += yaml_comment("—— " + group + ".* ——", indent) + '\n';
            for (const auto& key : keys) {
                const FactDef& f = rules_->facts.at(key);
                std::string unit =
                    f.unit.none() ? ""
                                  : fmt::format("{} {}, ", t("单位", "unit"), f.unit.to_string());
                out +=
                    yaml_comment(
                        // In English the Chinese name too: it is how the documents name it.
                        fmt::format("{} — {}{}",
                                    zh() ? f.name.zh : fmt::format("{} ({})", f.name.zh, f.name.en),
                                    unit, value_hint(f)),
                        indent) +
                    '\n';
                const auto& uses = needs.at(key);
                constexpr size_t kShown = 4;
                for (size_t i = 0; i < uses.size() && i < kShown; ++i)
                    out += yaml_comment("  " + target_of(*uses[i].indicator, uses[i].condition),
                                        indent) +
                           '\n';
                if (uses.size() > kShown)
                    out +=
                        yaml_comment(zh() ? fmt::format("  … 另有 {} 项目标 (vetcheck packs show)",
                                                        uses.size() - kShown)
                                          : fmt::format("  … and {} more targets (vetcheck "
                                                        "packs show)",
                                                        uses.size() - kShown),
                                     indent) +
                        '\n';
                // A target compares this fact with where the plan started: one figure is not
                // enough, so the template asks for the baseline year's and this year's.
                if (by_year_.count(key))
                    out += yaml_comment(t("  逐年填写：基期年份和本年的数值，目标与基期比较。",
                                          "  by year: the baseline year's figure and this "
                                          "year's; the target compares the two."),
                                        indent) +
                           '\n';
                out += pad + yaml_scalar(key) + ":\n";
                if (by_year_.count(key))
                    out += fmt::format("{}  {}:\n{}  {}:\n", pad, base_year(), pad, year());
            }
        }
    }

    // The latest deadline of a target in the template: all of them due.
    int year() const {
        int year = year_;
        if (year == 0)
            for (const Pack* p : rules_->packs) year = std::max(year, p->info.period_to);
        return year;
    }
    // The year before the packs' period begins: where a plan's progress is measured from.
    int base_year() const {
        int from = 0;
        for (const Pack* p : rules_->packs)
            if (p->info.period_from)
                from = from ? std::min(from, p->info.period_from) : p->info.period_from;
        return from ? from - 1 : year() - 1;
    }

    std::string render() const {
        std::string out;
        std::vector<std::string> types;
        for (const auto& type : types_)
            if (!school_ && (!o_.types.empty() || institutions_.count(type))) types.push_back(type);
        if (school_) types = types_;
        int year = this->year();

        std::vector<std::string> docs;
        for (const auto& id : o_.packs) {
            const PackInfo& i = packs_.at(id)->info;
            docs.push_back(fmt::format("{} ({})", id,
                                       i.document_number.empty() ? i.title.zh : i.document_number));
        }
        out +=
            yaml_comment(fmt::format(
                "{}: {} · {}: {}{}", t("vetcheck 规划模板", "vetcheck plan template"),
                join(docs, ", "), t("层级", "level"), level_,
                types.empty() ? ""
                              : fmt::format(" · {}: {}", t("类型", "types"), join(types, ", ")))) +
            '\n';
        out += yaml_comment(
                   t("由 vetcheck init 生成。逐项填写空值: 空值检查为“缺少数据”, 不会判为达标。",
                     "Written by vetcheck init. Fill in every empty value: until then it "
                     "checks as missing data, never as pass.")) +
               '\n';
        out += yaml_comment(t("按文件的写法填写: 4500, 1.2万, 57%, 1:350, 2倍, 1.2万元, 是/否。",
                              "Write values as the documents do: 4500, 1.2万, 57%, 1:350, 2倍, "
                              "1.2万元, 是/否.")) +
               '\n';
        out += yaml_comment(
                   t("检查: vetcheck 本文件.yaml", "Check it with: vetcheck THIS_FILE.yaml")) +
               "\n";
        out += "plan:\n";
        out += "  id: " + yaml_scalar(school_ ? "my-school-report" : "my-plan") + '\n';
        out += "  name: " +
               yaml_scalar(school_ ? t("请填写学校报告名称", "the school report's name")
                                   : t("请填写规划名称", "the plan's name")) +
               "  " + yaml_comment(t("规划或报告的名称", "the plan's or report's title")) + '\n';
        out += "  " + yaml_comment(t("region: XX市   (地区, 可选)", "region: XX市   (optional)")) +
               '\n';
        out += "  level: " + yaml_scalar(level_) + '\n';
        if (school_) out += "  type: " + yaml_scalar(types_.front()) + '\n';
        out += fmt::format("  year: {}  {}\n", year,
                           yaml_comment(t("数据所属年份; 期限在其后的目标列为“未到期”",
                                          "the year the figures are for; targets due later are "
                                          "not-due")));
        std::vector<std::string> packs;
        for (const auto& id : o_.packs) packs.push_back(yaml_scalar(id));
        out += "  packs: [" + join(packs, ", ") + "]\n";

        out += '\n';
        if (plan_.empty()) {
            out += "facts: {}  " +
                   yaml_comment(t("这些目标包在此层级不读取规划整体的数据",
                                  "no target of these packs reads plan facts at this level")) +
                   '\n';
        } else {
            out += "facts:" +
                   std::string(school_ ? ""
                                       : "  " + yaml_comment(t("规划整体的数据",
                                                               "facts of the plan as a whole"))) +
                   '\n';
            render_facts(plan_, 2, out);
        }
        if (school_ || types.empty()) return out;

        out += "\ninstitutions:\n";
        out +=
            yaml_comment(t("每所学校一项。以下为每种类型的示例: 为每所学校复制一份, 使用唯一的 id, "
                           "删除没有的类型。",
                           "One entry per school. Below is an example of each type: copy it for "
                           "every school, give each a unique id, delete the types you do not "
                           "have."),
                         2) +
            '\n';
        for (const auto& type : types) {
            out += "  - id: " + yaml_scalar(example_id(type)) + '\n';
            out += "    name: " + yaml_scalar(example_name(type, o_.lang)) + '\n';
            out += "    type: " + yaml_scalar(type) + '\n';
            auto it = institutions_.find(type);
            if (it == institutions_.end() || it->second.empty()) {
                out += "    facts: {}  " +
                       yaml_comment(zh() ? fmt::format("这些目标包在此层级没有适用于{}的目标", type)
                                         : fmt::format("no target of these packs covers {} at "
                                                       "this level",
                                                       type)) +
                       '\n';
                continue;
            }
            out += "    facts:\n";
            render_facts(it->second, 6, out);
        }
        return out;
    }

    Catalog& catalog_;
    const TemplateOptions& o_;
    std::shared_ptr<const RuleSet> rules_;
    std::string level_;
    bool school_ = false;
    std::vector<std::string> types_;
    std::map<std::string, const Pack*> packs_;
    std::map<std::string, size_t> order_;  // fact key → where the packs declare it
    Needs plan_;
    std::map<std::string, Needs> institutions_;  // by type
    int year_ = 0;
    std::set<std::string> by_year_;  // facts read through baseline(): given by year
};

}  // namespace

std::string write_plan_template(Catalog& catalog, const TemplateOptions& options) {
    return TemplateWriter(catalog, options).write();
}

}  // namespace vetcheck
