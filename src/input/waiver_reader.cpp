#include "vetcheck/input/waiver_reader.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "vetcheck/base/text.hpp"
#include "vetcheck/read/document.hpp"

namespace vetcheck {

namespace {

constexpr std::string_view kContext = "waivers[]";

std::string field(std::string_view name) {
    return fmt::format("{}.{}", kContext, name);
}

Waiver read_waiver(const Node& item, const RuleSet& rules, const Plan& plan) {
    MapReader r(item, std::string(kContext));
    r.reject_unknown({"indicator", "institution", "reason", "approved_by", "expires", "note"});
    Waiver w;
    w.where = item.where();

    const Node& indicator = r.required("indicator");
    w.indicator = expect_string(indicator, field("indicator"));
    std::vector<std::string> ids;
    bool known = false, for_institutions = false;
    for (const CompiledRule& rule : rules.rules) {
        const Indicator& ind = *rule.indicator;
        ids.push_back(ind.id);
        if (ind.id != w.indicator) continue;
        known = true;
        for_institutions = for_institutions || ind.subject == expr::Scope::Institution;
    }
    if (!known)
        throw InputError(
            indicator.where(),
            Message("E-waiver-unknown-indicator", {{"key", field("indicator")},
                                                   {"id", w.indicator},
                                                   {"packs", rules.requested},
                                                   {"suggestion", suggestion(w.indicator, ids)}}));

    if (const Node* institution = r.optional("institution")) {
        w.institution = expect_string(*institution, field("institution"));
        if (plan.is_school())
            throw InputError(institution->where(),
                             Message("E-waiver-school-institution",
                                     {{"key", field("institution")}, {"id", w.indicator}}));
        if (!for_institutions)
            throw InputError(institution->where(),
                             Message("E-waiver-plan-indicator",
                                     {{"key", field("institution")}, {"id", w.indicator}}));
        std::vector<std::string> names;
        for (const Subject& s : plan.institutions) names.push_back(s.id);
        if (std::find(names.begin(), names.end(), w.institution) == names.end())
            throw InputError(institution->where(),
                             Message("E-waiver-unknown-institution",
                                     {{"key", field("institution")},
                                      {"name", w.institution},
                                      {"suggestion", suggestion(w.institution, names)}}));
    }

    w.reason = r.required_string("reason");
    w.approved_by = r.required_string("approved_by");
    const Node& expires = r.required("expires");
    auto date = Date::parse(expect_string(expires, field("expires")));
    if (!date) fail_expected(expires, field("expires"), Message("P-a-date"));
    w.expires = *date;
    return w;
}

}  // namespace

std::vector<Waiver> read_waivers(const Node& list, const RuleSet& rules, const Plan& plan) {
    if (!list.is_seq()) fail_expected(list, "waivers", Message("P-a-list-of-waivers"));
    std::vector<Waiver> waivers;
    for (const Node& item : list.items()) {
        Waiver w = read_waiver(item, rules, plan);
        for (const Waiver& earlier : waivers)
            if (earlier.indicator == w.indicator && earlier.institution == w.institution)
                throw InputError(w.where,
                                 Message("E-waiver-twice",
                                         {{"id", w.indicator},
                                          {"institution",
                                           w.institution.empty() ? "" : " (" + w.institution + ")"},
                                          {"first", earlier.where.to_string()}}));
        waivers.push_back(std::move(w));
    }
    return waivers;
}

}  // namespace vetcheck
