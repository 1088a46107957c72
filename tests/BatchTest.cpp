#include <catch2/catch.hpp>

#include <regex>
#include <string>
#include <vector>

#include "vetcheck/engine/batch.hpp"

using namespace vetcheck;

namespace {

std::string source(const std::string& path) {
    return std::string(VETCHECK_SOURCE_DIR) + "/" + path;
}

// What a batch hands over, in the order it hands it over.
struct Delivered {
    std::vector<std::string> order;  // "report <file> <rendered>" or "failure <file>"
};

Delivered run(const std::vector<std::string>& paths, unsigned jobs, bool render) {
    Catalog catalog;
    Delivered d;
    BatchOptions options;
    options.jobs = jobs;
    if (render)
        options.render = [](const PlanReport& r) {
            return r.plan->name + " " + std::to_string(r.results.size());
        };
    options.on_report = [&](PlanReport&& r, std::string&& rendered) {
        d.order.push_back("report " + r.plan->file + " " + rendered);
    };
    options.on_failure = [&](InputFailure&& f) {
        d.order.push_back("failure " + f.error.where().file.str());
    };
    BatchOutcome kept = check_files(paths, catalog, options);
    // Streamed outcomes are not also kept: memory stays flat however many plans there are.
    CHECK(kept.reports.empty());
    CHECK(kept.failures.empty());
    return d;
}

// The render above ends on the plan's number of results; it changes with the packs.
bool ends_with_result_count(const std::string& delivered) {
    return std::regex_search(delivered, std::regex(" [1-9][0-9]*$"));
}

}  // namespace

TEST_CASE("Batch: outcomes come in input order whatever the number of threads", "[batch]") {
    std::vector<std::string> paths;
    for (int i = 0; i < 6; ++i) {
        paths.push_back(source("examples/school-pass.yaml"));
        paths.push_back(source("tests/cli/cases/bad-eighty.yaml"));
        paths.push_back(source("examples/xx-city.yaml"));
        paths.push_back(source("examples/schools.csv"));  // several reports from one input
    }
    Delivered one = run(paths, 1, false);
    REQUIRE(one.order.size() > paths.size());
    CHECK(one.order[0] == "report " + paths[0] + " ");
    CHECK(one.order[1] == "failure " + paths[1]);
    Delivered rendered = run(paths, 2, true);
    CHECK(ends_with_result_count(rendered.order[0]));
    for (unsigned jobs : {2u, 3u, 8u}) {
        CHECK(run(paths, jobs, false).order == one.order);
        CHECK(run(paths, jobs, true).order == rendered.order);
    }
}

TEST_CASE("Batch: render runs for each plan and its text reaches on_report", "[batch]") {
    std::vector<std::string> paths = {source("examples/school-pass.yaml"),
                                      source("examples/school-fail.yaml")};
    Delivered with = run(paths, 2, true);
    REQUIRE(with.order.size() == 2);
    CHECK(ends_with_result_count(with.order[0]));  // plan name and its result count
    CHECK(with.order[0].find("school-pass.yaml ") != std::string::npos);
    Delivered without = run(paths, 2, false);
    REQUIRE(without.order.size() == 2);
    CHECK(without.order[0] == "report " + paths[0] + " ");  // nothing rendered
    // One thread does not render ahead: the caller writes the report itself.
    CHECK(run(paths, 1, true).order == without.order);
    CHECK(run({paths[0]}, 4, true).order == std::vector<std::string>{without.order[0]});
}
