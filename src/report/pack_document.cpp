#include "vetcheck/report/pack_document.hpp"

#include <fmt/format.h>

#include "vetcheck/base/text.hpp"
#include "vetcheck/report/json_writer.hpp"
#include "vetcheck/report/markdown_reporter.hpp"
#include "vetcheck/report/pack_text.hpp"

namespace vetcheck::report {

namespace {

bool zh(Lang lang) {
    return lang == Lang::Zh;
}

const char* severity_name(Severity s) {
    return s == Severity::Required ? "required" : "advisory";
}

const char* subject_name(const Indicator& ind) {
    return ind.subject == expr::Scope::Plan ? "plan" : "institution";
}

// As a Chinese official names them: 约束性 (binding) and 预期性 (expected) targets.
const char* severity_text(Severity s, Lang lang) {
    if (!zh(lang)) return severity_name(s);
    return s == Severity::Required ? "约束性" : "预期性";
}

const char* subject_text(const Indicator& ind, Lang lang) {
    if (!zh(lang)) return subject_name(ind);
    return ind.subject == expr::Scope::Plan ? "规划整体" : "各院校";
}

void write_localized(JsonWriter& w, std::string_view key, const LocalizedText& text) {
    w.key(key).begin_object();
    w.key("zh").value(text.zh);
    w.key("en").value(text.en);
    w.end_object();
}

void write_strings(JsonWriter& w, std::string_view key, const std::vector<std::string>& items) {
    w.key(key).begin_array();
    for (const auto& i : items) w.value(i);
    w.end_array();
}

void write_pack_info(JsonWriter& w, const Pack& p) {
    const PackInfo& i = p.info;
    w.key("id").value(i.id);
    write_localized(w, "title", i.title);
    write_localized(w, "issuer", i.issuer);
    w.key("document_number").value(i.document_number);
    w.key("level").value(i.level);
    write_localized(w, "region", i.region);
    w.key("period").begin_object();
    w.key("from").value(i.period_from);
    w.key("to").value(i.period_to);
    w.end_object();
    write_strings(w, "extends", i.extends);
    w.key("source_file").value(i.source_file);
    w.key("facts").value(static_cast<int64_t>(p.facts.size()));
    w.key("indicators").value(static_cast<int64_t>(p.indicators.size()));
}

void write_indicator_json(JsonWriter& w, const Indicator& ind, const FactTable& facts) {
    w.begin_object();
    w.key("id").value(ind.id);
    w.key("pack").value(ind.pack_id);
    write_localized(w, "name", ind.name);
    w.key("formula").value(ind.formula());
    w.key("subject").value(subject_name(ind));
    write_strings(w, "types", ind.types);
    write_strings(w, "levels", ind.levels);
    if (ind.when)
        w.key("when").value(ind.when->text);
    else
        w.key("when").null();
    w.key("word").value(ind.word);
    w.key("deadline").value(ind.deadline);
    w.key("severity").value(severity_name(ind.severity));
    w.key("source").begin_object();
    w.key("reference").value(ind.source.reference());
    w.key("file").value(ind.source.file);
    w.key("section").value(ind.source.section);
    w.key("quote").value(ind.source.quote);
    w.end_object();
    w.key("needs").begin_array();
    for (const auto& key : ind.facts_read()) {
        auto it = facts.find(key);
        if (it == facts.end()) continue;
        const FactDef& f = it->second;
        w.begin_object();
        w.key("key").value(key);
        write_localized(w, "name", f.name);
        w.key("type").value(fact_type_name(f.type));
        w.key("unit").value(f.unit.none() ? "" : f.unit.to_string());
        w.end_object();
    }
    w.end_array();
    w.end_object();
}

// A Markdown table cell: escaped, on one line.
std::string cell(std::string_view text) {
    std::string s = markdown_escape(text);
    for (char& c : s)
        if (c == '\n') c = ' ';
    return s;
}

// A Markdown code span in a table cell: verbatim but for the pipe, which would end the cell.
std::string code(std::string_view text) {
    std::string s;
    for (char c : text) {
        if (c == '|') s += '\\';
        s += c == '\n' ? ' ' : c;
    }
    bool tick = s.find('`') != std::string::npos;
    return tick ? "`` " + s + " ``" : "`" + s + "`";
}

std::string period(const PackInfo& i) {
    return fmt::format("{}–{}", i.period_from, i.period_to);
}

void write_indicator_rows(const Pack& p, Lang lang, std::ostream& out) {
    out << (zh(lang) ? "| 指标 | 名称 | 公式 | 期限 | 要求 | 出处 |\n"
                     : "| indicator | name | formula | due | severity | source |\n");
    out << "|---|---|---|---|---|---|\n";
    for (const Indicator& ind : p.indicators)
        out << fmt::format("| `{}` | {} | {} | {} | {} | {} “{}” |\n", ind.id,
                           cell(ind.name.in(lang)), code(ind.formula()), ind.deadline,
                           severity_text(ind.severity, lang), cell(ind.source.reference()),
                           cell(ind.source.quote));
}

void write_explanation_markdown(Catalog& catalog, const RuleSet& rules, const Pack& p,
                                const Indicator& ind, Lang lang, std::ostream& out) {
    out << fmt::format("## `{}` — {} ({})\n\n", ind.id, cell(ind.name.in(lang)), p.info.id);
    out << fmt::format("- {}: {}\n", zh(lang) ? "公式" : "formula", code(ind.formula()));
    out << fmt::format("- {}: {} · {} {} · {}\n", zh(lang) ? "适用" : "for",
                       subject_text(ind, lang), zh(lang) ? "期限" : "due", ind.deadline,
                       severity_text(ind.severity, lang));
    if (ind.when)
        out << fmt::format("- {}: {}\n", zh(lang) ? "条件" : "when", code(ind.when->text));
    out << fmt::format("- {}: {} “{}”\n", zh(lang) ? "出处" : "source",
                       cell(ind.source.reference()), cell(ind.source.quote));
    for (const auto& key : ind.facts_read()) {
        auto it = rules.facts.find(key);
        if (it == rules.facts.end()) continue;
        out << fmt::format("- {}: `{}` ({})\n", zh(lang) ? "所需数据" : "needs", key,
                           cell(it->second.name.in(lang)));
    }
    Restatement r = restatement_of(catalog, rules, ind);
    for (const Indicator* v : r.parents)
        out << fmt::format("- {} {}: {}\n", zh(lang) ? "重申" : "restates", v->pack_id,
                           code(v->formula()));
    for (const auto& f : r.weaker)
        out << fmt::format("- {} {}: {}{}\n", zh(lang) ? "弱于" : "weaker than", f.parent_pack,
                           cell(f.message.in(lang)),
                           f.explained() ? " — " + cell(f.explanation) : "");
    out << '\n';
}

}  // namespace

void write_pack_list(Catalog& catalog, Lang lang, TextFormat format, std::ostream& out) {
    if (format == TextFormat::Terminal) return write_pack_list(catalog, lang, out);
    if (format == TextFormat::Json) {
        JsonWriter w(out);
        w.begin_object();
        w.key("schema").value("vetcheck-packs/1");
        w.key("packs").begin_array();
        for (const auto& id : catalog.ids()) {
            w.begin_object();
            write_pack_info(w, catalog.get(id, SourceLocation{"packs"}));
            w.end_object();
        }
        w.end_array();
        w.end_object();
        w.finish();
        return;
    }
    out << (zh(lang) ? "| 标识 | 层级 | 期间 | 文号 | 指标数 | 标题 |\n"
                     : "| id | level | period | document | indicators | title |\n");
    out << "|---|---|---|---|---|---|\n";
    for (const auto& id : catalog.ids()) {
        const Pack& p = catalog.get(id, SourceLocation{"packs"});
        const PackInfo& i = p.info;
        out << fmt::format("| `{}` | {} | {} | {} | {} | {} |\n", id, i.level, period(i),
                           i.document_number.empty() ? "—" : cell(i.document_number),
                           p.indicators.size(), cell(i.title.in(lang)));
    }
}

void write_pack(Catalog& catalog, const std::string& id, Lang lang, TextFormat format,
                std::ostream& out) {
    if (format == TextFormat::Terminal) return write_pack(catalog, id, lang, out);
    auto rules = catalog.compile({id}, SourceLocation{"packs show"});
    const Pack& p = catalog.get(id, SourceLocation{"packs show"});
    if (format == TextFormat::Json) {
        JsonWriter w(out);
        w.begin_object();
        w.key("schema").value("vetcheck-pack/1");
        w.key("pack").begin_object();
        write_pack_info(w, p);
        w.end_object();
        w.key("indicators").begin_array();
        for (const Indicator& ind : p.indicators) write_indicator_json(w, ind, rules->facts);
        w.end_array();
        w.end_object();
        w.finish();
        return;
    }
    const PackInfo& i = p.info;
    out << fmt::format("# `{}` — {}\n\n", i.id, cell(i.title.in(lang)));
    out << fmt::format("- {}: {}\n", zh(lang) ? "发文机关" : "issuer", cell(i.issuer.in(lang)));
    out << fmt::format("- {}: {}\n", zh(lang) ? "文号" : "document",
                       i.document_number.empty() ? "—" : cell(i.document_number));
    out << fmt::format("- {}: {} · {}: {}\n", zh(lang) ? "期间" : "period", period(i),
                       zh(lang) ? "层级" : "level", i.level);
    if (!i.extends.empty())
        out << fmt::format("- {}: {}\n", zh(lang) ? "上级文件" : "extends", join(i.extends, ", "));
    out << '\n';
    write_indicator_rows(p, lang, out);
}

bool write_explanation(Catalog& catalog, const std::string& indicator_id, Lang lang,
                       TextFormat format, std::ostream& out) {
    if (format == TextFormat::Terminal) return write_explanation(catalog, indicator_id, lang, out);
    auto statements = statements_of(catalog, indicator_id);
    std::optional<JsonWriter> w;
    for (const Statement& s : statements) {
        const Indicator& ind = *s.indicator;
        if (format == TextFormat::Markdown) {
            write_explanation_markdown(catalog, *s.rules, *s.pack, ind, lang, out);
            continue;
        }
        if (!w) {
            w.emplace(out);
            w->begin_object();
            w->key("schema").value("vetcheck-explain/1");
            w->key("indicator").value(indicator_id);
            w->key("statements").begin_array();
        }
        w->begin_object();
        write_localized(*w, "pack_title", s.pack->info.title);
        w->key("indicator");
        write_indicator_json(*w, ind, s.rules->facts);
        Restatement r = restatement_of(catalog, *s.rules, ind);
        w->key("restates").begin_array();
        for (const Indicator* v : r.parents) {
            w->begin_object();
            w->key("pack").value(v->pack_id);
            w->key("formula").value(v->formula());
            w->end_object();
        }
        w->end_array();
        w->key("weaker").begin_array();
        for (const auto& f : r.weaker) {
            w->begin_object();
            w->key("parent_pack").value(f.parent_pack);
            w->key("message").value(f.message.in(lang));
            w->key("explanation").value(f.explanation);
            w->end_object();
        }
        w->end_array();
        w->end_object();
    }
    if (w) {
        w->end_array();
        w->end_object();
        w->finish();
    }
    return !statements.empty();
}

}  // namespace vetcheck::report
