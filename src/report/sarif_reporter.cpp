#include "vetcheck/report/sarif_reporter.hpp"

#include <cctype>
#include <map>

#include <fmt/format.h>

#include "sarif_json.hpp"
#include "vetcheck/report/format.hpp"

#ifndef VETCHECK_VERSION
#define VETCHECK_VERSION "0.0.0"
#endif

namespace vetcheck::report {

namespace {

using sarif_json::Value;

// SARIF levels: what must be fixed is an error, what needs attention a warning, what is not yet
// due a note. Passing and not-applicable results are not findings and are left out.
const char* level_of(Status s) {
    switch (s) {
        case Status::Fail:
        case Status::Error:
            return "error";
        case Status::Missing:
        case Status::Advisory:
            return "warning";
        case Status::NotDue:
        case Status::Waived:
            return "note";
        case Status::Pass:
        case Status::NotApplicable:
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

Value text(std::string s) {
    return Value::object().set("text", std::move(s));
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
Value rule_help(const Citation& c) {
    return Value::object()
        .set("text", fmt::format("{}, {}: “{}”", c.file, c.section, c.quote))
        .set("markdown", fmt::format("{}, {}\n\n> {}", markdown_text(c.file),
                                     markdown_text(c.section), markdown_text(c.quote)));
}

Value rule_of(const Indicator& ind, Lang lang) {
    bool advisory = ind.severity == Severity::Advisory;
    Value properties = Value::object()
                           .set("pack", ind.pack_id)
                           .set("severity", advisory ? "advisory" : "required")
                           .set("deadline", ind.deadline);
    return Value::object()
        .set("id", ind.id)
        .set("name", rule_name(ind.id))
        .set("shortDescription", text(ind.name.in(lang)))
        .set("fullDescription", text(ind.formula()))
        .set("help", rule_help(ind.source))
        .set("defaultConfiguration", Value::object().set("level", advisory ? "warning" : "error"))
        .set("properties", std::move(properties));
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

Value location_of(const Result& r) {
    const std::string& file = r.deciding.file.empty() ? r.plan->file : r.deciding.file.str();
    Value artifact = Value::object().set("uri", uri_of(file));
    if (file.substr(0, 1) != "/") artifact.set("uriBaseId", "%SRCROOT%");
    Value physical = Value::object().set("artifactLocation", std::move(artifact));
    if (r.deciding.known()) {
        Value region = Value::object().set("startLine", r.deciding.line);
        if (r.deciding.column > 0) region.set("startColumn", r.deciding.column);
        physical.set("region", std::move(region));
    }
    return Value::object().set("physicalLocation", std::move(physical));
}

// Stable across runs and edits elsewhere in the plan, so that code scanning tracks one finding per
// plan, indicator and subject.
Value fingerprints(const Result& r) {
    return Value::object().set("vetcheckResult/v1",
                               fmt::format("{}/{}/{}", r.plan->id, r.indicator->id, r.subject->id));
}

Value result_of(const Result& r, int rule_index, Lang lang) {
    std::string message = fmt::format("{} — {}: {}", r.indicator->name.in(lang),
                                      subject_text(r, lang), outcome_text(r, lang));
    Value properties =
        Value::object().set("status", status_name(r.status)).set("subject", r.subject->id);
    Value result = Value::object()
                       .set("ruleId", r.indicator->id)
                       .set("ruleIndex", rule_index)
                       .set("level", level_of(r.status))
                       .set("message", text(message))
                       .set("locations", Value::array().push(location_of(r)))
                       .set("partialFingerprints", fingerprints(r))
                       .set("properties", std::move(properties));
    if (r.status == Status::Waived) {
        Value waiver = Value::object().set("kind", "external").set("justification", r.reason);
        result.set("suppressions", Value::array().push(std::move(waiver)));
    }
    return result;
}

// Rules in the order their indicators first appear among the findings, so that ruleIndex is
// stable; an indicator restated by several packs is one rule (the first pack that reports it).
struct Findings {
    Value rules = Value::array();
    Value results = Value::array();
    std::map<std::string, int> index;

    void add(const Result& r, Lang lang) {
        auto [it, added] = index.emplace(r.indicator->id, static_cast<int>(index.size()));
        if (added) rules.push(rule_of(*r.indicator, lang));
        results.push(result_of(r, it->second, lang));
    }
};

Value driver(Value rules) {
    return Value::object()
        .set("name", "vetcheck")
        .set("version", VETCHECK_VERSION)
        .set("semanticVersion", VETCHECK_VERSION)
        .set("rules", std::move(rules));
}

}  // namespace

void SarifReporter::write(const std::vector<PlanReport>& reports, const ReportOptions& options,
                          std::ostream& out) {
    Findings findings;
    for (const auto& report : reports)
        for (const auto& r : report.results)
            if (level_of(r.status)) findings.add(r, options.lang);
    Value run = Value::object()
                    .set("tool", Value::object().set("driver", driver(std::move(findings.rules))))
                    .set("columnKind", "unicodeCodePoints")
                    .set("results", std::move(findings.results));
    Value log = Value::object()
                    .set("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
                    .set("version", "2.1.0")
                    .set("runs", Value::array().push(std::move(run)));
    log.write(out);
    out << '\n';
}

}  // namespace vetcheck::report
