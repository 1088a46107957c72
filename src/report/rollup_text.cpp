#include "vetcheck/report/rollup_text.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "vetcheck/base/text.hpp"
#include "vetcheck/report/format.hpp"
#include "vetcheck/report/json_writer.hpp"
#include "vetcheck/report/markdown_reporter.hpp"

namespace vetcheck::report {

namespace {

// The lower plans are told apart by region when they give one: 杭州市 rather than the plan's title.
std::string who(const Plan& p) {
    return p.region.empty() ? p.name : p.region;
}

std::string share_text(const RollupShare& s, const std::optional<Quantity>& target,
                       const Unit& unit) {
    if (!s.value) return fmt::format("{} —", who(*s.plan));
    std::string text =
        fmt::format("{} {}{}", who(*s.plan), s.value->to_decimal(2), unit.to_string());
    if (target && !target->value.is_zero()) {
        try {
            text += fmt::format(" ({}%)", (*s.value / target->value).scaled_decimal(100, 1));
        } catch (const ArithmeticError&) {
            // a share too large to compute exactly is left out
        }
    }
    return text;
}

std::string detail(const RollupResult& r, Lang lang) {
    std::string own;
    if (r.upper_value && *r.upper_value != r.total.value)
        own = fmt::format("; {} {}{}{}", lang == Lang::Zh ? "本级填报" : "the plan itself reports",
                          r.upper_value->to_decimal(2), r.rule->unit.to_string(),
                          lang == Lang::Zh ? "，与下级合计不符" : ", not the sum");
    if (r.status == Status::Missing && !r.missing.empty())
        return fmt::format("{}: {}{}", label(Label::MissingData, lang), join(r.missing, ", "), own);
    if (!r.reason.empty()) return render(r.reason, lang);
    if (!r.gap) return own.empty() ? "" : own.substr(2);
    bool over = r.indicator().comparison == Comparison::AtMost ||
                r.indicator().comparison == Comparison::LessThan;
    std::string amount = r.gap->to_string(2);
    if (lang == Lang::Zh) return fmt::format("{} {}{}", over ? "超出" : "差", amount, own);
    return fmt::format("{} {}{}", amount, over ? "over" : "short", own);
}

}  // namespace

void write_rollup(const Plan& upper, const RuleSet& rules, const std::vector<RollupResult>& results,
                  const ReportOptions& o, std::ostream& out) {
    size_t lower = results.empty() ? 0 : results.front().shares.size();
    out << fmt::format("{} ({}) — {} {} {}\n", upper.name, upper.year,
                       o.lang == Lang::Zh ? fmt::format("汇总 {} 份下级规划", lower)
                                          : fmt::format("roll-up of {} plans", lower),
                       label(Label::Against, o.lang), against_text(rules, o.lang));
    int name_w = 0, total_w = 0, target_w = 0;
    for (const auto& r : results) {
        if (r.status == Status::NotApplicable && !o.show_all) continue;
        name_w = std::max(name_w, display_width(r.indicator().name.in(o.lang)));
        total_w = std::max(total_w, display_width(r.total.to_string(2)));
        if (r.target)
            target_w = std::max(target_w, display_width(comparison_sign(r.indicator().comparison) +
                                                        r.target->to_string(2)));
    }
    Summary summary;
    for (const auto& r : results) {
        summary.add(r.status);
        if (r.status == Status::NotApplicable && !o.show_all) continue;
        std::string target =
            r.target ? comparison_sign(r.indicator().comparison) + r.target->to_string(2) : "—";
        std::string line =
            fmt::format(" {} {}  {}  {} {}  {}", status_mark(r.status),
                        pad_right(r.indicator().name.in(o.lang), name_w),
                        pad_left(r.total.to_string(2), total_w), label(Label::Needs, o.lang),
                        pad_right(target, target_w), detail(r, o.lang));
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out << line << '\n';
        std::vector<std::string> shares;
        for (const auto& s : r.shares) shares.push_back(share_text(s, r.target, r.rule->unit));
        out << "     " << join(shares, " · ") << '\n';
    }
    out << fmt::format(" {} {}: {}      {} {}\n", summary.total,
                       o.lang == Lang::Zh ? "项汇总检查" : "roll-up checks",
                       status_counts_text(summary.counts, o.lang), label(Label::ExitCode, o.lang),
                       summary.failed(o.policy) ? 1 : 0);
}

namespace {

void write_quantity(JsonWriter& w, std::string_view key, const std::optional<Quantity>& q) {
    w.key(key);
    if (q)
        w.value(q->to_string(2));
    else
        w.null();
}

void write_rollup_json(const Plan& upper, const std::vector<RollupResult>& results,
                       const ReportOptions& o, std::ostream& out) {
    JsonWriter w(out);
    w.begin_object();
    w.key("schema").value("vetcheck-rollup/1");
    w.key("plan").value(upper.name);
    w.key("year").value(upper.year);
    Summary summary;
    w.key("results").begin_array();
    for (const auto& r : results) {
        summary.add(r.status);
        if (r.status == Status::NotApplicable && !o.show_all) continue;
        w.begin_object();
        w.key("indicator").value(r.indicator().id);
        w.key("name").value(r.indicator().name.in(o.lang));
        w.key("status").value(status_name(r.status));
        w.key("total").value(r.total.to_string(2));
        write_quantity(w, "target", r.target);
        write_quantity(w, "gap", r.gap);
        w.key("upper_value");
        if (r.upper_value)
            w.value(r.upper_value->to_decimal(2));
        else
            w.null();
        w.key("missing").begin_array();
        for (const auto& m : r.missing) w.value(m);
        w.end_array();
        w.key("reason").value(render(r.reason, o.lang));
        w.key("reason_code").value(r.reason.code());
        w.key("shares").begin_array();
        for (const auto& share : r.shares) {
            w.begin_object();
            w.key("plan").value(who(*share.plan));
            w.key("value");
            if (share.value)
                w.value(share.value->to_decimal(2));
            else
                w.null();
            w.end_object();
        }
        w.end_array();
        w.end_object();
    }
    w.end_array();
    w.key("summary").begin_object();
    for (int i = 0; i < kStatusCount; ++i)
        w.key(status_name(static_cast<Status>(i))).value(summary.counts[i]);
    w.end_object();
    w.key("failed").value(summary.failed(o.policy));
    w.end_object();
    w.finish();
}

void write_rollup_markdown(const Plan& upper, const RuleSet& rules,
                           const std::vector<RollupResult>& results, const ReportOptions& o,
                           std::ostream& out) {
    bool zh = o.lang == Lang::Zh;
    out << fmt::format("# {} ({}) — {}\n\n", markdown_escape(upper.name), upper.year,
                       markdown_escape(against_text(rules, o.lang)));
    out << (zh ? "| | 指标 | 下级合计 | 目标 | 说明 | 各下级规划 |\n"
               : "| | indicator | total | target | detail | lower plans |\n");
    out << "|---|---|---|---|---|---|\n";
    Summary summary;
    for (const auto& r : results) {
        summary.add(r.status);
        if (r.status == Status::NotApplicable && !o.show_all) continue;
        std::vector<std::string> shares;
        for (const auto& s : r.shares) shares.push_back(share_text(s, r.target, r.rule->unit));
        out << fmt::format(
            "| {} | {} | {} | {} | {} | {} |\n", status_mark(r.status),
            markdown_escape(r.indicator().name.in(o.lang)), r.total.to_string(2),
            r.target ? comparison_sign(r.indicator().comparison) + r.target->to_string(2) : "—",
            markdown_escape(detail(r, o.lang)), markdown_escape(join(shares, " · ")));
    }
    out << fmt::format("\n{} {}: {}\n", summary.total, zh ? "项汇总检查" : "roll-up checks",
                       status_counts_text(summary.counts, o.lang));
}

}  // namespace

void write_rollup(const Plan& upper, const RuleSet& rules, const std::vector<RollupResult>& results,
                  const ReportOptions& options, TextFormat format, std::ostream& out) {
    if (format == TextFormat::Json) return write_rollup_json(upper, results, options, out);
    if (format == TextFormat::Markdown)
        return write_rollup_markdown(upper, rules, results, options, out);
    write_rollup(upper, rules, results, options, out);
}

}  // namespace vetcheck::report
