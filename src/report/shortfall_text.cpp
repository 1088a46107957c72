#include "vetcheck/report/shortfall_text.hpp"

namespace vetcheck::report {

namespace {

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
    bool more = s.change().sign() > 0;
    bool share = s.fact->type == FactType::Share;
    const char* code = share ? (more ? "L-gap-points-more" : "L-gap-points-fewer")
                             : (more ? "L-gap-more" : "L-gap-fewer");
    Rational change = s.change().abs();
    Message path(s.strict ? "P-gap-path-strict" : "P-gap-path",
                 {{"current", fact_value_text(*s.fact, s.current)},
                  {"needed", fact_value_text(*s.fact, s.needed)}});
    // The fact's name is data in both languages, so the message is rendered here.
    const std::string& name = s.fact->name.in(lang);
    Message gap(code, {{"over", s.strict ? Message("P-gap-over") : Message()},
                       {"amount", share ? number_text(change, 100) : number_text(change)},
                       {"unit", s.fact->unit.to_string()},
                       {"fact", name.empty() ? s.fact->key : name},
                       {"path", std::move(path)}});
    return render(gap, lang);
}

}  // namespace vetcheck::report
