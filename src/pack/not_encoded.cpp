#include "vetcheck/pack/not_encoded.hpp"

#include <array>
#include <utility>

namespace vetcheck {

namespace {

struct ReasonWord {
    NotEncodedReason reason;
    std::string_view word;
    bool takes_id;
};
constexpr std::array<ReasonWord, 5> kReasons{{
    {NotEncodedReason::Background, "background", false},
    {NotEncodedReason::Entitlement, "entitlement", false},
    {NotEncodedReason::NotCheckable, "not-checkable-from-a-plan", false},
    {NotEncodedReason::DuplicateOf, "duplicate-of", true},
    {NotEncodedReason::StatedByHigherPack, "stated-by-higher-pack", true},
}};

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

bool parse_not_encoded_reason(std::string_view text, NotEncodedReason* reason, std::string* ref) {
    text = trim(text);
    size_t colon = text.find(':');
    std::string_view word = trim(text.substr(0, colon));
    std::string_view id = colon == std::string_view::npos ? "" : trim(text.substr(colon + 1));
    for (const ReasonWord& r : kReasons) {
        if (word != r.word) continue;
        // An id is required exactly where the reason points at something.
        if (r.takes_id != (colon != std::string_view::npos) || (r.takes_id && id.empty()))
            return false;
        *reason = r.reason;
        *ref = std::string(id);
        return true;
    }
    return false;
}

std::string not_encoded_reason_text(NotEncodedReason reason, std::string_view ref) {
    for (const ReasonWord& r : kReasons)
        if (r.reason == reason)
            return r.takes_id ? std::string(r.word) + ": " + std::string(ref) : std::string(r.word);
    return "";
}

std::vector<std::string> not_encoded_reason_forms() {
    return {"background", "entitlement", "not-checkable-from-a-plan", "duplicate-of: ID",
            "stated-by-higher-pack: ID"};
}

}  // namespace vetcheck
