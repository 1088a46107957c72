#include "vetcheck/report/sarif_reporter.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <sstream>
#include <string_view>

#include <fmt/format.h>

#include "vetcheck/report/format.hpp"
#include "vetcheck/report/json_writer.hpp"

#ifndef VETCHECK_VERSION
#define VETCHECK_VERSION "0.0.0"
#endif

namespace vetcheck::report {

namespace {

// SARIF levels from the status table: what fails the run is an error (missing data too, as in the
// exit code), a missed soft target a warning, what is not yet due or waived a note. Passing and
// not-applicable results are not findings and are left out.
const char* level_of(Status s) {
    switch (status_info(s).sarif) {
        case SarifLevel::Error:
            return "error";
        case SarifLevel::Warning:
            return "warning";
        case SarifLevel::Note:
            return "note";
        case SarifLevel::None:
            break;
    }
    return nullptr;
}

// "ideological_teacher_ratio" → "IdeologicalTeacherRatio": SARIF wants a rule name that is an
// identifier, not a sentence; the sentence goes in shortDescription.
std::string rule_name(const std::string& id) {
    std::string name;
    bool upper = true;
    for (char c : id) {
        if (!std::isalnum(static_cast<unsigned char>(c))) {
            upper = true;
            continue;
        }
        name += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        upper = false;
    }
    return name;
}

void write_text(JsonWriter& w, std::string_view text) {
    w.begin_object();
    w.key("text").value(text);
    w.end_object();
}

// Pack text is not Markdown: characters that would be read as inline markup are escaped.
std::string markdown_text(std::string_view text) {
    static constexpr std::string_view kMarkup = "\\`*_[]<>|~";
    std::string out;
    for (char c : text) {
        if (kMarkup.find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

// The source of the target: what a reader needs to check the rule against the policy text.
void write_rule_help(JsonWriter& w, const Citation& c) {
    w.begin_object();
    w.key("text").value(fmt::format("{} ({}): “{}”", c.reference(), c.file, c.quote));
    w.key("markdown")
        .value(fmt::format("{} ({})\n\n> {}", markdown_text(c.reference()), markdown_text(c.file),
                           markdown_text(c.quote)));
    w.end_object();
}

void write_rule(JsonWriter& w, const Indicator& ind, Lang lang) {
    bool advisory = ind.severity == Severity::Advisory;
    w.begin_object();
    w.key("id").value(ind.id);
    w.key("name").value(rule_name(ind.id));
    write_text(w.key("shortDescription"), ind.name.in(lang));
    write_text(w.key("fullDescription"), ind.formula());
    write_rule_help(w.key("help"), ind.source);
    w.key("defaultConfiguration").begin_object();
    w.key("level").value(advisory ? "warning" : "error");
    w.end_object();
    w.key("properties").begin_object();
    w.key("pack").value(ind.pack_id);
    w.key("severity").value(advisory ? "advisory" : "required");
    w.key("deadline").value(ind.deadline);
    w.end_object();
    w.end_object();
}

// A relative path as given, as a URI reference: every byte outside the unreserved set (and '/')
// percent-encoded, so that Chinese file names and spaces survive. Absolute paths become file URIs.
std::string uri_of(std::string_view path) {
    static constexpr std::string_view kUnreserved = "-._~/";
    while (path.substr(0, 2) == "./") path.remove_prefix(2);
    std::string uri = path.substr(0, 1) == "/" ? "file://" : "";
    for (unsigned char c : path) {
        if (std::isalnum(c) || kUnreserved.find(static_cast<char>(c)) != std::string_view::npos)
            uri += static_cast<char>(c);
        else
            uri += fmt::format("%{:02X}", c);
    }
    return uri;
}

void write_physical_location(JsonWriter& w, const std::string& file, const SourceLocation& at) {
    w.begin_object();
    w.key("physicalLocation").begin_object();
    w.key("artifactLocation").begin_object();
    w.key("uri").value(uri_of(file));
    if (file.substr(0, 1) != "/") w.key("uriBaseId").value("%SRCROOT%");
    w.end_object();
    if (at.known()) {
        w.key("region").begin_object();
        w.key("startLine").value(at.line);
        if (at.column > 0) w.key("startColumn").value(at.column);
        w.end_object();
    }
    w.end_object();
    w.end_object();
}

void write_location(JsonWriter& w, const Result& r) {
    const std::string& file = r.deciding.file.empty() ? r.plan->file : r.deciding.file.str();
    write_physical_location(w, file, r.deciding);
}

// Stable across runs and edits elsewhere in the plan, so that code scanning tracks one finding per
// plan, indicator and subject.
void write_fingerprints(JsonWriter& w, const Result& r) {
    w.begin_object();
    w.key("vetcheckResult/v1")
        .value(fmt::format("{}/{}/{}", r.plan->id, r.indicator().id, r.subject->id));
    w.end_object();
}

void write_result(JsonWriter& w, const Result& r, int rule_index, Lang lang) {
    std::string message = fmt::format("{} — {}: {}", r.indicator().name.in(lang),
                                      subject_text(r, lang), outcome_text(r, lang));
    w.begin_object();
    w.key("ruleId").value(r.indicator().id);
    w.key("ruleIndex").value(rule_index);
    w.key("level").value(level_of(r.status));
    write_text(w.key("message"), message);
    w.key("locations").begin_array();
    write_location(w, r);
    w.end_array();
    write_fingerprints(w.key("partialFingerprints"), r);
    w.key("properties").begin_object();
    w.key("status").value(status_name(r.status));
    w.key("subject").value(r.subject->id);
    w.end_object();
    if (r.status == Status::Waived) {
        w.key("suppressions").begin_array();
        w.begin_object();
        w.key("kind").value("external");
        w.key("justification").value(r.reason.text(lang));
        w.end_object();
        w.end_array();
    }
    w.end_object();
}

// Rules in the order their indicators first appear among the kept findings, so that ruleIndex is
// stable; an indicator restated by several packs is one rule (the first pack that reports it).
struct Findings {
    std::vector<const Indicator*> rules;
    std::map<std::string, int> index;

    int add(const Indicator& ind) {
        auto [it, added] = index.emplace(ind.id, static_cast<int>(index.size()));
        if (added) rules.push_back(&ind);
        return it->second;
    }
};

void write_driver(JsonWriter& w, const Findings& findings, Lang lang) {
    w.begin_object();
    w.key("name").value("vetcheck");
    w.key("version").value(VETCHECK_VERSION);
    w.key("semanticVersion").value(VETCHECK_VERSION);
    w.key("rules").begin_array();
    for (const Indicator* ind : findings.rules) write_rule(w, *ind, lang);
    w.end_array();
    w.end_object();
}

// Which finding gives way first when the heap is full: the least severe, then the latest.
bool keeps_before(const SarifReporter::Kept& a, const SarifReporter::Kept& b) {
    return a.rank != b.rank ? a.rank > b.rank : a.seq < b.seq;
}

constexpr std::string_view kRuleIndexToSet = "\"ruleIndex\": -1";

// A result as JSON on its own (indented from the left margin), with ruleIndex -1 to be set.
std::string result_json(const Result& r, Lang lang) {
    std::ostringstream out;
    JsonWriter w(out, JsonEscapes::Unicode);
    write_result(w, r, -1, lang);
    return std::move(out).str();
}

// What was left out and what could not be checked, where a reader of the run looks: its
// properties and the invocation's notifications (an input that could not be checked makes the
// invocation unsuccessful, as the exit code 2 says).
void write_invocation(JsonWriter& w, const std::array<int, kStatusCount>& omitted, size_t limit,
                      const std::vector<std::string>& failures, size_t failures_left_out) {
    int total = 0;
    for (int n : omitted) total += n;
    if (total == 0 && failures.empty()) return;
    if (total) {
        w.key("properties").begin_object();
        w.key("omittedResults").value(total);
        w.key("omittedByStatus").begin_object();
        for (int i = 0; i < kStatusCount; ++i)
            if (omitted[i]) w.key(status_name(static_cast<Status>(i))).value(omitted[i]);
        w.end_object();
        w.end_object();
    }
    w.key("invocations").begin_array();
    w.begin_object();
    w.key("executionSuccessful").value(failures.empty());
    w.key("toolExecutionNotifications").begin_array();
    for (const std::string& f : failures) w.json(f);
    if (failures_left_out) {
        w.begin_object();
        w.key("level").value("error");
        write_text(w.key("message"),
                   fmt::format("{} more inputs could not be checked (not listed here)",
                               failures_left_out));
        w.end_object();
    }
    if (total) {
        w.begin_object();
        w.key("level").value("warning");
        write_text(
            w.key("message"),
            fmt::format("{} results left out: GitHub code scanning keeps {} results per run, so "
                        "the {} most severe are listed; every result is in -f json or -f csv",
                        total, limit, limit));
        w.end_object();
    }
    w.end_array();
    w.end_object();
    w.end_array();
}

}  // namespace

void SarifReporter::begin(const RunInfo& run, const ReportOptions& options, std::ostream& out) {
    Reporter::begin(run, options, out);
    kept_.clear();
    seq_ = 0;
    omitted_ = {};
    failures_.clear();
    failures_left_out_ = 0;
}

void SarifReporter::failure(const InputFailure& failure, std::ostream&) {
    if (failures_.size() >= std::max<size_t>(max_results_, 1)) {
        ++failures_left_out_;
        return;
    }
    const InputError& e = failure.error;
    std::ostringstream out;
    JsonWriter w(out, JsonEscapes::Unicode);
    w.begin_object();
    w.key("level").value("error");
    write_text(w.key("message"), e.message(options_.lang));
    w.key("locations").begin_array();
    write_physical_location(w, e.where().file.str(), e.where());
    w.end_array();
    w.end_object();
    failures_.push_back(std::move(out).str());
}

void SarifReporter::plan(const PlanReport& report, std::ostream&) {
    // std::*_heap keep the greatest on top: with keeps_before as "less", that is the finding that
    // gives way first.
    for (const auto& r : report.results) {
        if (!level_of(r.status)) continue;
        Kept k{r.status, severity_rank(r.status), seq_++, &r.indicator(), report.rules, {}};
        if (kept_.size() >= max_results_) {
            if (max_results_ == 0 || !keeps_before(k, kept_.front())) {
                ++omitted_[static_cast<int>(r.status)];
                continue;
            }
            std::pop_heap(kept_.begin(), kept_.end(), keeps_before);
            ++omitted_[static_cast<int>(kept_.back().status)];
            kept_.pop_back();
        }
        k.json = result_json(r, options_.lang);
        kept_.push_back(std::move(k));
        std::push_heap(kept_.begin(), kept_.end(), keeps_before);
    }
}

void SarifReporter::end(const RunTotals&, std::ostream& out) {
    std::sort(kept_.begin(), kept_.end(),
              [](const Kept& a, const Kept& b) { return a.seq < b.seq; });
    Findings findings;
    std::vector<int> rule_index;
    for (const Kept& k : kept_) rule_index.push_back(findings.add(*k.indicator));
    JsonWriter w(out, JsonEscapes::Unicode);
    w.begin_object();
    w.key("$schema").value("https://json.schemastore.org/sarif-2.1.0.json");
    w.key("version").value("2.1.0");
    w.key("runs").begin_array();
    w.begin_object();
    w.key("tool").begin_object();
    write_driver(w.key("driver"), findings, options_.lang);
    w.end_object();
    w.key("columnKind").value("unicodeCodePoints");
    w.key("results").begin_array();
    for (size_t i = 0; i < kept_.size(); ++i) {
        std::string& json = kept_[i].json;
        json.replace(json.find(kRuleIndexToSet), kRuleIndexToSet.size(),
                     fmt::format("\"ruleIndex\": {}", rule_index[i]));
        w.json(json);
    }
    w.end_array();
    write_invocation(w, omitted_, max_results_, failures_, failures_left_out_);
    w.end_object();
    w.end_array();
    w.end_object();
    w.finish();
    kept_.clear();
}

}  // namespace vetcheck::report
