#include "vetcheck/report/json_records.hpp"

#include <unordered_set>

#include <fmt/format.h>

#include "vetcheck/compile/conflicts.hpp"
#include "vetcheck/report/format.hpp"
#include "vetcheck/report/progress_json.hpp"

namespace vetcheck::report {

namespace {

const char* notation_name(Notation n) {
    switch (n) {
        case Notation::Percent:
            return "percent";
        case Notation::Ratio:
            return "ratio";
        case Notation::Multiple:
            return "multiple";
        case Notation::Plain:
            break;
    }
    return "plain";
}

// Keys whose value is absent are left out rather than written as null: a national batch has
// millions of results, and every reader (jq, DuckDB, a schema) treats an absent key as null.
void optional_text(JsonWriter& w, std::string_view key, const std::string& text) {
    if (!text.empty()) w.key(key).value(text);
}

void write_strings(JsonWriter& w, std::string_view key, const std::vector<std::string>& items) {
    if (items.empty()) return;
    w.key(key).begin_array();
    for (const auto& item : items) w.value(item);
    w.end_array();
}

void write_localized(JsonWriter& w, const LocalizedText& t) {
    w.begin_object();
    w.key("zh").value(t.zh);
    w.key("en").value(t.en);
    w.end_object();
}

void write_counts(JsonWriter& w, const Summary& s, const FailPolicy& policy) {
    for (int i = 0; i < kStatusCount; ++i)
        w.key(status_name(static_cast<Status>(i))).value(s.counts[i]);
    w.key("total").value(s.total);
    w.key("failed").value(s.failed(policy));
}

void write_options(JsonWriter& w, const ReportOptions& o) {
    w.begin_object();
    w.key("lang").value(o.lang == Lang::Zh ? "zh" : "en");
    w.key("fail_on").begin_array();
    for (int i = 0; i < kStatusCount; ++i)
        if (o.policy.fails[i]) w.value(status_name(static_cast<Status>(i)));
    w.end_array();
    w.key("explain").value(o.explain);
    w.key("all").value(o.show_all);
    w.end_object();
}

// The target as the pack states it: "≥1:350" when it is a constant, else the pack's expression.
std::string stated_target(const CompiledRule& rule) {
    std::string constant = constant_target_text(rule);
    if (!constant.empty()) return constant;
    if (rule.indicator->target) return rule.indicator->target_text(rule.indicator->target->text);
    return "";
}

void write_indicator(JsonWriter& w, const CompiledRule& rule) {
    const Indicator& ind = *rule.indicator;
    w.begin_object();
    w.key("id").value(ind.id);
    write_localized(w.key("name"), ind.name);
    w.key("subject").value(ind.subject == expr::Scope::Plan ? "plan" : "institution");
    w.key("scope").value(ind.scope == Binding::Region ? "region" : "institution");
    write_strings(w, "types", ind.types);
    write_strings(w, "levels", ind.levels);
    w.key("formula").value(ind.formula());
    if (!ind.is_requirement()) w.key("comparison").value(comparison_symbol(ind.comparison));
    optional_text(w, "word", ind.word);
    optional_text(w, "target", stated_target(rule));
    optional_text(w, "unit", rule.unit.to_string());
    w.key("notation").value(notation_name(rule.notation));
    if (ind.deadline > 0) w.key("deadline").value(ind.deadline);
    w.key("severity").value(ind.severity == Severity::Advisory ? "advisory" : "required");
    w.key("source").begin_object();
    w.key("document").value(ind.source.document);
    w.key("file").value(ind.source.file);
    w.key("section").value(ind.source.section);
    w.key("quote").value(ind.source.quote);
    w.end_object();
    w.end_object();
}

// Every pack the run knows, parents first, each with its own indicators as its rule set compiles
// them (units and notation filled). A pack that does not compile is left out: a plan naming it is
// an error entry.
void write_dictionary(JsonWriter& w, Catalog* catalog) {
    w.begin_array();
    if (catalog) {
        for (const Pack* listed : catalog->packs_in_order()) {
            const std::string& id = listed->info.id;
            std::shared_ptr<const RuleSet> rules;
            try {
                rules = catalog->compile({id}, SourceLocation{"packs"});
            } catch (const InputError&) {
                continue;
            }
            const Pack* pack = rules->packs.back();
            w.begin_object();
            w.key("id").value(id);
            write_localized(w.key("title"), pack->info.title);
            optional_text(w, "document_number", pack->info.document_number);
            optional_text(w, "level", pack->info.level);
            write_strings(w, "extends", pack->info.extends);
            w.key("indicators").begin_array();
            for (const CompiledRule& rule : rules->rules)
                if (rule.indicator->pack_id == id) write_indicator(w, rule);
            w.end_array();
            w.end_object();
        }
    }
    w.end_array();
}

// A quantity exactly ("value"), as a double for convenience ("number"), and as the report shows
// it; its unit and notation are the indicator's, in the dictionary.
void write_quantity(JsonWriter& w, std::string_view key, const std::optional<Quantity>& q,
                    const std::string& text) {
    if (!q) return;
    w.key(key).begin_object();
    w.key("value").value(exact_text(q->value));
    w.key("number").number(q->value.to_double());
    w.key("text").value(text);
    w.end_object();
}

void write_shortfall(JsonWriter& w, const std::optional<Shortfall>& s) {
    if (!s || !s->fact) return;
    w.key("shortfall").begin_object();
    w.key("fact").value(s->fact->key);
    w.key("current").value(exact_text(s->current));
    w.key("needed").value(exact_text(s->needed));
    w.key("change").value(exact_text(s->change()));
    optional_text(w, "unit", s->fact->unit.to_string());
    w.key("strict").value(s->strict);
    w.end_object();
}

void write_waiver(JsonWriter& w, const std::optional<WaiverUse>& use) {
    if (!use || !use->waiver) return;
    const Waiver& waiver = *use->waiver;
    w.key("waiver").begin_object();
    w.key("state").value(waiver_state_name(use->state));
    w.key("original").value(status_name(use->original));
    w.key("reason").value(waiver.reason);
    optional_text(w, "approved_by", waiver.approved_by);
    if (waiver.expires.year > 0) w.key("expires").value(waiver.expires.to_string());
    if (waiver.where.known()) w.key("line").value(waiver.where.line);
    w.end_object();
}

void write_versions(JsonWriter& w, const Result& r) {
    if (r.versions.empty()) return;
    w.key("versions").begin_array();
    for (const auto& [rule, status] : r.versions) {
        w.begin_object();
        w.key("pack").value(rule->indicator->pack_id);
        w.key("status").value(status_name(status));
        w.end_object();
    }
    w.end_array();
}

// Each fact the rule read, once per place it was written (an aggregate reads one per institution).
void write_facts_used(JsonWriter& w, const Result& r) {
    w.key("facts_used").begin_array();
    std::vector<const expr::FactUse*> seen;
    for (const auto& use : r.uses) {
        bool repeat = false;
        for (const auto* s : seen)
            repeat = repeat || (s->key == use.key && s->subject == use.subject &&
                                s->where.line == use.where.line);
        if (repeat) continue;
        seen.push_back(&use);
        const FactValue* fv = use.subject ? use.subject->find(use.key) : nullptr;
        w.begin_object();
        w.key("key").value(use.key);
        if (fv) w.key("value").value(describe(fv->value));
        if (use.subject) w.key("subject").value(use.subject->id);
        w.key("line").value(use.where.line);
        w.key("column").value(use.where.column);
        w.end_object();
    }
    w.end_array();
}

void write_explanation(JsonWriter& w, const Result& r) {
    Explanation e = explain(r);
    w.key("explanation").begin_object();
    w.key("formula").value(e.formula);
    w.key("substituted").value(e.substituted);
    w.end_object();
    write_facts_used(w, r);
}

void write_result(JsonWriter& w, const Result& r, const ReportOptions& o) {
    w.begin_object();
    w.key("pack").value(r.indicator().pack_id);
    w.key("indicator").value(r.indicator().id);
    if (!r.on_whole_plan()) w.key("subject").value(r.subject->id);
    w.key("status").value(status_name(r.status));
    write_progress_json(w, r, o.lang, exact_text);
    write_quantity(w, "actual", r.actual, actual_text(r, o.lang));
    write_quantity(w, "target", r.target, target_text(r, o.lang));
    write_quantity(w, "gap", r.gap, gap_text(r, o.lang));
    write_shortfall(w, r.shortfall);
    write_strings(w, "missing", r.missing);
    if (!r.reason.empty()) {
        w.key("reason").value(r.reason.text(o.lang));
        w.key("reason_code").value(r.reason.code());
    }
    if (r.deciding.known()) {
        if (r.deciding.file != r.plan->file) w.key("file").value(r.deciding.file);
        w.key("line").value(r.deciding.line);
        w.key("column").value(r.deciding.column);
    }
    write_waiver(w, r.waiver);
    write_versions(w, r);
    if (o.explain) write_explanation(w, r);
    w.end_object();
}

bool listed(const Result& r, const ReportOptions& o) {
    return o.show_all || r.status != Status::NotApplicable;
}

// The institutions (and per-type totals) the listed results are about, named once for the plan.
void write_subjects(JsonWriter& w, const PlanReport& report, const ReportOptions& o) {
    std::vector<const Subject*> subjects;
    std::unordered_set<const Subject*> seen;
    for (const auto& r : report.results)
        if (listed(r, o) && !r.on_whole_plan() && seen.insert(r.subject).second)
            subjects.push_back(r.subject);
    if (subjects.empty()) return;
    w.key("subjects").begin_array();
    for (const Subject* s : subjects) {
        w.begin_object();
        w.key("id").value(s->id);
        w.key("name").value(s->name);
        optional_text(w, "type", s->type);
        w.end_object();
    }
    w.end_array();
}

}  // namespace

std::string exact_text(const Rational& value) {
    int64_t den = value.denominator();
    int64_t rest = den;
    while (rest % 2 == 0) rest /= 2;
    while (rest % 5 == 0) rest /= 5;
    // Only a denominator of 2s and 5s ends in decimal; 1/350 would be rounded, so it stays a
    // fraction.
    // Digits appended with format_int, not fmt::format: a national batch writes millions of these.
    if (rest != 1) {
        std::string out = fmt::format_int(value.numerator()).str();
        out += '/';
        out += fmt::format_int(den).c_str();
        return out;
    }
    WideInt num = value.numerator();
    if (num < 0) num = -num;  // in 128 bits, so even the most negative 64-bit numerator fits
    std::string out = value.is_negative() ? "-" : "";
    out += fmt::format_int(static_cast<uint64_t>(num / den)).c_str();
    WideInt remainder = num % den;
    if (remainder != 0) out += '.';
    while (remainder != 0) {
        remainder *= 10;
        out += static_cast<char>('0' + static_cast<int>(remainder / den));
        remainder %= den;
    }
    return out;
}

void write_run_fields(JsonWriter& w, const RunInfo& run, const ReportOptions& options) {
    w.key("schema_version").value(kJsonSchemaVersion);
    w.key("tool").begin_object();
    w.key("name").value("vetcheck");
    w.key("version").value(VETCHECK_VERSION);
    w.end_object();
    write_options(w.key("options"), options);
    write_dictionary(w.key("packs"), run.catalog);
}

// Only when there are some: the documents of most plans agree, and their reports stay as they were.
void write_conflicts(JsonWriter& w, const std::vector<const Conflict*>& conflicts) {
    if (conflicts.empty()) return;
    w.key("conflicts").begin_array();
    for (const Conflict* c : conflicts) {
        w.begin_object();
        w.key("declared_by").value(c->pack);
        write_localized(w.key("note"), c->note);
        w.key("sides").begin_array();
        for (const ConflictSide& side : c->sides) {
            w.begin_object();
            w.key("pack").value(side.pack);
            optional_text(w, "indicator", side.indicator);
            w.key("file").value(side.file);
            w.key("quote").value(side.quote);
            w.end_object();
        }
        w.end_array();
        w.end_object();
    }
    w.end_array();
}

void write_plan_fields(JsonWriter& w, const PlanReport& report, const ReportOptions& options) {
    const Plan& plan = *report.plan;
    w.key("file").value(plan.file);
    w.key("id").value(plan.id);
    w.key("name").value(plan.name);
    optional_text(w, "region", plan.region);
    w.key("level").value(plan.level);
    w.key("year").value(plan.year);
    w.key("packs").begin_array();
    for (const Pack* p : report.rules->packs) w.value(p->info.id);
    w.end_array();
    if (!plan.whole.type.empty()) w.key("institution_type").value(plan.whole.type);
    write_subjects(w, report, options);
    w.key("summary").begin_object();
    write_counts(w, summarize(report.results), options.policy);
    w.end_object();
    w.key("results").begin_array();
    for (const auto& r : report.results)
        if (listed(r, options)) write_result(w, r, options);
    w.end_array();
    write_conflicts(w, conflicts_for(*report.rules, plan.level));
}

void write_error_fields(JsonWriter& w, const InputFailure& failure) {
    const SourceLocation& where = failure.error.where();
    w.key("file").value(where.file);
    if (where.known()) {
        w.key("line").value(where.line);
        w.key("column").value(where.column);
    }
    w.key("message").value(failure.error.message());
}

void JsonRunTotals::add(const PlanReport& report) {
    for (const auto& r : report.results) {
        auto [at, fresh] = slot_by_indicator_.try_emplace(&r.indicator(), indicators_.size());
        if (fresh) {
            std::string key = r.indicator().pack_id + '\n' + r.indicator().id;
            auto [by_key, new_key] = slot_by_key_.try_emplace(key, indicators_.size());
            if (new_key) indicators_.push_back({r.indicator().pack_id, r.indicator().id, {}});
            at->second = by_key->second;
        }
        indicators_[at->second].counts.add(r.status);
    }
}

void JsonRunTotals::write_fields(JsonWriter& w, const RunTotals& totals,
                                 const ReportOptions& options) const {
    w.key("plans").value(static_cast<int64_t>(totals.plans));
    w.key("errors").value(static_cast<int64_t>(totals.failures));
    write_counts(w, totals.total, options.policy);
    w.key("indicators").begin_array();
    for (const auto& ind : indicators_) {
        w.begin_object();
        w.key("pack").value(ind.pack);
        w.key("indicator").value(ind.id);
        for (int i = 0; i < kStatusCount; ++i)
            if (ind.counts.counts[i] > 0)
                w.key(status_name(static_cast<Status>(i))).value(ind.counts.counts[i]);
        w.key("total").value(ind.counts.total);
        w.end_object();
    }
    w.end_array();
}

}  // namespace vetcheck::report
