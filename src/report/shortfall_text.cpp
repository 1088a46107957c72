#include "vetcheck/report/shortfall_text.hpp"

#include <fmt/format.h>

namespace vetcheck::report {

namespace {

bool zh(Lang lang) {
    return lang == Lang::Zh;
}

std::string fact_name(const FactDef& f, Lang lang) {
    const std::string& n = f.name.in(lang);
    return n.empty() ? f.key : n;
}

// Two decimals, or as many more as it takes not to show a non-zero change as 0. `factor` 100
// shows a share in percent (computed without the product, which may not fit).
std::string number_text(const Rational& v, int64_t factor = 1) {
    std::string text = v.scaled_decimal(factor, 2);
    for (int d = 3; d <= 6 && !v.is_zero() && (text == "0" || text == "-0"); ++d)
        text = v.scaled_decimal(factor, d);
    return text;
}

std::string fact_value_text(const FactDef& f, const Rational& v) {
    return f.type == FactType::Share ? number_text(v, 100) + "%" : number_text(v);
}

}  // namespace

std::string shortfall_text(const Shortfall& s, Lang lang) {
    Rational change = s.change().abs();
    bool more = s.change().sign() > 0;
    bool share = s.fact->type == FactType::Share;
    std::string amount = share ? number_text(change, 100) : number_text(change);
    std::string unit = share ? (zh(lang) ? "个百分点" : "points of") : s.fact->unit.to_string();
    std::string path = fmt::format("{} → {}{}", fact_value_text(*s.fact, s.current),
                                   s.strict ? "> " : "", fact_value_text(*s.fact, s.needed));
    if (zh(lang))
        return fmt::format("需{} {}{}{} ({} {})", more ? "增加" : "减少", s.strict ? "超过 " : "",
                           amount, unit.empty() ? "" : " " + unit, fact_name(*s.fact, lang), path);
    return fmt::format("{}{} {}{} {} ({})", s.strict ? "over " : "", amount,
                       more ? "more" : "fewer", share ? " points of" : "", fact_name(*s.fact, lang),
                       path);
}

}  // namespace vetcheck::report
