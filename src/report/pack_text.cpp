#include "vetcheck/report/pack_text.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "vetcheck/base/text.hpp"
#include "vetcheck/compile/lint.hpp"

namespace vetcheck::report {

namespace {

std::string period(const PackInfo& i) {
    return fmt::format("{}–{}", i.period_from, i.period_to);
}

std::string scope_text(const Indicator& ind) {
    std::string s = ind.subject == expr::Scope::Plan ? "plan" : "institution";
    if (!ind.types.empty()) s += " [" + join(ind.types, ", ") + "]";
    if (!ind.levels.empty()) s += " @ " + join(ind.levels, "/");
    return s;
}

void write_indicator(const Indicator& ind, const FactTable* facts, Lang lang, std::ostream& out) {
    out << fmt::format("  {}  {}\n", ind.id, ind.name.in(lang));
    out << fmt::format("      {}\n", ind.formula());
    out << fmt::format("      for {} · due {} · {}{}\n", scope_text(ind), ind.deadline,
                       ind.severity == Severity::Required ? "required" : "advisory",
                       ind.when ? " · when " + ind.when->text : "");
    out << fmt::format("      source: {} “{}”\n", ind.source.reference(), ind.source.quote);
    if (!facts) return;
    for (const auto& k : ind.facts_read()) {
        auto it = facts->find(k);
        if (it == facts->end()) continue;
        const FactDef& f = it->second;
        out << fmt::format("      needs {} ({}, {}{})\n", k, f.name.in(lang),
                           fact_type_name(f.type), f.unit.none() ? "" : ", " + f.unit.to_string());
    }
}

}  // namespace

void write_pack_list(Catalog& catalog, Lang lang, std::ostream& out) {
    for (const auto& id : catalog.ids()) {
        const Pack& p = catalog.get(id, SourceLocation{"packs"});
        const PackInfo& i = p.info;
        out << fmt::format("{}  {}  {}  {}  {} indicators  {}\n", pad_right(id, 18),
                           pad_right(i.level, 8), period(i),
                           pad_right(i.document_number.empty() ? "—" : i.document_number, 22),
                           p.indicators.size(), i.title.in(lang));
    }
}

void write_pack(Catalog& catalog, const std::string& id, Lang lang, std::ostream& out) {
    auto rules = catalog.compile({id}, SourceLocation{"packs show"});
    const Pack& p = catalog.get(id, SourceLocation{"packs show"});
    const PackInfo& i = p.info;
    out << fmt::format("{} — {}\n", i.id, i.title.in(lang));
    out << fmt::format("  issuer: {}  document: {}  period: {}  level: {}\n", i.issuer.in(lang),
                       i.document_number.empty() ? "—" : i.document_number, period(i), i.level);
    if (!i.extends.empty()) out << fmt::format("  extends: {}\n", join(i.extends, ", "));
    out << fmt::format("  source: {}\n  {} facts, {} indicators\n\n", i.source_file, p.facts.size(),
                       p.indicators.size());
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
    out << fmt::format("      restates {}\n", join(parents, "; "));
    for (const auto& f : r.weaker)
        out << fmt::format("      weaker than {}: {}{}\n", f.parent_pack, f.message.in(lang),
                           f.explained() ? " — " + f.explanation : "");
    if (r.weaker.empty())
        out << "      at least as strict as every version it restates; all of them bind\n";
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
        out << fmt::format("{}{} ({})\n", &s == &statements.front() ? "" : "\n", s.pack->info.id,
                           s.pack->info.title.in(lang));
        write_indicator(*s.indicator, &s.rules->facts, lang, out);
        write_restatement(catalog, *s.rules, *s.indicator, lang, out);
    }
    return !statements.empty();
}

}  // namespace vetcheck::report
