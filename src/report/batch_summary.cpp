#include "vetcheck/report/batch_summary.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "vetcheck/base/text.hpp"
#include "vetcheck/input/tabular_plans.hpp"
#include "vetcheck/report/format.hpp"

namespace vetcheck {

int BatchSummary::IndicatorStats::checked() const {
    int n = 0;
    for (Status s : {Status::Pass, Status::Fail, Status::Missing, Status::Error, Status::Advisory})
        n += counts[static_cast<int>(s)];
    return n;
}

void BatchSummary::add(const report::PlanReport& report) {
    const Plan& source = *report.plan;
    PlanStats plan{source.name, source.file, "", 0, 0, 0};
    if (is_csv_path(source.file)) {
        plan.id = source.id;
        plan.row = source.whole.where.line;
    }
    for (const Result& r : report.results) {
        total_.add(r.status);
        const Indicator& ind = r.indicator();
        auto it = std::find_if(indicators_.begin(), indicators_.end(),
                               [&](const IndicatorStats& s) { return s.id == ind.id; });
        if (it == indicators_.end())
            it = indicators_.insert(indicators_.end(), IndicatorStats{ind.id, ind.name, {}});
        ++it->counts[static_cast<int>(r.status)];
        bool checked = r.status != Status::NotApplicable && r.status != Status::NotDue &&
                       r.status != Status::Waived;
        plan.checked += checked;
        plan.passed += r.status == Status::Pass;
        if (r.status != Status::Fail || !r.gap || !r.target || r.target->value.is_zero()) continue;
        Gap g{report.plan->name,
              r.on_whole_plan() ? "" : r.subject->name,
              ind.name,
              (r.gap->value / r.target->value).abs(),
              report::actual_text(r, Lang::En),
              report::target_text(r, Lang::En),
              report::gap_text(r, Lang::En),
              report::gap_text(r, Lang::Zh)};
        auto pos = std::find_if(gaps_.begin(), gaps_.end(),
                                [&](const Gap& x) { return x.relative < g.relative; });
        if (static_cast<size_t>(pos - gaps_.begin()) < keep_) {
            gaps_.insert(pos, std::move(g));
            if (gaps_.size() > keep_) gaps_.pop_back();
        }
    }
    plans_.push_back(std::move(plan));
}

std::vector<BatchSummary::PlanStats> BatchSummary::worst_plans() const {
    std::vector<PlanStats> sorted = plans_;
    // Exact comparison of pass rates (a/b < c/d) keeps the order the same on every machine.
    std::stable_sort(sorted.begin(), sorted.end(), [](const PlanStats& a, const PlanStats& b) {
        return static_cast<long long>(a.passed) * std::max(b.checked, 1) <
               static_cast<long long>(b.passed) * std::max(a.checked, 1);
    });
    if (sorted.size() > keep_) sorted.resize(keep_);
    return sorted;
}

namespace {

std::string rate(int passed, int checked) {
    if (checked == 0) return "—";
    return Rational(passed * 100, checked).to_decimal(1) + "%";
}

}  // namespace

void write_batch_summary(const BatchSummary& s, Lang lang, std::ostream& out) {
    bool zh = lang == Lang::Zh;
    out << fmt::format("{} — {} {}, {}\n", zh ? "批量汇总" : "Batch summary", s.plans(),
                       zh ? "份规划" : "plans", report::summary_text(s.total(), lang));
    out << (zh ? "\n各指标达标率（适用且已到期的检查）:\n"
               : "\nPass rate per indicator (checks that apply and are due):\n");
    int name_w = 0;
    for (const auto& i : s.indicators()) name_w = std::max(name_w, display_width(i.name.in(lang)));
    std::vector<const BatchSummary::IndicatorStats*> shown, not_in_data;
    for (const auto& i : s.indicators()) {
        if (i.not_in_data())
            not_in_data.push_back(&i);
        else if (i.checked() > 0)
            shown.push_back(&i);
    }
    std::stable_sort(shown.begin(), shown.end(), [](auto* a, auto* b) {
        return static_cast<long long>(a->passed()) * b->checked() <
               static_cast<long long>(b->passed()) * a->checked();
    });
    for (const auto* i : shown) {
        std::array<int, kStatusCount> problems = i->counts;  // what kept it from passing
        for (Status st : {Status::Pass, Status::NotDue, Status::NotApplicable, Status::Waived})
            problems[static_cast<int>(st)] = 0;
        std::string line = fmt::format("  {}  {}  ({}/{})  {}", pad_right(i->name.in(lang), name_w),
                                       pad_left(rate(i->passed(), i->checked()), 6), i->passed(),
                                       i->checked(), report::status_counts_text(problems, lang));
        while (line.back() == ' ') line.pop_back();
        out << line << '\n';
    }
    if (!not_in_data.empty()) {
        out << (zh ? "\n数据中没有的指标（没有规划提供所需数据，不计达标率）:\n"
                   : "\nNot in the data (no plan supplies the facts; no pass rate):\n");
        for (const auto* i : not_in_data)
            out << fmt::format("  {}  ({} {})\n", i->name.in(lang), i->checked(),
                               zh ? "份规划" : "plans");
    }
    out << (zh ? "\n达标率最低的规划:\n" : "\nPlans with the lowest pass rate:\n");
    for (const auto& p : s.worst_plans()) {
        std::string where = p.row > 0 ? fmt::format("{}  {}:{}", p.id, p.file, p.row) : p.file;
        out << fmt::format("  {}  ({}/{})  {}  {}\n", pad_left(rate(p.passed, p.checked), 6),
                           p.passed, p.checked, p.name, where);
    }
    if (s.worst_gaps().empty()) return;
    out << (zh ? "\n相对差距最大的未达标项:\n" : "\nLargest gaps (relative to the target):\n");
    for (const auto& g : s.worst_gaps())
        out << fmt::format("  {}  {}{} — {}  {} {}  {}\n",
                           pad_left((g.relative * Rational(100)).to_decimal(1) + "%", 7), g.plan,
                           g.subject.empty() ? "" : " / " + g.subject, g.indicator.in(lang),
                           g.actual, zh ? "需 " + g.target : "needs " + g.target,
                           zh ? g.gap_zh : g.gap_en);
}

}  // namespace vetcheck
