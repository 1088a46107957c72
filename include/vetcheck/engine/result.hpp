#pragma once

#include <array>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "vetcheck/base/messages.hpp"
#include "vetcheck/compile/compiled_rule.hpp"
#include "vetcheck/engine/status.hpp"
#include "vetcheck/expr/evaluator.hpp"
#include "vetcheck/model/plan.hpp"
#include "vetcheck/pack/pack.hpp"

namespace vetcheck {

// What it would take to pass, in the unit of the fact a plan would change: 4 more teachers.
struct Shortfall {
    const FactDef* fact = nullptr;
    Rational current;
    Rational needed;      // the value of the fact at which the indicator passes
    bool strict = false;  // "more than needed" (a strict target on a fact that is not a count)

    Rational change() const { return needed - current; }
};

// A waiver of the plan that names a result: whether it applied, and the status it replaced (or,
// when it did not apply, the status the result keeps).
struct WaiverUse {
    const Waiver* waiver = nullptr;
    WaiverState state = WaiverState::Applied;
    Status original = Status::Fail;
};

// Why a result is n/a, an error, not due or advisory: a message code with its arguments, never
// prose, said by each report in its language. Most reasons are one of a few the rule set holds for
// every plan ("checked at city level"): those are pointed at, not copied, since a national batch
// gives hundreds of thousands of them. Others are the result's own.
class ReasonText {
  public:
    ReasonText() = default;
    ReasonText& operator=(Message message) {
        own_ = std::move(message);
        shared_ = nullptr;
        return *this;
    }
    // `message` must outlive the result: an indicator's, or a rule set's.
    void point_at(const Message& message) {
        own_ = Message();
        shared_ = &message;
    }
    void clear() { *this = Message(); }

    const Message& message() const { return shared_ ? *shared_ : own_; }
    const char* code() const { return message().code(); }
    std::string text(Lang lang) const { return render(message(), lang); }
    bool empty() const { return message().empty(); }
    // In English, for tests and logs.
    friend bool operator==(const ReasonText& a, std::string_view b) {
        return a.text(Lang::En) == b;
    }
    friend std::ostream& operator<<(std::ostream& out, const ReasonText& r) {
        return out << r.text(Lang::En);
    }

  private:
    Message own_;
    const Message* shared_ = nullptr;
};

struct Progress;  // engine/progress.hpp

struct Result {
    const CompiledRule* rule = nullptr;  // the rule set's: it outlives the result
    const Plan* plan = nullptr;
    const Subject* subject = nullptr;  // &plan->whole for plan indicators
    Status status = Status::Missing;
    std::optional<Quantity> actual;
    std::optional<Quantity> target;
    std::optional<Quantity>
        gap;  // how far from passing, in the indicator's unit (points for shares)
    std::optional<Shortfall> shortfall;
    std::vector<std::string> missing;  // facts the rule needs and the subject lacks
    ReasonText reason;                 // for error, n/a and not-due
    SourceLocation deciding;           // the plan line that holds the deciding fact
    std::vector<expr::FactUse> uses;
    // When packs along the cascade state the same target, how each version came out, parent first;
    // `rule` is then the version that decided the result (the strictest outcome).
    std::vector<std::pair<const CompiledRule*, Status>> versions;
    std::optional<WaiverUse> waiver;  // set when a waiver of the plan names this failing result
    // For a target not yet due with figures of earlier years: on-track or behind, and by how much.
    std::shared_ptr<const Progress> progress;

    const Indicator& indicator() const { return *rule->indicator; }
    bool on_whole_plan() const { return subject == &plan->whole; }
};

struct Summary {
    std::array<int, kStatusCount> counts{};
    int total = 0;
    void add(Status s) {
        ++counts[static_cast<int>(s)];
        ++total;
    }
    void add(const Summary& other) {
        for (int i = 0; i < kStatusCount; ++i) counts[i] += other.counts[i];
        total += other.total;
    }
    int count(Status s) const { return counts[static_cast<int>(s)]; }
    bool failed(const FailPolicy& policy) const;
};

Summary summarize(const std::vector<Result>& results);

}  // namespace vetcheck
