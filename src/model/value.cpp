#include "vetcheck/model/value.hpp"

#include <algorithm>

#include "vetcheck/base/text.hpp"

namespace vetcheck {

Value combine_unknown(const Value& a, const Value& b) {
    if (is_missing(a) && is_missing(b)) {
        Missing m = std::get<Missing>(a);
        for (const auto& f : std::get<Missing>(b).facts)
            if (std::find(m.facts.begin(), m.facts.end(), f) == m.facts.end()) m.facts.push_back(f);
        return m;
    }
    // Missing data is reported before an uncomputable result: supplying the data may fix both.
    if (is_missing(a)) return a;
    if (is_missing(b)) return b;
    if (is_uncomputable(a)) return a;
    return b;
}

std::string describe(const Value& v) {
    struct Visitor {
        std::string operator()(const Missing& m) const {
            return "missing (" + join(m.facts, ", ") + ")";
        }
        std::string operator()(const Uncomputable& u) const {
            return "uncomputable (" + render(u.reason, Lang::En) + ")";
        }
        std::string operator()(const Quantity& q) const { return q.to_string(); }
        std::string operator()(bool b) const { return b ? "true" : "false"; }
        std::string operator()(const std::string& s) const { return "\"" + s + "\""; }
    };
    return std::visit(Visitor{}, v);
}

}  // namespace vetcheck
