#include "vetcheck/model/waiver.hpp"

namespace vetcheck {

const char* waiver_state_name(WaiverState s) {
    switch (s) {
        case WaiverState::Applied:
            return "applied";
        case WaiverState::Expired:
            return "expired";
        case WaiverState::NotWaivable:
            return "not-waivable";
        case WaiverState::Unnecessary:
            return "unnecessary";
    }
    return "?";
}

}  // namespace vetcheck
