#include "vetcheck/read/yaml_problem.hpp"

#include <cstring>
#include <string>

#include <fmt/format.h>

namespace vetcheck {

namespace {

// libyaml's problem texts (scanner.c, parser.c of libyaml 0.2) and the code each becomes; the
// context narrows a text that means different things in different places. Matched in order.
struct KnownProblem {
    const char* context;  // a substring of libyaml's context, or "" for any
    const char* problem;  // a substring of libyaml's problem
    const char* code;
};

const KnownProblem kKnown[] = {
    {"flow sequence", "expected ',' or ']'", "E-yaml-list-unclosed"},
    {"flow mapping", "expected ',' or '}'", "E-yaml-mapping-unclosed"},
    {"quoted scalar", "unexpected end of stream", "E-yaml-quote-unclosed"},
    {"quoted scalar", "unexpected document indicator", "E-yaml-quote-unclosed"},
    {"", "did not find expected key", "E-yaml-key-expected"},
    {"", "did not find expected node content", "E-yaml-value-expected"},
    {"", "character that cannot start any token", "E-yaml-bad-character"},
    {"", "tab character", "E-yaml-bad-character"},
    {"", "mapping values are not allowed", "E-yaml-colon-not-allowed"},
    {"", "could not find expected ':'", "E-yaml-colon-expected"},
    {"", "did not find expected '-' indicator", "E-yaml-dash-expected"},
    {"", "block sequence entries are not allowed", "E-yaml-dash-not-allowed"},
    {"", "unknown escape character", "E-yaml-escape-unknown"},
    {"", "did not find expected comment or line break", "E-yaml-text-after-value"},
};

bool contains(const char* text, const char* part) {
    return text && std::strstr(text, part) != nullptr;
}

}  // namespace

Message yaml_problem(const char* context, const char* problem, YamlBegan began) {
    for (const KnownProblem& k : kKnown) {
        if (!contains(problem, k.problem) || (*k.context && !contains(context, k.context)))
            continue;
        Message message(k.code, {{"open", contains(context, "mapping") ? "{" : "["}});
        if (began.line > 0)
            message.with({"began", Message("P-yaml-began",
                                           {{"line", began.line}, {"column", began.column}})});
        else
            message.with({"began", ""});
        return message;
    }
    std::string text = problem ? problem : "malformed YAML";
    if (context) text = fmt::format("{} {}", context, text);
    if (began.line > 0)
        text += fmt::format(" (it began at line {}, column {})", began.line, began.column);
    return Message("E-yaml-invalid", {{"problem", text}});
}

}  // namespace vetcheck
