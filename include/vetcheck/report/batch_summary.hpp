#pragma once

#include <array>
#include <string>
#include <vector>

#include "vetcheck/base/i18n.hpp"
#include "vetcheck/report/reporter.hpp"

namespace vetcheck {

// What an analyst asks of a batch: how each indicator fares across plans, which plans fare worst,
// and where the gaps are largest. Accumulated plan by plan, so a streamed national batch needs no
// more than these tallies.
class BatchSummary {
  public:
    struct IndicatorStats {
        std::string id;
        LocalizedText name;
        std::array<int, kStatusCount> counts{};
        int passed() const { return counts[static_cast<int>(Status::Pass)]; }
        int checked() const;  // results that apply and are due
        // Every check that counts lacked its facts: no plan supplies them, and a pass rate of 0%
        // would say the plans fail what was never in the data.
        bool not_in_data() const {
            return checked() > 0 && counts[static_cast<int>(Status::Missing)] == checked();
        }
    };
    struct PlanStats {
        std::string name;
        std::string file;
        // A row of a spreadsheet, where every plan shares the file: its id and row name it.
        std::string id;
        int row = 0;
        int passed = 0;
        int checked = 0;
    };
    struct Gap {
        std::string plan;
        std::string subject;
        LocalizedText indicator;
        Rational relative;  // the gap as a share of the target
        std::string actual, target;
        std::string gap_en, gap_zh;
    };

    explicit BatchSummary(size_t keep = 10) : keep_(keep) {}
    void add(const report::PlanReport& report);

    const std::vector<IndicatorStats>& indicators() const { return indicators_; }
    std::vector<PlanStats> worst_plans() const;  // lowest pass rate first, at most `keep`
    const std::vector<Gap>& worst_gaps() const { return gaps_; }  // largest first, at most `keep`
    size_t plans() const { return plans_.size(); }
    const Summary& total() const { return total_; }

  private:
    size_t keep_;
    std::vector<IndicatorStats> indicators_;
    std::vector<PlanStats> plans_;
    std::vector<Gap> gaps_;
    Summary total_;
};

void write_batch_summary(const BatchSummary& summary, Lang lang, std::ostream& out);

}  // namespace vetcheck
