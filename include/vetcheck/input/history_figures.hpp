#pragma once

#include <map>
#include <string>
#include <vector>

#include "vetcheck/model/plan.hpp"

namespace vetcheck {

// The figures of earlier plan years from a results database (`vetcheck --history results.db`): a
// school that submits one report a year gets progress from the reports it submitted before. Read
// once, before the plans are checked; add_to() is then safe from any number of checking threads.
class HistoryFigures {
  public:
    // Reads every stored fact value of every plan id, the latest run per plan id and plan year.
    // Throws InputError (exit 2) for a file that does not exist or is not a vetcheck results
    // database of schema version 2 or later (version 1 stored no values).
    explicit HistoryFigures(const std::string& path);

    // Adds to each fact `plan` gives the figures of its plan id's earlier plan years, each as a
    // figure of that year, for every year the plan does not give itself: the plan's own figure
    // wins, and a year no run stored stays missing. Facts the plan does not give are not added.
    void add_to(Plan& plan) const;

  private:
    struct Stored {
        std::string key;
        Rational value;
        bool yes_no = false;
    };
    std::string path_;
    // plan id → plan year → subject id → the facts stored for it
    std::map<std::string, std::map<int, std::map<std::string, std::vector<Stored>>>> figures_;
};

}  // namespace vetcheck
