#include "vetcheck/report/format.hpp"

#include <fmt/format.h>

#include "vetcheck/base/text.hpp"
#include "vetcheck/compile/catalog.hpp"
#include "vetcheck/report/progress_text.hpp"
#include "vetcheck/report/shortfall_text.hpp"
#include "vetcheck/report/waiver_text.hpp"

namespace vetcheck::report {

namespace {

bool zh(Lang lang) {
    return lang == Lang::Zh;
}

std::string yes_no(bool b, Lang lang) {
    return zh(lang) ? (b ? "是" : "否") : (b ? "yes" : "no");
}

std::string distance_text(const Result& r, Lang lang) {
    const Quantity& gap = *r.gap;
    const Indicator& ind = r.indicator();
    bool points = r.rule->notation == Notation::Percent;
    std::string amount = points ? gap.value.scaled_decimal(100, 1) : gap.to_string(2);
    if (r.rule->notation == Notation::Ratio)
        return "";  // a ratio's gap reads only as a shortfall in people
    bool over = ind.comparison == Comparison::AtMost || ind.comparison == Comparison::LessThan;
    if (ind.comparison == Comparison::About)
        return zh(lang)
                   ? fmt::format("超出允许范围 {}{}", amount, points ? " 个百分点" : "")
                   : fmt::format("{}{} outside the tolerance", amount, points ? " points" : "");
    if (zh(lang))
        return fmt::format("{} {}{}", over ? "超出" : "差", amount, points ? " 个百分点" : "");
    return fmt::format("{}{} {}", amount, points ? " points" : "", over ? "over" : "short");
}

}  // namespace

std::string status_text(Status s, Lang lang) {
    const StatusInfo& info = status_info(s);
    return std::string(zh(lang) ? info.zh : info.en);
}

const char* status_mark(Status s) {
    return status_info(s).mark.data();
}

std::string status_counts_text(const std::array<int, kStatusCount>& counts, Lang lang) {
    fmt::memory_buffer text;
    for (int i = 0; i < kStatusCount; ++i) {
        if (counts[i] == 0) continue;
        if (text.size() > 0) text.append(std::string_view(" · "));
        fmt::format_to(std::back_inserter(text), "{} {}", counts[i],
                       status_text(static_cast<Status>(i), lang));
    }
    return fmt::to_string(text);
}

std::string actual_text(const Result& r, Lang lang) {
    if (r.indicator().is_requirement()) {
        if (r.status == Status::Pass) return yes_no(true, lang);
        if (r.status == Status::Fail || r.status == Status::Advisory) return yes_no(false, lang);
        return "—";
    }
    if (!r.actual) return "—";
    // Never show a failing value rounded onto its target (49.96% as "50%" beside "≥50%").
    std::string shown = r.actual->to_string(1);
    for (int d = 2; d <= 4 && r.status != Status::Pass && r.target &&
                    r.actual->value != r.target->value && shown == r.target->to_string(d - 1);
         ++d)
        shown = r.actual->to_string(d);
    return shown;
}

namespace {
std::string own_target_text(const Result& r, Lang lang) {
    const Indicator& ind = r.indicator();
    if (ind.is_requirement()) return yes_no(true, lang);
    if (!r.target) return ind.target_text(ind.target->text);  // not computed: as the pack writes it
    // A constant target comes out as its own value, so it reads as constant_target_text says.
    return ind.target_text(r.target->to_string(2));
}
}  // namespace

std::string constant_target_text(const CompiledRule& rule) {
    const Indicator& ind = *rule.indicator;
    if (!ind.target || ind.target->tree->kind != expr::Expr::Kind::Number) return "";
    return ind.target_text(
        Quantity{ind.target->tree->number.value, rule.unit, rule.notation}.to_string(2));
}

std::string target_text(const Result& r, Lang lang) {
    std::string text = own_target_text(r, lang);
    // A regional target says so, on the region's plan and beside a school's own value alike.
    if (r.indicator().scope == Binding::Region)
        text = r.indicator().scope_label.in(lang) + " " + text;
    return text;
}

std::string gap_text(const Result& r, Lang lang) {
    if (r.waiver) {  // what the waiver did, then the gap as it stands without it
        Result unwaived = r;
        unwaived.waiver.reset();
        unwaived.status = r.waiver->original;
        if (r.waiver->state == WaiverState::Applied) unwaived.reason.clear();
        std::string note = waiver_text(r, lang), rest = gap_text(unwaived, lang);
        return rest.empty() ? note : note + "; " + rest;
    }
    switch (r.status) {
        case Status::Pass:
            return "";
        case Status::Missing:
            return render(Message("L-missing-facts", {{"facts", r.missing}}), lang);
        case Status::Error:
        case Status::NotApplicable:
            return r.reason.text(lang);
        default:
            break;
    }
    std::string text;
    if (r.progress)  // on track or behind: the pace, not the distance to the final target
        text = progress_text(r, lang);
    else if (r.shortfall)
        text = shortfall_text(*r.shortfall, lang);
    else if (r.gap)
        text = distance_text(r, lang);
    if (r.status == Status::NotDue || r.progress) {
        if (text.empty() && !r.missing.empty())
            text = render(Message("L-missing-facts", {{"facts", r.missing}}), lang);
        std::string due = r.reason.text(lang);
        text = text.empty() ? due : fmt::format("{}{}{}", due, zh(lang) ? "；" : "; ", text);
    }
    if (r.status == Status::Advisory) {
        bool benchmark = r.indicator().scope == Binding::Region && r.plan->is_school();
        std::string prefix = benchmark
                                 ? render(Message("L-benchmark-against",
                                                  {{"scope", r.indicator().scope_label.in(lang)}}),
                                          lang)
                                 : phrase("L-advisory-target", lang);
        if (!r.reason.empty())
            prefix +=
                zh(lang) ? "（" + r.reason.text(lang) + "）" : " (" + r.reason.text(lang) + ")";
        text = text.empty() ? prefix : prefix + (zh(lang) ? "；" : "; ") + text;
    }
    return text;
}

std::string subject_text(const Result& r, Lang lang) {
    if (r.on_whole_plan() && !r.plan->is_school()) return label(Label::WholePlan, lang);
    return fmt::format("{} ({})", r.subject->name, r.subject->type);
}

std::string against_text(const RuleSet& rules, Lang lang) {
    std::vector<std::string> names;
    for (const Pack* p : rules.packs) {
        const PackInfo& i = p->info;
        if (!i.document_number.empty())
            names.push_back(i.document_number);
        else
            names.push_back(fmt::format(
                "{} {}–{}", i.region.in(lang).empty() ? i.title.in(lang) : i.region.in(lang),
                i.period_from, i.period_to));
    }
    return join(names, ", ");
}

std::string summary_text(const Summary& s, Lang lang) {
    std::string counts = status_counts_text(s.counts, lang);
    if (counts.empty()) return fmt::format("{} {}", s.total, label(Label::Checks, lang));
    return fmt::format("{} {}: {}", s.total, label(Label::Checks, lang), counts);
}

std::string outcome_text(const Result& r, Lang lang) {
    std::string gap = gap_text(r, lang);
    std::string actual = actual_text(r, lang);
    if (actual == "—") return gap.empty() ? status_text(r.status, lang) : gap;
    std::string text = fmt::format("{}{}{} {}", actual, zh(lang) ? "，" : ", ",
                                   label(Label::Needs, lang), target_text(r, lang));
    if (!gap.empty()) text += (zh(lang) ? "；" : "; ") + gap;
    return text;
}

}  // namespace vetcheck::report

namespace vetcheck::report {

namespace {

struct SubstituteContext {
    const Subject* subject;
};

std::string value_of(const std::string& key, const void* context) {
    const auto* c = static_cast<const SubstituteContext*>(context);
    const FactValue* fv = c->subject->find(key);
    if (!fv) return "";
    if (std::holds_alternative<bool>(fv->value))
        return std::get<bool>(fv->value) ? "true" : "false";
    if (std::holds_alternative<Quantity>(fv->value)) {
        Quantity q = std::get<Quantity>(fv->value);
        q.unit = Unit{};
        return q.to_string(4);
    }
    return "";
}

}  // namespace

Explanation explain(const Result& r) {
    const Indicator& ind = r.indicator();
    Explanation e;
    e.formula = ind.formula();
    SubstituteContext ctx{r.subject};
    auto substituted = [&](const SourceExpr& x) {
        return expr::to_source(*x.tree, value_of, &ctx);
    };
    if (ind.require) {
        e.substituted = substituted(*ind.require);
    } else {
        e.substituted = fmt::format("{} {} {}", substituted(*ind.measure),
                                    comparison_symbol(ind.comparison), substituted(*ind.target));
        // Appended, not `" " + tolerance_text()`: GCC 12 at -O3 warns falsely (-Wrestrict) on that.
        if (ind.tolerance) e.substituted.append(" ").append(ind.tolerance_text());
    }
    for (const auto& use : r.uses) {
        bool seen = false;
        for (const auto& f : e.facts)
            seen = seen || (f.key == use.key && f.where.line == use.where.line);
        if (seen) continue;
        const FactValue* fv = use.subject->find(use.key);
        std::string value = fv ? describe(fv->value) : "";
        e.facts.push_back(FactLine{std::string(use.key), value, use.where,
                                   use.subject == r.subject ? "" : use.subject->name});
    }
    return e;
}

}  // namespace vetcheck::report
