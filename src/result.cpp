#include "vetcheck/result.hpp"

namespace vetcheck {

namespace {
constexpr const char* kStatusNames[kStatusCount] = {"pass",    "fail", "missing",  "error",
                                                    "not-due", "n/a",  "advisory", "waived"};
}

const char* status_name(Status s) {
    return kStatusNames[static_cast<int>(s)];
}

bool parse_status(std::string_view text, Status* out) {
    for (int i = 0; i < kStatusCount; ++i) {
        if (text == kStatusNames[i]) {
            *out = static_cast<Status>(i);
            return true;
        }
    }
    return false;
}

FailPolicy FailPolicy::standard() {
    FailPolicy p;
    p.fails[static_cast<int>(Status::Fail)] = true;
    p.fails[static_cast<int>(Status::Missing)] = true;
    p.fails[static_cast<int>(Status::Error)] = true;
    return p;
}

bool Summary::failed(const FailPolicy& policy) const {
    for (int i = 0; i < kStatusCount; ++i)
        if (counts[i] > 0 && policy.fails[i]) return true;
    return false;
}

Summary summarize(const std::vector<Result>& results) {
    Summary s;
    for (const auto& r : results) s.add(r.status);
    return s;
}

}  // namespace vetcheck
