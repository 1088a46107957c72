#include "vetcheck/report/github_reporter.hpp"

#include <fmt/format.h>

#include "vetcheck/base/text.hpp"
#include "vetcheck/report/format.hpp"

namespace vetcheck::report {

namespace {

// The annotation level of a status, or nullptr for statuses that are not annotated (pass, n/a,
// waived): a pull request shows only what needs attention.
const char* command_of(Status s) {
    switch (s) {
        case Status::Fail:
        case Status::Missing:
        case Status::Error:
            return "error";
        case Status::Advisory:
        case Status::Behind:
            return "warning";
        case Status::NotDue:
        case Status::OnTrack:
            return "notice";
        default:
            return nullptr;
    }
}

std::string properties(const Result& r, Lang lang) {
    const SourceLocation& at = r.deciding;
    std::string file = at.file.empty() ? r.plan->file : at.file.str();
    std::string props = "file=" + github_escape_property(file);
    if (at.known()) {
        props += fmt::format(",line={}", at.line);
        if (at.column > 0) props += fmt::format(",col={}", at.column);
    }
    return props + ",title=" + github_escape_property(r.indicator().name.in(lang));
}

// "fail — XX职业技术学院 (高职): 1:500, needs ≥1:350; 4 more …", then the source on a second line.
std::string message(const Result& r, Lang lang) {
    std::string actual = actual_text(r, lang);
    std::string needs = fmt::format("{} {}", label(Label::Needs, lang), target_text(r, lang));
    std::string value = actual == "—" ? needs : fmt::format("{}, {}", actual, needs);
    std::string text = fmt::format("{}: {}", subject_text(r, lang), value);
    // The gap words of missing and advisory results begin with the status ("missing data: …",
    // "advisory; …"); the others say it first.
    if (r.status != Status::Missing && r.status != Status::Advisory)
        text = fmt::format("{} — {}", status_text(r.status, lang), text);
    std::string gap = gap_text(r, lang);
    if (!gap.empty()) text += "; " + gap;
    const Citation& c = r.indicator().source;
    text +=
        fmt::format("\n{}: {}: “{}”", lang == Lang::Zh ? "依据" : "Source", c.reference(), c.quote);
    return text;
}

std::string summary_line(size_t plans, const Summary& total, const ReportOptions& o) {
    bool zh = o.lang == Lang::Zh;
    return fmt::format("vetcheck: {} {}, {}; {} {}", plans,
                       zh ? "个规划" : (plans == 1 ? "plan" : "plans"), summary_text(total, o.lang),
                       label(Label::ExitCode, o.lang), total.failed(o.policy) ? 1 : 0);
}

}  // namespace

std::string github_escape_data(std::string_view raw) {
    // The message's own line breaks are encoded below; any other control character is escaped.
    std::string text = escape_controls(raw, "\r\n");
    std::string out;
    for (char c : text) {
        if (c == '%')
            out += "%25";
        else if (c == '\r')
            out += "%0D";
        else if (c == '\n')
            out += "%0A";
        else
            out += c;
    }
    return out;
}

std::string github_escape_property(std::string_view text) {
    std::string out;
    for (char c : github_escape_data(text)) {
        if (c == ':')
            out += "%3A";
        else if (c == ',')
            out += "%2C";
        else
            out += c;
    }
    return out;
}

void GithubReporter::plan(const PlanReport& report, std::ostream& out) {
    for (const auto& r : report.results)
        if (const char* command = command_of(r.status))
            out << "::" << command << ' ' << properties(r, options_.lang)
                << "::" << github_escape_data(message(r, options_.lang)) << '\n';
}

void GithubReporter::failure(const InputFailure& failure, std::ostream& out) {
    // An input that could not be checked is an error annotation at the place it went wrong, so a
    // pull request shows it beside the findings of the inputs that were checked.
    const InputError& e = failure.error;
    std::string props = "file=" + github_escape_property(e.where().file.str());
    if (e.where().line > 0) props += fmt::format(",line={}", e.where().line);
    if (e.where().column > 0) props += fmt::format(",col={}", e.where().column);
    out << "::error " << props
        << ",title=vetcheck::" << github_escape_data(e.message(options_.lang)) << '\n';
}

void GithubReporter::end(const RunTotals& totals, std::ostream& out) {
    // A plain line, not a command: the log says how the run went without adding an annotation.
    out << summary_line(totals.plans, totals.total, options_) << '\n';
}

}  // namespace vetcheck::report
