#include "vetcheck/pack/pack.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace vetcheck {

std::string Citation::reference() const {
    const std::string& name = document.empty() ? file : document;
    return section.empty() ? name : name + " " + section;
}

namespace {
struct ComparisonName {
    Comparison c;
    std::string_view text;
    const char* symbol;
    const char* sign;
};
constexpr ComparisonName kComparisons[] = {
    {Comparison::AtLeast, ">=", ">=", "≥"}, {Comparison::MoreThan, ">", ">", ">"},
    {Comparison::AtMost, "<=", "<=", "≤"},  {Comparison::LessThan, "<", "<", "<"},
    {Comparison::Equal, "==", "==", "="},   {Comparison::About, "about", "about", "≈"}};
}  // namespace

bool parse_comparison(std::string_view text, Comparison* out) {
    for (const auto& c : kComparisons) {
        if (c.text == text) {
            *out = c.c;
            return true;
        }
    }
    return false;
}

const char* comparison_symbol(Comparison c) {
    for (const auto& n : kComparisons)
        if (n.c == c) return n.symbol;
    return "?";
}

const char* comparison_sign(Comparison c) {
    for (const auto& n : kComparisons)
        if (n.c == c) return n.sign;
    return "?";
}

SourceLocation SourceExpr::at(int offset) const {
    SourceLocation loc = where;
    // Exact for expressions written on one line, which is how packs write them.
    if (loc.known() && text.find('\n') == std::string::npos) loc.column += column_shift + offset;
    return loc;
}

Rational Indicator::tolerance_for(const Rational& target_value) const {
    if (!tolerance) return Rational(0);
    if (tolerance->notation == Notation::Percent) return (target_value * tolerance->value).abs();
    return tolerance->value;
}

std::string Indicator::target_text(std::string_view shown_target) const {
    // One-sided 左右 reads "≥10家 −1": at least the target less its tolerance.
    std::string text = about_at_least ? "≥" : comparison_sign(comparison);
    text += shown_target;
    // Appended, not `" " + tolerance_text()`: GCC 12 at -O3 warns falsely (-Wrestrict) on that.
    if (tolerance) text.append(" ").append(tolerance_text());
    return text;
}

std::string Indicator::tolerance_text() const {
    if (!tolerance) return "";
    return (about_at_least ? "−" : "±") + tolerance->to_string(1);
}

bool Indicator::covers_type(const std::string& type) const {
    return types.empty() || std::find(types.begin(), types.end(), type) != types.end();
}

bool Indicator::holds(const Rational& actual, const Rational& t) const {
    switch (comparison) {
        case Comparison::AtLeast:
            return actual >= t;
        case Comparison::MoreThan:
            return actual > t;
        case Comparison::AtMost:
            return actual <= t;
        case Comparison::LessThan:
            return actual < t;
        case Comparison::Equal:
            return actual == t;
        case Comparison::About:
            if (about_at_least) return actual >= t - tolerance_for(t);
            return (actual - t).abs() <= tolerance_for(t);
    }
    return false;
}

Rational Indicator::distance(const Rational& actual, const Rational& t) const {
    switch (comparison) {
        case Comparison::AtLeast:
        case Comparison::MoreThan:
            return t - actual;
        case Comparison::AtMost:
        case Comparison::LessThan:
            return actual - t;
        case Comparison::Equal:
            return (actual - t).abs();
        case Comparison::About:
            if (about_at_least) return t - tolerance_for(t) - actual;
            return (actual - t).abs() - tolerance_for(t);
    }
    return Rational(0);
}

std::vector<std::string> Indicator::facts_read() const {
    std::vector<std::string> keys;
    for (const auto* e : {&measure, &target, &require, &when}) {
        if (!*e) continue;
        for (const auto& k : expr::facts_read(*(*e)->tree))
            if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
    }
    return keys;
}

std::string Indicator::formula() const {
    if (require) return require->text;
    std::string f =
        fmt::format("{} {} {}", measure->text, comparison_symbol(comparison), target->text);
    if (tolerance) f.append(" ").append(tolerance_text());  // as in target_text
    if (about_at_least) f += " (at least)";
    return f;
}

}  // namespace vetcheck
