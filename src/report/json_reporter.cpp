#include "vetcheck/report/json_reporter.hpp"

#include <fmt/format.h>

#include "vetcheck/report/format.hpp"
#include "vetcheck/report/json_writer.hpp"
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

void string_or_null(JsonWriter& w, const std::string& text) {
    if (text.empty())
        w.null();
    else
        w.value(text);
}

void write_localized(JsonWriter& w, const LocalizedText& t) {
    w.begin_object();
    w.key("zh").value(t.zh);
    w.key("en").value(t.en);
    w.end_object();
}

void write_summary(JsonWriter& w, const Summary& s, const FailPolicy& policy) {
    w.begin_object();
    for (int i = 0; i < kStatusCount; ++i)
        w.key(status_name(static_cast<Status>(i))).value(s.counts[i]);
    w.key("total").value(s.total);
    w.key("failed").value(s.failed(policy));
    w.end_object();
}

void write_options(JsonWriter& w, const ReportOptions& o) {
    w.begin_object();
    w.key("lang").value(o.lang == Lang::Zh ? "zh" : "en");
    w.key("fail_on").begin_array();
    for (int i = 0; i < kStatusCount; ++i)
        if (o.policy.fails[i]) w.value(status_name(static_cast<Status>(i)));
    w.end_array();
    w.key("explain").value(o.explain);
    w.end_object();
}

void write_location(JsonWriter& w, const SourceLocation& where) {
    if (!where.known()) return w.null();
    w.begin_object();
    w.key("file").value(where.file);
    w.key("line").value(where.line);
    w.key("column").value(where.column);
    w.end_object();
}

// A quantity exactly ("value"), as a double for convenience ("number"), and as the report shows it.
void write_quantity(JsonWriter& w, const std::optional<Quantity>& q, const std::string& text) {
    if (!q) return w.null();
    w.begin_object();
    w.key("value").value(exact_text(q->value));
    w.key("number").number(q->value.to_double());
    w.key("text").value(text);
    string_or_null(w.key("unit"), q->unit.to_string());
    w.key("notation").value(notation_name(q->notation));
    w.end_object();
}

void write_shortfall(JsonWriter& w, const std::optional<Shortfall>& s) {
    if (!s || !s->fact) return w.null();
    w.begin_object();
    w.key("fact").value(s->fact->key);
    w.key("current").value(exact_text(s->current));
    w.key("needed").value(exact_text(s->needed));
    w.key("change").value(exact_text(s->change()));
    string_or_null(w.key("unit"), s->fact->unit.to_string());
    w.key("strict").value(s->strict);
    w.end_object();
}

void write_indicator(JsonWriter& w, const Indicator& ind) {
    w.begin_object();
    w.key("id").value(ind.id);
    write_localized(w.key("name"), ind.name);
    w.key("pack").value(ind.pack_id);
    w.key("formula").value(ind.formula());
    w.key("severity").value(ind.severity == Severity::Advisory ? "advisory" : "required");
    if (ind.deadline > 0)
        w.key("deadline").value(ind.deadline);
    else
        w.key("deadline").null();
    w.key("source").begin_object();
    w.key("document").value(ind.source.document);
    w.key("file").value(ind.source.file);
    w.key("section").value(ind.source.section);
    w.key("quote").value(ind.source.quote);
    w.end_object();
    w.end_object();
}

void write_subject(JsonWriter& w, const Result& r) {
    w.begin_object();
    w.key("id").value(r.subject->id);
    w.key("name").value(r.subject->name);
    string_or_null(w.key("type"), r.subject->type);
    w.key("whole_plan").value(r.on_whole_plan());
    w.end_object();
}

// Each fact the rule read, once per place it was written (an aggregate reads one per institution).
void write_facts_used(JsonWriter& w, const Result& r) {
    w.begin_array();
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
        string_or_null(w.key("value"), fv ? describe(fv->value) : "");
        w.key("file").value(use.where.file);
        w.key("line").value(use.where.line);
        w.key("column").value(use.where.column);
        string_or_null(w.key("subject"), use.subject ? use.subject->id : "");
        w.end_object();
    }
    w.end_array();
}

void write_explanation(JsonWriter& w, const Result& r) {
    Explanation e = explain(r);
    w.begin_object();
    w.key("formula").value(e.formula);
    w.key("substituted").value(e.substituted);
    w.end_object();
}

void write_result(JsonWriter& w, const Result& r, const ReportOptions& o) {
    w.begin_object();
    write_indicator(w.key("indicator"), *r.indicator);
    write_subject(w.key("subject"), r);
    w.key("status").value(status_name(r.status));
    write_quantity(w.key("actual"), r.actual, actual_text(r, o.lang));
    write_quantity(w.key("target"), r.target, target_text(r, o.lang));
    write_quantity(w.key("gap"), r.gap, gap_text(r, o.lang));
    write_shortfall(w.key("shortfall"), r.shortfall);
    w.key("missing").begin_array();
    for (const auto& m : r.missing) w.value(m);
    w.end_array();
    string_or_null(w.key("reason"), r.reason.text(o.lang));
    string_or_null(w.key("reason_code"), r.reason.code());
    write_location(w.key("location"), r.deciding);
    write_facts_used(w.key("facts_used"), r);
    write_progress_json(w, r, o.lang, exact_text);
    if (o.explain) write_explanation(w.key("explanation"), r);
    w.end_object();
}

void write_packs(JsonWriter& w, const RuleSet& rules) {
    w.begin_array();
    for (const Pack* p : rules.packs) {
        w.begin_object();
        w.key("id").value(p->info.id);
        write_localized(w.key("title"), p->info.title);
        string_or_null(w.key("document_number"), p->info.document_number);
        w.end_object();
    }
    w.end_array();
}

void write_plan(JsonWriter& w, const PlanReport& report, const ReportOptions& o) {
    const Plan& plan = *report.plan;
    w.begin_object();
    w.key("file").value(plan.file);
    w.key("id").value(plan.id);
    w.key("name").value(plan.name);
    string_or_null(w.key("region"), plan.region);
    w.key("level").value(plan.level);
    w.key("year").value(plan.year);
    write_packs(w.key("packs"), *report.rules);
    write_summary(w.key("summary"), summarize(report.results), o.policy);
    w.key("results").begin_array();
    for (const auto& r : report.results) write_result(w, r, o);
    w.end_array();
    w.end_object();
}

}  // namespace

std::string exact_text(const Rational& value) {
    int64_t den = value.denominator();
    int64_t rest = den;
    while (rest % 2 == 0) rest /= 2;
    while (rest % 5 == 0) rest /= 5;
    // Only a denominator of 2s and 5s ends in decimal; 1/350 would be rounded, so it stays a
    // fraction.
    if (rest != 1) return fmt::format("{}/{}", value.numerator(), den);
    WideInt num = value.numerator();
    if (num < 0) num = -num;  // in 128 bits, so even the most negative 64-bit numerator fits
    std::string out =
        fmt::format("{}{}", value.is_negative() ? "-" : "", static_cast<uint64_t>(num / den));
    WideInt remainder = num % den;
    if (remainder != 0) out += '.';
    while (remainder != 0) {
        remainder *= 10;
        out += static_cast<char>('0' + static_cast<int>(remainder / den));
        remainder %= den;
    }
    return out;
}

void JsonReporter::write_batch(const std::vector<PlanReport>& reports, const ReportOptions& options,
                               std::ostream& out) {
    JsonWriter w(out);
    Summary total;
    w.begin_object();
    w.key("schema_version").value(kJsonSchemaVersion);
    w.key("tool").begin_object();
    w.key("name").value("vetcheck");
    w.key("version").value(VETCHECK_VERSION);
    w.end_object();
    write_options(w.key("options"), options);
    w.key("plans").begin_array();
    for (const auto& report : reports) {
        write_plan(w, report, options);
        for (const auto& r : report.results) total.add(r.status);
    }
    w.end_array();
    write_summary(w.key("summary"), total, options.policy);
    w.end_object();
    w.finish();
}

}  // namespace vetcheck::report
