#include "vetcheck/report/waiver_text.hpp"

#include <fmt/format.h>

#include "vetcheck/engine/waivers.hpp"

namespace vetcheck::report {

namespace {

bool zh(Lang lang) {
    return lang == Lang::Zh;
}

std::string naming(const Waiver& w) {
    return w.institution.empty() ? w.indicator : fmt::format("{} ({})", w.indicator, w.institution);
}

}  // namespace

std::string waiver_text(const Result& r, Lang lang) {
    if (!r.waiver) return "";
    const Waiver& w = *r.waiver->waiver;
    std::string until = w.expires.to_string();
    switch (r.waiver->state) {
        case WaiverState::Applied:
            return zh(lang)
                       ? fmt::format("已豁免至 {} (批准: {}): {}", until, w.approved_by, w.reason)
                       : fmt::format("waived until {} (approved by {}): {}", until, w.approved_by,
                                     w.reason);
        case WaiverState::Expired:
            return zh(lang)
                       ? fmt::format("豁免已于 {} 到期 (批准: {})", until, w.approved_by)
                       : fmt::format("waiver expired {} (approved by {})", until, w.approved_by);
        case WaiverState::NotWaivable:
            return zh(lang)
                       ? "豁免不适用于无法计算的结果, 请修正数据"
                       : "a waiver does not cover a check that cannot be computed; fix the data";
        case WaiverState::Unnecessary:
            break;
    }
    return "";
}

std::vector<std::string> waiver_warnings(const Plan& plan, const std::vector<Result>& results,
                                         Lang lang) {
    std::vector<std::string> lines;
    for (const WaiverFinding& f : waiver_findings(plan, results)) {
        const Waiver& w = *f.waiver;
        std::string where = w.where.to_string();
        switch (f.state) {
            case WaiverState::Applied:
                break;
            case WaiverState::Expired:
                lines.push_back(
                    zh(lang) ? fmt::format("{}: {} 的豁免已于 {} 到期, 该项仍计为未达标", where,
                                           naming(w), w.expires.to_string())
                             : fmt::format("{}: waiver for {} expired {}: the check still fails",
                                           where, naming(w), w.expires.to_string()));
                break;
            case WaiverState::NotWaivable:
                lines.push_back(zh(lang)
                                    ? fmt::format("{}: {} 的豁免无效: 该项无法计算, 请修正数据",
                                                  where, naming(w))
                                    : fmt::format("{}: waiver for {} does not apply: the check "
                                                  "cannot be computed; fix the data",
                                                  where, naming(w)));
                break;
            case WaiverState::Unnecessary: {
                using Why = WaiverFinding::Why;
                const char* why_zh = f.why == Why::Passes   ? "该项已达标"
                                     : f.why == Why::NotDue ? "该项尚未到期"
                                                            : "该项不适用";
                const char* why_en = f.why == Why::Passes   ? "the check passes"
                                     : f.why == Why::NotDue ? "the target is not due yet"
                                                            : "the target does not apply";
                lines.push_back(
                    zh(lang) ? fmt::format("{}: {} 的豁免不必要: {}", where, naming(w), why_zh)
                             : fmt::format("{}: waiver for {} is unnecessary: {}", where, naming(w),
                                           why_en));
                break;
            }
        }
    }
    return lines;
}

}  // namespace vetcheck::report
