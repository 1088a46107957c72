#include "vetcheck/report/junit_reporter.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <string_view>
#include <unordered_map>

#include <fmt/format.h>

#include "vetcheck/base/messages.hpp"
#include "vetcheck/base/text.hpp"
#include "vetcheck/report/format.hpp"
#include "vetcheck/report/xml_writer.hpp"

namespace vetcheck::report {

namespace {

// How a CI server counts a result. The report's failures and errors agree with the exit code: a
// status the --fail-on policy fails on is a failure (an error when the check could not be made);
// a missed advisory target passes with a note; any other status is skipped, with its reason.
using Outcome = JunitOutcome;

Outcome outcome_of(Status s, const FailPolicy& policy) {
    const StatusInfo& info = status_info(s);
    return policy.fails_on(s) ? info.junit_when_failing : info.junit_otherwise;
}

struct Counts {
    long long tests = 0, failures = 0, errors = 0, skipped = 0;

    void add(Outcome o) {
        ++tests;
        failures += o == Outcome::Failure;
        errors += o == Outcome::Error;
        skipped += o == Outcome::Skipped;
    }
    void add(const Counts& c) {
        tests += c.tests;
        failures += c.failures;
        errors += c.errors;
        skipped += c.skipped;
    }
};

Counts count(const std::vector<Result>& results, const FailPolicy& policy) {
    Counts c;
    for (const auto& r : results) c.add(outcome_of(r.status, policy));
    return c;
}

// Line labels of the detail text; the values beside them are in the report's language already.
struct Words {
    const char *actual, *target, *shortfall, *subject, *at, *source, *not_failing;
};

const Words& words(Lang lang) {
    static const Words kZh{"实际: ",
                           "目标: ",
                           "差距: ",
                           "对象: ",
                           "位置: ",
                           "出处: ",
                           "不导致本次运行失败 (见 --fail-on)"};
    static const Words kEn{"actual: ",
                           "target: ",
                           "shortfall: ",
                           "subject: ",
                           "at: ",
                           "source: ",
                           "does not fail this run (see --fail-on)"};
    return lang == Lang::Zh ? kZh : kEn;
}

void add_explanation(const Result& r, std::vector<std::string>* lines) {
    Explanation e = explain(r);
    lines->push_back(e.formula);
    lines->push_back("= " + e.substituted);
    for (const auto& f : e.facts)
        lines->push_back(fmt::format("{}{} = {}  ({})", f.subject.empty() ? "" : f.subject + ": ",
                                     f.key, f.value, f.where.to_string()));
}

// The body of a failure or error: the values, where the deciding fact is, and the source text.
std::string detail_text(const Result& r, const ReportOptions& o) {
    const Words& w = words(o.lang);
    std::vector<std::string> lines;
    std::string actual = actual_text(r, o.lang);
    std::string gap = gap_text(r, o.lang);
    if (actual != "—") {
        lines.push_back(w.actual + actual);
        lines.push_back(w.target + target_text(r, o.lang));
        if (!gap.empty()) lines.push_back(w.shortfall + gap);
    } else if (!gap.empty()) {
        lines.push_back(gap);
    }
    lines.push_back(w.subject + escape_controls(subject_text(r, o.lang), "\t"));
    lines.push_back(w.at + r.deciding.to_string());
    const Citation& c = r.indicator().source;
    lines.push_back(w.source + c.reference());
    lines.push_back(fmt::format("“{}”", c.quote));
    if (o.explain) add_explanation(r, &lines);
    return join(lines, "\n");
}

// Why a result was skipped, with its status first: "not due: missing data: …" and
// "n/a: condition not met: …" read alike without it. "missing data: …" already says it.
std::string skipped_text(const Result& r, const std::string& message, Lang lang) {
    std::string status = status_text(r.status, lang);
    return message.rfind(status, 0) == 0 ? message : status + ": " + message;
}

// A passing result that is not a pass: why it does not fail the run, then the detail.
std::string note_text(const Result& r, const ReportOptions& o) {
    std::string why =
        r.status == Status::Waived && !r.reason.empty() ? ": " + r.reason.text(o.lang) : "";
    return fmt::format("{}{} — {}\n{}", status_text(r.status, o.lang), why,
                       words(o.lang).not_failing, detail_text(r, o));
}

void write_outcome(XmlWriter& xml, const Result& r, Outcome outcome, const ReportOptions& o) {
    std::string message = outcome_text(r, o.lang);
    switch (outcome) {
        case Outcome::Failure:
        case Outcome::Error:
            xml.open(outcome == Outcome::Failure ? "failure" : "error")
                .attribute("message", message)
                .attribute("type", status_name(r.status))
                .text(detail_text(r, o))
                .close();
            return;
        case Outcome::Skipped:
            xml.open("skipped").attribute("message", skipped_text(r, message, o.lang)).close();
            return;
        case Outcome::Passed:
            // A missed advisory target or a waiver passes, but CI readers should still see it.
            if (r.status != Status::Pass) xml.element("system-out", note_text(r, o));
            return;
    }
}

// A testcase's name is unique in its suite: the indicator id and the subject's id, then the
// indicator's name for people; a second result with both the same (an indicator restated for
// another scope on an institution that has the plan's id) gets " (2)", and so on.
class CaseNames {
  public:
    std::string name(const Result& r, Lang lang) {
        std::string key = r.indicator().id + " @ " + r.subject->id;
        int n = ++seen_[key];
        std::string name = fmt::format("{} — {}", key, r.indicator().name.in(lang));
        return n == 1 ? name : fmt::format("{} ({})", name, n);
    }

  private:
    std::unordered_map<std::string, int> seen_;
};

// Grouped as CI servers show package.class: the plan (its id, or its file without one), then
// the pack whose wording was checked.
std::string class_name(const Result& r) {
    const Plan& plan = *r.plan;
    return (plan.id.empty() ? plan.file : plan.id) + "." + r.indicator().pack_id;
}

void write_testcase(XmlWriter& xml, const Result& r, const std::string& name,
                    const ReportOptions& o) {
    const std::string& file = r.deciding.file.empty() ? r.plan->file : r.deciding.file.str();
    xml.open("testcase")
        .attribute("name", name)
        .attribute("classname", class_name(r))
        .attribute("file", file);
    if (r.deciding.known()) xml.attribute("line", r.deciding.line);
    // Some readers sum durations and show NaN without one; vetcheck does not time its checks.
    xml.attribute("time", "0");
    write_outcome(xml, r, outcome_of(r.status, o.policy), o);
    xml.close();
}

void write_counts(XmlWriter& xml, const Counts& c) {
    xml.attribute("tests", c.tests).attribute("failures", c.failures).attribute("errors", c.errors);
}

void write_property(XmlWriter& xml, std::string_view name, const std::string& value) {
    xml.open("property").attribute("name", name).attribute("value", value).close();
}

void write_suite(XmlWriter& xml, const PlanReport& report, const ReportOptions& o) {
    const Plan& plan = *report.plan;
    Counts c = count(report.results, o.policy);
    xml.open("testsuite").attribute("name", plan.name);
    write_counts(xml, c);
    xml.attribute("skipped", c.skipped).attribute("time", "0").attribute("file", plan.file);
    xml.open("properties");
    write_property(xml, "plan.id", plan.id);
    write_property(xml, "plan.year", std::to_string(plan.year));
    write_property(xml, "plan.level", plan.level);
    write_property(xml, "against", against_text(*report.rules, o.lang));
    xml.close();
    CaseNames names;
    for (const auto& r : report.results) write_testcase(xml, r, names.name(r, o.lang), o);
    xml.close();
}

constexpr std::string_view kDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

// The root's start tag, with the totals when given, padded with spaces to `room` bytes.
std::string root_tag(const Counts* totals, size_t room) {
    std::string tag = "<testsuites name=\"vetcheck\"";
    // No `skipped` total: the JUnit schema CI servers validate against (Jenkins junit-10.xsd)
    // allows it only on each testsuite, and readers sum the suites.
    if (totals)
        tag += fmt::format(" tests=\"{}\" failures=\"{}\" errors=\"{}\"", totals->tests,
                           totals->failures, totals->errors);
    if (tag.size() + 2 < room) tag.append(room - tag.size() - 2, ' ');
    return tag + ">\n";
}

// Room for three totals of up to 19 digits (a long long) beside the name.
const size_t kRootRoom = root_tag(nullptr, 0).size() +
                         std::string_view(" tests=\"\" failures=\"\" errors=\"\"").size() + 3 * 19;

}  // namespace

void JunitReporter::begin(const RunInfo& run, const ReportOptions& options, std::ostream& out) {
    Reporter::begin(run, options, out);
    std::error_code ec;
    root_room_ =
        !run.file.empty() && std::filesystem::is_regular_file(run.file, ec) ? kRootRoom : 0;
    out << kDeclaration << root_tag(nullptr, root_room_);
}

void JunitReporter::plan(const PlanReport& report, std::ostream& out) {
    Counts c = count(report.results, options_.policy);
    tests_ += c.tests;
    failures_ += c.failures;
    errors_ += c.errors;
    XmlWriter xml(out, 1);
    write_suite(xml, report, options_);
}

void JunitReporter::failure(const InputFailure& failure, std::ostream& out) {
    const InputError& e = failure.error;
    const std::string& file = e.where().file.str();
    ++tests_;
    ++errors_;
    XmlWriter xml(out, 1);
    xml.open("testsuite").attribute("name", file);
    xml.attribute("tests", 1).attribute("failures", 0).attribute("errors", 1);
    xml.attribute("skipped", 0).attribute("time", "0").attribute("file", file);
    xml.open("testcase")
        .attribute("name", phrase("L-input-not-checked", options_.lang))
        .attribute("classname", file)
        .attribute("file", file);
    if (e.where().known()) xml.attribute("line", e.where().line);
    xml.attribute("time", "0");
    xml.open("error")
        .attribute("message", e.where().to_string() + ": " + e.message(options_.lang))
        .attribute("type", "input");
    xml.close();
    xml.close();
    xml.close();
}

void JunitReporter::end(const RunTotals&, std::ostream& out) {
    out << "</testsuites>\n";
    if (!root_room_) return;
    // The file is whole up to here; the totals go over the spaces reserved in the root's tag.
    out.flush();
    Counts total;
    total.tests = tests_;
    total.failures = failures_;
    total.errors = errors_;
    std::string tag = root_tag(&total, root_room_);
    int fd = ::open(run_.file.c_str(), O_WRONLY | O_CLOEXEC);
    bool written = fd >= 0 && tag.size() == root_room_ &&
                   ::pwrite(fd, tag.data(), tag.size(), static_cast<off_t>(kDeclaration.size())) ==
                       static_cast<ssize_t>(tag.size());
    if (fd >= 0) written = ::close(fd) == 0 && written;
    if (!written)
        throw InputError(SourceLocation{FileName(run_.target)}, Message("E-junit-totals"));
}

}  // namespace vetcheck::report
