#pragma once

#include <string>
#include <string_view>

namespace vetcheck {

enum class Lang { Zh, En };

// Chinese under a Chinese locale (LC_ALL, LC_MESSAGES, LANG in that order), English otherwise.
Lang lang_from_environment();
bool parse_lang(std::string_view text, Lang* out);

// A name given in both languages by a pack; falls back to the other language when one is empty.
struct LocalizedText {
    std::string zh;
    std::string en;
    const std::string& in(Lang lang) const;
};

// Fixed words of the reports: entries of the message catalogue (base/messages.hpp), named by an
// enum the reporters have long used.
enum class Label {
    Against,
    Plan,
    Subject,
    Checks,
    Pass,
    Fail,
    Missing,
    Error,
    NotDue,
    NotApplicable,
    Advisory,
    Waived,
    Needs,
    MissingData,
    ExitCode,
    WholePlan,
    MoreOf,
    Points,
    Over,
    Short,
    Due,
    NoIndicators
};
const char* label(Label l, Lang lang);

}  // namespace vetcheck
