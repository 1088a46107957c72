#include "vetcheck/report/pack_text.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "vetcheck/base/messages.hpp"
#include "vetcheck/base/text.hpp"
#include "vetcheck/compile/lint.hpp"
#include "vetcheck/model/plan.hpp"

namespace vetcheck::report {

namespace {

std::string period(const PackInfo& i) {
    return fmt::format("{}–{}", i.period_from, i.period_to);
}

// Whom a target binds: the plan or its institutions, of which types, in plans of which levels.
std::string scope_text(const Indicator& ind, Lang lang) {
    std::string s =
        phrase(ind.subject == expr::Scope::Plan ? "L-scope-plan" : "L-scope-institution", lang);
    if (!ind.types.empty()) s += " [" + join(ind.types, ", ") + "]";
    if (!ind.levels.empty()) {
        std::vector<std::string> levels;
        for (const auto& l : ind.levels) levels.push_back(render(level_name(l), lang));
        s += " @ " + join(levels, "/");
    }
    return s;
}

void write_indicator(const Indicator& ind, const FactTable* facts, Lang lang, std::ostream& out) {
    out << fmt::format("  {}  {}\n", ind.id, ind.name.in(lang));
    out << fmt::format("      {}\n", ind.formula());
    Message line("L-indicator-binds",
                 {{"scope", scope_text(ind, lang)},
                  {"year", ind.deadline},
                  {"severity", Message(ind.severity == Severity::Required ? "L-required-target"
                                                                          : "L-advisory-target")}});
    if (ind.when)
        line.with({"when", Message("L-indicator-when", {{"condition", ind.when->text}})});
    else
        line.with({"when", ""});
    out << "      " << render(line, lang) << '\n';
    out << "      "
        << render(Message("L-indicator-source",
                          {{"reference", ind.source.reference()}, {"quote", ind.source.quote}}),
                  lang)
        << '\n';
    if (!facts) return;
    for (const auto& k : ind.facts_read()) {
        auto it = facts->find(k);
        if (it == facts->end()) continue;
        const FactDef& f = it->second;
        // The fact's type as a pack writes it (`count`, `share`): a key's value, not prose.
        out << "      "
            << render(Message("L-indicator-needs",
                              {{"key", k},
                               {"name", std::string(f.name.in(lang))},
                               {"type", fact_type_name(f.type)},
                               {"unit", f.unit.none() ? ""
                                                      : (lang == Lang::Zh ? "，" : ", ") +
                                                            f.unit.to_string()}}),
                      lang)
            << '\n';
    }
}

}  // namespace

void write_pack_list(Catalog& catalog, Lang lang, std::ostream& out) {
    for (const auto& id : catalog.ids()) {
        const Pack& p = catalog.get(id, SourceLocation{"packs"});
        const PackInfo& i = p.info;
        out << fmt::format(
            "{}  {}  {}  {}  {}  {}\n", pad_right(id, 18),
            pad_right(render(level_name(i.level), lang), 8), period(i),
            pad_right(i.document_number.empty() ? "—" : i.document_number, 22),
            render(Message("L-pack-indicators", {{"count", p.indicators.size()}}), lang),
            i.title.in(lang));
    }
}

void write_pack(Catalog& catalog, const std::string& id, Lang lang, std::ostream& out) {
    auto rules = catalog.compile({id}, SourceLocation{"packs show"});
    const Pack& p = catalog.get(id, SourceLocation{"packs show"});
    const PackInfo& i = p.info;
    out << fmt::format("{} — {}\n", i.id, i.title.in(lang));
    out << "  "
        << render(Message("L-pack-header",
                          {{"issuer", std::string(i.issuer.in(lang))},
                           {"document", i.document_number.empty() ? "—" : i.document_number},
                           {"period", period(i)},
                           {"level", level_name(i.level)}}),
                  lang)
        << '\n';
    if (!i.extends.empty())
        out << "  " << render(Message("L-pack-extends", {{"packs", i.extends}}), lang) << '\n';
    out << "  "
        << render(Message("L-pack-contents", {{"file", i.source_file},
                                              {"facts", p.facts.size()},
                                              {"indicators", p.indicators.size()}}),
                  lang)
        << "\n\n";
    for (const Indicator& ind : p.indicators) write_indicator(ind, &rules->facts, lang, out);
}

// A pack's version is the same as the versions of the packs it extends, or weaker somewhere
// (lint says where); otherwise it is at least as strict.
Restatement restatement_of(Catalog& catalog, const RuleSet& rules, const Indicator& ind) {
    Restatement r;
    const CompiledRule* head = nullptr;
    for (const CompiledRule& rule : rules.rules)
        if (rule.indicator->id == ind.id && rule.indicator->pack_id == ind.pack_id) head = &rule;
    if (!head || head->restated.empty()) return r;
    for (const CompiledRule& v : head->restated) r.parents.push_back(v.indicator);
    for (auto& f : lint_pack(catalog, ind.pack_id))
        if (f.indicator == ind.id) r.weaker.push_back(std::move(f));
    return r;
}

namespace {

void write_restatement(Catalog& catalog, const RuleSet& rules, const Indicator& ind, Lang lang,
                       std::ostream& out) {
    Restatement r = restatement_of(catalog, rules, ind);
    if (r.parents.empty()) return;
    std::vector<std::string> parents;
    for (const Indicator* v : r.parents)
        parents.push_back(fmt::format("{} ({})", v->pack_id, v->formula()));
    out << "      "
        << render(
               Message("L-restates", {{"versions", join(parents, lang == Lang::Zh ? "；" : "; ")}}),
               lang)
        << '\n';
    for (const auto& f : r.weaker)
        out << "      "
            << render(Message("L-weaker-than", {{"pack", f.parent_pack},
                                                {"finding", std::string(f.message.in(lang))}}),
                      lang)
            << (f.explained() ? " — " + f.explanation : "") << '\n';
    if (r.weaker.empty()) out << "      " << phrase("L-as-strict-as-restated", lang) << '\n';
}

}  // namespace

std::vector<Statement> statements_of(Catalog& catalog, const std::string& indicator_id) {
    std::vector<Statement> out;
    for (const auto& id : catalog.ids()) {
        auto rules = catalog.compile({id}, SourceLocation{"explain"});
        const Pack& p = catalog.get(id, SourceLocation{"explain"});
        for (const Indicator& ind : p.indicators)
            if (ind.id == indicator_id) out.push_back({&p, rules, &ind});
    }
    return out;
}

bool write_explanation(Catalog& catalog, const std::string& indicator_id, Lang lang,
                       std::ostream& out) {
    auto statements = statements_of(catalog, indicator_id);
    for (const Statement& s : statements) {
        const char* title = lang == Lang::Zh ? "{}{}（{}）\n" : "{}{} ({})\n";
        out << fmt::format(fmt::runtime(title), &s == &statements.front() ? "" : "\n",
                           s.pack->info.id, s.pack->info.title.in(lang));
        write_indicator(*s.indicator, &s.rules->facts, lang, out);
        write_restatement(catalog, *s.rules, *s.indicator, lang, out);
    }
    return !statements.empty();
}

}  // namespace vetcheck::report
