#include "vetcheck/pack/pack_loader.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "vetcheck/base/text.hpp"
#include "vetcheck/expr/parser.hpp"
#include "vetcheck/model/plan.hpp"
#include "vetcheck/read/yaml_loader.hpp"

namespace vetcheck {

std::optional<Comparison> comparison_for_word(std::string_view word) {
    auto has = [&](std::string_view w) { return word.find(w) != std::string_view::npos; };
    if (has("左右")) return Comparison::About;
    if (has("不超过") || has("以内") || has("控制在") || has("以下") || has("不高于"))
        return Comparison::AtMost;
    if (has("超过") || has("高于")) return Comparison::MoreThan;
    if (has("不低于") || has("以上") || has("达到") || has("不少于") || has("至少") ||
        has("及以上"))
        return Comparison::AtLeast;
    return std::nullopt;
}

namespace {

LocalizedText read_localized(const MapReader& r, std::string_view key, bool required) {
    const Node* n = required ? &r.required(key) : r.optional(key);
    if (!n) return {};
    if (n->is_scalar()) return LocalizedText{n->text(), ""};
    MapReader names(*n, std::string(key));
    names.reject_unknown({"zh", "en"});
    return LocalizedText{names.optional_string("zh").value_or(""),
                         names.optional_string("en").value_or("")};
}

std::vector<std::string> read_string_list(const Node* n, std::string_view what) {
    std::vector<std::string> out;
    if (!n) return out;
    if (n->is_scalar()) return {n->text()};
    if (!n->is_seq()) fail_expected(*n, what, Message("P-a-list"));
    for (const Node& item : n->items()) out.push_back(expect_string(item, what));
    return out;
}

void check_one_of(const Node& n, const std::string& value, const std::vector<std::string>& allowed,
                  std::string_view what) {
    if (std::find(allowed.begin(), allowed.end(), value) == allowed.end())
        fail_expected(n, what, Message("P-one-of", {{"items", allowed}}));
}

SourceExpr read_expression(const Node& n, const std::string& what,
                           const expr::ParseLimits& limits) {
    SourceExpr e;
    e.text = expect_string(n, what);
    e.where = n.where();
    e.column_shift = n.quoted() ? 1 : 0;
    expr::SyntaxError err;
    e.tree = expr::parse(e.text, &err, limits);
    if (!e.tree)
        throw InputError(
            e.at(err.offset),
            std::move(err.message.with({"key", what}).with({"expression", shorten(e.text, 80)})));
    return e;
}

FactDef read_fact(const Node& n, const std::string& pack_id) {
    MapReader r(n, "facts[]");
    r.reject_unknown({"key", "zh", "en", "unit", "type", "subjects", "note"});
    FactDef f;
    f.key = r.required_string("key");
    f.name =
        LocalizedText{r.optional_string("zh").value_or(""), r.optional_string("en").value_or("")};
    try {
        f.unit = Unit::parse(r.optional_string("unit").value_or(""));
    } catch (const ArithmeticError& e) {  // the run's limit of units
        throw InputError(r.required("unit").where(), fmt::format("{}.unit: {}", f.key, e.what()));
    }
    const Node& type = r.required("type");
    if (!parse_fact_type(expect_string(type, f.key + ".type"), &f.type))
        fail_expected(
            type, f.key + ".type",
            Message("P-one-of",
                    {{"items", std::vector<std::string>{"count", "amount", "number", "share",
                                                        "ratio", "multiple", "boolean"}}}));
    const Node* subjects = r.optional("subjects");
    for (const std::string& s : read_string_list(subjects, f.key + ".subjects")) {
        if (s == "plan")
            f.on_plan = true;
        else if (s == "institution")
            f.on_institution = true;
        else
            fail_expected(
                *subjects, f.key + ".subjects",
                Message("P-one-of", {{"items", std::vector<std::string>{"plan", "institution"}}}));
    }
    if (!subjects) f.on_plan = f.on_institution = true;
    f.pack_id = pack_id;
    f.where = n.where();
    return f;
}

Citation read_citation(const Node& n, const std::string& id) {
    MapReader r(n, id + ".source");
    r.reject_unknown({"file", "section", "quote"});
    return Citation{
        r.required_string("file"), r.required_string("section"), r.required_string("quote"), {}};
}

// How a regional target is marked in reports, by the level of the pack that sets it.
LocalizedText scope_label(const std::string& level) {
    if (level == "national") return {"全国目标", "national target"};
    if (level == "city") return {"全市目标", "city-wide target"};
    if (level == "county") return {"全县目标", "county-wide target"};
    return {"全省目标", "regional target"};
}

bool reads_builtin(const expr::Expr& e, expr::Builtin builtin) {
    if (e.kind == expr::Expr::Kind::Builtin && e.builtin == builtin) return true;
    for (const auto& a : e.args)
        if (reads_builtin(*a, builtin)) return true;
    return false;
}

Indicator read_indicator(const Node& n, const PackInfo& info, const expr::ParseLimits& limits) {
    MapReader r(n, "indicators[]");
    r.reject_unknown({"id",       "name",   "subject",   "types",   "levels", "when",  "measure",
                      "op",       "target", "tolerance", "require", "lever",  "word",  "deadline",
                      "severity", "source", "note",      "relaxes", "rollup", "scope", "about"});
    Indicator ind;
    ind.id = r.required_string("id");
    MapReader named(n, ind.id);
    ind.name = read_localized(named, "name", true);
    ind.pack_id = info.id;
    ind.where = n.where();
    const Node& subject = r.required("subject");
    std::string s = expect_string(subject, ind.id + ".subject");
    check_one_of(subject, s, {"plan", "institution"}, ind.id + ".subject");
    ind.subject = s == "plan" ? expr::Scope::Plan : expr::Scope::Institution;
    ind.types = read_string_list(r.optional("types"), ind.id + ".types");
    for (const auto& t : ind.types)
        check_one_of(*r.optional("types"), t, institution_types(), ind.id + ".types");
    if (!ind.types.empty() && ind.subject == expr::Scope::Plan)
        throw InputError(r.optional("types")->where(),
                         Message("E-pack-types-for-plan", {{"id", ind.id}}));
    ind.levels = read_string_list(r.optional("levels"), ind.id + ".levels");
    for (const auto& l : ind.levels)
        check_one_of(*r.optional("levels"), l, plan_levels(), ind.id + ".levels");
    std::vector<Message> levels;
    for (const auto& l : ind.levels) levels.push_back(level_name(l));
    ind.levels_reason = Message("R-checked-at-level", {{"levels", std::move(levels)}});
    ind.absent_reason = ind.types.empty()
                            ? Message("R-no-institutions")
                            : Message("R-no-institutions-of-type", {{"types", ind.types}});
    if (const Node* w = r.optional("when"))
        ind.when = read_expression(*w, ind.id + ".when", limits);
    if (const Node* sc = r.optional("scope")) {
        std::string v = expect_string(*sc, ind.id + ".scope");
        check_one_of(*sc, v, {"institution", "region"}, ind.id + ".scope");
        if (v == "region" && ind.subject != expr::Scope::Institution)
            throw InputError(sc->where(), Message("E-pack-region-for-plan", {{"id", ind.id}}));
        if (v == "region") ind.scope = Binding::Region;
    }
    ind.scope_label = scope_label(info.level);
    if (const Node* q = r.optional("require")) {
        if (r.optional("measure") || r.optional("target"))
            throw InputError(q->where(), Message("E-pack-require-and-measure", {{"id", ind.id}}));
        ind.require = read_expression(*q, ind.id + ".require", limits);
    } else {
        ind.measure = read_expression(r.required("measure"), ind.id + ".measure", limits);
        ind.target = read_expression(r.required("target"), ind.id + ".target", limits);
        const Node& op = r.required("op");
        if (!parse_comparison(expect_string(op, ind.id + ".op"), &ind.comparison))
            fail_expected(
                op, ind.id + ".op",
                Message("P-one-of", {{"items", std::vector<std::string>{">=", ">", "<=", "<",
                                                                        "==", "about"}}}));
    }
    if (const Node* t = r.optional("tolerance")) {
        Message why;
        std::optional<Quantity> q;
        try {
            q = parse_quantity(expect_string(*t, ind.id + ".tolerance"), &why);
        } catch (const ArithmeticError& e) {
            fail_expected(*t, ind.id + ".tolerance",
                          Message("P-a-tolerance", {{"detail", e.message()}}));
        }
        if (!q || q->value.is_negative())
            fail_expected(*t, ind.id + ".tolerance", Message("P-a-tolerance-form"));
        ind.tolerance = *q;
    }
    if (const Node* a = r.optional("about")) {
        std::string v = expect_string(*a, ind.id + ".about");
        check_one_of(*a, v, {"at_least", "band"}, ind.id + ".about");
        if (ind.comparison != Comparison::About)
            throw InputError(
                a->where(), Message("E-pack-about-without-op", {{"id", ind.id}, {"word", "左右"}}));
        ind.about_at_least = v == "at_least";
    }
    if (ind.comparison == Comparison::About && !ind.tolerance)
        throw InputError(n.where(), Message("E-pack-about-needs-tolerance", {{"id", ind.id}}));
    ind.lever = r.optional_string("lever").value_or("");
    ind.word = r.optional_string("word").value_or("");
    ind.relaxes = r.optional_string("relaxes").value_or("");
    if (const Node* rollup = r.optional("rollup")) {
        if (expect_string(*rollup, ind.id + ".rollup") != "sum")
            fail_expected(*rollup, ind.id + ".rollup",
                          Message("P-one-of", {{"items", std::vector<std::string>{"sum"}}}));
        if (ind.subject != expr::Scope::Plan || !ind.measure ||
            ind.measure->tree->kind != expr::Expr::Kind::Fact)
            throw InputError(rollup->where(),
                             Message("E-pack-rollup-not-one-fact", {{"id", ind.id}}));
        ind.rollup = true;
    }
    for (const auto* e : {&ind.when, &ind.measure, &ind.target, &ind.require})
        if (*e && reads_builtin(*(*e)->tree, expr::Builtin::Type)) ind.reads_type = true;
    ind.deadline = r.optional_int("deadline").value_or(info.period_to);
    if (const Node* sev = r.optional("severity")) {
        std::string v = expect_string(*sev, ind.id + ".severity");
        check_one_of(*sev, v, {"required", "advisory"}, ind.id + ".severity");
        ind.severity = v == "required" ? Severity::Required : Severity::Advisory;
    }
    ind.source = read_citation(r.required("source"), ind.id);
    ind.source.document =
        info.document_number.empty() ? "《" + info.title.zh + "》" : info.document_number;
    // The comparison word of the source decides the operator; a mismatch is an encoding error.
    if (auto wanted = comparison_for_word(ind.word);
        wanted && ind.measure && *wanted != ind.comparison)
        throw InputError(
            r.required("op").where(),
            Message("E-pack-op-word-mismatch", {{"id", ind.id},
                                                {"op", comparison_symbol(ind.comparison)},
                                                {"word", ind.word},
                                                {"expected", comparison_symbol(*wanted)}}));
    // 逐步达到 ("step by step") with no date of its own sets a direction: advisory at the pack's
    // end.
    if (ind.word.find("逐步") != std::string::npos && !r.optional("deadline")) {
        if (ind.severity != Severity::Advisory)
            throw InputError(
                n.where(), Message("E-pack-gradual-advisory", {{"id", ind.id}, {"word", "逐步"}}));
        ind.advisory_reason =
            Message("R-gradual-advisory", {{"word", "逐步"}, {"year", ind.deadline}});
    }
    if (ind.word.find("原则上") != std::string::npos && ind.severity != Severity::Advisory)
        throw InputError(n.where(), Message("E-pack-in-principle-advisory",
                                            {{"id", ind.id}, {"word", "原则上"}}));
    return ind;
}

NotEncoded read_not_encoded(const Node& n) {
    MapReader r(n, "not_encoded[]");
    r.reject_unknown({"quote", "section", "reason", "note"});
    NotEncoded ne;
    ne.quote = r.required_string("quote");
    if (ne.quote.empty())
        fail_expected(r.required("quote"), "not_encoded[].quote", Message("P-a-quote"));
    ne.section = r.required_string("section");
    const Node& reason = r.required("reason");
    if (!parse_not_encoded_reason(expect_string(reason, "not_encoded[].reason"), &ne.reason,
                                  &ne.reason_ref))
        fail_expected(reason, "not_encoded[].reason",
                      Message("P-one-of", {{"items", not_encoded_reason_forms()}}));
    ne.where = n.where();
    ne.reason_where = reason.where();
    return ne;
}

ConflictSide read_conflict_side(const Node& n) {
    MapReader r(n, "conflicts[].between[]");
    r.reject_unknown({"pack", "indicator", "file", "quote"});
    ConflictSide side{r.required_string("pack"), r.optional_string("indicator").value_or(""),
                      r.required_string("file"), r.required_string("quote"), n.where()};
    if (side.quote.empty())
        fail_expected(r.required("quote"), "conflicts[].between[].quote", Message("P-a-quote"));
    return side;
}

Conflict read_conflict(const Node& n, const std::string& pack_id) {
    MapReader r(n, "conflicts[]");
    r.reject_unknown({"between", "note"});
    const Node& between = r.required("between");
    if (!between.is_seq() || between.items().size() != 2)
        fail_expected(between, "conflicts[].between", Message("P-two-conflict-sides"));
    Conflict c;
    for (size_t i = 0; i < 2; ++i) c.sides[i] = read_conflict_side(between.items()[i]);
    c.note = read_localized(r, "note", true);
    c.pack = pack_id;
    c.where = n.where();
    return c;
}

PackInfo read_info(const Node& n) {
    MapReader r(n, "pack");
    r.reject_unknown({"id", "title", "issuer", "document_number", "period", "level", "region",
                      "extends", "source_file", "note"});
    PackInfo info;
    info.id = r.required_string("id");
    // The documented set, [a-z0-9-]+: an id is typed on command lines, written into plans and
    // printed in reports, where a space, a ';' (the CSV packs separator) or a control character
    // would not survive.
    bool valid_id = !info.id.empty() && std::all_of(info.id.begin(), info.id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
    if (!valid_id) fail_expected(r.required("id"), "pack.id", Message("P-id-form"));
    info.title = read_localized(r, "title", true);
    info.issuer = read_localized(r, "issuer", false);
    info.document_number = r.optional_string("document_number").value_or("");
    const Node& period = r.required("period");
    MapReader p(period, "pack.period");
    p.reject_unknown({"from", "to"});
    info.period_from = p.optional_int("from").value_or(0);
    info.period_to = p.optional_int("to").value_or(info.period_from);
    const Node& level = r.required("level");
    info.level = expect_string(level, "pack.level");
    check_one_of(level, info.level, plan_levels(), "pack.level");
    info.region = read_localized(r, "region", false);
    info.extends = read_string_list(r.optional("extends"), "pack.extends");
    info.extends_where = r.optional("extends") ? r.optional("extends")->where() : n.where();
    info.source_file = r.optional_string("source_file").value_or("");
    info.where = n.where();
    return info;
}

}  // namespace

Pack load_pack(std::string_view text, const std::string& file_name, const Limits& limits) {
    Node root = load_yaml(text, file_name, limits.yaml);
    if (!root.is_map())
        throw InputError(root.where(), Message("E-pack-not-mapping", {{"found", root.describe()}}));
    MapReader r(root, "");
    r.reject_unknown({"pack", "facts", "indicators", "drops", "not_encoded", "conflicts"});
    Pack pack;
    pack.info = read_info(r.required("pack"));
    std::set<std::string> ids;
    if (const Node* facts = r.optional("facts")) {
        if (!facts->is_seq()) fail_expected(*facts, "facts", Message("P-a-list"));
        for (const Node& f : facts->items()) {
            pack.facts.push_back(read_fact(f, pack.info.id));
            if (!ids.insert("fact:" + pack.facts.back().key).second)
                throw InputError(f.where(),
                                 Message("E-pack-fact-twice", {{"key", pack.facts.back().key}}));
        }
    }
    if (const Node* drops = r.optional("drops")) {
        if (!drops->is_seq())
            fail_expected(*drops, "drops",
                          Message("P-a-list-of-mappings",
                                  {{"fields", std::vector<std::string>{"id", "reason"}}}));
        for (const Node& d : drops->items()) {
            MapReader dr(d, "drops[]");
            dr.reject_unknown({"id", "reason"});
            pack.drops.push_back(Drop{dr.required_string("id"),
                                      dr.optional_string("reason").value_or(""), d.where()});
        }
    }
    const Node& indicators = r.required("indicators");
    if (!indicators.is_seq()) fail_expected(indicators, "indicators", Message("P-a-list"));
    for (const Node& i : indicators.items()) {
        pack.indicators.push_back(read_indicator(i, pack.info, limits.expression));
        if (!ids.insert(pack.indicators.back().id).second)
            throw InputError(
                i.where(), Message("E-pack-indicator-twice", {{"id", pack.indicators.back().id}}));
    }
    if (const Node* skipped = r.optional("not_encoded")) {
        if (!skipped->is_seq())
            fail_expected(
                *skipped, "not_encoded",
                Message("P-a-list-of-mappings",
                        {{"fields", std::vector<std::string>{"quote", "section", "reason"}}}));
        for (const Node& item : skipped->items()) {
            NotEncoded ne = read_not_encoded(item);
            // A duplicate names an indicator of this pack; a higher pack's is checked when the
            // pack is compiled with the packs it extends.
            if (ne.reason == NotEncodedReason::DuplicateOf && !ids.count(ne.reason_ref)) {
                std::vector<std::string> known;
                for (const Indicator& ind : pack.indicators) known.push_back(ind.id);
                throw InputError(
                    ne.reason_where,
                    fmt::format("not_encoded[].reason: expected an indicator of pack '{}' after "
                                "duplicate-of, got '{}'{}",
                                pack.info.id, ne.reason_ref,
                                suggestion_suffix(ne.reason_ref, known)));
            }
            pack.not_encoded.push_back(std::move(ne));
        }
    }
    if (const Node* conflicts = r.optional("conflicts")) {
        if (!conflicts->is_seq())
            fail_expected(*conflicts, "conflicts",
                          Message("P-a-list-of-mappings", {{"fields", "between, note"}}));
        for (const Node& item : conflicts->items())
            pack.conflicts.push_back(read_conflict(item, pack.info.id));
    }
    return pack;
}

}  // namespace vetcheck
