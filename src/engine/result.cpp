#include "vetcheck/engine/result.hpp"

namespace vetcheck {

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
